/**
 * Which of the page's filters a query may carry: the API refuses a filter by a dimension that the metric's
 * model lacks (complaints have no service), so each panel takes the filters that apply to all its metrics and
 * says which it had to leave out.
 */
import type { DimensionInfo } from './api.types.ts';
import type { Catalogue } from './figures.ts';
import { FILTER_DIMENSIONS, type FilterDimension, type Filters } from './filters.ts';

export interface ScopedFilters {
  filters: Record<string, string[]>;
  /** Filters that are set but do not apply to these metrics. */
  skipped: FilterDimension[];
}

export function scopeFilters(
  filters: Filters,
  metrics: readonly string[],
  catalogue: Catalogue,
  dimensions: readonly DimensionInfo[],
  exclude: readonly string[] = [],
): ScopedFilters {
  const models = new Set(metrics.map((m) => catalogue.get(m)?.model).filter((m): m is string => m !== undefined));
  const scoped: ScopedFilters = { filters: {}, skipped: [] };
  for (const dimension of FILTER_DIMENSIONS) {
    const value = filters[dimension];
    if (!value || exclude.includes(dimension)) continue;
    const info = dimensions.find((d) => d.id === dimension);
    const applies = info !== undefined && [...models].every((m) => info.models.includes(m));
    if (applies) scoped.filters[dimension] = [value];
    else scoped.skipped.push(dimension);
  }
  return scoped;
}
