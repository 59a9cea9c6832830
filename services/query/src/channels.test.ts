import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue, proportionTrend } from '@servq/metrics';
import { ChannelsAnswer } from '@servq/query-api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { periodIndex } from './channels.ts';
import { testTokens, writeParquet, type FixtureEvent } from './fixtures.ts';
import type { LoadedTable } from './store/raw-schema.ts';
import { DuckDbStore } from './store/duckdb.store.ts';

const auth = (token = 'mgmt-token') => ({ authorization: `Bearer ${token}` });

let id = 0;
function event(type: string, at: string, channel: string, fields: FixtureEvent): FixtureEvent {
  id += 1;
  return {
    kafka_partition: 0,
    kafka_offset: id,
    event_id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    type,
    occurred_at: at,
    ingested_at: at,
    channel,
    ...fields,
  };
}

const times = (n: number, make: (i: number) => FixtureEvent): FixtureEvent[] =>
  Array.from({ length: n }, (_, i) => make(i));

/**
 * April: 40 Cēsis visits, 30 of them rated, 10 rated e-service cases on e.atd.lv (digital share 10 of 40);
 * 3 complaints by e-mail, 2 by post, 1 praise on Facebook. May: 40 visits, 30 rated, 20 rated e-service cases
 * on e.atd.lv and 10 on latvija.lv (30 of 60).
 */
function lake(): Record<LoadedTable, FixtureEvent[]> {
  const month = (m: string, eCases: { portal: number; latvija: number }) => {
    const at = `2026-${m}-14T10:00:00+03:00`;
    return {
      visits: times(40, (i) =>
        event('visit.checked_in', at, 'in_person', { office_id: 'cesis', visit_id: `v${m}-${i}`, arrival: 'walk_in' }),
      ),
      surveys: [
        ...times(30, (i) =>
          event('survey.submitted', at, 'in_person', {
            office_id: 'cesis',
            survey_id: `s${m}-${i}`,
            visit_id: `v${m}-${i}`,
            service_id: 'licence-card',
            satisfaction: 4,
          }),
        ),
        ...times(eCases.portal + eCases.latvija, (i) =>
          event('survey.submitted', at, i < eCases.portal ? 'e_services_portal' : 'latvija_lv', {
            survey_id: `e${m}-${i}`,
            case_id: `c${m}-${i}`,
            service_id: 'licence-card',
            satisfaction: 5,
          }),
        ),
      ],
    };
  };
  const april = month('04', { portal: 10, latvija: 0 });
  const may = month('05', { portal: 20, latvija: 10 });
  const at = '2026-04-15T11:00:00+03:00';
  return {
    visit_events: [...april.visits, ...may.visits],
    survey_events: [...april.surveys, ...may.surveys],
    complaint_events: [
      ...times(5, (i) =>
        event('complaint.received', at, i < 3 ? 'email' : 'post', {
          office_id: 'cesis',
          complaint_id: `k${i}`,
          category: 'waiting',
          language: 'lv',
        }),
      ),
      event('feedback.received', at, 'facebook', { office_id: 'cesis', feedback_id: 'f1', feedback_kind: 'praise' }),
    ],
    alert_events: [],
  };
}

