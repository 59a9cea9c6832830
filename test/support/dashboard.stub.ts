/**
 * A loopback server for the dashboard's browser test: the built files of dashboards/web/dist at `/` and a
 * stub of the query API under `/v1` (same origin, as the query service will serve them). The stub answers in
 * the API's shapes with the real metric catalogue and schema from @servq/metrics, deterministic figures, one
 * suppressed office (Liepāja) and one significant difference (Cēsis) — the real API is covered elsewhere.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { buildCatalogue, Dimensions, Models } from '@servq/metrics';
import { SERVICE_IDS } from '@servq/contracts';
import {
  AnnotationsAnswer,
  BacklogAnswer,
  ChannelsAnswer,
  DriversAnswer,
  CompareAnswer,
  CompareWithinAnswer,
  DueAnswer,
  FeaturesAnswer,
  MetricsAnswer,
  QueryAnswer,
  ReferenceAnswer,
  SchemaAnswer,
  SessionAnswer,
  SqlAnswer,
  TodayAnswer,
} from '@servq/query-api';
import type { z } from 'zod';
// The query service's own reference answer: its names and its age bands with the legal deadline's flags.
import { referenceAnswer } from '../../services/query/src/routes/reference.route.ts';

export const STUB_TOKENS = {
  'servq-dev-management-token': { role: 'management' },
  'servq-dev-analyst-token': { role: 'analyst' },
  'servq-dev-office-cesis-token': { role: 'office', office: 'cesis' },
  // An office whose every figure is below the minimum sample.
  'servq-dev-office-liepaja-token': { role: 'office', office: 'liepaja' },
} as const satisfies Record<string, { role: string; office?: string }>;

type Principal = (typeof STUB_TOKENS)[keyof typeof STUB_TOKENS];

const OFFICES = ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'];
const LANGUAGES = ['lv', 'ru', 'en', 'other'];
const CHANNELS = ['in_person', 'e_services_portal', 'latvija_lv'];
const catalogue = buildCatalogue({ waitTargetMinutes: 15 });
const freshness = {
  newestEventAt: new Date(Date.now() - 20 * 60_000).toISOString(),
  syncedAt: new Date(Date.now() - 60_000).toISOString(),
  dataVersion: 7,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface DashboardServer {
  url: string;
  /** Authorization headers the stub API received, in order. */
  authorizations: string[];
  /** Paths with query strings of the API requests, in order. */
  requests: string[];
  /**
   * Whether the lake has been synchronised: until then the data endpoints answer 503 QUERY_NOT_READY with
   * Retry-After, as the query service does during its first sync.
   */
  setSynced(synced: boolean): void;
  /** Whether today is a day the offices are closed (no working hours, nobody in, no earlier same weekday). */
  setClosedToday(closed: boolean): void;
  close(): Promise<void>;
}

class StubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { parameter: string; expected: string }[] = [],
  ) {
    super(message);
  }
}

function principal(header: string | undefined): Principal {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) throw new StubError(401, 'QUERY_UNAUTHORIZED', 'a bearer token is required');
  const entry = (STUB_TOKENS as Record<string, Principal | undefined>)[token];
  if (!entry) {
    throw new StubError(401, 'QUERY_UNAUTHORIZED', 'unknown token', [
      { parameter: 'Authorization', expected: 'a token issued for this service' },
    ]);
  }
  return entry;
}

/** A deterministic figure per metric and group, with Liepāja below every minimum sample. */
export function figureFor(metricId: string, group: string | null, salt: number) {
  const metric = catalogue.get(metricId);
  if (!metric) throw new StubError(400, 'QUERY_BAD_PARAMETER', `unknown metric ${metricId}`);
  const base: Record<string, number> = {
    surveys_answered: 1240,
    csat: 0.86,
    satisfaction_mean: 4.31,
    courtesy_mean: 4.52,
    nps: 34,
    wait_p50: 9.5,
    wait_p90: 27,
    wait_within_target: 0.82,
    response_p50: 4,
    legal_deadline_share: 0.97,
    internal_target_share: 0.88,
    open_complaints: 6,
    oldest_open_age: 12,
    complaints_received: 14,
  };
  const offset = group === null ? 0 : Math.max(0, OFFICES.indexOf(group)) + Math.max(0, LANGUAGES.indexOf(group));
  const wobble = ((salt * 7 + offset * 3) % 5) - 2;
  const raw = base[metricId] ?? 10;
  const value =
    metric.unit === 'share'
      ? Math.min(1, raw + wobble * 0.015)
      : metric.unit === 'count'
        ? Math.round(raw + wobble)
        : raw + wobble * (metric.unit === 'score_1_5' ? 0.05 : 1);
  const n = group === 'liepaja' || group === 'other' ? 8 : 150 + offset * 20;
  const suppressed = n < metric.minSample;
  return { metric, value: suppressed ? null : value, n, suppressed, target: metric.target.default };
}

