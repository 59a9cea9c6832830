/**
 * Which period names a category axis shows when not all fit. ECharts' `hideOverlap` keeps the first names and
 * drops the ones that collide after them, so on a phone the last period, the partial "(nepilns)" one, lost its
 * name. Here names are counted back from the last period, so it always keeps its name, and a partial first
 * period keeps its name too (the nearest names that would touch it give way instead). Pure, for the width a
 * chart is drawn at.
 */
import { wrapWords } from './name.bands.ts';

/** Room between two neighbouring names, px. */
const NAME_GAP = 10;

/**
 * A partial first or last period always keeps its name; the nearest shown names that would touch it (`apart`
 * says whether two names have room between them) give way instead. Changes and returns `shown`.
 */
function withPartialEnds(
  shown: boolean[],
  partial: readonly boolean[],
  apart: (i: number, j: number) => boolean,
): boolean[] {
  const n = shown.length;
  for (const end of [n - 1, 0]) {
    if (!partial[end]) continue;
    shown[end] = true;
    const inwards = end === 0 ? 1 : -1;
    for (let j = end + inwards; j > 0 && j < n - 1; j += inwards) {
      if (!shown[j]) continue;
      if (apart(end, j)) break;
      shown[j] = false;
    }
  }
  return shown;
}

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
  // Two names meet only where lines at the same height meet: a partial end's wide note lines under its short name
  // ("dec." over "(nepilns," …) lie below a one-line neighbour ("nov."), which keeps its name. Compared whole, the
  // last month's "(nepilns, par maz atbilžu)" had dropped October's and November's names.
  const lineWidths = names.map((name) => name.split('\n').map((line) => measure(line)));
  const clear = (i: number, j: number) =>
    (lineWidths[i] ?? []).every((width, k) => {
      const other = lineWidths[j]?.[k];
      return other === undefined || Math.abs(i - j) * band >= (width + other) / 2 + NAME_GAP;
    });
  // Every `step`-th name back from the last, the smallest step at which each whole period's name has room beside
  // the next one shown: the names themselves, not the widest of them, set it ("maijs" beside "jūn." fits where two
  // "maijs" would not, and one chart of a pair had named every other month). The partial ends' wider lines would
  // thin out every name on the axis; room is made beside them alone, below.
  const whole = names.map((_, i) => i).filter((i) => !partial[i]);
  const fits = (step: number) => {
    const kept = whole.filter((i) => (n - 1 - i) % step === 0);
    return kept.every((i, k) => k === 0 || clear(kept[k - 1]!, i));
  };
  let step = 1;
  while (step < n && !fits(step)) step += 1;
  const shown = names.map((_, i) => (n - 1 - i) % step === 0);
  return withPartialEnds(shown, partial, clear);
}

/**
 * A period's note ("(nepilns, par maz atbilžu)") broken between words into lines about as wide as a period's band
 * (`band` px, less the room between names), never narrower than its longest word: written on one line, a note
 * several bands wide stood under its neighbours' names and took their room.
 */
export function wrapNote(note: string, band: number, measure: (text: string) => number): string {
  const words = note.split(/\s+/).filter(Boolean);
  const width = Math.max(band - NAME_GAP, ...words.map((word) => measure(word)));
  return wrapWords(note, width, measure).join('\n');
}

/** A period's name without its year ("maijs", "Q2") and its year. */
export interface PeriodParts {
  name: string;
  year: string;
}

/**
 * The names a narrow axis shows when the full ones ("marts 2026") leave only three of a year's months: the name
 * alone, with its year on a line beneath at the first name shown and wherever the year changes from the previous
 * name shown, so the year is still read; a partial period keeps its "(partial)" line last. Each name is returned
 * with every line it may carry (for measuring) and as drawn once `shown` is known.
 */
export function yearOnceNames(
  parts: readonly PeriodParts[],
  partialLines: readonly (string | undefined)[],
  shown?: readonly boolean[],
): string[] {
  let year: string | undefined;
  return parts.map((part, i) => {
    const withYear = shown === undefined || (shown[i] === true && part.year !== year);
    if (shown?.[i]) year = part.year;
    return [part.name, withYear ? part.year : undefined, partialLines[i]].filter(Boolean).join('\n');
  });
}

/** How a chart lays its period names: level or turned 45°, and which of them are shown. */
export interface PeriodNamesLayout {
  rotate: 0 | 45;
  shown: boolean[];
}

/**
 * The period names under vertical bars at a plot `plotWidth` px wide: level when every name fits so; where level
 * names would collide, turned 45° if `turn` (a desktop: office heads read every week, and turned names stand
 * closer), each name in its band; level names thinned otherwise (a phone, whose plot is too short for turned
 * ones). Turned names are parallel, a band × sin 45° apart, room for a line (`lineHeight`) and a little more;
 * where even that is short they are thinned from the last period back, which keeps its name. A partial end's
 * second line ("(partial)") is made room for beside it alone, as `periodNamesShown` does for level names.
 */
export function periodNamesLayout(
  names: readonly string[],
  partial: readonly boolean[],
  plotWidth: number,
  measure: (text: string) => number,
  options: { turn: boolean; lineHeight: number },
): PeriodNamesLayout {
  const level = periodNamesShown(names, partial, plotWidth, measure);
  if (!options.turn || level.every(Boolean)) return { rotate: 0, shown: level };
  const n = names.length;
  const apart = (Math.max(1, plotWidth / n) * Math.SQRT2) / 2;
  const lines = names.map((name) => name.split('\n').length);
  // Each turned name's first line is centred on its tick (`turnedName`) and its further lines lie towards
  // the next name on the right, so two names need the left one's lines of room between them, whatever the right's.
  const room = (i: number, j: number) =>
    Math.abs(i - j) * apart >= (lines[Math.min(i, j)] ?? 1) * options.lineHeight + TURNED_GAP;
  const whole = Math.max(1, ...lines.filter((_, i) => !partial[i]));
  const step = Math.max(1, Math.ceil((whole * options.lineHeight + TURNED_GAP) / apart));
  const shown = names.map((_, i) => (n - 1 - i) % step === 0);
  return { rotate: 45, shown: withPartialEnds(shown, partial, room) };
}

/** Room between two turned names, px. */
const TURNED_GAP = 2;

/**
 * A turned name as drawn: a name of more lines than one ("ned. 32" over "(nepilns)") gets as many blank lines
 * above it, so its first line lies where a one-line name's does, centred on its tick, and its further lines below.
 * ECharts centres a turned name's whole block on the tick (and ignores a padding there), which drew a partial
 * first week's name up the value axis, over its "0".
 */
export function turnedName(name: string): string {
  return '\n'.repeat(name.split('\n').length - 1) + name;
}
