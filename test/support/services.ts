/**
 * Runs servq services as real processes (their own `src/main.ts`) for end-to-end scenarios: each gets its
 * environment, a log file under .data/logs/e2e, and is stopped with SIGTERM (SIGKILL after a grace period)
 * when the scenario ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pollUntil } from '@servq/runtime';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningService {
  name: string;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export async function startService(
  name: 'ingest' | 'lander' | 'query' | 'alerts',
  env: Record<string, string>,
  healthUrl: string,
): Promise<RunningService> {
  const logDir = `${repoRoot}.data/logs/e2e`;
  mkdirSync(logDir, { recursive: true });
  const logFile = `${logDir}/${name}-${Date.now()}.log`;
  const log = createWriteStream(logFile);
  const child = spawn('node', ['--import', 'tsx', `services/${name}/src/main.ts`], {
    cwd: repoRoot,
    // Metrics listeners on free ports unless a scenario names one: the defaults are fixed ports, and a scenario
    // may run two of a service at once (or beside `npm start`).
    env: { ...process.env, [`${name.toUpperCase()}_METRICS_ADDR`]: '127.0.0.1:0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await pollUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
        try {
          return (await fetch(healthUrl)).ok;
        } catch {
          return false;
        }
      },
      { intervalMs: 200, timeoutMs: 60_000 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, process: child, logFile, stop };
}

export function freePort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}
