import { describe, expect, it } from 'vitest';
import {
  meanDifferenceP,
  meanInterval,
  medianRanks,
  normalCdf,
  proportionTrend,
  twoProportionP,
  wilsonInterval,
} from './stats.ts';

describe('wilsonInterval', () => {
  it('gives the textbook 95% interval for 8 of 10 (0.4902 to 0.9433)', () => {
    const interval = wilsonInterval(8, 10);
    expect(interval?.low).toBeCloseTo(0.4902, 4);
    expect(interval?.high).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] and is not degenerate at 0 of 20 (0 to 0.1611)', () => {
    const interval = wilsonInterval(0, 20);
    expect(interval?.low).toBe(0);
    expect(interval?.high).toBeCloseTo(0.1611, 4);
  });

  it('has no interval for an empty sample', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('medianRanks', () => {
  it('bounds the median of 10 values by the 2nd and 9th (exact binomial, coverage 97.9%)', () => {
    expect(medianRanks(10)).toEqual({ lower: 2, upper: 9 });
  });

  it('bounds the median of 6 values by the extremes, and gives none for 5', () => {
    expect(medianRanks(6)).toEqual({ lower: 1, upper: 6 });
    expect(medianRanks(5)).toBeNull();
  });

  it('matches the published table for n = 100 (ranks 40 and 61)', () => {
    expect(medianRanks(100)).toEqual({ lower: 40, upper: 61 });
  });

  it('switches to the normal approximation for large n, symmetric around the middle', () => {
    const ranks = medianRanks(10_000);
    expect(ranks).toEqual({ lower: 4902, upper: 5099 });
  });
});

describe('tests of differences', () => {
  it('normalCdf(1.96) is 0.975', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });

  it('finds no difference between equal shares and a clear one between 90% and 50% of 100', () => {
    expect(twoProportionP(50, 100, 50, 100)).toBeCloseTo(1, 6);
    expect(twoProportionP(90, 100, 50, 100)).toBeLessThan(0.001);
  });

  it('computes the pooled z-test p-value for 60/100 vs 45/100 (z = 2.12, p = 0.034)', () => {
    expect(twoProportionP(60, 100, 45, 100)).toBeCloseTo(0.0339, 3);
  });

  it('tests means with Welch (4.5±1 vs 4.0±1, n = 100 each: z = 3.54)', () => {
    const p = meanDifferenceP({ mean: 4.5, variance: 1, n: 100 }, { mean: 4, variance: 1, n: 100 });
    expect(p).toBeCloseTo(0.0004, 4);
    expect(meanInterval(4.5, 1, 100)?.low).toBeCloseTo(4.304, 3);
  });
});

describe('proportionTrend', () => {
  it('finds the textbook Cochran–Armitage trend in 10, 20, 30 of 100 (z = 3.54, p = 0.0004, +10 points a period)', () => {
    const trend = proportionTrend([
      { successes: 10, n: 100 },
      { successes: 20, n: 100 },
      { successes: 30, n: 100 },
    ]);
    expect(trend?.slope).toBeCloseTo(0.1, 10);
    expect(trend?.p).toBeCloseTo(0.000407, 5);
  });

  it('finds no trend in a flat share, and none at all from one period', () => {
    expect(
      proportionTrend([
        { successes: 20, n: 100 },
        { successes: 40, n: 200 },
      ])?.p,
    ).toBeCloseTo(1, 6);
    expect(
      proportionTrend([
        { successes: 5, n: 10 },
        { successes: 0, n: 0 },
      ]),
    ).toBeNull();
  });
});
