import { DuckDBInstance } from '@duckdb/node-api';
import { buildCatalogue, medianRanks, type Catalogue } from '@servq/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, yearEarlier, type CompareStore } from './compare.ts';

/**
 * Waits in minutes. Cēsis: March 10, 12, …, 24 (median 17); February 2, 4, …, 16 (median 9). Liepāja: the
 * same six waits, 5 … 10, in both periods. Worked by hand:
 *   Cēsis pooled (16 values): median (12 + 14) / 2 = 13; above it 6 of 8 in March, 2 of 8 in February;
 *     pooled share ½, se = √(¼ · (⅛ + ⅛)) = 0.25, z = (0.75 − 0.25) / 0.25 = 2, p = 2 · (1 − Φ(2)) = 0.0455.
 *   Liepāja: median 7.5, above it 3 of 6 in each period: z = 0, p = 1.
 *   All offices (28 values): median (9 + 10) / 2 = 9.5; above it 9 of 14 in March, 5 of 14 in February;
 *     se = √(¼ · 2/14) = 0.18898, z = (4/14) / 0.18898 = 1.5119, p = 0.1306. March median 11, February 8.
 */
const rows: [string, string, number][] = [
  ...[10, 12, 14, 16, 18, 20, 22, 24].map((w): [string, string, number] => ['cesis', '2026-03-10', w]),
  ...[2, 4, 6, 8, 10, 12, 14, 16].map((w): [string, string, number] => ['cesis', '2026-02-10', w]),
  ...[5, 6, 7, 8, 9, 10].flatMap((w): [string, string, number][] => [
    ['liepaja', '2026-03-11', w],
    ['liepaja', '2026-02-11', w],
  ]),
];

function catalogue(): Catalogue {
  const base = buildCatalogue({ waitTargetMinutes: 15 });
  return new Map([...base].map(([id, m]) => [id, { ...m, minSample: Math.min(m.minSample, 5) }]));
}

/** A visits table of (office, day, minutes) rows in its own in-memory DuckDB, and a compare store over it. */
async function visitsStore(column: 'wait_minutes' | 'service_minutes', visits: readonly [string, string, number][]) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `CREATE TABLE visits (office_id VARCHAR, language VARCHAR, channel VARCHAR, ${column} DOUBLE, event_date DATE)`,
  );
  const appender = await connection.createAppender('visits');
  for (const [office, day, minutes] of visits) {
    appender.appendVarchar(office);
    appender.appendVarchar('lv');
    appender.appendVarchar('in_person');
    appender.appendDouble(minutes);
    appender.appendVarchar(day);
    appender.endRow();
  }
  appender.closeSync();
  const store: CompareStore = {
    query: async (sql, params) => (await connection.runAndReadAll(sql, [...params])).getRowObjectsJson(),
    getFreshness: () => ({ newestEventAt: null, syncedAt: null, dataVersion: 1 }),
  };
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  return { store, close };
}

