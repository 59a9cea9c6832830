import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue } from '@servq/metrics';
import { BacklogAnswer, DueAnswer, QueryAnswer } from '@servq/query-api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { backlogPeriods, dueSql, periodStart } from './complaints.ts';
import { handBuiltLake, tableOf, testTokens, writeLake } from './fixtures.ts';
import { DuckDbStore } from './store/duckdb.store.ts';

const auth = (token = 'mgmt-token') => ({ authorization: `Bearer ${token}` });

describe('complaint desk periods and SQL', () => {
  it('cuts the backlog periods at the range and at today, weeks from Monday', () => {
    expect(periodStart('2026-03-04', 'week')).toBe('2026-03-02');
    expect(periodStart('2026-05-20', 'quarter')).toBe('2026-04-01');
    expect(backlogPeriods('2026-03-04', '2026-03-31', 'week', '2026-03-18')).toEqual([
      { period: '2026-03-02', first: '2026-03-04', asOf: '2026-03-08' },
      { period: '2026-03-09', first: '2026-03-09', asOf: '2026-03-15' },
      { period: '2026-03-16', first: '2026-03-16', asOf: '2026-03-18' },
    ]);
    expect(backlogPeriods('2026-05-01', '2026-05-31', 'month', '2026-04-01')).toEqual([]);
  });

  it('passes today, the window and filter values only as parameters', () => {
    const { sql, params } = dueSql('2026-04-01', { within: 5, limit: 10 }, { office: ['cesis'] });
    expect(sql).not.toContain('cesis');
    expect(sql).not.toContain('2026-');
    expect(params).toContain('cesis');
    expect(params).toContain('2026-04-01');
  });
});

/**
 * The hand-built lake's complaints as of Wednesday 1 April 2026: c1 (Cēsis, 20 Feb, one-month rule, answered
 * 18 Mar in time), c2 (Cēsis, 2 Mar, answered 17 Mar, a day late), c4 (Cēsis, 10 Mar, open, due 24 Mar: six
 * working days overdue), c5 (Liepāja, 30 Mar, open, due 15 Apr after Easter: eight working days left), c3 (Cēsis,
 * received 28 Apr, after "today").
 */