describe('GET /v1/channels on a lake of visits, surveys, complaints and feedback', () => {
  let dir: string;
  let store: DuckDbStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-channels-'));
    const files = [];
    for (const [table, events] of Object.entries(lake()) as [LoadedTable, FixtureEvent[]][]) {
      if (events.length === 0) continue;
      const key = `${table}/date=2026-04-14/t+0+0+${events.length - 1}.parquet`;
      await writeParquet(join(dir, key), table, events);
      files.push({ key, etag: 'e', size: 1, table, path: join(dir, key) });
    }
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => new Date('2026-06-01T09:00:00Z'),
      temp: { tempDir: join(dir, 'tmp'), maxTempSize: '1GB', memoryLimit: '512MB' },
    });
    await store.reconcile(files);
    app = await buildApp(
      { tokens: testTokens, cacheEntries: 0 },
      { store, catalogue: buildCatalogue({ waitTargetMinutes: 15 }) },
    );
  });

  afterAll(async () => {
    await app.close();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (query: string, token?: string) => {
    const response = await app.inject({ url: `/v1/channels?${query}`, headers: auth(token) });
    expect(response.statusCode, response.body).toBe(200);
    return ChannelsAnswer.parse(response.json());
  };

  it('splits each month’s contacts by channel: visits in person, complaints and feedback by theirs, e-service cases by portal', async () => {
    const body = await get('from=2026-04-01&to=2026-05-31&grain=month');
    const april = body.contacts.rows.filter((r) => r.period === '2026-04-01');
    expect(april).toEqual([
      { period: '2026-04-01', channel: 'e_services_portal', metric: 'e_service_cases_rated', n: 10 },
      { period: '2026-04-01', channel: 'email', metric: 'complaints_received', n: 3 },
      { period: '2026-04-01', channel: 'facebook', metric: 'feedback_received', n: 1 },
      { period: '2026-04-01', channel: 'in_person', metric: 'visits', n: 40 },
      { period: '2026-04-01', channel: 'post', metric: 'complaints_received', n: 2 },
    ]);
    expect(body.contacts.rows.filter((r) => r.period === '2026-05-01').map((r) => [r.channel, r.n])).toEqual([
      ['e_services_portal', 20],
      ['in_person', 40],
      ['latvija_lv', 10],
    ]);
  });

  it('gives the digital share per month with its Wilson interval and a significant rising trend', async () => {
    const body = await get('from=2026-04-01&to=2026-05-31&grain=month');
    expect(body.digital.unavailable).toBeNull();
    expect(body.digital.periods.map((p) => [p.period, p.successes, p.n, p.value])).toEqual([
      ['2026-04-01', 10, 40, 0.25],
      ['2026-05-01', 30, 60, 0.5],
    ]);
    // Wilson 95 % for 10 of 40: 0.1419 to 0.4019.
    expect(body.digital.periods[0]?.interval?.low).toBeCloseTo(0.1419, 3);
    expect(body.digital.periods[0]?.interval?.high).toBeCloseTo(0.4019, 3);
    expect(body.digital.all).toMatchObject({ successes: 40, n: 100, value: 0.4, suppressed: false });
    // Cochran–Armitage on 10/40, 30/60: z = 2.5, p = 0.0124; least-squares slope +25 points a month.
    expect(body.digital.trend?.perPeriod).toBeCloseTo(0.25, 9);
    expect(body.digital.trend?.pValue).toBeCloseTo(0.0124, 3);
    expect(body.digital.trend?.significant).toBe(true);
  });

  it('narrows contacts by office (e-service cases have none) and gives no digital share for an office', async () => {
    const cesis = await get('from=2026-04-01&to=2026-05-31&grain=month&filter.office=cesis');
    expect(cesis.contacts.rows.some((r) => r.metric === 'e_service_cases_rated')).toBe(false);
    expect(cesis.digital).toMatchObject({ unavailable: 'office', periods: [], trend: null });
    const own = await get('from=2026-04-01&to=2026-05-31', 'cesis-token');
    expect(own.contacts.filters).toEqual({ office: ['cesis'] });
    expect(own.digital.unavailable).toBe('office');
  });

  it('leaves out the counts a filter cannot apply to and says which, and keeps the share across channels', async () => {
    const byService = await get('from=2026-04-01&to=2026-05-31&filter.service=licence-card');
    expect(byService.contacts.skipped).toEqual([
      { metric: 'complaints_received', filter: 'service' },
      { metric: 'feedback_received', filter: 'service' },
    ]);
    expect(byService.contacts.metrics).toEqual(['visits', 'e_service_cases_rated']);
    const byChannel = await get('from=2026-04-01&to=2026-05-31&filter.channel=email');
    expect(byChannel.contacts.metrics).not.toContain('visits');
    expect(byChannel.contacts.rows.every((r) => r.channel === 'email')).toBe(true);
    expect(byChannel.digital.filters).toEqual({});
    expect(byChannel.digital.all.n).toBe(100);
  });

  it('names a bad parameter and documents the route', async () => {
    for (const query of [
      'from=2026-05-31&to=2026-04-01',
      'from=2026-04-01&to=2026-05-31&grain=year',
      'from=2026-04-01&to=2026-05-31&filter.nope=1',
    ]) {
      const bad = await app.inject({ url: `/v1/channels?${query}`, headers: auth() });
      expect(bad.statusCode, query).toBe(400);
    }
    expect((await app.inject({ url: '/v1/channels?from=2026-04-01&to=2026-05-31' })).statusCode).toBe(401);
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, { get?: { responses: object } }> }>();
    expect(doc.paths['/v1/channels']?.get?.responses).toHaveProperty('200');
  });
});

describe('periodIndex', () => {
  it('spaces periods on their grain, so a month without surveys still counts in a trend', () => {
    expect(periodIndex('2026-05-01', 'month') - periodIndex('2025-12-01', 'month')).toBe(5);
    expect(periodIndex('2026-04-01', 'quarter') - periodIndex('2026-01-01', 'quarter')).toBe(1);
    expect(periodIndex('2026-05-11', 'week') - periodIndex('2026-05-04', 'week')).toBe(1);
    expect(proportionTrend([{ successes: 1, n: 2 }])).toBeNull();
  });
});
