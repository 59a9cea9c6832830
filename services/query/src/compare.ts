/**
 * Side-by-side comparisons (offices, languages or channels) for chosen metrics: each group's figure with a
 * 95% interval (Wilson for shares, order statistics for quantiles, normal for means and NPS), the all-group
 * figure, a test of each group against the rest of the groups (Bonferroni-corrected across groups, so a flag
 * means a difference that is statistically real) and the change against the previous period of equal length
 * with its own test (quantiles: the two-sample quantile test, Mood's median test for medians).
 * Groups below a metric's minimum sample are suppressed: no value, no interval, no flag. `filter.<dimension>`
 * narrows both periods exactly as in /v1/query (it used to be ignored, so a filtered comparison showed totals).
 */
import {
  Dimensions,
  meanDifferenceP,
  meanInterval,
  medianRanks,
  quoteIdent,
  resolveDimension,
  resolveMetrics,
  SqlParams,
  targetFor,
  twoProportionP,
  twoSidedP,
  whereSql,
  wilsonInterval,
  Z95,
  type Catalogue,
  type Interval,
  type MetricDefinition,
} from '@servq/metrics';
import type { CompareAnswer, Freshness, GroupFigure, MetricComparison } from '@servq/query-api';
import { addDays } from './contracts.adapter.ts';
import type { CompareParams } from './params.ts';
import { toNumber } from './query.service.ts';

export interface CompareStore {
  query(sql: string, params: readonly string[]): Promise<Record<string, unknown>[]>;
  getFreshness(): Freshness;
}

/** Sufficient statistics of one group (or of all groups) for one metric. */
interface Summary {
  n: number;
  value: number | null;
  interval: Interval | null;
  /** For tests: successes (shares), sum and sum of squares (means), promoters and detractors (NPS). */
  a: number;
  b: number;
}

const ALPHA = 0.05;

function summarySelects(metric: MetricDefinition): string {
  const m = metric.measure;
  switch (m.kind) {
    case 'share':
      return `count(*) FILTER (WHERE (${m.among}) AND (${m.success})) AS a, count(*) FILTER (WHERE ${m.among}) AS n, 0 AS b`;
    case 'mean':
      return `sum(${m.value}) AS a, sum(${m.value} * ${m.value}) AS b, count(${m.value}) AS n`;
    case 'nps':
      return `count(*) FILTER (WHERE ${m.value} >= 9) AS a, count(*) FILTER (WHERE ${m.value} <= 6) AS b, count(${m.value}) AS n`;
    case 'quantile':
      return `quantile_cont(${m.value}, ${m.p}) AS v, count(${m.value}) AS n, 0 AS a, 0 AS b`;
    case 'count':
      return `${m.where ? `count(*) FILTER (WHERE ${m.where})` : 'count(*)'} AS v, 0 AS a, 0 AS b, 0 AS n`;
    case 'max':
      return `max(${m.value})${m.where ? ` FILTER (WHERE ${m.where})` : ''} AS v, 0 AS a, 0 AS b, 0 AS n`;
  }
}

function summarise(metric: MetricDefinition, row: Record<string, unknown>): Summary {
  const n = toNumber(row.n) ?? 0;
  const a = toNumber(row.a) ?? 0;
  const b = toNumber(row.b) ?? 0;
  const m = metric.measure;
  switch (m.kind) {
    case 'share':
      return { n, a, b, value: n > 0 ? a / n : null, interval: wilsonInterval(a, n) };
    case 'mean': {
      const mean = n > 0 ? a / n : null;
      const variance = n > 1 && mean !== null ? (b - n * mean * mean) / (n - 1) : 0;
      return { n, a, b, value: mean, interval: mean === null ? null : meanInterval(mean, variance, n) };
    }
    case 'nps': {
      if (n === 0) return { n, a, b, value: null, interval: null };
      const p = a / n;
      const d = b / n;
      const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
      const value = 100 * (p - d);
      return { n, a, b, value, interval: { low: value - Z95 * se, high: value + Z95 * se } };
    }
    case 'quantile':
      return { n, a, b, value: toNumber(row.v), interval: null };
    case 'count':
    case 'max': {
      const value = toNumber(row.v) ?? (m.kind === 'count' ? 0 : null);
      return { n: m.kind === 'count' ? (value ?? 0) : n, a, b, value, interval: null };
    }
  }
}

/** p-value of the difference between two summaries of the same metric, where a test applies. */
function differenceP(metric: MetricDefinition, x: Summary, y: Summary): number | null {
  const m = metric.measure;
  if (m.kind === 'share') return twoProportionP(x.a, x.n, y.a, y.n);
  if (m.kind === 'mean') {
    const stats = (s: Summary) => {
      const mean = s.n > 0 ? s.a / s.n : 0;
      return { mean, variance: s.n > 1 ? (s.b - s.n * mean * mean) / (s.n - 1) : 0, n: s.n };
    };
    return meanDifferenceP(stats(x), stats(y));
  }
  if (m.kind === 'nps' && x.n > 0 && y.n > 0 && x.value !== null && y.value !== null) {
    const variance = (s: Summary) => {
      const p = s.a / s.n;
      const d = s.b / s.n;
      return (10_000 * (p + d - (p - d) ** 2)) / s.n;
    };
    const se = Math.sqrt(variance(x) + variance(y));
    return se === 0 ? (x.value === y.value ? 1 : 0) : twoSidedP((x.value - y.value) / se);
  }
  return null;
}

