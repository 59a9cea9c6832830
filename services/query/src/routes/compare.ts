/**
 * Side-by-side comparisons (offices, languages or channels) for chosen metrics: each group's figure with a
 * 95% interval (Wilson for shares, order statistics for quantiles, normal for means and NPS), the all-group
 * figure, a test of each group against the rest of the groups (Bonferroni-corrected across groups, so a flag
 * means a difference that is statistically real) and the change against the previous period of equal length
 * with its own test (quantiles: the two-sample quantile test, Mood's median test for medians).
 * Groups below a metric's minimum sample are suppressed: no value, no interval, no flag. `filter.<dimension>`
 * narrows both periods exactly as in /v1/query (it used to be ignored, so a filtered comparison showed totals).
 * The statistics are the metrics package's (`comparison.ts`, each kind's in `measures.ts`): this module runs
 * the statements it compiles and assembles the answer (suppression, the Bonferroni flag, previous period).
 */
import {
  applyQuantileIntervals,
  ALL_GROUPS,
  COMPARISON_ALPHA,
  differenceP,
  Dimensions,
  NULL_GROUP,
  quantileAboveStatement,
  quantileChangeStatement,
  quantileIntervalStatement,
  readQuantileChange,
  readQuantileRestP,
  readSummaries,
  resolveDimension,
  resolveMetrics,
  restOf,
  summaryStatement,
  targetFor,
  type Catalogue,
  type CompiledStatement,
  type ComparedRange,
  type ComparisonScope,
  type Summary,
} from '@servq/metrics';
import type { CompareAnswer, Freshness, GroupFigure, MetricComparison } from '@servq/query-api';
import { addDays } from '../contracts.adapter.ts';
import { shownFilters, type CompareParams, type Filters } from './params.ts';

export interface CompareStore {
  query(sql: string, params: readonly string[]): Promise<Record<string, unknown>[]>;
  getFreshness(): Freshness;
}

const ALPHA = COMPARISON_ALPHA;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A comparison: the validated query string and its `filter.<dimension>` entries (as in /v1/query). */
export interface CompareRequest extends Omit<CompareParams, 'against' | 'groups'> {
  against?: CompareParams['against'];
  groups?: CompareParams['groups'];
  filters: Filters;
}

/** The same calendar date a year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: string): string {
  const [y = '0', m = '01', d = '01'] = date.split('-');
  const year = String(Number(y) - 1).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}

/** The period a comparison's figures are set against: the previous one of equal length, or a year earlier. */
export function previousRange(params: Pick<CompareRequest, 'from' | 'to' | 'against'>): ComparedRange {
  if (params.against === 'year') return { from: yearEarlier(params.from), to: yearEarlier(params.to) };
  const length = daysBetween(params.from, params.to);
  return { from: addDays(params.from, -(length + 1)), to: addDays(params.from, -1) };
}

export async function compare(
  store: CompareStore,
  catalogue: Catalogue,
  params: CompareRequest,
): Promise<CompareAnswer> {
  const metrics = resolveMetrics(catalogue, params.metrics);
  const by = resolveDimension(params.by, 'by', [...new Set(metrics.map((m) => m.model))]);
  const previous = previousRange(params);
  // Without groups, every statement runs over all rows at once: no group's figure, interval or tests.
  const column = params.groups === 'none' ? null : Dimensions[by].column;

  const results: MetricComparison[] = [];
  for (const metric of metrics) {
    const scope: ComparisonScope = { metric, column, filters: params.filters };
    const run = (statement: CompiledStatement) => store.query(statement.sql, statement.params);
    const summaries = async (range: ComparedRange) => {
      const statement = summaryStatement(scope, range);
      return readSummaries(metric, statement, await run(statement));
    };
    const current = await summaries(params);
    const before = await summaries(previous);
    const changeStatement = quantileChangeStatement(scope, params, previous);
    const quantileChange = changeStatement ? readQuantileChange(await run(changeStatement)) : undefined;
    const intervals = quantileIntervalStatement(scope, current);
    if (intervals) applyQuantileIntervals(intervals.targets, await run(intervals));
    const above = quantileAboveStatement(scope, current);
    const quantileRestP = above
      ? readQuantileRestP(metric, current, await run(above))
      : new Map<string | null, number | null>();

    const groupCount = current.groups.size;
    const figure = (
      group: string | null,
      s: Summary,
      prev: Summary | undefined,
      againstRest: number | null,
      target: number | null,
      /** The period-over-period p-value of a quantile metric, computed in SQL beforehand. */
      quantileChangeP?: number | null,
    ): GroupFigure => {
      const suppressed = s.n < metric.minSample;
      const prevSuppressed = (prev?.n ?? 0) < metric.minSample;
      const testable = !suppressed && !prevSuppressed && prev !== undefined;
      const changeP = !testable
        ? null
        : metric.measure.kind === 'quantile'
          ? (quantileChangeP ?? null)
          : differenceP(metric, s, prev);
      return {
        group,
        value: suppressed ? null : s.value,
        n: s.n,
        interval: suppressed ? null : s.interval,
        suppressed,
        target,
        pValue: suppressed ? null : againstRest,
        significant: !suppressed && againstRest !== null && againstRest < ALPHA / Math.max(1, groupCount),
        previous: { value: prevSuppressed ? null : (prev?.value ?? null), n: prev?.n ?? 0, suppressed: prevSuppressed },
        change:
          suppressed || prevSuppressed || s.value === null || prev?.value === null || prev === undefined
            ? null
            : s.value - prev.value,
        changePValue: changeP,
        changeSignificant: changeP !== null && changeP < ALPHA,
      };
    };
    const groups = [...current.groups.entries()].map(([group, s]) => {
      const others = restOf(current.total, s);
      const p =
        metric.measure.kind === 'quantile'
          ? (quantileRestP.get(group) ?? null)
          : others.n >= metric.minSample && others.n > 0
            ? differenceP(metric, s, others)
            : null;
      return figure(
        group,
        s,
        before.groups.get(group),
        p,
        targetFor(metric, by === 'office' && group ? group : undefined),
        quantileChange?.get(group ?? NULL_GROUP),
      );
    });
    results.push({
      id: metric.id,
      unit: metric.unit,
      direction: metric.direction,
      minSample: metric.minSample,
      all: figure(null, current.total, before.total, null, targetFor(metric), quantileChange?.get(ALL_GROUPS)),
      groups,
    });
  }
  return {
    freshness: store.getFreshness(),
    by,
    from: params.from,
    to: params.to,
    filters: shownFilters(params.filters),
    previous,
    alpha: ALPHA,
    metrics: results,
  };
}