// Regression: quantile comparisons used to fail outright (a NUL in a SQL literal, a CTE named `both`).
describe('compare: previous-period change of quantile metrics', () => {
  let store: CompareStore;
  let close: () => void;

  beforeAll(async () => {
    ({ store, close } = await visitsStore('wait_minutes', rows));
  });

  afterAll(() => close());

  it('tests the change of a median with Mood’s median test (hand-computed p = 0.0455 and 1)', async () => {
    const answer = await compare(store, catalogue(), {
      metrics: ['wait_p50'],
      by: 'office',
      from: '2026-03-01',
      to: '2026-03-31',
      filters: {},
    });
    expect(answer.previous).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    const [metric] = answer.metrics;
    const cesis = metric?.groups.find((g) => g.group === 'cesis');
    expect(cesis).toMatchObject({ value: 17, previous: { value: 9, n: 8 }, change: 8, changeSignificant: true });
    expect(cesis?.changePValue).toBeCloseTo(0.0455, 4);
    const liepaja = metric?.groups.find((g) => g.group === 'liepaja');
    expect(liepaja).toMatchObject({ value: 7.5, change: 0, changeSignificant: false });
    expect(liepaja?.changePValue).toBeCloseTo(1, 6);
    expect(metric?.all).toMatchObject({
      value: 11,
      previous: { value: 8, n: 14 },
      change: 3,
      changeSignificant: false,
    });
    expect(metric?.all.changePValue).toBeCloseTo(0.1306, 3);
  });

  it('compares with the same dates a year earlier when asked (no data then: no change, never a zero)', async () => {
    const answer = await compare(store, catalogue(), {
      metrics: ['wait_p50'],
      by: 'office',
      from: '2026-03-01',
      to: '2026-03-31',
      against: 'year',
      filters: {},
    });
    expect(answer.previous).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(answer.metrics[0]?.all).toMatchObject({ value: 11, previous: { n: 0, suppressed: true }, change: null });
    expect(yearEarlier('2028-02-29')).toBe('2027-02-28');
  });

  it('tests the change of a 90th percentile against the pooled 90th percentile', async () => {
    const answer = await compare(store, catalogue(), {
      metrics: ['wait_p90'],
      by: 'office',
      from: '2026-03-01',
      to: '2026-03-31',
      filters: {},
    });
    // Cēsis pooled p90 (16 values, interpolated): 15 · 0.9 = 13.5 → 20 + 0.5 · (22 − 20) = 21; above it 2 of 8
    // in March (22, 24), 0 of 8 in February: pooled 1/8, se = √(1/8 · 7/8 · ¼) = 0.16536, z = 1.5119, p = 0.1306.
    const cesis = answer.metrics[0]?.groups.find((g) => g.group === 'cesis');
    expect(cesis?.changePValue).toBeCloseTo(0.1306, 3);
    expect(cesis?.changeSignificant).toBe(false);
  });

  /*
   * March. Exact binomial ranks for the median (Bin(n, ½), α/2 = 0.025): n = 8 → P(X ≤ 0) = 1/256 ≤ 0.025 <
   * P(X ≤ 1) = 9/256, so ranks 1 and 8: Cēsis [10, 24]; n = 6 → 1/64, then 7/64: ranks 1 and 6, Liepāja [5, 10];
   * all 14 values (5, 6, 7, 8, 9, 10, 10, 12, 14, …, 24) → P(X ≤ 2) = 106/16384 ≤ 0.025 < P(X ≤ 3) = 470/16384:
   * ranks 3 and 12, [7, 20]. Against the rest, at the all-office median 11: Cēsis 7 of 8 above, Liepāja 0 of 6;
   * pooled ½, se = √(¼ · (⅛ + ⅙)) = 0.27003, z = 0.875 / 0.27003 = 3.2404, p = 0.001194 for both.
   */
  it('gives a median exact order-statistic intervals and Mood’s test against the rest of the offices', async () => {
    const answer = await compare(store, catalogue(), {
      metrics: ['wait_p50'],
      by: 'office',
      from: '2026-03-01',
      to: '2026-03-31',
      filters: {},
    });
    const [metric] = answer.metrics;
    const cesis = metric?.groups.find((g) => g.group === 'cesis');
    const liepaja = metric?.groups.find((g) => g.group === 'liepaja');
    expect(cesis?.interval).toEqual({ low: 10, high: 24 });
    expect(liepaja?.interval).toEqual({ low: 5, high: 10 });
    expect(metric?.all.interval).toEqual({ low: 7, high: 20 });
    expect(cesis?.pValue).toBeCloseTo(0.001194, 5);
    expect(liepaja?.pValue).toBeCloseTo(0.001194, 5);
  });

  it('answers the all-office figures alone with groups=none, the same as beside each office’s', async () => {
    for (const against of ['previous', 'year'] as const) {
      const ask = {
        metrics: ['wait_p50', 'wait_p90', 'wait_within_target'],
        by: 'office' as const,
        from: '2026-03-01',
        to: '2026-03-31',
        against,
        filters: {},
      };
      const full = await compare(store, catalogue(), ask);
      const alone = await compare(store, catalogue(), { ...ask, groups: 'none' });
      expect(alone.metrics.map((m) => m.groups)).toEqual([[], [], []]);
      expect(alone.metrics.map((m) => m.all)).toEqual(full.metrics.map((m) => m.all));
      expect(alone.previous).toEqual(full.previous);
    }
    // The hand-worked all-office median above: 11 in [7, 20], 3 more than February's 8, p = 0.1306.
    const alone = await compare(store, catalogue(), {
      metrics: ['wait_p50'],
      by: 'office',
      from: '2026-03-01',
      to: '2026-03-31',
      groups: 'none',
      filters: {},
    });
    expect(alone.metrics[0]?.all).toMatchObject({ value: 11, interval: { low: 7, high: 20 }, change: 3 });
    expect(alone.metrics[0]?.all.changePValue).toBeCloseTo(0.1306, 3);
  });

  // Regression: filter.* used to be ignored, so a filtered comparison silently answered every office's totals.
  it('compare_ignored_filters: narrows both periods and every statistic to filter.office', async () => {
    const answer = await compare(store, catalogue(), {
      metrics: ['wait_p50'],
      by: 'office',
      from: '2026-03-01',
      to: '2026-03-31',
      filters: { office: ['cesis'] },
    });
    expect(answer.filters).toEqual({ office: ['cesis'] });
    const [metric] = answer.metrics;
    expect(metric?.groups.map((g) => g.group)).toEqual(['cesis']);
    // Only Cēsis's 8 March and 8 February waits: its own median, interval and Mood's p (0.0455) are the total's.
    expect(metric?.all).toMatchObject({ value: 17, n: 8, interval: { low: 10, high: 24 }, previous: { value: 9 } });
    expect(metric?.all.changePValue).toBeCloseTo(0.0455, 4);
  });

  it('answers a filter on a dimension the metric lacks with an error naming filter.<dimension>', async () => {
    await expect(
      compare(store, catalogue(), {
        metrics: ['wait_p50'],
        by: 'office',
        from: '2026-03-01',
        to: '2026-03-31',
        filters: { colour: ['red'] },
      }),
    ).rejects.toMatchObject({ details: { parameter: 'filter.colour' } });
  });

  it('gives no change test when either period is below the minimum sample', async () => {
    const answer = await compare(store, catalogue(), {
      metrics: ['wait_p50'],
      by: 'office',
      from: '2026-03-10',
      to: '2026-03-10',
      filters: {},
    });
    const cesis = answer.metrics[0]?.groups.find((g) => g.group === 'cesis');
    expect(cesis).toMatchObject({ previous: { n: 0, suppressed: true }, change: null, changePValue: null });
  });
});

