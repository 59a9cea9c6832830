/**
 * Reading figures out of /v1/query answers: a cell is a `Figure` only for metric columns; key columns are
 * strings or numbers. Suppressed figures never yield a number.
 */
import type { Figure, MetricInfo, QueryAnswer, QueryCell } from './api.types.ts';

export function isFigure(cell: QueryCell | undefined): cell is Figure {
  return typeof cell === 'object' && cell !== null && 'suppressed' in cell && 'n' in cell;
}

/** The figure of a metric in a row, or an empty one when the answer lacks it. */
export function figureOf(row: Record<string, QueryCell> | undefined, metric: string): Figure {
  const cell = row?.[metric];
  return isFigure(cell) ? cell : { value: null, n: 0, target: null, suppressed: false };
}

/** A key column as text; null stays null (a value that was not recorded). */
export function keyOf(row: Record<string, QueryCell>, key: string): string | null {
  const cell = row[key];
  if (cell === null || cell === undefined || isFigure(cell)) return null;
  return String(cell);
}

/** The one row of an answer without dimensions or grain. */
export function totalRow(answer: QueryAnswer): Record<string, QueryCell> | undefined {
  return answer.rows[0];
}

export type Catalogue = ReadonlyMap<string, MetricInfo>;

export function catalogueOf(metrics: readonly MetricInfo[]): Catalogue {
  return new Map(metrics.map((m) => [m.id, m]));
}
