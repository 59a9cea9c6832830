/**
 * The one shutdown sequence of every service's entry point: on the first SIGTERM or SIGINT, log it, run the
 * service's own ordered `stop`, and exit — 0 when it finished, 1 when it failed or outlasted its deadline (a
 * second signal while stopping is ignored, so Ctrl-C twice does not cut the first stop short).
 */

/** What shutdown logs through: pino's and fastify's loggers both fit. */
export interface ShutdownLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ShutdownOptions {
  logger: ShutdownLogger;
  /** Exit 1 when `stop` has not finished after `ms`, logging `message` (why that is safe, for the operator). */
  deadline?: { ms: number; message: string };
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export function stopOnSignals(stop: () => Promise<void>, options: ShutdownOptions): void {
  const { logger, deadline } = options;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer =
      deadline &&
      setTimeout(() => {
        logger.error({ ms: deadline.ms }, deadline.message);
        process.exit(1);
      }, deadline.ms);
    stop().then(
      () => {
        clearTimeout(timer);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, () => shutdown(signal));
}