describe('compare: order statistics of large groups', () => {
  let store: CompareStore;
  let close: () => void;
  const values = new Map<string, number[]>();

  beforeAll(async () => {
    // Deterministic pseudo-random minutes with three decimals (a few ties), sizes on both sides of 1000.
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const [office, n] of [
      ['cesis', 2501],
      ['liepaja', 1733],
      ['valmiera', 640],
    ] as const) {
      values.set(
        office,
        Array.from({ length: n }, () => Math.round(next() * 30_000) / 1000),
      );
    }
    const visits = [...values].flatMap(([office, minutes]) =>
      minutes.map((m): [string, string, number] => [office, '2026-03-15', m]),
    );
    ({ store, close } = await visitsStore('service_minutes', visits));
  });

  afterAll(() => close());

  it('bounds each median by exactly the order statistics its ranks name', async () => {
    const answer = await compare(store, catalogue(), {
      metrics: ['service_time_p50'],
      by: 'office',
      from: '2026-03-01',
      to: '2026-03-31',
      filters: {},
    });
    const [metric] = answer.metrics;
    const expected = (minutes: number[]) => {
      const sorted = [...minutes].sort((a, b) => a - b);
      const ranks = medianRanks(sorted.length);
      return ranks && { low: sorted[ranks.lower - 1], high: sorted[ranks.upper - 1] };
    };
    for (const [office, minutes] of values) {
      expect(metric?.groups.find((g) => g.group === office)?.interval).toEqual(expected(minutes));
    }
    expect(metric?.all.interval).toEqual(expected([...values.values()].flat()));
  });
});
