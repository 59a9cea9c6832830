/**
 * The overview's headline tiles from one /v1/query answer without dimensions: each metric's figure, its
 * target and whether it is met. A suppressed figure becomes "too few responses", never a number.
 */
import { HEADLINE_METRICS } from '@servq/query-api';
import type { Direction, QueryAnswer, Unit } from '../api.types.ts';
import { figureOf, totalRow, type Catalogue } from '../figures.ts';
import { targetStatus, type TargetStatus } from '../format.ts';
import type { Verdict } from '@servq/query-api';

// Defined with the overview's requests (@servq/query-api), which `pnpm bench` times as the page sends them.
export { HEADLINE_METRICS };

export interface Tile {
  id: string;
  unit: Unit;
  direction: Direction;
  value: number | null;
  n: number;
  target: number | null;
  status: TargetStatus;
  suppressed: boolean;
  minSample: number;
}

export function tilesOf(answer: QueryAnswer, catalogue: Catalogue, ids: readonly string[] = HEADLINE_METRICS): Tile[] {
  const row = totalRow(answer);
  return ids.flatMap((id) => {
    const metric = catalogue.get(id);
    if (!metric) return [];
    const figure = figureOf(row, id);
    const value = figure.suppressed ? null : figure.value;
    // An empty answer (no rows) still has the catalogue's target; counts of nothing are zero, not unknown.
    const target = row ? figure.target : metric.target.default;
    const shown = value ?? (row === undefined && metric.unit === 'count' ? 0 : null);
    return [
      {
        id,
        unit: metric.unit,
        direction: metric.direction,
        value: shown,
        n: figure.n,
        target,
        status: figure.suppressed ? 'none' : targetStatus(metric.direction, shown, target),
        suppressed: figure.suppressed,
        minSample: metric.minSample,
      },
    ];
  });
}

/** The colour a tile's top border takes: green on target, amber within noise of it, red off it, grey without. */
export type TileTone = 'met' | 'noise' | 'missed' | 'none';

/**
 * A tile's tone follows its verdict from the 95 % interval wherever there is one, so the border never says
 * "met" (or "missed") beside a verdict of "within noise of target"; without a verdict (counts, no comparison)
 * the point estimate's status is all that can be said.
 */
export function toneOf(status: TargetStatus, verdict: Verdict): TileTone {
  if (verdict === 'on') return 'met';
  if (verdict === 'noise') return 'noise';
  if (verdict === 'off') return 'missed';
  return status;
}
