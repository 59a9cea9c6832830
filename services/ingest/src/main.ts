/**
 * Entry point: reads the environment, builds the service (`service.ts`), connects, listens (the API, and
 * Prometheus on its own listener), and shuts down in order on SIGTERM or SIGINT within
 * `INGEST_SHUTDOWN_DEADLINE_MS`: stop accepting requests (in-flight ones finish), flush and disconnect the
 * producer, then stop serving metrics.
 */
import { createMetricsListener, stopOnSignals } from '@servq/runtime';
import { loadConfig } from './config.ts';
import { buildIngestService, INGEST_SHUTDOWN_DEADLINE_MS } from './service.ts';

const config = loadConfig(process.env);
const service = await buildIngestService(config);
const metricsListener = createMetricsListener(config.metricsListener, service.metrics.registry);

await service.start();
await service.http.listen({ host: config.http.host, port: config.http.port });
service.http.log.info({ url: (await metricsListener.start()).url }, 'serving Prometheus metrics');

stopOnSignals(
  async () => {
    await service.stop();
    await metricsListener.stop();
  },
  {
    logger: service.http.log,
    deadline: {
      ms: INGEST_SHUTDOWN_DEADLINE_MS,
      message: 'shutdown timed out; exiting (requests not yet answered were never acknowledged, clients retry them)',
    },
  },
);
