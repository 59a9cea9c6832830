/**
 * Which period names a category axis shows when not all fit. ECharts' `hideOverlap` keeps the first names and
 * drops the ones that collide after them, so on a phone the last period, the partial "(nepilns)" one, lost its
 * name. Here names are counted back from the last period, so it always keeps its name, and a partial first
 * period keeps its name too (its nearest neighbour gives way instead). Pure, for the width a chart is drawn at.
 */
/** Room between two neighbouring names, px. */
const NAME_GAP = 10;

/** For each period, whether its name is shown on an axis `plotWidth` px wide (each period an equal band). */
export function periodNamesShown(
  names: readonly string[],
  partial: readonly boolean[],
  plotWidth: number,
  measure: (text: string) => number,
): boolean[] {
  const n = names.length;
  if (n === 0) return [];
  const band = Math.max(1, plotWidth / n);
  // A name on two lines ("Dec" over "(partial)") is as wide as its longer line.
  const widest = Math.max(...names.map((name) => Math.max(...name.split('\n').map((line) => measure(line)))));
  const step = Math.max(1, Math.ceil((widest + NAME_GAP) / band));
  const shown = names.map((_, i) => (n - 1 - i) % step === 0);
  if (partial[0] && !shown[0]) {
    shown[0] = true;
    const next = shown.indexOf(true, 1);
    if (next > 0 && next < step && next < n - 1) shown[next] = false;
  }
  return shown;
}
