/**
 * The query service's HTTP app: health and readiness, the metric catalogue, catalogue queries (JSON or CSV),
 * comparisons with confidence intervals, the analysts' SQL sandbox (JSON, CSV or Parquet), and the OpenAPI
 * document at /docs. `buildApp` returns a ready app that is not listening; `main.ts` listens, and serves the
 * Prometheus registry on a listener of its own (`QUERY_METRICS_ADDR`), never here. Every error leaves through
 * one handler in one JSON shape.
 */
import { Dimensions, QUANTILE_METHOD, type Catalogue } from '@servq/metrics';
import type { Freshness, MetricsAnswer, SchemaAnswer, SessionAnswer, SqlAnswer } from '@servq/query-api';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { authenticate, requireRole, type Principal } from './routes/auth.ts';
import { compare, type CompareStore } from './routes/compare.ts';
import { compareWithin } from './routes/compare.within.ts';
import { registerComplaints } from './complaints.route.ts';
import type { TokenEntry } from './config.ts';
import { serveDashboard } from './routes/dashboard.static.ts';
import { rowsToCsv } from './routes/csv.ts';
import { errorBody, QueryError, QueryErrorCode, REQUEST_BODY_LIMIT_BYTES, toQueryError } from './errors.ts';
import { createQueryMetrics, type QueryMetrics, type SqlOutcome } from './metrics.ts';
import { installDocs, routeDocs } from './routes/openapi.ts';
import {
  CompareParams,
  CompareWithinParams,
  parseFilters,
  parseParams,
  QueryParams,
  rejectUnknown,
  SqlBody,
} from './routes/params.ts';
import { answerToCsv, QueryService, type ReadStore } from './routes/metric.query.ts';
import { registerChannels } from './channels.route.ts';
import { registerInsights } from './insights.route.ts';
import { registerReference } from './routes/reference.route.ts';
import { registerToday } from './routes/today.route.ts';
import { registerUpstreams } from './routes/upstreams.route.ts';
import type { Upstreams } from './config.ts';
import type { SqlResult, SqlRunner } from './sandbox/sandbox.ts';
import { SqlTables } from './store/sql-tables.ts';

export interface AppConfig {
  tokens: readonly TokenEntry[];
  cacheEntries: number;
  /** The services' censoring logger options (main.ts), or false/absent for silence in tests. */
  logger?: FastifyServerOptions['logger'];
  /** The built dashboard to serve at `/`, if any. */
  dashboardDir?: string | null;
  /** The alerts and reports services forwarded to under /v1/alerts and /v1/reports (none when absent). */
  upstreams?: Upstreams;
}

