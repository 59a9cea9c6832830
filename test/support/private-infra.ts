/**
 * A private Kafka broker and S3 server for the fault suite, started by infra/local/infra.sh with its own
 * ports, data directory and heap. The fault scenarios stop and restart these two processes; the shared
 * instances other tests and helpers use (the development ports of infra/local/dev.env.example) are never
 * touched: every call here passes the private addresses and data directory explicitly, and infra.sh only
 * stops a process whose pid file lives in that data directory and whose command line names it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { envPort, loadSharedConfig, parseEnv, type Env, type SharedConfig } from '@servq/config';
import { z } from 'zod';

const infraScript = fileURLToPath(new URL('../../infra/local/infra.sh', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const PrivateInfraEnv = z.object({
  /** The private broker's port; its controller listens on the next one. */
  SERVQ_CHAOS_KAFKA_PORT: envPort.default(19092),
  SERVQ_CHAOS_S3_PORT: envPort.default(19000),
  SERVQ_CHAOS_DATA_DIR: z.string().min(1).default(`${repoRoot}.data/chaos`),
});

export type Component = 'kafka' | 's3';

export interface PrivateInfra {
  /** The environment that points infra.sh, the services and the test's own clients at the private instances. */
  env: Record<string, string>;
  /** The shared config (brokers, S3 endpoint and credentials) of the private instances. */
  shared(): SharedConfig;
  dataDir: string;
  up(component?: Component): Promise<void>;
  down(component?: Component): Promise<void>;
}

/** The private instances' settings; the credentials and bucket are the development ones of the given env. */
export function privateInfra(env: Env): PrivateInfra {
  const settings = parseEnv(PrivateInfraEnv, env);
  const overrides: Record<string, string> = {
    KAFKA_BROKERS: `127.0.0.1:${settings.SERVQ_CHAOS_KAFKA_PORT}`,
    S3_ENDPOINT: `http://127.0.0.1:${settings.SERVQ_CHAOS_S3_PORT}`,
    SERVQ_DATA_DIR: settings.SERVQ_CHAOS_DATA_DIR,
    SERVQ_KAFKA_HEAP: '512m',
    SERVQ_KAFKA_CONTROLLER_PORT: String(settings.SERVQ_CHAOS_KAFKA_PORT + 1),
    SERVQ_TOPIC_PARTITIONS: '3',
  };
  const run = async (...args: string[]) => {
    await promisify(execFile)('bash', [infraScript, ...args], {
      env: { ...process.env, ...overrides },
      timeout: 180_000,
    });
  };
  return {
    env: overrides,
    shared: () => loadSharedConfig({ ...env, ...overrides }),
    dataDir: settings.SERVQ_CHAOS_DATA_DIR,
    // Kafka and S3 only: `up` alone would also start the mail component, on the shared Mailpit's ports.
    up: async (component) => {
      if (component) return run('up', component);
      await run('up', 'kafka');
      await run('up', 's3');
    },
    down: (component) => run('down', ...(component ? [component] : [])),
  };
}
