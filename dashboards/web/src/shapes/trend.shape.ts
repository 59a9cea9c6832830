/**
 * /v1/query answers with a grain → line series: one for all offices together and one per office, aligned on
 * the same sorted periods. A suppressed or missing period is a gap (null), never a zero, and keeps its sample
 * size so the table fallback can say "too few responses". Each point keeps the API's 95 % interval for the band.
 */
import type { Interval, QueryAnswer } from '../api.types.ts';
import { figureOf, keyOf } from '../figures.ts';

export interface TrendPoint {
  value: number | null;
  n: number;
  suppressed: boolean;
  /** The API's 95 % interval of the value; null where it gives none (suppressed, counts, quantiles). */
  interval: Interval | null;
}

export interface TrendSeries {
  /** `all` for the all-office line, else the office id. */
  key: string;
  points: TrendPoint[];
}

export interface Trend {
  metric: string;
  periods: string[];
  series: TrendSeries[];
}

const empty: TrendPoint = { value: null, n: 0, suppressed: false, interval: null };

function pointsOf(rows: QueryAnswer['rows'], metric: string, periods: readonly string[]): TrendPoint[] {
  const byPeriod = new Map<string, TrendPoint>();
  for (const row of rows) {
    const period = keyOf(row, 'period');
    if (period === null) continue;
    const figure = figureOf(row, metric);
    byPeriod.set(period, {
      value: figure.suppressed ? null : figure.value,
      n: figure.n,
      suppressed: figure.suppressed,
      interval: figure.suppressed ? null : (figure.interval ?? null),
    });
  }
  return periods.map((p) => byPeriod.get(p) ?? empty);
}

/**
 * @param all    the answer without dimensions (the all-office line), or null when the caller sees one office
 * @param byOffice the answer with `dimensions=office`, or null
 */
export function trendOf(metric: string, all: QueryAnswer | null, byOffice: QueryAnswer | null): Trend {
  const periods = new Set<string>();
  for (const answer of [all, byOffice])
    for (const row of answer?.rows ?? []) {
      const period = keyOf(row, 'period');
      if (period !== null) periods.add(period);
    }
  const sorted = [...periods].sort();
  const series: TrendSeries[] = [];
  if (all) series.push({ key: 'all', points: pointsOf(all.rows, metric, sorted) });
  if (byOffice) {
    const offices = [...new Set(byOffice.rows.map((r) => keyOf(r, 'office')))]
      .filter((o): o is string => o !== null)
      .sort();
    for (const office of offices) {
      const rows = byOffice.rows.filter((r) => keyOf(r, 'office') === office);
      series.push({ key: office, points: pointsOf(rows, metric, sorted) });
    }
  }
  return trimEmptyEnds({ metric, periods: sorted, series });
}

/** Periods before the first and after the last with any figure are dropped, so the axis spans the data only. */
function trimEmptyEnds(trend: Trend): Trend {
  const has = (i: number) => trend.series.some((s) => (s.points[i]?.n ?? 0) > 0 || s.points[i]?.suppressed);
  let start = 0;
  let end = trend.periods.length;
  while (start < end && !has(start)) start++;
  while (end > start && !has(end - 1)) end--;
  if (start === 0 && end === trend.periods.length) return trend;
  return {
    metric: trend.metric,
    periods: trend.periods.slice(start, end),
    series: trend.series.map((s) => ({ key: s.key, points: s.points.slice(start, end) })),
  };
}

/**
 * The lines a chart can draw and those it cannot: a series with no value left (every period below the minimum
 * sample, as a small office's weeks in its monthly report) would sit in the legend with nothing on the plot, so
 * it is named in the note instead, with its sample sizes. A series without any data is neither.
 */
export function drawnSeries(trend: Trend): {
  drawn: TrendSeries[];
  undrawn: { key: string; low: number; high: number }[];
} {
  const drawn = trend.series.filter((s) => s.points.some((p) => p.value !== null));
  const undrawn = trend.series
    .filter((s) => !drawn.includes(s) && s.points.some((p) => p.n > 0))
    .map((s) => {
      const sizes = s.points.filter((p) => p.n > 0).map((p) => p.n);
      return { key: s.key, low: Math.min(...sizes), high: Math.max(...sizes) };
    });
  return { drawn, undrawn };
}
