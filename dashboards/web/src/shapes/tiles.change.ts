/**
 * What the overview's tiles say beyond their figure: the change against the previous period and against the
 * same dates a year earlier (from /v1/compare, whose tests say whether a change is real), worded by the
 * metric's direction, and a verdict against the target that accounts for the figure's 95 % interval.
 */
import type { CompareAnswer, Direction, GroupFigure, Interval } from '../api.types.ts';

export type Verdict = 'on' | 'noise' | 'off' | 'none';
export type ChangeWay = 'better' | 'worse' | 'same' | 'neutral';

export interface TileChange {
  change: number | null;
  way: ChangeWay;
  significant: boolean;
  p: number | null;
  /** The earlier figure was too thin or missing: no change is stated (earlierGap says why). */
  noBase: boolean;
  previous: GroupFigure['previous'];
}

export function changeOf(figure: GroupFigure | undefined, direction: Direction): TileChange | null {
  if (!figure) return null;
  const change = figure.change;
  const way: ChangeWay =
    change === null || change === 0
      ? 'same'
      : direction === 'neutral'
        ? 'neutral'
        : change > 0 === (direction === 'higher_is_better')
          ? 'better'
          : 'worse';
  return {
    change,
    way,
    significant: figure.changeSignificant,
    p: figure.changePValue,
    noBase: figure.previous.suppressed || figure.previous.value === null,
    previous: figure.previous,
  };
}

/** What a verdict reads of a figure: /v1/compare's, or /v1/query's (whose interval is absent for counts). */
export type VerdictFigure = Pick<GroupFigure, 'value' | 'target' | 'suppressed'> & { interval?: Interval | null };

/**
 * On target when the whole interval meets the target, off when none of it does, within noise otherwise.
 * Without an interval (counts, or no test) the point decides, which is all that can be said.
 */
export function verdictOf(figure: VerdictFigure | undefined, direction: Direction): Verdict {
  if (!figure || figure.suppressed || figure.value === null || figure.target === null) return 'none';
  if (direction === 'neutral') return 'none';
  const meets = (v: number) =>
    direction === 'higher_is_better' ? v >= (figure.target ?? 0) : v <= (figure.target ?? 0);
  const low = figure.interval?.low ?? figure.value;
  const high = figure.interval?.high ?? figure.value;
  if (meets(low) && meets(high)) return 'on';
  if (!meets(low) && !meets(high)) return 'off';
  return 'noise';
}

export function figureIn(answer: CompareAnswer | null, metric: string): GroupFigure | undefined {
  return answer?.metrics.find((m) => m.id === metric)?.all;
}
