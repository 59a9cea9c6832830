/**
 * Catalogue queries with the page's filters applied as far as each metric allows: metrics are grouped by the
 * filters that apply to them, each group is asked for on its own, and the answers are merged row by row on
 * their key columns (period, office, …). A filter a metric cannot take is reported, never silently dropped.
 */
import type { QueryRequest } from './api.ts';
import type { QueryAnswer, QueryCell } from './api.types.ts';
import { isFigure } from './figures.ts';
import { scopeFilters } from './filter.scope.ts';
import type { FilterDimension } from './filters.ts';
import type { ViewContext } from './view.ts';

function rowKey(row: Record<string, QueryCell>): string {
  return JSON.stringify(
    Object.entries(row)
      .filter(([, cell]) => !isFigure(cell))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** One answer from several over the same dimensions and grain: rows with equal key columns become one row. */
export function mergeAnswers(answers: readonly QueryAnswer[]): QueryAnswer {
  const [first, ...rest] = answers;
  if (!first) throw new Error('mergeAnswers needs at least one answer');
  if (rest.length === 0) return first;
  const rows = new Map<string, Record<string, QueryCell>>();
  for (const answer of answers)
    for (const row of answer.rows) {
      const key = rowKey(row);
      rows.set(key, { ...rows.get(key), ...row });
    }
  const newest = answers.reduce((a, b) => (b.freshness.dataVersion > a.freshness.dataVersion ? b : a));
  return {
    freshness: newest.freshness,
    query: { ...first.query, metrics: answers.flatMap((a) => a.query.metrics) },
    rows: [...rows.values()],
  };
}

export async function scopedQuery(
  ctx: ViewContext,
  request: Omit<QueryRequest, 'filters'>,
  exclude: readonly FilterDimension[] = [],
): Promise<QueryAnswer> {
  const groups = new Map<string, { filters: Record<string, string[]>; metrics: string[] }>();
  for (const metric of request.metrics) {
    const scoped = scopeFilters(ctx.filters, [metric], ctx.catalogue, ctx.dimensions, exclude);
    for (const dimension of scoped.skipped) ctx.skippedFilters.add(dimension);
    const key = JSON.stringify(scoped.filters);
    const group = groups.get(key) ?? { filters: scoped.filters, metrics: [] };
    group.metrics.push(metric);
    groups.set(key, group);
  }
  const answers = await Promise.all(
    [...groups.values()].map((g) => ctx.api.query({ ...request, metrics: g.metrics, filters: g.filters })),
  );
  return mergeAnswers(answers);
}