const rest = (total: Summary, group: Summary): Summary => ({
  n: total.n - group.n,
  a: total.a - group.a,
  b: total.b - group.b,
  value: null,
  interval: null,
});

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A comparison: the validated query string and its `filter.<dimension>` entries (as in /v1/query). */
export interface CompareRequest extends CompareParams {
  filters: Record<string, string[]>;
}

export async function compare(
  store: CompareStore,
  catalogue: Catalogue,
  params: CompareRequest,
): Promise<CompareAnswer> {
  const metrics = resolveMetrics(catalogue, params.metrics);
  const by = resolveDimension(params.by, 'by', [...new Set(metrics.map((m) => m.model))]);
  const length = daysBetween(params.from, params.to);
  const previous = { from: addDays(params.from, -(length + 1)), to: addDays(params.from, -1) };
  const column = Dimensions[by].column;

  const results: MetricComparison[] = [];
  for (const metric of metrics) {
    const summaries = async (range: { from: string; to: string }) => {
      const p = new SqlParams();
      const where = whereSql({ ...range, filters: params.filters }, [metric.model], p);
      const rows = await store.query(
        `SELECT CAST(${column} AS VARCHAR) AS g, grouping(${column}) AS is_total, ${summarySelects(metric)}
         FROM ${quoteIdent(metric.model)} WHERE ${where.join(' AND ')}
         GROUP BY GROUPING SETS ((${column}), ()) ORDER BY is_total DESC, g NULLS LAST`,
        p.values,
      );
      const total = rows.find((r) => toNumber(r.is_total) === 1);
      const groups = new Map<string | null, Summary>();
      for (const r of rows)
        if (toNumber(r.is_total) !== 1) groups.set((r.g as string | null) ?? null, summarise(metric, r));
      return { total: total ? summarise(metric, total) : summarise(metric, {}), groups, where, params: p.values };
    };
    const current = await summaries(params);
    const before = await summaries(previous);
    const quantileChange =
      metric.measure.kind === 'quantile'
        ? await quantileChangeP(store, metric, column, params.filters, params, previous)
        : undefined;
    if (metric.measure.kind === 'quantile') await addQuantileStatistics(store, metric, column, current);

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
      const others = rest(current.total, s);
      const p =
        metric.measure.kind === 'quantile'
          ? ((s as QuantileSummary).restP ?? null)
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
    filters: params.filters,
    previous,
    alpha: ALPHA,
    metrics: results,
  };
}

/**
 * Group keys for the all-group figure and a missing group value. Printable on purpose: DuckDB reads SQL text
 * as a C string, so a NUL inside a literal ends the statement (every quantile comparison used to fail so).
 */
const ALL_GROUPS = '<all>';
const NULL_GROUP = '<null>';

/**
 * Period-over-period test of a quantile metric, per group and for all groups: the two-sample quantile test.
 * Both periods' values are pooled, the pooled p-quantile is taken, and the shares of each period's values
 * strictly above it are compared with the two-proportion z-test. For the median this is Mood's median test;
 * if both periods share one distribution, each has the same chance to lie above the pooled quantile.
 * Keyed by group (NULL_GROUP for a missing value, ALL_GROUPS for the all-group figure).
 */
async function quantileChangeP(
  store: CompareStore,
  metric: MetricDefinition,
  column: string,
  filters: Record<string, string[]>,
  current: { from: string; to: string },
  previous: { from: string; to: string },
): Promise<Map<string, number | null>> {
  if (metric.measure.kind !== 'quantile') return new Map();
  const { value, p } = metric.measure;
  const params = new SqlParams();
  const table = quoteIdent(metric.model);
  const side = (range: { from: string; to: string }, isCurrent: boolean) =>
    `SELECT coalesce(CAST(${column} AS VARCHAR), '${NULL_GROUP}') AS g, ${value} AS v, ${isCurrent} AS cur
     FROM ${table} WHERE ${whereSql({ ...range, filters }, [metric.model], params).join(' AND ')} AND ${value} IS NOT NULL`;
  // Each value once: the groups' quantiles and the all-group one from one GROUPING SETS aggregate, and each
  // value counted against both (stacking every value a second time under the all-group key took 1.5× as long).
  const rows = await store.query(
    `WITH s AS (${side(current, true)} UNION ALL ${side(previous, false)}),
       q AS (SELECT g, grouping(g) AS is_all, quantile_cont(v, ${Number(p)}) AS q FROM s GROUP BY GROUPING SETS ((g), ())),
       gq AS (SELECT g, q FROM q WHERE is_all = 0),
       aq AS (SELECT q FROM q WHERE is_all = 1)
     SELECT s.g, count(*) FILTER (WHERE cur AND v > gq.q) AS a1, count(*) FILTER (WHERE cur) AS n1,
       count(*) FILTER (WHERE NOT cur AND v > gq.q) AS a2, count(*) FILTER (WHERE NOT cur) AS n2,
       count(*) FILTER (WHERE cur AND v > aq.q) AS all_a1, count(*) FILTER (WHERE NOT cur AND v > aq.q) AS all_a2
     FROM s JOIN gq ON s.g = gq.g CROSS JOIN aq GROUP BY s.g`,
    params.values,
  );
  const n = (v: unknown) => toNumber(v) ?? 0;
  const sum = (column: string) => rows.reduce((total, r) => total + n(r[column]), 0);
  const changes = new Map(rows.map((r) => [r.g as string, twoProportionP(n(r.a1), n(r.n1), n(r.a2), n(r.n2))]));
  changes.set(ALL_GROUPS, twoProportionP(sum('all_a1'), sum('n1'), sum('all_a2'), sum('n2')));
  return changes;
}

