/**
 * The lander process: reads the environment, builds and starts the lander, listens for probes, and shuts down
 * in order on SIGTERM/SIGINT. The only module that reads `process.env` or exits.
 */
import { isConfigError } from '@servq/config';
import { pino } from 'pino';
import { buildLander } from './app.ts';
import { loadConfig } from './config.ts';

const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { service: 'lander' } });
  const lander = await buildLander(config, { logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out; exiting (unlanded events are landed again on restart)');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    lander.stop().then(
      () => {
        clearTimeout(deadline);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await lander.start();
  const address = await lander.http.listen({ host: config.http.host, port: config.http.port });
  logger.info({ address }, 'lander listening');
}

main().catch((error: unknown) => {
  if (isConfigError(error)) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
