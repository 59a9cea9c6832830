import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue } from '@servq/metrics';
import { TodayAnswer } from '@servq/query-api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { handBuiltLake, tableOf, testTokens, writeLake } from '../fixtures.ts';
import { DuckDbStore } from '../store/duckdb.store.ts';
import { planToday, todaySql } from './today.ts';

const auth = (token = 'mgmt-token') => ({ authorization: `Bearer ${token}` });

describe('today plan and SQL', () => {
  it('cuts at the Riga time of day and compares with previous open same weekdays, skipping holidays', () => {
    // Monday 11 May 2026, 10:02:30 in Riga (UTC+3); Monday 4 May 2026 is a public holiday (substitute day).
    const plan = planToday('cesis', new Date('2026-05-11T07:02:30Z'));
    expect(plan.date).toBe('2026-05-11');
    expect(plan.timeOfDay).toBe('10:02');
    expect(plan.cutSeconds).toBe(10 * 3600 + 2 * 60 + 30);
    expect(plan.hours).toEqual([{ open: '08:30', close: '16:30' }]);
    expect(plan.candidates[0]).toBe('2026-04-27');
    expect(plan.candidates).not.toContain('2026-05-04');
    expect(plan.candidates.every((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('says the office is closed on a Saturday', () => {
    expect(planToday('cesis', new Date('2026-03-07T09:00:00Z')).hours).toEqual([]);
  });

  it('passes the office, dates and cut-off only as parameters', () => {
    const plan = planToday('cesis', new Date('2026-03-02T08:02:00Z'));
    const { sql, params } = todaySql(plan);
    expect(sql).not.toContain('cesis');
    expect(sql).not.toContain('2026-');
    expect(params[0]).toBe(String(10 * 3600 + 2 * 60));
    expect(params.at(-1)).toBe('cesis');
    expect(todaySql(planToday(null, new Date('2026-03-02T08:02:00Z'))).sql).not.toContain('office_id');
  });
});

/**
 * The hand-built lake's Cēsis Monday, 2 March 2026: check-ins 08:55, 09:00, 10:00, 11:00; calls 09:05, 09:30,
 * 10:04, 11:20 (waits 10, 30, 4, 20).
 */
describe('GET /v1/today on the hand-built lake', () => {
  let dir: string;
  let store: DuckDbStore;
  const apps: FastifyInstance[] = [];
  const appAt = async (iso: string) => {
    const app = await buildApp(
      { tokens: testTokens, cacheEntries: 0 },
      { store, catalogue: buildCatalogue({ waitTargetMinutes: 15 }), now: () => new Date(iso) },
    );
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-today-'));
    const lake = handBuiltLake();
    await writeLake(dir, lake);
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => new Date('2026-04-01T09:00:00Z'),
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
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts arrivals, the customer still waiting and the median wait of those called so far', async () => {
    const app = await appAt('2026-03-02T08:02:00Z'); // 10:02 in Riga: v3 checked in at 10:00, called at 10:04
    const response = await app.inject({ url: '/v1/today?office=cesis', headers: auth() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-servq-data-version']).toBeDefined();
    const body = TodayAnswer.parse(response.json());
    expect(body).toMatchObject({ office: 'cesis', date: '2026-03-02', timeOfDay: '10:02' });
    expect(body.today).toEqual({ arrivals: 3, waitingNow: 1, waitP50: 20, waitN: 2 });
    expect(body.usualDays).toEqual([]);
    expect(body.usual.arrivals).toBeNull();
  });

  it('compares a week later with that Monday cut at the same time of day', async () => {
    const app = await appAt('2026-03-09T09:00:00Z'); // 11:00 in Riga: v4 arrived, not yet called
    const body = TodayAnswer.parse((await app.inject({ url: '/v1/today', headers: auth('cesis-token') })).json());
    expect(body.office).toBe('cesis');
    expect(body.today).toEqual({ arrivals: 0, waitingNow: 0, waitP50: null, waitN: 0 });
    expect(body.usualDays).toEqual(['2026-03-02']);
    expect(body.usual).toEqual({ arrivals: 4, waitingNow: 1, waitP50: 10, waitN: 3 });
  });

  it('narrows every day alike by service language, and names a filter it does not take', async () => {
    const app = await appAt('2026-03-02T08:02:00Z');
    // v1 (lv) waited 10 minutes; v3 (lv) checked in at 10:00 and is still waiting at 10:02.
    const lv = await app.inject({ url: '/v1/today?office=cesis&filter.language=lv', headers: auth() });
    expect(TodayAnswer.parse(lv.json()).today).toEqual({ arrivals: 2, waitingNow: 1, waitP50: 10, waitN: 1 });
    for (const filter of ['filter.office=cesis', 'filter.category=waiting']) {
      const bad = await app.inject({ url: `/v1/today?${filter}`, headers: auth() });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { details: [{ parameter: filter.split('=')[0] }] } });
    }
  });

  it('holds an office token to its own office and names a bad office', async () => {
    const app = await appAt('2026-03-02T08:02:00Z');
    const other = await app.inject({ url: '/v1/today?office=liepaja', headers: auth('cesis-token') });
    expect(other.statusCode).toBe(403);
    const bad = await app.inject({ url: '/v1/today?office=tallinn', headers: auth() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: [{ parameter: 'office' }] } });
    const unknown = await app.inject({ url: '/v1/today?offce=cesis', headers: auth() });
    expect(unknown.statusCode).toBe(400);
  });

  it('is listed in the OpenAPI document', async () => {
    const app = await appAt('2026-03-02T08:02:00Z');
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, { get?: { responses: object } }> }>();
    expect(doc.paths['/v1/today']?.get?.responses).toHaveProperty('200');
  });
});