function periods(from: string, to: string, grain: string | undefined): string[] {
  if (!grain) return [];
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  if (grain === 'month' || grain === 'quarter') d.setUTCDate(1);
  if (grain === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const end = new Date(`${to}T00:00:00Z`);
  while (d <= end && out.length < 400) {
    out.push(d.toISOString().slice(0, 10));
    if (grain === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + (grain === 'quarter' ? 3 : 1));
  }
  return out;
}

function query(url: URL, who: Principal) {
  const metrics = (url.searchParams.get('metrics') ?? '').split(',').filter(Boolean);
  const dimensions = (url.searchParams.get('dimensions') ?? '').split(',').filter(Boolean);
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  const grain = url.searchParams.get('grain') ?? undefined;
  const filters: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) if (k.startsWith('filter.')) filters[k.slice(7)] = v.split(',');
  // As the real API: a filter by a dimension the metric's model lacks is refused.
  for (const dimension of Object.keys(filters)) {
    const info = (Dimensions as Record<string, { models: readonly string[] } | undefined>)[dimension];
    for (const m of metrics) {
      const model = catalogue.get(m)?.model ?? '';
      if (!info || !info.models.includes(model))
        throw new StubError(400, 'QUERY_BAD_PARAMETER', `dimension "${dimension}" does not apply to ${m}`, [
          { parameter: `filter.${dimension}`, expected: `a dimension of the ${model} model` },
        ]);
    }
  }
  if ('office' in who) {
    if ((filters.office ?? []).some((o) => o !== who.office))
      throw new StubError(403, 'QUERY_FORBIDDEN', 'an office token sees other offices only in /v1/compare');
    filters.office = [who.office];
  }
  const groups: (string | null)[] =
    dimensions[0] === 'office'
      ? OFFICES.filter((o) => !filters.office || filters.office.includes(o))
      : dimensions[0] === 'outcome'
        ? ['explained', 'upheld', 'not_upheld', null]
        : dimensions[0] === 'category'
          ? // Two long Latvian names that wrap beside a phone's bars.
            ['waiting', 'staff_conduct', 'information', 'e_service', 'refusal', 'accessibility']
          : dimensions[0] === 'service'
            ? // Long Latvian names ("… komercpārvadājumiem") that wrap beside a phone's bars.
              SERVICE_IDS.slice(0, 4)
            : [filters.office?.[0] ?? null];
  const keys = grain ? periods(from, to, grain) : [null];
  const rows = keys.flatMap((period, i) =>
    groups.map((group) => {
      const row: Record<string, unknown> = {};
      if (period !== null) row.period = period;
      if (dimensions[0]) row[dimensions[0]] = group;
      for (const m of metrics) {
        // One office's figures (by its dimension or a filter to it): Liepāja's stay below every minimum sample.
        const office = dimensions[0] === 'office' ? group : (filters.office?.[0] ?? null);
        const { value, n, suppressed, target } = figureFor(m, office, i);
        row[m] = { value, n, target, suppressed };
      }
      return row;
    }),
  );
  return { freshness, query: { metrics, dimensions, filters, from, to, grain: grain ?? null }, rows };
}

function compare(url: URL) {
  const metrics = (url.searchParams.get('metrics') ?? '').split(',').filter(Boolean);
  const by = url.searchParams.get('by') ?? 'office';
  // As the real API: `groups=none` answers the all-group figures only.
  const groups =
    url.searchParams.get('groups') === 'none'
      ? []
      : by === 'language'
        ? LANGUAGES
        : by === 'channel' || by === 'service_channel'
          ? CHANNELS
          : OFFICES;
  const figure = (id: string, group: string | null) => {
    const { metric, value, n, suppressed, target } = figureFor(id, group, 1);
    const half = metric.unit === 'share' ? 0.04 : metric.unit === 'score_1_5' ? 0.12 : 2;
    const significant = group === 'cesis' || group === 'ru';
    return {
      group,
      value,
      n,
      interval:
        value === null
          ? null
          : { low: value - half, high: metric.unit === 'share' ? Math.min(1, value + half) : value + half },
      suppressed,
      target,
      pValue: suppressed || group === null ? null : significant ? 0.002 : 0.41,
      significant: !suppressed && significant,
      previous: { value, n, suppressed },
      change: suppressed ? null : 0,
      changePValue: suppressed ? null : 1,
      changeSignificant: false,
    };
  };
  return {
    freshness,
    by,
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
    previous: { from: '2025-01-01', to: '2025-06-30' },
    alpha: 0.05,
    metrics: metrics.map((id) => {
      const metric = catalogue.get(id);
      if (!metric) throw new StubError(400, 'QUERY_BAD_PARAMETER', `unknown metric ${id}`);
      return {
        id,
        unit: metric.unit,
        direction: metric.direction,
        minSample: metric.minSample,
        all: figure(id, null),
        // As the real API: complaints not yet assigned to an office form a group of their own (office null).
        groups: [
          ...groups,
          ...(by === 'office' && metric.model === 'complaints' && groups.length > 0 ? [null] : []),
        ].map((g) => figure(id, g)),
      };
    }),
  };
}