export interface AppDeps {
  store: ReadStore & CompareStore & { getFreshness(): Freshness };
  catalogue: Catalogue;
  /** The analysts' sandbox; absent where SQL is not offered. */
  sql?: SqlRunner;
  /** Shared with the sync loop and the metrics listener in main.ts; an app-own registry otherwise. */
  metrics?: QueryMetrics;
  /** The clock "today" is read from (GET /v1/today); the system clock when absent. */
  now?: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export async function buildApp(config: AppConfig, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logger ?? false, bodyLimit: REQUEST_BODY_LIMIT_BYTES });
  const metrics = deps.metrics ?? createQueryMetrics(() => deps.store.getFreshness());
  const service = new QueryService(deps.store, deps.catalogue, {
    cacheEntries: config.cacheEntries,
    onCacheLookup: (hit) => metrics.cacheLookups.inc({ result: hit ? 'hit' : 'miss' }),
  });
  await installDocs(app);
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (!route.startsWith('/docs')) {
      metrics.requestSeconds.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    }
    done();
  });

  app.setErrorHandler(async (error, request, reply) => {
    const queryError = toQueryError(error);
    if (queryError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    // A sync runs every few seconds, so a client may ask again shortly.
    if (queryError.retryable) reply.header('retry-after', '5');
    return reply.status(queryError.statusCode).send(errorBody(queryError));
  });
  app.setNotFoundHandler(async (request, reply) => {
    const error = new QueryError(QueryErrorCode.NotFound, `no route ${request.method} ${request.url.split('?')[0]}`, [
      { parameter: 'path', expected: 'a route of the OpenAPI document at /docs' },
    ]);
    return reply.status(404).send(errorBody(error));
  });

  const principal = (request: FastifyRequest): Principal => authenticate(config.tokens, request.headers.authorization);

  app.get('/healthz', { schema: routeDocs.healthz }, () => Promise.resolve({ status: 'ok' }));
  /**
   * Until the first sync the database is empty: answering "no rows" then would read as zero complaints or
   * no visits, for as long as the cold sync takes (about 30 s for a year of 10 million events).
   */
  const requireSynced = (): void => {
    if (deps.store.getFreshness().syncedAt === null) {
      throw new QueryError(QueryErrorCode.NotReady, 'the lake has not been synchronised yet', [], { retryable: true });
    }
  };

  app.get('/readyz', { schema: routeDocs.readyz }, () => {
    requireSynced();
    return Promise.resolve({ status: 'ready', freshness: deps.store.getFreshness() });
  });

  app.get('/v1/metrics', { schema: routeDocs.catalogue }, (request) => {
    principal(request);
    return Promise.resolve({
      freshness: deps.store.getFreshness(),
      // A percentile says how it is computed; the method's words live beside the measure in @servq/metrics.
      metrics: [...deps.catalogue.values()].map((m) =>
        m.measure.kind === 'quantile' ? { ...m, method: { ...QUANTILE_METHOD } } : m,
      ),
      dimensions: Object.values(Dimensions),
    } satisfies MetricsAnswer);
  });

  app.get('/v1/session', { schema: routeDocs.session }, (request) => {
    const who = principal(request);
    return Promise.resolve({ role: who.role, office: who.office ?? null } satisfies SessionAnswer);
  });

  registerReference(app, principal);
  await registerUpstreams(app, config.upstreams ?? { alerts: null, reports: null }, principal);
  registerInsights(app, { principal, requireSynced, store: deps.store });
  registerChannels(app, { principal, requireSynced, store: deps.store, catalogue: deps.catalogue });
  registerToday(app, { principal, requireSynced, store: deps.store, now: deps.now ?? (() => new Date()) });
  registerComplaints(app, { principal, requireSynced, store: deps.store, now: deps.now ?? (() => new Date()) });

  app.get('/v1/query', { schema: routeDocs.query }, async (request, reply) => {
    const who = principal(request);
    requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, ['metrics', 'dimensions', 'from', 'to', 'grain', 'format']);
    const params = parseParams(QueryParams, raw);
    const answer = await service.run(who, {
      metrics: params.metrics,
      dimensions: params.dimensions ?? [],
      filters: parseFilters(raw),
      from: params.from,
      to: params.to,
      grain: params.grain,
    });
    reply.header('x-servq-data-version', String(answer.freshness.dataVersion));
    if (answer.freshness.newestEventAt) reply.header('x-servq-newest-event', answer.freshness.newestEventAt);
    if (answer.freshness.syncedAt) reply.header('x-servq-synced-at', answer.freshness.syncedAt);
    if (params.format === 'csv') return reply.type('text/csv; charset=utf-8').send(answerToCsv(answer));
    return answer;
  });

  app.get('/v1/compare', { schema: routeDocs.compare }, async (request) => {
    principal(request);
    requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, Object.keys(CompareParams.shape));
    const params = parseParams(CompareParams, raw);
    return compare(deps.store, deps.catalogue, { ...params, filters: parseFilters(raw) });
  });

  app.get('/v1/compare/within', { schema: routeDocs.compareWithin }, async (request) => {
    principal(request);
    requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, ['metrics', 'by', 'within', 'from', 'to', 'against']);
    const params = parseParams(CompareWithinParams, raw);
    return compareWithin(deps.store, deps.catalogue, { ...params, filters: parseFilters(raw) });
  });

  app.get('/v1/schema', { schema: routeDocs.schema }, (request) => {
    requireRole(principal(request), ['analyst', 'management']);
    return Promise.resolve({ tables: [...SqlTables] } satisfies SchemaAnswer);
  });

  app.post('/v1/sql', { schema: routeDocs.sql }, async (request, reply) => {
    requireRole(principal(request), ['analyst']);
    if (!deps.sql) {
      throw new QueryError(QueryErrorCode.NotFound, 'the SQL sandbox is not enabled', [
        { parameter: 'path', expected: 'a route this service offers: /v1/sql needs the SQL sandbox enabled' },
      ]);
    }
    requireSynced();
    const body = parseParams(SqlBody, request.body ?? {});
    const result = await runSql(deps.sql, body.sql, metrics);
    const freshness = deps.store.getFreshness();
    reply.header('x-servq-data-version', String(freshness.dataVersion));
    reply.header('x-servq-truncated', String(result.truncated));
    if (body.format === 'csv')
      return reply.type('text/csv; charset=utf-8').send(rowsToCsv(result.columns, result.rows));
    if (body.format === 'parquet') {
      return reply
        .type('application/vnd.apache.parquet')
        .header('content-disposition', 'attachment; filename="servq-result.parquet"')
        .send(await deps.sql.toParquet(result));
    }
    return { freshness, ...result } satisfies SqlAnswer;
  });

  if (config.dashboardDir) await serveDashboard(app, config.dashboardDir);
  await app.ready();
  return app;
}

const sqlOutcomes: Partial<Record<QueryErrorCode, SqlOutcome>> = {
  [QueryErrorCode.SqlRejected]: 'rejected',
  [QueryErrorCode.SqlTimeout]: 'timeout',
  [QueryErrorCode.SqlMemoryLimit]: 'memory',
};

/** Runs analyst SQL and counts its outcome. */
async function runSql(runner: SqlRunner, sql: string, metrics: QueryMetrics): Promise<SqlResult> {
  let outcome: SqlOutcome = 'failed';
  try {
    const result = await runner.run(sql);
    outcome = result.truncated ? 'truncated' : 'ok';
    return result;
  } catch (error) {
    outcome = sqlOutcomes[toQueryError(error).code] ?? 'failed';
    throw error;
  } finally {
    metrics.sqlQueries.inc({ outcome });
  }
}
