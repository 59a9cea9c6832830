/**
 * What drives overall satisfaction (GET /v1/drivers): for each of the standard's service dimensions, its
 * importance — the Pearson correlation of its score with overall satisfaction over the responses that answer
 * both, with a 95 % interval by Fisher's z — against its performance, the mean score with a normal interval.
 * A correlation is used rather than regression weights because the dimensions are strongly inter-correlated
 * and many responses skip some questions: each dimension then rests on all the responses that answered it.
 * One SQL pass over `surveys` computes every sum; the filters and dates travel as parameters.
 */
import { SqlParams, twoSidedP, whereSql, Z95, meanInterval } from '@servq/metrics';
import type { Driver, DriversAnswer, Freshness } from '@servq/query-api';
import { z } from 'zod';
import { SURVEY_DRIVERS, type SurveyDriver } from './contracts.adapter.ts';
import { toNumber } from './routes/metric.query.ts';
import type { Filters } from './routes/params.ts';

/** Responses a dimension needs before its figures are shown (as the catalogue's satisfaction metrics). */
export const DRIVER_MIN_SAMPLE = 30;

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD (Europe/Riga)' });
export const DriversParams = z.object({
  from: isoDate.describe('first day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  to: isoDate.describe('last day, inclusive (YYYY-MM-DD, Europe/Riga)'),
});
export type DriversParams = z.infer<typeof DriversParams>;

const DIMENSIONS = Object.keys(SURVEY_DRIVERS) as SurveyDriver[];

export function driversSql(request: DriversParams & { filters: Filters }): {
  sql: string;
  params: string[];
} {
  const params = new SqlParams();
  const where = whereSql(request, ['surveys'], params);
  const per = DIMENSIONS.map((d) => {
    const both = `${d} IS NOT NULL AND satisfaction IS NOT NULL`;
    return [
      `count(*) FILTER (WHERE ${both}) AS ${d}_n`,
      `avg(${d}) FILTER (WHERE ${both}) AS ${d}_mean`,
      `var_samp(${d}) FILTER (WHERE ${both}) AS ${d}_var`,
      `corr(satisfaction, ${d}) AS ${d}_r`,
    ].join(',\n  ');
  });
  const sql = `SELECT count(satisfaction) AS satisfaction_n, avg(satisfaction) AS satisfaction_mean,
  ${per.join(',\n  ')}
FROM surveys
WHERE ${where.join('\n  AND ')}`;
  return { sql, params: params.values };
}

/** Fisher's z interval of a correlation; null where it is undefined (n ≤ 3 or |r| = 1). */
export function fisherInterval(r: number, n: number, z = Z95): { lower: number; upper: number } | null {
  if (n <= 3 || !(Math.abs(r) < 1)) return null;
  const centre = Math.atanh(r);
  const se = 1 / Math.sqrt(n - 3);
  return { lower: Math.tanh(centre - z * se), upper: Math.tanh(centre + z * se) };
}

export function correlationP(r: number, n: number): number | null {
  if (n <= 3 || !(Math.abs(r) < 1)) return null;
  return twoSidedP(Math.atanh(r) * Math.sqrt(n - 3));
}

export function driverOf(dimension: SurveyDriver, row: Record<string, unknown>, minSample: number): Driver {
  const n = toNumber(row[`${dimension}_n`]) ?? 0;
  const mean = toNumber(row[`${dimension}_mean`]);
  const variance = toNumber(row[`${dimension}_var`]);
  // corr() is NaN (null here) when a score never varies: no measurable effect, reported as no figure.
  const r = toNumber(row[`${dimension}_r`]);
  const suppressed = n < minSample;
  const shown = !suppressed;
  const interval = shown && mean !== null && variance !== null ? meanInterval(mean, variance, n) : null;
  return {
    dimension,
    label: { ...SURVEY_DRIVERS[dimension] },
    n,
    suppressed,
    performance: shown ? mean : null,
    performanceInterval: interval ? { lower: interval.low, upper: interval.high } : null,
    importance: shown ? r : null,
    importanceInterval: shown && r !== null ? fisherInterval(r, n) : null,
    p: shown && r !== null ? correlationP(r, n) : null,
  };
}

export function driversAnswer(
  request: DriversParams,
  row: Record<string, unknown>,
  freshness: Freshness,
  minSample = DRIVER_MIN_SAMPLE,
): DriversAnswer {
  return {
    freshness,
    from: request.from,
    to: request.to,
    minSample,
    satisfaction: {
      mean: toNumber(row.satisfaction_mean),
      n: toNumber(row.satisfaction_n) ?? 0,
    },
    drivers: DIMENSIONS.map((d) => driverOf(d, row, minSample)),
  };
}
