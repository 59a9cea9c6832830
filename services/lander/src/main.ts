/**
 * The lander process: reads the environment, builds and starts the lander, listens for probes, and shuts down
 * in order on SIGTERM/SIGINT. The only module that reads `process.env` or exits.
 */
import { isConfigError } from '@servq/config';
import { stopOnSignals } from '@servq/runtime';
import { pino } from 'pino';
import { buildLander } from './app.ts';
import { loadConfig } from './config.ts';

const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { service: 'lander' } });
  const lander = await buildLander(config, { logger });
  stopOnSignals(() => lander.stop(), {
    logger,
    deadline: {
      ms: SHUTDOWN_TIMEOUT_MS,
      message: 'shutdown timed out; exiting (unlanded events are landed again on restart)',
    },
  });
  await lander.start();
  const address = await lander.http.listen({ host: config.http.host, port: config.http.port });
  logger.info({ address }, 'lander listening');
}

main().catch((error: unknown) => {
  if (isConfigError(error)) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
