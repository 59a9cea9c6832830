/**
 * The statistics behind honest comparisons: Wilson intervals for shares, distribution-free (order-statistic)
 * intervals for medians, normal intervals for means, and two-sided tests for differences. Pure functions on
 * counts and summaries; the query service computes those summaries in SQL.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for `successes` of `n` (null when n = 0). */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
  return 2 * (1 - normalCdf(Math.abs(z)));
}

/** Two-proportion z-test (pooled); p-value, or null when either sample is empty or there is no variance. */
export function twoProportionP(s1: number, n1: number, s2: number, n2: number): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (s1 + s2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return s1 / n1 === s2 / n2 ? 1 : 0;
  return twoSidedP((s1 / n1 - s2 / n2) / se);
}

/** Welch's test on two means with a normal reference (the samples are at least the metrics' minimum). */
export function meanDifferenceP(
  a: { mean: number; variance: number; n: number },
  b: { mean: number; variance: number; n: number },
): number | null {
  if (a.n < 2 || b.n < 2) return null;
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  if (se === 0) return a.mean === b.mean ? 1 : 0;
  return twoSidedP((a.mean - b.mean) / se);
}

/** Normal interval of a mean. */
export function meanInterval(mean: number, variance: number, n: number, z = Z95): Interval | null {
  if (n < 2) return null;
  const half = z * Math.sqrt(variance / n);
  return { low: mean - half, high: mean + half };
}

/**
 * 1-based ranks (lower, upper) of the order statistics that bound the median with at least 95% confidence:
 * the exact binomial(n, ½) construction up to n = 1000, its normal approximation beyond. Null when n is too
 * small for any such interval (n < 6).
 */
export function medianRanks(n: number, alpha = 0.05): { lower: number; upper: number } | null {
  if (n < 1) return null;
  if (n > 1000) {
    const half = (Z95 * Math.sqrt(n)) / 2;
    const lower = Math.max(1, Math.floor(n / 2 - half));
    return { lower, upper: n - lower + 1 };
  }
  // Largest l with P(X ≤ l − 1) ≤ α/2 for X ~ Bin(n, ½); the interval [x(l), x(n−l+1)].
  let pmf = Math.pow(0.5, n);
  let cdf = 0;
  let lower = 0;
  for (let k = 0; k < n; k += 1) {
    cdf += pmf;
    if (cdf > alpha / 2) break;
    lower = k + 1;
    pmf = (pmf * (n - k)) / (k + 1);
  }
  if (lower < 1) return null;
  return { lower, upper: n - lower + 1 };
}

/**
 * Mood's median test as a two-proportion test: the share of each sample above the pooled median.
 * `above` counts values strictly greater than the pooled median.
 */
export function medianDifferenceP(aAbove: number, aN: number, bAbove: number, bN: number): number | null {
  return twoProportionP(aAbove, aN, bAbove, bN);
}

/**
 * Trend of a share over ordered periods: the Cochran–Armitage test of a linear trend in proportions (periods
 * scored 0, 1, 2, …) and the least-squares slope of the share per period, each period weighted by its sample.
 * Null when fewer than two periods have a sample or every period has the same score.
 */
export function proportionTrend(
  groups: readonly { successes: number; n: number }[],
): { slope: number; p: number | null } | null {
  const used = groups.map((g, t) => ({ ...g, t })).filter((g) => g.n > 0);
  if (used.length < 2) return null;
  const total = used.reduce((s, g) => s + g.n, 0);
  const pooled = used.reduce((s, g) => s + g.successes, 0) / total;
  const tMean = used.reduce((s, g) => s + g.n * g.t, 0) / total;
  const sxx = used.reduce((s, g) => s + g.n * (g.t - tMean) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = used.reduce((s, g) => s + g.n * (g.t - tMean) * (g.successes / g.n - pooled), 0);
  const variance = pooled * (1 - pooled) * sxx;
  return { slope: sxy / sxx, p: variance > 0 ? twoSidedP(sxy / Math.sqrt(variance)) : null };
}