/** Each office's comparisons as /v1/compare gives them, each `by` only for the metrics whose model has it. */
function compareWithin(url: URL) {
  const by = (url.searchParams.get('by') ?? '').split(',').filter(Boolean);
  const metrics = (url.searchParams.get('metrics') ?? '').split(',').filter(Boolean);
  const comparisons = () =>
    by.map((dimension) => {
      const models: readonly string[] =
        (Dimensions as Record<string, { models: readonly string[] }>)[dimension]?.models ?? [];
      const ids = metrics.filter((id) => models.includes(catalogue.get(id)?.model ?? ''));
      const one = new URL(url);
      one.searchParams.set('by', dimension);
      one.searchParams.set('metrics', ids.join(','));
      return { by: dimension, metrics: ids.length > 0 ? compare(one).metrics : [] };
    });
  return {
    freshness,
    within: url.searchParams.get('within') ?? 'office',
    by,
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
    filters: {},
    previous: { from: '2025-01-01', to: '2025-06-30' },
    alpha: 0.05,
    all: comparisons(),
    sections: OFFICES.map((value) => ({ value, comparisons: comparisons() })),
  };
}

/**
 * The day so far: 42 arrivals against a usual of 30, 3 waiting (as usual), a median wait of 6 minutes; on a closed
 * day what the query service answers then (a Saturday: no hours, nobody in, no usual).
 */
function today(url: URL, who: Principal, closed: boolean) {
  const asked = url.searchParams.get('office');
  if ('office' in who && asked && asked !== who.office)
    throw new StubError(403, 'QUERY_FORBIDDEN', 'an office token sees its own office only');
  return {
    freshness,
    office: 'office' in who ? who.office : asked,
    date: '2026-12-04',
    asOf: '2026-12-04T09:30:00.000Z',
    timeOfDay: '11:30',
    ...(closed
      ? {
          hours: [],
          today: { arrivals: 0, waitingNow: 0, waitP50: null, waitN: 0 },
          usual: { arrivals: null, waitingNow: null, waitP50: null, waitN: null },
          usualDays: [],
        }
      : {
          hours: [{ open: '08:30', close: '16:30' }],
          today: { arrivals: 42, waitingNow: 3, waitP50: 6, waitN: 39 },
          usual: { arrivals: 30, waitingNow: 3, waitP50: 7.5, waitN: 28 },
          usualDays: ['2026-11-27', '2026-11-20', '2026-11-13'],
        }),
  };
}

/** The stub answers only the query API's published bodies: a stub that drifted from them fails the browser test. */
function published<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`the stub's answer is not the published body: ${parsed.error.message}`);
  return parsed.data;
}

function annotations() {
  const law = { id: 'law', kind: 'law', from: '2026-03-01', to: null, offices: null, source: null };
  return { annotations: [{ ...law, label: { lv: 'Likuma grozījumi', en: 'Law amended' } }] };
}

/** Five aspects at fixed, plausible figures; "identifiable" below the minimum sample. */
function drivers(url: URL) {
  const aspect = (dimension: string, performance: number, importance: number, n = 400) => ({
    dimension,
    label: { lv: dimension, en: dimension },
    n,
    suppressed: n < 30,
    performance: n < 30 ? null : performance,
    performanceInterval: n < 30 ? null : { lower: performance - 0.08, upper: performance + 0.08 },
    importance: n < 30 ? null : importance,
    importanceInterval: n < 30 ? null : { lower: importance - 0.09, upper: importance + 0.08 },
    p: n < 30 ? null : 0.0001,
  });
  return {
    freshness,
    from: url.searchParams.get('from') ?? '',
    to: url.searchParams.get('to') ?? '',
    minSample: 30,
    satisfaction: { mean: 4.1, n: 400 },
    drivers: [
      aspect('competence', 4.3, 0.55),
      aspect('courtesy', 4.4, 0.4),
      aspect('speed', 3.6, 0.62),
      aspect('clarity', 3.9, 0.35),
      aspect('identifiable', 0, 0, 12),
    ],
  };
}

