/**
 * Every measure kind once: what it measures (the figure's SQL and its sample's), the sufficient statistics a
 * comparison aggregates per group, the figure and its 95 % interval from them, and the test of a difference
 * between two groups or periods. The query compiler (`compiler.ts`) and the comparison compiler
 * (`comparison.ts`) read these; a new kind is added here and the type system lists what else it needs.
 * Pure: SQL text and arithmetic, nothing runs SQL.
 */
import {
  meanDifferenceP,
  meanInterval,
  twoProportionP,
  twoSidedP,
  wilsonInterval,
  Z95,
  type Interval,
} from './stats.ts';

/** The units a metric's figure is read in; the API's schema is built from this list. */
export const Units = ['count', 'share', 'score_1_5', 'nps', 'minutes', 'working_days', 'days'] as const;
export type Unit = (typeof Units)[number];
/**
 * The ends a figure in each unit can reach (null: unbounded). A target at an end is a rule about every case (all
 * complaints answered in time, none past the deadline), which no interval around a figure can lie wholly beyond.
 */
export const UnitScales: { [U in Unit]: { min: number | null; max: number | null } } = {
  count: { min: 0, max: null },
  share: { min: 0, max: 1 },
  score_1_5: { min: 1, max: 5 },
  nps: { min: -100, max: 100 },
  minutes: { min: 0, max: null },
  working_days: { min: 0, max: null },
  days: { min: 0, max: null },
};
/** Which way a figure is better; the API's schema is built from this list. */
export const Directions = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type Direction = (typeof Directions)[number];

export type Measure =
  /** Rows that meet `where` (all rows when absent). */
  | { kind: 'count'; where?: string }
  /** Share of the rows meeting `among` that also meet `success`. */
  | { kind: 'share'; success: string; among: string }
  | { kind: 'mean'; value: string }
  /** Continuous (interpolated) quantile `p` of `value`. */
  | { kind: 'quantile'; value: string; p: number }
  /** Net promoter score of a 0–10 answer: % of 9–10 minus % of 0–6. */
  | { kind: 'nps'; value: string }
  | { kind: 'max'; value: string; where?: string };
export type MeasureKind = Measure['kind'];

/** One group's (or all groups') sufficient statistics, as a comparison's SQL returns them (`v, a, b, n`). */
export interface SummaryRow {
  /** The figure where SQL computes it directly (quantile, count, max); null otherwise. */
  v: number | null;
  /** Successes (share), sum (mean), promoters (NPS). */
  a: number;
  /** Sum of squares (mean), detractors (NPS). */
  b: number;
  /** The sample (rows measured). */
  n: number;
}

/** A group's figure with its sufficient statistics, which tests of differences read. */
export interface Summary {
  n: number;
  value: number | null;
  interval: Interval | null;
  a: number;
  b: number;
}

export interface MeasureDefinition<M extends Measure> {
  /** The SQL of the figure, an aggregate over the model's rows. */
  figureSql(measure: M): string;
  /** The SQL of the number of rows the figure rests on. */
  sampleSql(measure: M): string;
  /** The aggregates `a, b, n` (and `v` where the figure is computed in SQL) a comparison reads per group. */
  summarySql(measure: M): string;
  /** The figure and its 95 % interval from a group's statistics (quantiles: the interval comes from SQL). */
  summarise(measure: M, row: SummaryRow): Summary;
  /**
   * One more aggregate a figure's 95 % interval needs beyond the figure and its sample (a variance), or null
   * when the figure and sample suffice (shares) or this kind has no interval in a query (see `intervalOf`).
   */
  spreadSql(measure: M): string | null;
  /**
   * The 95 % interval of a query's figure from the figure, its sample and `spreadSql`'s value, by the same
   * method a comparison uses (`summarise`); null where the kind has none per query (counts, maxima, and
   * quantiles, whose order-statistic interval needs the values: /v1/compare gives it).
   */
  intervalOf(measure: M, figure: { value: number | null; n: number; spread: number | null }): Interval | null;
  /**
   * Two-sided p-value of the difference between two summaries, or null where this kind has no test from
   * summaries (quantiles are tested in SQL: `comparison.ts`; counts and maxima are not tested).
   */
  differenceP(measure: M, x: Summary, y: Summary): number | null;
}

const whereFilter = (where: string | undefined): string => (where ? ` FILTER (WHERE ${where})` : '');
const countWhere = (where: string | undefined): string => (where ? `count(*) FILTER (WHERE ${where})` : 'count(*)');
const noTest = (): null => null;
const noSpread = (): null => null;
const noInterval = (): null => null;

/** An NPS answer scored as its contribution: +100 a promoter, −100 a detractor, 0 passive. */
const npsScoreSql = (value: string): string =>
  `CASE WHEN ${value} >= 9 THEN 100.0 WHEN ${value} <= 6 THEN -100.0 WHEN ${value} IS NOT NULL THEN 0.0 END`;

/** Sample variance from a sum and a sum of squares. */
function meanStats(s: Summary): { mean: number; variance: number; n: number } {
  const mean = s.n > 0 ? s.a / s.n : 0;
  return { mean, variance: s.n > 1 ? (s.b - s.n * mean * mean) / (s.n - 1) : 0, n: s.n };
}

/** Variance of an NPS (in points²) from promoters and detractors of n. */
function npsVariance(s: Summary): number {
  const p = s.a / s.n;
  const d = s.b / s.n;
  return (10_000 * (p + d - (p - d) ** 2)) / s.n;
}

