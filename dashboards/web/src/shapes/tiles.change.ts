/**
 * What the overview's tiles say beyond their figure: the change against the previous period and against the
 * same dates a year earlier (from /v1/compare, whose tests say whether a change is real), worded by the
 * metric's direction. The verdict against the target is @servq/query-api's `verdictOf`, which the alerts share.
 */
import type { CompareAnswer, Direction, GroupFigure } from '../api.types.ts';

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

export function figureIn(answer: CompareAnswer | null, metric: string): GroupFigure | undefined {
  return answer?.metrics.find((m) => m.id === metric)?.all;
}