/** Monthly contacts on five channels and a digital share that rises by a point a month (first days of months). */
function channels(url: URL) {
  const from = url.searchParams.get('from') ?? '2026-01-01';
  const to = url.searchParams.get('to') ?? from;
  const periods: string[] = [];
  const month = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  while (month.toISOString().slice(0, 10) <= to && periods.length < 36) {
    periods.push(month.toISOString().slice(0, 10));
    month.setUTCMonth(month.getUTCMonth() + 1);
  }
  const mix: [string, string, number][] = [
    ['in_person', 'visits', 900],
    ['e_services_portal', 'e_service_cases_rated', 120],
    ['latvija_lv', 'e_service_cases_rated', 40],
    ['email', 'complaints_received', 30],
    ['post', 'complaints_received', 8],
  ];
  const digital = periods.map((period, i) => {
    const n = 400;
    const successes = 48 + 4 * i;
    return {
      period,
      value: successes / n,
      successes,
      n,
      interval: { low: successes / n - 0.03, high: successes / n + 0.03 },
      suppressed: false,
    };
  });
  const a = digital.reduce((x, p) => x + p.successes, 0);
  const n = digital.reduce((x, p) => x + p.n, 0);
  return {
    freshness,
    from,
    to,
    grain: url.searchParams.get('grain') ?? 'month',
    contacts: {
      metrics: ['visits', 'complaints_received', 'feedback_received', 'e_service_cases_rated'],
      filters: {},
      skipped: [],
      rows: periods.flatMap((period) => mix.map(([channel, metric, count]) => ({ period, channel, metric, n: count }))),
      minSample: 30,
    },
    digital: {
      metric: 'digital_share',
      filters: {},
      minSample: 30,
      unavailable: null,
      periods: digital,
      all: {
        value: n ? a / n : null,
        successes: a,
        n,
        interval: n ? { low: a / n - 0.01, high: a / n + 0.01 } : null,
        suppressed: false,
      },
      trend: periods.length > 1 ? { perPeriod: 0.01, pValue: 0.0004, significant: true } : null,
    },
  };
}

/** Passes a request to another service with its method, token and body, and its answer back as it is. */
async function forward(request: IncomingMessage, to: URL, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const answer = await fetch(to, {
    method: request.method ?? 'GET',
    headers: {
      authorization: request.headers.authorization ?? '',
      ...(chunks.length > 0 && { 'content-type': request.headers['content-type'] ?? 'application/json' }),
    },
    ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
  });
  response
    .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
    .end(Buffer.from(await answer.arrayBuffer()));
}

const DATA_PATHS = new Set(['/v1/query', '/v1/compare', '/v1/compare/within', '/v1/sql']);

async function api(
  request: IncomingMessage,
  url: URL,
  { synced, closedToday, alerts }: { synced: boolean; closedToday: boolean; alerts: boolean },
): Promise<unknown> {
  const who = principal(request.headers.authorization);
  const path = url.pathname;
  if (!synced && DATA_PATHS.has(path))
    throw new StubError(503, 'QUERY_NOT_READY', 'the lake has not been synchronised yet');
  if (path === '/v1/metrics' && request.method === 'GET')
    return published(MetricsAnswer, {
      freshness,
      metrics: [...catalogue.values()],
      dimensions: Object.values(Dimensions),
    });
  if (path === '/v1/session' && request.method === 'GET')
    return published(SessionAnswer, { role: who.role, office: 'office' in who ? who.office : null });
  if (path === '/v1/reference' && request.method === 'GET') return published(ReferenceAnswer, referenceAnswer());
  // The stub forwards to no reports service, and to an alerts service only when given one: else those screens hide.
  if (path === '/v1/features' && request.method === 'GET') return published(FeaturesAnswer, { alerts, reports: false });
  if (path === '/v1/query' && request.method === 'GET') return published(QueryAnswer, query(url, who));
  if (path === '/v1/compare' && request.method === 'GET') return published(CompareAnswer, compare(url));
  if (path === '/v1/compare/within' && request.method === 'GET')
    return published(CompareWithinAnswer, compareWithin(url));
  if (path === '/v1/annotations' && request.method === 'GET') return published(AnnotationsAnswer, annotations());
  if (path === '/v1/drivers' && request.method === 'GET') return published(DriversAnswer, drivers(url));
  if (path === '/v1/channels' && request.method === 'GET') return published(ChannelsAnswer, channels(url));
  if (path === '/v1/today' && request.method === 'GET') return published(TodayAnswer, today(url, who, closedToday));
  if (path === '/v1/complaints/due' && request.method === 'GET') return published(DueAnswer, due(url, who));
  if (path === '/v1/complaints/backlog' && request.method === 'GET') return published(BacklogAnswer, backlog(url));
  if (path === '/v1/schema' && request.method === 'GET') {
    if (who.role === 'office') throw new StubError(403, 'QUERY_FORBIDDEN', 'the office role may not use this endpoint');
    return published(SchemaAnswer, { tables: Object.values(Models) });
  }
  if (path === '/v1/sql' && request.method === 'POST') {
    if (who.role !== 'analyst')
      throw new StubError(403, 'QUERY_FORBIDDEN', `the ${who.role} role may not use this endpoint`);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { sql?: string };
    if (!/^\s*select\b/i.test(body.sql ?? ''))
      throw new StubError(400, 'QUERY_SQL_REJECTED', 'only one SELECT statement is accepted');
    return published(SqlAnswer, {
      freshness,
      columns: ['office_id', 'surveys', 'mean_satisfaction'],
      types: ['VARCHAR', 'BIGINT', 'DOUBLE'],
      rows: OFFICES.map((o, i) => ({ office_id: o, surveys: 400 - i * 70, mean_satisfaction: 4.1 + i / 10 })),
      truncated: false,
      elapsedMs: 12,
    });
  }
  throw new StubError(404, 'QUERY_NOT_FOUND', `no route ${request.method} ${path}`);
}