export const Measures: { [K in MeasureKind]: MeasureDefinition<Extract<Measure, { kind: K }>> } = {
  count: {
    figureSql: (m) => countWhere(m.where),
    sampleSql: (m) => countWhere(m.where),
    summarySql: (m) => `${countWhere(m.where)} AS v, 0 AS a, 0 AS b, 0 AS n`,
    summarise: (_m, { v, a, b }) => {
      const value = v ?? 0;
      return { n: value, a, b, value, interval: null };
    },
    spreadSql: noSpread,
    intervalOf: noInterval,
    differenceP: noTest,
  },
  share: {
    figureSql: (m) => `avg(CASE WHEN ${m.success} THEN 1.0 ELSE 0.0 END) FILTER (WHERE ${m.among})`,
    sampleSql: (m) => `count(*) FILTER (WHERE ${m.among})`,
    summarySql: (m) =>
      `count(*) FILTER (WHERE (${m.among}) AND (${m.success})) AS a, count(*) FILTER (WHERE ${m.among}) AS n, 0 AS b`,
    summarise: (_m, { n, a, b }) => ({ n, a, b, value: n > 0 ? a / n : null, interval: wilsonInterval(a, n) }),
    spreadSql: noSpread,
    // Successes are the share times its sample, an integer up to floating-point rounding.
    intervalOf: (_m, { value, n }) => (value === null ? null : wilsonInterval(Math.round(value * n), n)),
    differenceP: (_m, x, y) => twoProportionP(x.a, x.n, y.a, y.n),
  },
  mean: {
    figureSql: (m) => `avg(${m.value})`,
    sampleSql: (m) => `count(${m.value})`,
    summarySql: (m) => `sum(${m.value}) AS a, sum(${m.value} * ${m.value}) AS b, count(${m.value}) AS n`,
    summarise: (_m, { n, a, b }) => {
      const mean = n > 0 ? a / n : null;
      const variance = n > 1 && mean !== null ? (b - n * mean * mean) / (n - 1) : 0;
      return { n, a, b, value: mean, interval: mean === null ? null : meanInterval(mean, variance, n) };
    },
    spreadSql: (m) => `var_samp(${m.value})`,
    intervalOf: (_m, { value, n, spread }) => (value === null ? null : meanInterval(value, spread ?? 0, n)),
    differenceP: (_m, x, y) => meanDifferenceP(meanStats(x), meanStats(y)),
  },
  quantile: {
    figureSql: (m) => `quantile_cont(${m.value}, ${m.p})`,
    sampleSql: (m) => `count(${m.value})`,
    summarySql: (m) => `quantile_cont(${m.value}, ${m.p}) AS v, count(${m.value}) AS n, 0 AS a, 0 AS b`,
    summarise: (_m, { v, n, a, b }) => ({ n, a, b, value: v, interval: null }),
    spreadSql: noSpread,
    intervalOf: noInterval,
    differenceP: noTest,
  },
  nps: {
    figureSql: (m) =>
      `100.0 * (count(*) FILTER (WHERE ${m.value} >= 9) - count(*) FILTER (WHERE ${m.value} <= 6))` +
      ` / nullif(count(${m.value}), 0)`,
    sampleSql: (m) => `count(${m.value})`,
    summarySql: (m) =>
      `count(*) FILTER (WHERE ${m.value} >= 9) AS a, count(*) FILTER (WHERE ${m.value} <= 6) AS b, count(${m.value}) AS n`,
    summarise: (_m, { n, a, b }) => {
      if (n === 0) return { n, a, b, value: null, interval: null };
      const p = a / n;
      const d = b / n;
      const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
      const value = 100 * (p - d);
      return { n, a, b, value, interval: { low: value - Z95 * se, high: value + Z95 * se } };
    },
    // The population variance of the ±100 scores is 10 000·(p + d − (p − d)²), the variance `summarise` uses.
    spreadSql: (m) => `var_pop(${npsScoreSql(m.value)})`,
    intervalOf: (_m, { value, n, spread }) => {
      if (value === null || n === 0 || spread === null) return null;
      const half = Z95 * Math.sqrt(spread / n);
      return { low: value - half, high: value + half };
    },
    differenceP: (_m, x, y) => {
      if (x.n <= 0 || y.n <= 0 || x.value === null || y.value === null) return null;
      const se = Math.sqrt(npsVariance(x) + npsVariance(y));
      return se === 0 ? (x.value === y.value ? 1 : 0) : twoSidedP((x.value - y.value) / se);
    },
  },
  max: {
    figureSql: (m) => `max(${m.value})${whereFilter(m.where)}`,
    sampleSql: (m) => countWhere(m.where),
    summarySql: (m) => `max(${m.value})${whereFilter(m.where)} AS v, 0 AS a, 0 AS b, 0 AS n`,
    summarise: (_m, { v, n, a, b }) => ({ n, a, b, value: v, interval: null }),
    spreadSql: noSpread,
    intervalOf: noInterval,
    differenceP: noTest,
  },
};

/**
 * How a quantile figure is computed (DuckDB's `quantile_cont`, as `figureSql` says): said wherever a
 * percentile is shown, so a reader knows a median of 4 and 6 is 5, not 4 or 6.
 */
export const QUANTILE_METHOD = {
  lv: 'lineāra interpolācija starp diviem tuvākajiem rangiem',
  en: 'linear interpolation between the two nearest ranks',
} as const;

/** The definition of a measure's kind, typed for that measure. */
export function measureOf<M extends Measure>(measure: M): MeasureDefinition<M> {
  return Measures[measure.kind] as unknown as MeasureDefinition<M>;
}
