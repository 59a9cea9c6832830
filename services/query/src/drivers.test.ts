import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue } from '@servq/metrics';
import { AnnotationsAnswer, DriversAnswer } from '@servq/query-api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { fisherInterval } from './drivers.ts';
import { testTokens, writeParquet, type FixtureEvent } from './fixtures.ts';
import { DuckDbStore } from './store/duckdb.store.ts';

const auth = (token = 'mgmt-token') => ({ authorization: `Bearer ${token}` });

interface Response {
  office: string;
  satisfaction: number;
  courtesy: number;
  speed: number;
  identifiable?: number;
}

/**
 * 60 Cēsis responses whose overall satisfaction follows courtesy (with noise) but not speed, and 10 Liepāja
 * responses (below the minimum sample of 30 on their own). Nobody answers "identifiable" in Cēsis.
 */
function responses(): Response[] {
  const out: Response[] = [];
  for (let i = 0; i < 60; i += 1) {
    const courtesy = 1 + (i % 5);
    const satisfaction = Math.min(5, Math.max(1, courtesy + ((i * 7) % 3) - 1));
    out.push({ office: 'cesis', satisfaction, courtesy, speed: 1 + (Math.floor(i / 5) % 5) });
  }
  for (let i = 0; i < 10; i += 1) {
    out.push({ office: 'liepaja', satisfaction: 1 + (i % 5), courtesy: 5, speed: 2, identifiable: 1 + (i % 5) });
  }
  return out;
}

function pearson(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] ?? 0;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('fisherInterval', () => {
  it('gives the textbook interval for r = 0.5 over 28 pairs, and none for perfect or tiny samples', () => {
    const interval = fisherInterval(0.5, 28);
    expect(interval?.lower).toBeCloseTo(0.156, 3);
    expect(interval?.upper).toBeCloseTo(0.7355, 3);
    expect(fisherInterval(1, 100)).toBeNull();
    expect(fisherInterval(0.3, 3)).toBeNull();
  });
});

describe('GET /v1/drivers and /v1/annotations on a lake of survey responses', () => {
  let dir: string;
  let store: DuckDbStore;
  let app: FastifyInstance;
  const data = responses();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-drivers-'));
    const events: FixtureEvent[] = data.map((r, i) => ({
      kafka_partition: 0,
      kafka_offset: i,
      event_id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      type: 'survey.submitted',
      occurred_at: '2026-04-14T10:00:00+03:00',
      ingested_at: '2026-04-14T10:00:00+03:00',
      channel: 'in_person',
      office_id: r.office,
      survey_id: `s${i}`,
      satisfaction: r.satisfaction,
      courtesy: r.courtesy,
      speed: r.speed,
      identifiable: r.identifiable ?? null,
    }));
    const key = `survey_events/date=2026-04-14/servq.survey.v1+0+0+${events.length - 1}.parquet`;
    await writeParquet(join(dir, key), 'survey_events', events);
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => new Date('2026-05-01T09:00:00Z'),
      temp: { tempDir: join(dir, 'tmp'), maxTempSize: '1GB', memoryLimit: '512MB' },
    });
    await store.reconcile([{ key, etag: 'e', size: 1, table: 'survey_events', path: join(dir, key) }]);
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

  it('measures each dimension’s correlation with overall satisfaction and its mean, as computed by hand', async () => {
    const response = await app.inject({
      url: '/v1/drivers?from=2026-04-01&to=2026-04-30&filter.office=cesis',
      headers: auth(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-servq-data-version']).toBeDefined();
    const body = DriversAnswer.parse(response.json());
    const cesis = data.filter((r) => r.office === 'cesis');
    const courtesy = body.drivers.find((d) => d.dimension === 'courtesy');
    const speed = body.drivers.find((d) => d.dimension === 'speed');
    const expectedR = pearson(
      cesis.map((r) => r.courtesy),
      cesis.map((r) => r.satisfaction),
    );
    expect(courtesy).toMatchObject({ n: 60, suppressed: false, performance: 3 });
    expect(courtesy?.importance).toBeCloseTo(expectedR, 9);
    expect(courtesy?.importanceInterval?.lower).toBeGreaterThan(0);
    expect(courtesy?.p).toBeLessThan(0.001);
    // Speed was scored independently of satisfaction: its interval straddles zero.
    expect(speed?.importance).toBeCloseTo(
      pearson(
        cesis.map((r) => r.speed),
        cesis.map((r) => r.satisfaction),
      ),
      9,
    );
    expect(speed?.importanceInterval?.lower).toBeLessThan(0);
    expect(speed?.importanceInterval?.upper).toBeGreaterThan(0);
    // Nobody in Cēsis answered "identifiable": no figures, and suppressed rather than zero.
    expect(body.drivers.find((d) => d.dimension === 'identifiable')).toMatchObject({
      n: 0,
      suppressed: true,
      importance: null,
      performance: null,
    });
    expect(body.satisfaction.n).toBe(60);
  });

  it('holds an office token to its own office and suppresses dimensions below the minimum sample', async () => {
    const own = DriversAnswer.parse(
      (await app.inject({ url: '/v1/drivers?from=2026-04-01&to=2026-04-30', headers: auth('cesis-token') })).json(),
    );
    expect(own.satisfaction.n).toBe(60);
    const other = await app.inject({
      url: '/v1/drivers?from=2026-04-01&to=2026-04-30&filter.office=liepaja',
      headers: auth('cesis-token'),
    });
    expect(other.statusCode).toBe(403);
    const liepaja = DriversAnswer.parse(
      (
        await app.inject({ url: '/v1/drivers?from=2026-04-01&to=2026-04-30&filter.office=liepaja', headers: auth() })
      ).json(),
    );
    expect(liepaja.drivers.every((d) => d.suppressed && d.importance === null)).toBe(true);
  });

  it('names a bad parameter', async () => {
    const bad = await app.inject({ url: '/v1/drivers?from=2026-04-31&to=2026-04-30', headers: auth() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: [{ parameter: 'from' }] } });
    const notSurveys = await app.inject({
      url: '/v1/drivers?from=2026-04-01&to=2026-04-30&filter.category=waiting',
      headers: auth(),
    });
    expect(notSurveys.statusCode).toBe(400);
    const unknown = await app.inject({ url: '/v1/drivers?from=2026-04-01&to=2026-04-30&grain=day', headers: auth() });
    expect(unknown.statusCode).toBe(400);
  });

  it('serves the annotations as data, the law change of 1 March 2026 among them, and documents both routes', async () => {
    const response = await app.inject({ url: '/v1/annotations', headers: auth() });
    expect(response.statusCode).toBe(200);
    const body = AnnotationsAnswer.parse(response.json());
    expect(body.annotations).toContainEqual(expect.objectContaining({ kind: 'law', from: '2026-03-01' }));
    expect((await app.inject({ url: '/v1/annotations' })).statusCode).toBe(401);
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, { get?: { responses: object } }> }>();
    expect(doc.paths['/v1/drivers']?.get?.responses).toHaveProperty('200');
    expect(doc.paths['/v1/annotations']?.get?.responses).toHaveProperty('200');
  });
});
