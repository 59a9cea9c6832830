/**
 * The query service's builder, in the shape every servq service has: `buildQueryService(config, deps)` wires the
 * DuckDB store, the lake mirror and its sync loop, the SQL sandbox and the HTTP app, and returns
 * `{ http, start, stop }` — not listening, not syncing. `main.ts` listens and calls `start`; tests may do the same
 * in their own process. `onSync` is the hook after each sync of the lake, for parts that act on new data.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { scrubText } from '@servq/contracts';
import { createS3Client } from '@servq/lake';
import { buildCatalogue } from '@servq/metrics';
import { serviceLogOptions } from '@servq/runtime';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app.ts';
import type { QueryConfig } from './config.ts';
import { createQueryMetrics, type QueryMetrics } from './metrics.ts';
import { LakeMirror } from './sync/mirror.ts';
import { SqlSandbox } from './sandbox/sandbox.ts';
import { DuckDbStore } from './store/duckdb.store.ts';
import { SyncLoop, type SyncListener } from './sync/sync.ts';

/**
 * How long `stop` may take before `main.ts` exits anyway. Stopping ends a running analyst query first, so what
 * remains is closing connections and the database: seconds. Nothing is lost by exiting: the service keeps no
 * state that the next start does not rebuild from the lake.
 */
export const QUERY_SHUTDOWN_DEADLINE_MS = 15_000;

export interface QueryServiceDeps {
  /** Built from `config.s3` when absent (and then destroyed by `stop`). */
  s3?: S3Client;
  /** The logger options of the HTTP app; the service's censoring logger when absent. */
  logger?: FastifyServerOptions['logger'];
  /** The clock "today" is read from; the system clock when absent. */
  now?: () => Date;
}

export interface QueryServiceHandle {
  /** The HTTP app: ready, not listening. */
  http: FastifyInstance;
  /** Its registry is what main.ts serves on the metrics listener. */
  metrics: QueryMetrics;
  /** Reads the local mirror and starts the sync loop. */
  start(): Promise<void>;
  /** Ends a running analyst query, stops HTTP (requests in flight finish), the sync loop, the sandbox, then clients. */
  stop(): Promise<void>;
  /** Calls `listener` after each successful sync with the data version served; returns its remover. */
  onSync(listener: SyncListener): () => void;
}

export async function buildQueryService(config: QueryConfig, deps: QueryServiceDeps = {}): Promise<QueryServiceHandle> {
  const now = deps.now ?? (() => new Date());
  const s3 = deps.s3 ?? createS3Client(config.s3);
  const catalogue = buildCatalogue({
    waitTargetMinutes: config.metrics.waitTargetMinutes,
    targets: config.metrics.targets,
  });
  const store = await DuckDbStore.create({
    complaintTargetWorkingDays: config.complaintTargetWorkingDays,
    now,
    temp: config.store,
  });
  const metrics = createQueryMetrics(() => store.getFreshness());
  const mirror = new LakeMirror(s3, config.sync);
  const sandbox = new SqlSandbox(config.sandbox, store);
  const http = await buildApp(
    {
      tokens: config.tokens,
      cacheEntries: config.cacheEntries,
      logger: deps.logger ?? serviceLogOptions({ service: 'query', level: config.logLevel, scrubText }),
      dashboardDir: config.dashboardDir,
      upstreams: config.upstreams,
    },
    { store, catalogue, sql: sandbox, metrics, now },
  );
  const sync = new SyncLoop(mirror, store, config.sync.intervalMs, http.log, metrics);

  return {
    http,
    metrics,
    start: () => sync.start(),
    async stop() {
      // The sandbox first: HTTP's close waits for requests in flight, and a running analyst query would hold it
      // for up to its time limit. Its request is answered 503 QUERY_SHUTTING_DOWN (retryable).
      await sandbox.stop();
      await http.close();
      await sync.stop();
      store.close();
      if (!deps.s3) s3.destroy();
    },
    onSync: (listener) => sync.onSync(listener),
  };
}