/** One overdue complaint and one due in three working days (of Cēsis for its office head). */
function due(url: URL, who: Principal) {
  const office = 'office' in who ? who.office : 'riga-valnu-30';
  const complaint = (id: string, status: 'overdue' | 'due', dueOn: string, workingDaysLeft: number) => ({
    id,
    office,
    channel: 'email',
    category: 'waiting',
    receivedOn: '2026-11-16',
    dueOn,
    rule: 'submissions-law-from-2026-03',
    extended: false,
    reopened: false,
    workingDaysLeft,
    status,
  });
  return {
    freshness,
    asOf: '2026-12-03',
    within: Number(url.searchParams.get('within') ?? '5'),
    filters: 'office' in who ? { office: [who.office] } : {},
    counts: { overdue: 1, due: 1 },
    complaints: [
      complaint('c-20261116-1', 'overdue', '2026-11-30', -3),
      complaint('c-20261124-2', 'due', '2026-12-08', 3),
    ],
    truncated: false,
  };
}

function backlog(url: URL) {
  const months = ['2026-10-01', '2026-11-01', '2026-12-01'];
  return {
    freshness,
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
    grain: 'month',
    filters: {},
    points: months.map((period, i) => ({
      period,
      asOf: i === 2 ? '2026-12-03' : `2026-${10 + i}-28`,
      open: 12 - i * 2,
      overdue: 3 - i,
      received: 70 - i * 5,
      answered: 72 - i * 4,
    })),
  };
}

async function serveFile(distDir: string, pathname: string, response: ServerResponse): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(distDir, relative === '/' ? 'index.html' : relative);
  if (!file.startsWith(distDir)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/**
 * `alertsUrl`: a running alerts service (its buildApp) that /v1/alerts* is forwarded to with the caller's token, as
 * the query service forwards them; the Alerts screen then shows.
 */
export async function startDashboardServer(
  distDir: string,
  options: { alertsUrl?: string } = {},
): Promise<DashboardServer> {
  const authorizations: string[] = [];
  const requests: string[] = [];
  let synced = true;
  let closedToday = false;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stub.invalid');
    if (!url.pathname.startsWith('/v1/')) {
      void serveFile(distDir, url.pathname, response);
      return;
    }
    authorizations.push(request.headers.authorization ?? '');
    requests.push(`${url.pathname}${url.search}`);
    if (options.alertsUrl && url.pathname.startsWith('/v1/alerts')) {
      void forward(request, new URL(`${url.pathname}${url.search}`, options.alertsUrl), response);
      return;
    }
    api(request, url, { synced, closedToday, alerts: options.alertsUrl !== undefined })
      .then((body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)))
      .catch((error: unknown) => {
        const e = error instanceof StubError ? error : new StubError(500, 'QUERY_INTERNAL', String(error));
        response
          .writeHead(e.status, { 'content-type': 'application/json', ...(e.status === 503 && { 'retry-after': '5' }) })
          .end(JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    authorizations,
    requests,
    setSynced: (value) => {
      synced = value;
    },
    setClosedToday: (value) => {
      closedToday = value;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