describe('complaints desk on the hand-built lake', () => {
  let dir: string;
  let store: DuckDbStore;
  let app: FastifyInstance;
  const WEDNESDAY = new Date('2026-04-01T09:00:00Z');
  let today = WEDNESDAY;
  const now = () => today;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-complaints-'));
    const lake = handBuiltLake();
    await writeLake(dir, lake);
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now,
      temp: { tempDir: join(dir, 'tmp'), maxTempSize: '1GB', memoryLimit: '512MB' },
    });
    await store.reconcile(
      lake.map((f) => ({
        key: f.relativeKey,
        etag: 'e',
        size: 1,
        table: tableOf(f.relativeKey),
        path: join(dir, f.relativeKey),
      })),
    );
    app = await buildApp(
      { tokens: testTokens, cacheEntries: 0 },
      { store, catalogue: buildCatalogue({ waitTargetMinutes: 15 }), now },
    );
  });

  afterAll(async () => {
    await app.close();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, token?: string) => app.inject({ url, headers: auth(token) });

  it('lists the overdue complaint with its deadline under the rule in force on receipt', async () => {
    const response = await get('/v1/complaints/due?within=5');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = DueAnswer.parse(response.json());
    expect(body).toMatchObject({ asOf: '2026-04-01', within: 5, counts: { overdue: 1, due: 0 }, truncated: false });
    expect(body.complaints).toEqual([
      {
        id: 'c4',
        office: 'cesis',
        channel: 'in_person',
        category: 'information',
        receivedOn: '2026-03-10',
        dueOn: '2026-03-24',
        rule: 'submissions-law-from-2026-03',
        extended: false,
        reopened: false,
        workingDaysLeft: -6,
        status: 'overdue',
      },
    ]);
  });

  it('adds complaints due within the window, counting working days past Easter', async () => {
    const seven = DueAnswer.parse((await get('/v1/complaints/due?within=7')).json());
    expect(seven.counts).toEqual({ overdue: 1, due: 0 });
    const eight = DueAnswer.parse((await get('/v1/complaints/due?within=8')).json());
    expect(eight.counts).toEqual({ overdue: 1, due: 1 });
    expect(eight.complaints.map((c) => [c.id, c.status, c.dueOn, c.workingDaysLeft])).toEqual([
      ['c4', 'overdue', '2026-03-24', -6],
      ['c5', 'due', '2026-04-15', 8],
    ]);
    const cut = DueAnswer.parse((await get('/v1/complaints/due?within=8&limit=1')).json());
    expect(cut).toMatchObject({ counts: { overdue: 1, due: 1 }, truncated: true });
    expect(cut.complaints).toHaveLength(1);
  });

  // Regression: on a day off after the deadline's working day the list said "overdue" with no count (0 working
  // days), as the count stood still at the last working day. Easter 2026: Good Friday 3 April and Easter Monday
  // 6 April are public holidays, so from Saturday 4 April the next working day is Tuesday 7 April.
  it('counts an overdue complaint on a day off to the next working day, as it will read when the office opens', async () => {
    const lateOn = async (day: string) => {
      today = new Date(`${day}T09:00:00Z`);
      try {
        const body = DueAnswer.parse((await get('/v1/complaints/due?within=0')).json());
        return body.complaints.filter((c) => c.id === 'c4').map((c) => [c.status, c.workingDaysLeft]);
      } finally {
        today = WEDNESDAY;
      }
    };
    // c4, due Tuesday 24 March: Thursday 2 April is its seventh working day late.
    expect(await lateOn('2026-04-02')).toEqual([['overdue', -7]]);
    // The holiday weekend counts to Tuesday 7 April, its eighth: the same on Saturday as on Tuesday.
    expect(await lateOn('2026-04-04')).toEqual([['overdue', -8]]);
    expect(await lateOn('2026-04-06')).toEqual([['overdue', -8]]);
    expect(await lateOn('2026-04-07')).toEqual([['overdue', -8]]);
  });

  it('holds an office token to its own office', async () => {
    const own = DueAnswer.parse((await get('/v1/complaints/due?within=20', 'cesis-token')).json());
    expect(own.filters).toEqual({ office: ['cesis'] });
    expect(own.complaints.map((c) => c.id)).toEqual(['c4']);
    const other = await get('/v1/complaints/due?filter.office=liepaja', 'cesis-token');
    expect(other.statusCode).toBe(403);
    const backlog = await get(
      '/v1/complaints/backlog?from=2026-03-01&to=2026-03-31&filter.office=liepaja',
      'cesis-token',
    );
    expect(backlog.statusCode).toBe(403);
  });

  it('names a bad parameter', async () => {
    for (const [url, parameter] of [
      ['/v1/complaints/due?within=many', 'within'],
      ['/v1/complaints/due?within=61', 'within'],
      ['/v1/complaints/due?filter.service=licence-card', 'filter.service'],
      ['/v1/complaints/due?witin=5', 'witin'],
      ['/v1/complaints/backlog?from=2026-03-01', 'to'],
      ['/v1/complaints/backlog?from=2026-04-01&to=2026-03-01', 'from'],
      ['/v1/complaints/backlog?from=2000-01-01&to=2026-03-01&grain=day', 'grain'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ error: { details: [{ parameter }] } });
    }
    expect((await app.inject({ url: '/v1/complaints/due' })).statusCode).toBe(401);
  });

  it('counts the backlog at the end of each period, cut at today', async () => {
    const response = await get('/v1/complaints/backlog?from=2026-03-01&to=2026-04-30&grain=month');
    expect(response.statusCode).toBe(200);
    const body = BacklogAnswer.parse(response.json());
    expect(body.points).toEqual([
      { period: '2026-03-01', asOf: '2026-03-31', open: 2, overdue: 1, received: 3, answered: 2 },
      { period: '2026-04-01', asOf: '2026-04-01', open: 2, overdue: 1, received: 0, answered: 0 },
    ]);
    const own = BacklogAnswer.parse(
      (await get('/v1/complaints/backlog?from=2026-03-01&to=2026-03-31&grain=month', 'cesis-token')).json(),
    );
    expect(own.points).toEqual([
      { period: '2026-03-01', asOf: '2026-03-31', open: 1, overdue: 1, received: 2, answered: 2 },
    ]);
  });

  it('breaks complaints down by the deadline rule and open ones by age, with counts never suppressed', async () => {
    const metrics = 'complaints_received,open_complaints,open_overdue,legal_deadline_met_count,legal_deadline_share';
    const byRule = QueryAnswer.parse(
      (await get(`/v1/query?metrics=${metrics}&dimensions=legal_rule&from=2026-01-01&to=2026-12-31`)).json(),
    );
    const cell = (row: (typeof byRule.rows)[number], m: string) => row[m] as { value: number | null; n: number };
    const rule = (id: string) => byRule.rows.find((r) => r.legal_rule === id)!;
    expect(cell(rule('submissions-law-until-2026-02'), 'complaints_received').value).toBe(1);
    const current = rule('submissions-law-from-2026-03');
    expect(cell(current, 'complaints_received').value).toBe(4);
    expect(cell(current, 'open_overdue').value).toBe(1);
    // c2 late, c3 in time, c4 overdue: "1 of 3 in time" is a count, while the share stays below its minimum.
    expect(cell(current, 'legal_deadline_met_count').value).toBe(1);
    expect(cell(current, 'legal_deadline_share')).toMatchObject({ value: null, n: 3 });

    const byAge = QueryAnswer.parse(
      (
        await get(
          '/v1/query?metrics=open_complaints,open_overdue&dimensions=open_age_band&from=2026-01-01&to=2026-12-31',
        )
      ).json(),
    );
    const bands = byAge.rows
      .filter((r) => r.open_age_band !== null)
      .map((r) => [r.open_age_band, cell(r, 'open_complaints').value, cell(r, 'open_overdue').value]);
    expect(bands).toEqual([
      ['0-5', 1, 0],
      ['11-20', 1, 1],
    ]);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, { get?: { responses: object } }> }>();
    expect(doc.paths['/v1/complaints/due']?.get?.responses).toHaveProperty('200');
    expect(doc.paths['/v1/complaints/backlog']?.get?.responses).toHaveProperty('200');
  });
});
