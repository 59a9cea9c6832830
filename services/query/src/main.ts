/**
 * Starts the query service: reads the environment (the only place that does), builds the service
 * (`service.ts`), starts its sync loop and listens (the API, and Prometheus on a listener of its own).
 * SIGTERM/SIGINT stop it in order — running analyst query, HTTP, sync loop, sandbox, database, S3 client,
 * metrics listener — within `QUERY_SHUTDOWN_DEADLINE_MS`, or exit 1 at that deadline.
 */
import { createMetricsListener, stopOnSignals } from '@servq/runtime';
import { loadConfig } from './config.ts';
import { buildQueryService, QUERY_SHUTDOWN_DEADLINE_MS } from './service.ts';

const config = loadConfig(process.env);
const service = await buildQueryService(config);
const metricsListener = createMetricsListener(config.metricsListener, service.metrics.registry);

stopOnSignals(
  async () => {
    await service.stop();
    await metricsListener.stop();
  },
  {
    logger: service.http.log,
    deadline: {
      ms: QUERY_SHUTDOWN_DEADLINE_MS,
      message: 'shutdown timed out; exiting (the next start rebuilds everything from the lake)',
    },
  },
);
await service.start();
await service.http.listen({ host: config.http.host, port: config.http.port });
service.http.log.info({ url: (await metricsListener.start()).url }, 'serving Prometheus metrics');
