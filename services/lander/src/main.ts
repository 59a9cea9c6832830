/**
 * The lander process: reads the environment, builds and starts the lander, listens for probes and (on a
 * listener of their own) Prometheus scrapes, and shuts down in order on SIGTERM/SIGINT. The only module that
 * reads `process.env` or exits.
 */
import { isConfigError } from '@servq/config';
import { scrubText } from '@servq/contracts';
import { createMetricsListener, serviceLogOptions, stopOnSignals } from '@servq/runtime';
import { pino } from 'pino';
import { buildLander } from './app.ts';
import { loadConfig } from './config.ts';

const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino(serviceLogOptions({ service: 'lander', level: config.logLevel, scrubText }));
  const lander = await buildLander(config, { logger });
  const metricsListener = createMetricsListener(config.metricsListener, lander.metrics.registry);
  const stop = async () => {
    await lander.stop();
    await metricsListener.stop();
  };
  stopOnSignals(stop, {
    logger,
    deadline: {
      ms: SHUTDOWN_TIMEOUT_MS,
      message: 'shutdown timed out; exiting (unlanded events are landed again on restart)',
    },
  });
  // Probes and metrics answer while the lander joins its group, which can take a session timeout after a crash:
  // /healthz says it lives, /readyz that it does not land yet.
  const address = await lander.http.listen({ host: config.http.host, port: config.http.port });
  logger.info({ address }, 'lander listening');
  logger.info({ url: (await metricsListener.start()).url }, 'serving Prometheus metrics');
  await lander.start();
}

main().catch((error: unknown) => {
  if (isConfigError(error)) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
