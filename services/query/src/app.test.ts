import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue, type Catalogue } from '@servq/metrics';
import {
  CompareAnswer,
  CompareWithinAnswer,
  ErrorBody,
  MetricsAnswer,
  QueryAnswer,
  SchemaAnswer,
  SessionAnswer,
} from '@servq/query-api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { handBuiltLake, tableOf, testTokens, writeLake } from './fixtures.ts';
import { DuckDbStore } from './store/duckdb.store.ts';
import { createQueryMetrics } from './metrics.ts';

const auth = (token = 'mgmt-token') => ({ authorization: `Bearer ${token}` });

/** The catalogue with small minimum samples, so the hand-built lake is not all suppressed. */
function smallSampleCatalogue(): Catalogue {
  const base = buildCatalogue({ waitTargetMinutes: 15 });
  return new Map([...base].map(([id, m]) => [id, { ...m, minSample: Math.min(m.minSample, 2) }]));
}

describe('query API on the hand-built lake', () => {
  let dir: string;
  let store: DuckDbStore;
  let app: FastifyInstance;
  let strict: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-app-'));
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
    app = await buildApp({ tokens: testTokens, cacheEntries: 10 }, { store, catalogue: smallSampleCatalogue() });
    strict = await buildApp(
      { tokens: testTokens, cacheEntries: 10 },
      { store, catalogue: buildCatalogue({ waitTargetMinutes: 15 }) },
    );
  });

  afterAll(async () => {
    await app.close();
    await strict.close();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers health and readiness with the freshness of the data', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', freshness: { newestEventAt: '2026-05-12T07:00:00.000Z' } });
    // Where the data starts, so a chart can mark the period it starts in as partial.
    const { oldestEventAt } = ready.json<{ freshness: { oldestEventAt: string } }>().freshness;
    expect(oldestEventAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(oldestEventAt < '2026-05-12T07:00:00.000Z').toBe(true);
    // And where each model's rows start, as a Riga date.
    const { dataStart } = ready.json<{ freshness: { dataStart: Record<string, string> } }>().freshness;
    expect(dataStart.surveys).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dataStart.surveys! <= '2026-05-12').toBe(true);
  });

  it('is not ready before the first sync, and answers data requests 503 rather than with no rows', async () => {
    const empty = await buildApp(
      { tokens: testTokens, cacheEntries: 1 },
      {
        catalogue: smallSampleCatalogue(),
        store: {
          query: () => Promise.resolve([]),
          getFreshness: () => ({ newestEventAt: null, syncedAt: null, dataVersion: 0 }),
        },
      },
    );
    const response = await empty.inject('/readyz');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'QUERY_NOT_READY' } });
    for (const url of [
      '/v1/query?metrics=complaints_received&from=2026-01-01&to=2026-01-31',
      '/v1/compare?metrics=complaints_received&by=office&from=2026-01-01&to=2026-01-31',
    ]) {
      const answer = await empty.inject({ url, headers: auth() });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toMatchObject({ error: { code: 'QUERY_NOT_READY' } });
      expect(answer.headers['retry-after']).toBe('5');
      expect((await empty.inject({ url })).statusCode).toBe(401);
    }
    expect((await empty.inject({ url: '/v1/metrics', headers: auth() })).statusCode).toBe(200);
    await empty.close();
  });

  it('refuses a request without a token (401) and with an unknown one (401)', async () => {
    expect((await app.inject('/v1/metrics')).statusCode).toBe(401);
    const bad = await app.inject({ url: '/v1/metrics', headers: auth('nope') });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({
      error: { code: 'QUERY_UNAUTHORIZED', details: [{ parameter: 'Authorization' }] },
    });
  });

  it('tells a token who it is: its role, and an office token its office', async () => {
    const session = async (token: string) => {
      const answer = await app.inject({ url: '/v1/session', headers: auth(token) });
      expect(SessionAnswer.safeParse(answer.json()).error).toBeUndefined();
      return answer.json<unknown>();
    };
    expect(await session('mgmt-token')).toEqual({ role: 'management', office: null });
    expect(await session('analyst-token')).toEqual({ role: 'analyst', office: null });
    expect(await session('cesis-token')).toEqual({ role: 'office', office: 'cesis' });
    expect((await app.inject({ url: '/v1/session', headers: auth('nope') })).statusCode).toBe(401);
  });

  it('lists the catalogue with labels in Latvian and English', async () => {
    const body = (await app.inject({ url: '/v1/metrics', headers: auth() })).json<{
      metrics: { id: string; label: { lv: string } }[];
    }>();
    expect(body.metrics.find((m) => m.id === 'csat')?.label.lv).toContain('apmierinātība');
  });

  it("serves which target is ATD's own aim inside the legal deadline with the metric, and no such mark elsewhere", async () => {
    const body = MetricsAnswer.parse((await app.inject({ url: '/v1/metrics', headers: auth() })).json());
    expect(body.metrics.filter((m) => m.target.insideLegalDeadline === true).map((m) => m.id)).toEqual([
      'response_p50',
    ]);
  });

  it('says how a percentile is computed, for percentile metrics only', async () => {
    const body = (await app.inject({ url: '/v1/metrics', headers: auth() })).json<{
      metrics: { id: string; method?: { lv: string; en: string } }[];
    }>();
    expect(body.metrics.find((m) => m.id === 'wait_p50')?.method?.en).toContain('interpolation');
    expect(body.metrics.find((m) => m.id === 'csat')?.method).toBeUndefined();
  });

  it('answers metrics by office and month with sample sizes, targets, 95 % intervals and freshness', async () => {
    const response = await app.inject({
      url: '/v1/query?metrics=csat,wait_p50,visits&dimensions=office&from=2026-03-01&to=2026-03-31&grain=month',
      headers: auth(),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ rows: unknown[]; freshness: { dataVersion: number } }>();
    expect(body.freshness.dataVersion).toBe(1);
    expect(body.rows).toEqual([
      {
        period: '2026-03-01',
        office: 'cesis',
        // The same Wilson interval /v1/compare gives 2 of 4 (0.150 to 0.850); a median's is /v1/compare's alone.
        csat: {
          value: 0.5,
          n: 4,
          target: 0.85,
          suppressed: false,
          interval: { low: expect.closeTo(0.15, 3) as number, high: expect.closeTo(0.85, 3) as number },
        },
        wait_p50: { value: 15, n: 4, target: 10, suppressed: false },
        visits: { value: 4, n: 4, target: null, suppressed: false },
      },
    ]);
  });

  it('suppresses a figure below the metric’s minimum sample instead of showing a bare number', async () => {
    const body = (
      await strict.inject({ url: '/v1/query?metrics=csat&from=2026-03-01&to=2026-03-31', headers: auth() })
    ).json<{ rows: { csat: unknown }[] }>();
    expect(body.rows[0]?.csat).toEqual({ value: null, n: 4, target: 0.85, suppressed: true });
  });

  it('answers CSV with one column per metric and its sample size', async () => {
    const response = await app.inject({
      url: '/v1/query?metrics=complaints_received,response_p50&dimensions=category&from=2026-01-01&to=2026-12-31&format=csv',
      headers: auth(),
    });
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body).toBe(
      'category,complaints_received,complaints_received_n,response_p50,response_p50_n\n' +
        'information,1,1,,0\nrefusal,1,1,,1\nwaiting,3,3,13,2\n',
    );
  });

  it('answers 400 naming the parameter for an unknown metric, a bad date, a bad grain and an unknown parameter', async () => {
    const cases: [string, string][] = [
      ['/v1/query?metrics=csatt&from=2026-03-01&to=2026-03-31', 'metrics'],
      ['/v1/query?metrics=csat&from=2026-3-1&to=2026-03-31', 'from'],
      ['/v1/query?metrics=csat&from=2026-03-01', 'to'],
      ['/v1/query?metrics=csat&from=2026-03-01&to=2026-03-31&grain=year', 'grain'],
      ['/v1/query?metrics=csat&from=2026-03-01&to=2026-03-31&dimension=office', 'dimension'],
      ['/v1/query?metrics=csat&from=2026-03-01&to=2026-03-31&dimensions=category', 'dimensions'],
      ['/v1/query?metrics=csat&from=2026-03-01&to=2026-03-31&filter.colour=red', 'filter.colour'],
      ['/v1/query?metrics=csat&from=2026-04-01&to=2026-03-31', 'from'],
    ];
    for (const [url, parameter] of cases) {
      const response = await app.inject({ url, headers: auth() });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      const body = response.json<{ error: { code: string; details: { parameter: string; expected: string }[] } }>();
      expect(body.error.code).toBe('QUERY_BAD_PARAMETER');
      expect(body.error.details[0]?.parameter).toBe(parameter);
      expect(body.error.details[0]?.expected.length).toBeGreaterThan(0);
    }
  });

  it('splits visits into appointments and walk-ins, and refusals by reason with the share citing a regulation', async () => {
    const get = async (query: string) =>
      (
        await app.inject({ url: `/v1/query?from=2026-03-01&to=2026-03-31&${query}`, headers: auth() })
      ).json<QueryAnswer>();
    const byArrival = await get('metrics=visits,wait_p50,no_shows,refusals&dimensions=arrival');
    const row = (arrival: string) => byArrival.rows.find((r) => r.arrival === arrival);
    // v1 came by appointment (wait 10, n=1 < 2: suppressed); v5 booked and did not come; v2-v4 walked in.
    expect(row('appointment')).toMatchObject({
      visits: { value: 1 },
      wait_p50: { value: null, n: 1, suppressed: true },
      no_shows: { value: 1 },
      refusals: { value: 0 },
    });
    expect(row('walk_in')).toMatchObject({
      visits: { value: 3 },
      wait_p50: { value: 20, n: 3 },
      no_shows: { value: 0 },
      refusals: { value: 2 },
    });
    const byReason = await get('metrics=refusals,refusal_regulation_share&dimensions=refusal_reason');
    const reasons = byReason.rows.filter((r) => r.refusal_reason !== null);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({
      refusal_reason: 'documents_missing',
      refusals: { value: 2 },
      refusal_regulation_share: { value: 0.5, n: 2 },
    });
    const walkIns = await get('metrics=visits&filter.arrival=walk_in');
    expect(walkIns.rows[0]?.visits).toMatchObject({ value: 3 });
  });

  it('lets an office token see its own office in detail but not another (403)', async () => {
    const own = await app.inject({
      url: '/v1/query?metrics=complaints_received&from=2026-01-01&to=2026-12-31',
      headers: auth('cesis-token'),
    });
    expect(own.json<{ rows: { complaints_received: { value: number } }[] }>().rows[0]?.complaints_received.value).toBe(
      4,
    );
    const other = await app.inject({
      url: '/v1/query?metrics=complaints_received&from=2026-01-01&to=2026-12-31&filter.office=liepaja',
      headers: auth('cesis-token'),
    });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      error: { code: 'QUERY_FORBIDDEN', details: [{ parameter: 'filter.office' }] },
    });
  });

  it('compares offices with a Wilson interval for CSAT (2 of 4: 0.150 to 0.850)', async () => {
    const response = await app.inject({
      url: '/v1/compare?metrics=csat,complaints_received&by=office&from=2026-03-01&to=2026-03-31',
      headers: auth('cesis-token'),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      previous: { from: string; to: string };
      metrics: {
        id: string;
        all: { value: number; interval: { low: number; high: number } };
        groups: { group: string; n: number; value: number }[];
      }[];
    }>();
    expect(body.previous).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    const csat = body.metrics.find((m) => m.id === 'csat')!;
    expect(csat.all.value).toBe(0.5);
    expect(csat.all.interval.low).toBeCloseTo(0.15, 3);
    expect(csat.all.interval.high).toBeCloseTo(0.85, 3);
    const complaints = body.metrics.find((m) => m.id === 'complaints_received')!;
    expect(complaints.groups.map((g) => [g.group, g.value])).toEqual([
      ['cesis', 2],
      ['liepaja', 1],
    ]);
  });

  it('suppresses compared groups below the minimum sample: no value, no interval, no flag', async () => {
    const body = (
      await strict.inject({
        url: '/v1/compare?metrics=csat&by=language&from=2026-03-01&to=2026-03-31',
        headers: auth(),
      })
    ).json<{
      metrics: { groups: { value: unknown; interval: unknown; significant: boolean; suppressed: boolean }[] }[];
    }>();
    for (const group of body.metrics[0]!.groups) {
      expect(group).toMatchObject({ value: null, interval: null, significant: false, suppressed: true });
    }
  });

  // Regression: /v1/compare used to ignore filter.* and silently answer the unfiltered totals.
  it('compare_ignored_filters: filter.category narrows a comparison to the same figures /v1/query gives', async () => {
    const range = 'from=2026-01-01&to=2026-12-31';
    const compared = await app.inject({
      url: `/v1/compare?metrics=complaints_received&by=office&${range}&filter.category=waiting`,
      headers: auth(),
    });
    expect(compared.statusCode).toBe(200);
    const body = compared.json<CompareAnswer>();
    expect(body.filters).toEqual({ category: ['waiting'] });
    const queried = (
      await app.inject({
        url: `/v1/query?metrics=complaints_received&dimensions=office&${range}&filter.category=waiting`,
        headers: auth(),
      })
    ).json<QueryAnswer>();
    const expected = queried.rows.map((r) => [r.office, (r.complaints_received as { value: number }).value]);
    const groups = body.metrics[0]!.groups.map((g) => [g.group, g.value]);
    expect(groups).toEqual(expected);
    expect(body.metrics[0]!.all.value).toBe(3);
    const unfiltered = (
      await app.inject({ url: `/v1/compare?metrics=complaints_received&by=office&${range}`, headers: auth() })
    ).json<CompareAnswer>();
    expect(unfiltered.metrics[0]!.all.value).toBe(5);
  });

  it('answers 400 naming filter.<dimension> for a comparison filter the metric lacks', async () => {
    const response = await app.inject({
      url: '/v1/compare?metrics=csat&by=office&from=2026-03-01&to=2026-03-31&filter.category=waiting',
      headers: auth(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'QUERY_BAD_PARAMETER', details: [{ parameter: 'filter.category' }] },
    });
  });

  it('names the field and what was expected in every 4xx: a bad body, a body too large, an unknown route', async () => {
    const post = (payload: string, type = 'application/json') =>
      app.inject({ method: 'POST', url: '/v1/sql', headers: { ...auth(), 'content-type': type }, payload });
    const cases = [
      [await post('{"sql": '), 'body', 'JSON'],
      [await post(JSON.stringify({ sql: 'x'.repeat(300 * 1024) })), 'body', '256 KiB'],
      [await post('sql=SELECT 1', 'application/x-www-form-urlencoded'), 'Content-Type', 'application/json'],
      [await app.inject({ url: '/v1/nothing', headers: auth() }), 'path', '/docs'],
    ] as const;
    for (const [response, parameter, expected] of cases) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      const body = response.json<ErrorBody>();
      expect(body.error.details[0]?.parameter).toBe(parameter);
      expect(body.error.details[0]?.expected).toContain(expected);
    }
  });

  it('compares each office’s languages and channels of service in one published answer, and names a bad within', async () => {
    const url =
      '/v1/compare/within?metrics=csat,wait_p50&by=language,service_channel&within=office&from=2026-03-01&to=2026-03-31';
    const response = await app.inject({ url, headers: auth('cesis-token') });
    expect(response.statusCode).toBe(200);
    const body = response.json<CompareWithinAnswer>();
    expect(CompareWithinAnswer.safeParse(body).error).toBeUndefined();
    expect(body.sections.map((s) => s.value)).toEqual(['cesis']);
    // Waits have no channel of service (every visit is in person): only satisfaction is compared by it.
    const byChannel = body.all.find((c) => c.by === 'service_channel');
    expect(byChannel?.metrics.map((m) => m.id)).toEqual(['csat']);
    const cesis = body.sections[0]?.comparisons.find((c) => c.by === 'language');
    const single = (
      await app.inject({
        url: '/v1/compare?metrics=csat,wait_p50&by=language&from=2026-03-01&to=2026-03-31&filter.office=cesis',
        headers: auth(),
      })
    ).json<CompareAnswer>();
    expect(cesis?.metrics).toEqual(single.metrics);

    const bad = await app.inject({ url: url.replace('within=office', 'within=language'), headers: auth() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'QUERY_BAD_PARAMETER', details: [{ parameter: 'within' }] } });
  });

  it('answers the all-office comparison alone with groups=none, documented, and names a bad groups', async () => {
    const url = '/v1/compare?metrics=csat,complaints_received&by=office&from=2026-03-01&to=2026-03-31';
    const full = (await app.inject({ url, headers: auth() })).json<CompareAnswer>();
    const alone = await app.inject({ url: `${url}&groups=none`, headers: auth() });
    expect(alone.statusCode).toBe(200);
    const body = alone.json<CompareAnswer>();
    expect(body.metrics.map((m) => [m.id, m.groups])).toEqual([
      ['csat', []],
      ['complaints_received', []],
    ]);
    expect(body.metrics.map((m) => m.all)).toEqual(full.metrics.map((m) => m.all));
    const bad = await app.inject({ url: `${url}&groups=some`, headers: auth() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: [{ parameter: 'groups' }] } });
    const doc = (await app.inject('/docs/json')).json<{
      paths: Record<string, { get: { parameters: { name: string; description?: string }[] } }>;
    }>();
    const parameter = doc.paths['/v1/compare']?.get.parameters.find((p) => p.name === 'groups');
    expect(parameter?.description).toContain('all-group figure');
    expect(doc.paths['/v1/compare/within']?.get.parameters.map((p) => p.name)).not.toContain('groups');
  });

  it('answers 400 for a comparison dimension the metric lacks', async () => {
    const response = await app.inject({
      url: '/v1/compare?metrics=csat&by=colour&from=2026-03-01&to=2026-03-31',
      headers: auth(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { details: [{ parameter: 'by' }] } });
  });

  it('describes every route in the OpenAPI document at /docs/json, with bearer security', async () => {
    const response = await app.inject('/docs/json');
    expect(response.statusCode).toBe(200);
    type Operation = { summary?: string; security?: unknown[]; parameters?: { name: string; in: string }[] };
    const doc = response.json<{
      openapi: string;
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, Operation>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/healthz',
        '/readyz',
        '/v1/annotations',
        '/v1/channels',
        '/v1/compare',
        '/v1/compare/within',
        '/v1/complaints/backlog',
        '/v1/complaints/due',
        '/v1/drivers',
        '/v1/features',
        '/v1/metrics',
        '/v1/query',
        '/v1/reference',
        '/v1/schema',
        '/v1/session',
        '/v1/sql',
        '/v1/today',
      ].sort(),
    );
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const operation of Object.values(operations)) {
        expect({ path, summary: typeof operation.summary }).toEqual({ path, summary: 'string' });
        const open = ['/healthz', '/readyz'].includes(path);
        expect({ path, security: operation.security }).toEqual({ path, security: open ? [] : [{ bearer: [] }] });
      }
    }
    const queryParameters = doc.paths['/v1/query']?.get?.parameters?.map((p) => `${p.in}:${p.name}`);
    expect(queryParameters).toEqual(
      expect.arrayContaining(['query:metrics', 'query:from', 'query:to', 'query:grain', 'query:filter.office']),
    );
    expect(doc.paths['/v1/compare']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['metrics', 'by', 'from', 'to']),
    );
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('answers exactly the published bodies of @servq/query-api (strict: no field missing, none extra)', async () => {
    const get = async (url: string) => (await app.inject({ url, headers: auth() })).json<unknown>();
    expect(MetricsAnswer.safeParse(await get('/v1/metrics')).error).toBeUndefined();
    const query = await get(
      '/v1/query?metrics=csat,wait_p50&dimensions=office&grain=month&from=2026-03-01&to=2026-03-31',
    );
    expect(QueryAnswer.safeParse(query).error).toBeUndefined();
    expect((query as QueryAnswer).rows.length).toBeGreaterThan(0);
    const compared = await get('/v1/compare?metrics=csat,wait_p50&by=office&from=2026-03-01&to=2026-03-31');
    expect(CompareAnswer.safeParse(compared).error).toBeUndefined();
    expect((compared as CompareAnswer).metrics[0]?.groups.length).toBeGreaterThan(0);
    expect(SchemaAnswer.safeParse(await get('/v1/schema')).error).toBeUndefined();
    expect(
      ErrorBody.safeParse(await get('/v1/query?metrics=nope&from=2026-03-01&to=2026-03-31')).error,
    ).toBeUndefined();
  });

  it('documents each answer’s body in the OpenAPI document, from the same schemas', async () => {
    type Operation = { responses: Record<string, { content?: Record<string, { schema: { required?: string[] } }> }> };
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, Record<string, Operation>> }>();
    const required = (path: string, method: string) =>
      doc.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema.required;
    expect(required('/v1/metrics', 'get')).toEqual(['freshness', 'metrics', 'dimensions']);
    expect(required('/v1/query', 'get')).toEqual(['freshness', 'query', 'rows']);
    expect(required('/v1/compare', 'get')).toEqual(expect.arrayContaining(['by', 'metrics', 'alpha']));
    expect(required('/v1/schema', 'get')).toEqual(['tables']);
    expect(required('/v1/sql', 'post')).toEqual(expect.arrayContaining(['columns', 'types', 'rows', 'truncated']));
  });

  it('keeps the handlers’ own validation: documented parameters never change the 400 shape', async () => {
    const response = await app.inject({
      url: '/v1/compare?metrics=csat&by=colour&from=x&to=2026-03-31',
      headers: auth(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'QUERY_BAD_PARAMETER' } });
  });

  it('counts Prometheus metrics: request durations by route and status, cache hits and misses, data version', async () => {
    const metrics = createQueryMetrics(() => store.getFreshness());
    const fresh = await buildApp(
      { tokens: testTokens, cacheEntries: 10 },
      { store, catalogue: smallSampleCatalogue(), metrics },
    );
    const url = '/v1/query?metrics=visits&from=2026-03-01&to=2026-03-31';
    await fresh.inject({ url, headers: auth() });
    await fresh.inject({ url, headers: auth() });
    await fresh.inject({ url: '/v1/metrics' });
    // Served by main.ts on a listener of its own: the API itself answers 404.
    expect((await fresh.inject('/metrics')).statusCode).toBe(404);
    await fresh.close();
    const text = await metrics.registry.metrics();
    expect(text).toContain('servq_query_request_seconds_count{method="GET",route="/v1/query",status="200"} 2');
    expect(text).toContain('servq_query_request_seconds_count{method="GET",route="/v1/metrics",status="401"} 1');
    expect(text).toContain('servq_query_cache_lookups_total{result="miss"} 1');
    expect(text).toContain('servq_query_cache_lookups_total{result="hit"} 1');
    expect(text).toContain('servq_query_data_version 1');
    expect(text).toMatch(/servq_query_newest_event_age_seconds \d/);
    expect(text).toMatch(/servq_query_last_sync_age_seconds \d/);
  });

  it('answers the query uncached when the cache is off (QUERY_CACHE_ENTRIES=0)', async () => {
    const metrics = createQueryMetrics(() => store.getFreshness());
    const uncached = await buildApp(
      { tokens: testTokens, cacheEntries: 0 },
      { store, catalogue: smallSampleCatalogue(), metrics },
    );
    const url = '/v1/query?metrics=visits&from=2026-03-01&to=2026-03-31';
    const first = await uncached.inject({ url, headers: auth() });
    const second = await uncached.inject({ url, headers: auth() });
    const text = await metrics.registry.metrics();
    await uncached.close();
    expect(second.json()).toEqual(first.json());
    expect(text).not.toMatch(/servq_query_cache_lookups_total\{/);
  });
});