/**
 * The fraction for which `quantile_disc` over n values gives the k-th smallest. DuckDB takes the value at
 * 0-based index ceil(n·q) − 1, in integer arithmetic for a DECIMAL q; q = (k − ½)/n to 18 places keeps n·q
 * within ½ of k − ½ for any n below 10^15, so the index is exactly k − 1. One `quantile_disc` per group
 * (a selection, not a sort) took 0.13 s where a window numbering every value in order took 0.39 s, for
 * 1.45 million service times in four offices.
 */
function rankFraction(k: number, n: number): string {
  return `${((k - 0.5) / n).toFixed(18)}::DECIMAL(38, 18)`;
}

interface QuantileSummary extends Summary {
  restP?: number | null;
}

/**
 * Intervals of quantiles from order statistics (exact binomial ranks for the median), and Mood's test of each
 * group against the rest: the share of each above the all-group quantile.
 */
async function addQuantileStatistics(
  store: CompareStore,
  metric: MetricDefinition,
  column: string,
  current: { total: Summary; groups: Map<string | null, Summary>; where: string[]; params: string[] },
): Promise<void> {
  if (metric.measure.kind !== 'quantile') return;
  const { value, p } = metric.measure;
  const ranksFor = (n: number) => {
    if (p === 0.5) return medianRanks(n);
    if (n < 1) return null;
    const half = Z95 * Math.sqrt(n * p * (1 - p));
    const lower = Math.max(1, Math.floor(n * p - half));
    const upper = Math.min(n, Math.ceil(n * p + half) + 1);
    return lower < upper ? { lower, upper } : null;
  };
  const source = `SELECT coalesce(CAST(${column} AS VARCHAR), '${NULL_GROUP}') AS g, ${value} AS v FROM ${quoteIdent(metric.model)} WHERE ${current.where.join(' AND ')} AND ${value} IS NOT NULL`;
  const totalQ = current.total.value;
  // The all-group figure (no key: every value) and each group's.
  const targets = [[undefined, current.total] as const, ...current.groups.entries()].flatMap(([group, summary]) => {
    const ranks = ranksFor(summary.n);
    const key = group === undefined ? undefined : (group ?? NULL_GROUP);
    return ranks ? [{ summary, key, n: summary.n, ...ranks }] : [];
  });
  if (targets.length > 0) {
    const groupParams: string[] = [];
    const branches = targets.map((t, i) => {
      let where = '';
      if (t.key !== undefined) {
        groupParams.push(t.key);
        where = ` WHERE g = $${current.params.length + groupParams.length}`;
      }
      const fractions = `[${rankFraction(t.lower, t.n)}, ${rankFraction(t.upper, t.n)}]`;
      return `SELECT ${i} AS i, quantile_disc(v, ${fractions}) AS q FROM s${where}`;
    });
    const rows = await store.query(`WITH s AS (${source}) ${branches.join(' UNION ALL ')}`, [
      ...current.params,
      ...groupParams,
    ]);
    for (const row of rows) {
      const target = targets[toNumber(row.i) ?? -1];
      const [low, high] = Array.isArray(row.q) ? row.q.map(toNumber) : [];
      if (target && typeof low === 'number' && typeof high === 'number') target.summary.interval = { low, high };
    }
  }
  if (totalQ === null) return;
  const above = await store.query(
    `SELECT g, count(*) FILTER (WHERE v > ${Number(totalQ)}) AS above, count(*) AS n FROM (${source}) GROUP BY g`,
    current.params,
  );
  const counts = new Map(above.map((r) => [r.g as string, { above: toNumber(r.above) ?? 0, n: toNumber(r.n) ?? 0 }]));
  const totalAbove = [...counts.values()].reduce((sum, c) => sum + c.above, 0);
  const totalN = [...counts.values()].reduce((sum, c) => sum + c.n, 0);
  for (const [group, s] of current.groups) {
    const c = counts.get(group ?? NULL_GROUP);
    if (!c) continue;
    const restN = totalN - c.n;
    (s as QuantileSummary).restP =
      restN >= metric.minSample ? twoProportionP(c.above, c.n, totalAbove - c.above, restN) : null;
  }
}
