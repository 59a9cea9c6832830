/**
 * Comparisons inside each value of another dimension: each office's service languages and channels, each tested
 * against the rest of that office, in one request (the Equal-service screen used to send ten /v1/compare calls,
 * one per office and dimension). Every comparison is `compare` itself (the metrics package's statements and
 * tests, the same suppression and Bonferroni flag), narrowed by `filter.<within>=<value>`; the values are
 * those recorded in the period, read with the metrics package's summary statement grouped by `within`.
 * A metric is compared by a dimension only where its model has that dimension (waits have no service channel:
 * every visit is served in person), so the answer holds only comparisons the data supports.
 */
import {
  COMPARISON_ALPHA,
  Dimensions,
  readSummaries,
  resolveDimension,
  resolveMetrics,
  summaryStatement,
  type Catalogue,
  type DimensionId,
} from '@servq/metrics';
import type { CompareWithinAnswer, Comparison } from '@servq/query-api';
import { compare, previousRange, type CompareRequest, type CompareStore } from './compare.ts';
import { shownFilters, type CompareWithinParams, type Filters } from './params.ts';

export interface CompareWithinRequest extends Omit<CompareWithinParams, 'against'> {
  against?: CompareWithinParams['against'];
  filters: Filters;
}

/** The values of `within` recorded in the period under the filters, over every metric's model that has it. */
async function valuesOf(
  store: CompareStore,
  catalogue: Catalogue,
  params: CompareWithinRequest,
  within: DimensionId,
): Promise<string[]> {
  const values = new Set<string>();
  const column = Dimensions[within].column;
  for (const metric of resolveMetrics(catalogue, params.metrics)) {
    const statement = summaryStatement({ metric, column, filters: params.filters }, params);
    const summaries = readSummaries(metric, statement, await store.query(statement.sql, statement.params));
    for (const [value, summary] of summaries.groups) if (value !== null && summary.n > 0) values.add(value);
  }
  return [...values].sort();
}

export async function compareWithin(
  store: CompareStore,
  catalogue: Catalogue,
  params: CompareWithinRequest,
): Promise<CompareWithinAnswer> {
  const metrics = resolveMetrics(catalogue, params.metrics);
  const within = resolveDimension(params.within, 'within', [...new Set(metrics.map((m) => m.model))]);
  for (const by of params.by) resolveDimension(by, 'by', []);
  const comparable = (by: string) =>
    metrics.filter((m) => (Dimensions[by as DimensionId].models as readonly string[]).includes(m.model));

  const comparisons = async (filters: Filters): Promise<Comparison[]> =>
    Promise.all(
      params.by.map(async (by) => {
        const ids = comparable(by).map((m) => m.id);
        if (ids.length === 0) return { by, metrics: [] };
        const request: CompareRequest = { ...params, by, metrics: ids, filters };
        return { by, metrics: (await compare(store, catalogue, request)).metrics };
      }),
    );

  const values = await valuesOf(store, catalogue, params, within);
  const [all, ...sections] = await Promise.all([
    comparisons(params.filters),
    ...values.map((value) => comparisons({ ...params.filters, [within]: [value] })),
  ]);
  return {
    freshness: store.getFreshness(),
    within,
    by: params.by,
    from: params.from,
    to: params.to,
    filters: shownFilters(params.filters),
    previous: previousRange(params),
    alpha: COMPARISON_ALPHA,
    all: all ?? [],
    sections: values.map((value, i) => ({ value, comparisons: sections[i] ?? [] })),
  };
}
