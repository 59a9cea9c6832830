/**
 * Starts the query service: reads the environment (the only place that does), builds the S3 client, the lake
 * mirror, the DuckDB store, the sandbox and the HTTP app, runs the sync loop and listens (the API, and
 * Prometheus on a listener of its own). SIGTERM/SIGINT stop in order: HTTP, sync loop, sandbox, database, S3
 * client, metrics listener.
 */
import { scrubText } from '@servq/contracts';
import { createS3Client } from '@servq/lake';
import { createMetricsListener, serviceLogOptions, stopOnSignals } from '@servq/runtime';
import { buildCatalogue } from '@servq/metrics';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DuckDbStore } from './store/duckdb.store.ts';
import { createQueryMetrics } from './metrics.ts';
import { LakeMirror } from './mirror.ts';
import { SqlSandbox } from './sandbox.ts';
import { SyncLoop } from './sync.ts';

const config = loadConfig(process.env);
const s3 = createS3Client(config.s3);
const catalogue = buildCatalogue({
  waitTargetMinutes: config.metrics.waitTargetMinutes,
  targets: config.metrics.targets,
});
const store = await DuckDbStore.create({
  complaintTargetWorkingDays: config.complaintTargetWorkingDays,
  now: () => new Date(),
  temp: config.store,
});
const metrics = createQueryMetrics(() => store.getFreshness());
const mirror = new LakeMirror(s3, config.sync);
const sandbox = new SqlSandbox(config.sandbox, store);
const metricsListener = createMetricsListener(config.metricsListener, metrics.registry);
const app = await buildApp(
  {
    tokens: config.tokens,
    cacheEntries: config.cacheEntries,
    logger: serviceLogOptions({ service: 'query', level: config.logLevel, scrubText }),
    dashboardDir: config.dashboardDir,
  },
  { store, catalogue, sql: sandbox, metrics },
);
const sync = new SyncLoop(mirror, store, config.sync.intervalMs, app.log, metrics);

await sync.start();
await app.listen({ host: config.http.host, port: config.http.port });
app.log.info({ url: (await metricsListener.start()).url }, 'serving Prometheus metrics');

stopOnSignals(
  async () => {
    await app.close();
    await sync.stop();
    await sandbox.stop();
    store.close();
    s3.destroy();
    await metricsListener.stop();
  },
  { logger: app.log },
);
