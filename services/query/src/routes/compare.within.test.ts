import { DuckDBInstance } from '@duckdb/node-api';
import { buildCatalogue, type Catalogue } from '@servq/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, type CompareStore } from './compare.ts';
import { compareWithin } from './compare.within.ts';

/**
 * Cēsis: ten Latvian visits wait 5 min, ten Russian ones 20 min. Within Cēsis the median of the twenty is 12.5;
 * all ten Russian waits lie above it, no Latvian one: Mood's test gives z = 1 / √(¼ · (⅒ + ⅒)) = 4.47,
 * p ≈ 7.7e-6, far below 0.05 / 2. Liepāja: both languages wait 5 … 14 min alike, p = 1.
 * Surveys: Cēsis' twenty visit surveys are in person (half of them answered by e-mail, which is still an
 * in-person service); ten e-service surveys have no office.
 */
const DAY = '2026-03-10';

async function store(): Promise<{ store: CompareStore; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `CREATE TABLE visits (office_id VARCHAR, language VARCHAR, channel VARCHAR, wait_minutes DOUBLE, event_date DATE)`,
  );
  await connection.run(
    `CREATE TABLE surveys (office_id VARCHAR, language VARCHAR, channel VARCHAR, service_channel VARCHAR,
       satisfaction INTEGER, event_date DATE)`,
  );
  const visits: [string, string, string, number][] = [
    ...Array.from({ length: 10 }, (): [string, string, string, number] => ['cesis', 'lv', 'in_person', 5]),
    ...Array.from({ length: 10 }, (): [string, string, string, number] => ['cesis', 'ru', 'phone', 20]),
    ...Array.from({ length: 10 }, (_, i): [string, string, string, number] => ['liepaja', 'lv', 'in_person', 5 + i]),
    ...Array.from({ length: 10 }, (_, i): [string, string, string, number] => ['liepaja', 'ru', 'in_person', 5 + i]),
  ];
  for (const [office, language, channel, wait] of visits)
    await connection.run(
      `INSERT INTO visits VALUES ('${office}', '${language}', '${channel}', ${wait}, DATE '${DAY}')`,
    );
  for (let i = 0; i < 20; i++)
    await connection.run(
      `INSERT INTO surveys VALUES ('cesis', 'lv', '${i % 2 ? 'email' : 'in_person'}', 'in_person', ${i < 15 ? 5 : 2}, DATE '${DAY}')`,
    );
  for (let i = 0; i < 10; i++)
    await connection.run(
      `INSERT INTO surveys VALUES (NULL, 'lv', 'e_services_portal', 'e_services_portal', 3, DATE '${DAY}')`,
    );
  return {
    store: {
      query: async (sql, params) => (await connection.runAndReadAll(sql, [...params])).getRowObjectsJson(),
      getFreshness: () => ({ newestEventAt: null, syncedAt: null, dataVersion: 1 }),
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function catalogue(): Catalogue {
  const base = buildCatalogue({ waitTargetMinutes: 15 });
  return new Map([...base].map(([id, m]) => [id, { ...m, minSample: Math.min(m.minSample, 5) }]));
}

describe('compare within: each office’s languages and channels in one answer', () => {
  let s: CompareStore;
  let close: () => void;
  const range = { from: '2026-03-01', to: '2026-03-31' };

  beforeAll(async () => {
    ({ store: s, close } = await store());
  });
  afterAll(() => close());

  it('tests each office’s languages against the rest of that office (Cēsis’ Russian waits: p ≈ 7.7e-6)', async () => {
    const answer = await compareWithin(s, catalogue(), {
      metrics: ['wait_p50'],
      by: ['language'],
      within: 'office',
      ...range,
      filters: {},
    });
    expect(answer.sections.map((section) => section.value)).toEqual(['cesis', 'liepaja']);
    const groups = (office: string) =>
      answer.sections.find((x) => x.value === office)?.comparisons[0]?.metrics[0]?.groups ?? [];
    const ru = groups('cesis').find((g) => g.group === 'ru');
    expect(ru).toMatchObject({ value: 20, n: 10, significant: true });
    expect(ru?.pValue).toBeCloseTo(7.74e-6, 7);
    expect(groups('liepaja').map((g) => [g.group, Number(g.pValue?.toFixed(6)), g.significant])).toEqual([
      ['lv', 1, false],
      ['ru', 1, false],
    ]);
    expect(answer.previous).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });

  it('gives each office exactly what /v1/compare gives for filter.office, and all offices as /v1/compare does', async () => {
    const request = { metrics: ['wait_p50', 'csat'], by: ['language' as const], within: 'office' as const, ...range };
    const answer = await compareWithin(s, catalogue(), { ...request, filters: {} });
    const single = await compare(s, catalogue(), { ...range, metrics: request.metrics, by: 'language', filters: {} });
    expect(answer.all[0]?.metrics).toEqual(single.metrics);
    const cesis = await compare(s, catalogue(), {
      ...range,
      metrics: request.metrics,
      by: 'language',
      filters: { office: ['cesis'] },
    });
    expect(answer.sections[0]?.comparisons[0]?.metrics).toEqual(cesis.metrics);
  });

  it('compares by the channel of the service only what has one: satisfaction, not waits (every visit is in person)', async () => {
    const answer = await compareWithin(s, catalogue(), {
      metrics: ['wait_p50', 'csat'],
      by: ['language', 'service_channel'],
      within: 'office',
      ...range,
      filters: {},
    });
    const byChannel = answer.all.find((c) => c.by === 'service_channel');
    expect(byChannel?.metrics.map((m) => m.id)).toEqual(['csat']);
    // All offices: the e-service surveys (no office) against the in-person ones, 15 of 20 satisfied.
    expect(byChannel?.metrics[0]?.groups.map((g) => [g.group, g.value])).toEqual([
      ['e_services_portal', 0],
      ['in_person', 0.75],
    ]);
    // Inside Cēsis there is one channel of service (e-mailed answers are of in-person visits): nothing to test.
    const cesis = answer.sections.find((x) => x.value === 'cesis')?.comparisons.find((c) => c.by === 'service_channel');
    expect(cesis?.metrics[0]?.groups.map((g) => [g.group, g.pValue, g.significant])).toEqual([
      ['in_person', null, false],
    ]);
  });

  it('narrows every comparison by the filters, so filter.office leaves one section', async () => {
    const answer = await compareWithin(s, catalogue(), {
      metrics: ['wait_p50'],
      by: ['language'],
      within: 'office',
      ...range,
      filters: { office: ['liepaja'] },
    });
    expect(answer.sections.map((x) => x.value)).toEqual(['liepaja']);
    expect(answer.all[0]?.metrics[0]?.all.n).toBe(20);
  });
});
