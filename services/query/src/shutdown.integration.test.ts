/**
 * The query service as a real process (its own `main.ts`, the shared S3 with an empty lake of its own) stopped
 * while an analyst's long SQL query runs in its sandbox: by SIGKILL, its sandbox worker must die with it; by
 * SIGTERM, it must end the query and exit cleanly within its shutdown deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pollUntil } from '@servq/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { testTokens } from './fixtures.ts';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
/** Far more work than the test waits for: it only ends when stopped. */
const ENDLESS_SQL = 'SELECT sum(hash(a.i * 7919 + b.i)) AS h FROM range(200000) a(i), range(200000) b(i)';

interface Running {
  child: ChildProcess;
  url: string;
  dir: string;
}

const started: Running[] = [];

async function startQueryService(): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'servq-query-shutdown-'));
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      QUERY_HOST: '127.0.0.1',
      QUERY_PORT: '0',
      QUERY_METRICS_ADDR: '127.0.0.1:0',
      QUERY_DATA_DIR: dir,
      QUERY_LAKE_PREFIX: `test/${randomUUID()}/lake/`,
      QUERY_TOKENS: JSON.stringify(testTokens),
      QUERY_SQL_TIMEOUT_MS: '600000',
      QUERY_DASHBOARD_DIR: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const running: Running = { child, url: '', dir };
  started.push(running);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    running.url ||= /Server listening at (http:\/\/[\d.:]+)/.exec(output)?.[1] ?? '';
  });
  await pollUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`query service exited with ${child.exitCode}`);
      return running.url !== '' && (await fetch(`${running.url}/readyz`)).ok;
    },
    { intervalMs: 100, timeoutMs: 60_000 },
  );
  return running;
}

/** Sends the endless query; resolves with its answer. */
function endlessQuery(service: Running): Promise<{ status: number; body: unknown }> {
  return fetch(`${service.url}/v1/sql`, {
    method: 'POST',
    headers: { authorization: 'Bearer analyst-token', 'content-type': 'application/json' },
    body: JSON.stringify({ sql: ENDLESS_SQL }),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));
}

/**
 * The service's sandbox worker, once it is busy with the query: it has used more CPU than starting takes (its
 * tables are empty). Killed before that, an idle worker exited by itself on 'disconnect'; a busy one did not.
 */
async function sandboxWorker(pid: number): Promise<number> {
  let worker: number | undefined;
  await pollUntil(
    () => {
      worker = childrenOf(pid).find((child) => commandLine(child).includes('sandbox.worker.ts'));
      return worker !== undefined && cpuSeconds(worker) > BUSY_CPU_SECONDS;
    },
    { intervalMs: 50, timeoutMs: 30_000 },
  );
  return worker!;
}

const BUSY_CPU_SECONDS = 2;
/** User and system CPU time a process has used (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s). */
const cpuSeconds = (pid: number): number => {
  const fields = readText(`/proc/${pid}/stat`).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
};
const childrenOf = (pid: number): number[] =>
  readText(`/proc/${pid}/task/${pid}/children`).split(/\s+/).filter(Boolean).map(Number);
const commandLine = (pid: number): string => readText(`/proc/${pid}/cmdline`);
/** Whether a process exists and is not a zombie. */
const isAlive = (pid: number): boolean => {
  const stat = readText(`/proc/${pid}/stat`);
  return stat !== '' && !/\) Z /.test(stat);
};

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

describe('query service stopped during a long analyst query', () => {
  afterEach(async () => {
    for (const { child, dir } of started.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('sandbox_worker_outlives_sigkilled_service: a SIGKILLed service takes its sandbox worker with it', async () => {
    const service = await startQueryService();
    const answer = endlessQuery(service).catch(() => 'no answer');
    const worker = await sandboxWorker(service.child.pid!);
    service.child.kill('SIGKILL');
    await once(service.child, 'exit');
    expect(await answer).toBe('no answer');
    const gone = await pollUntil(() => !isAlive(worker), { intervalMs: 50, timeoutMs: 10_000 }).then(
      () => true,
      () => false,
    );
    // Ours to clean up if it did survive: the test started it.
    if (!gone) process.kill(worker, 'SIGKILL');
    expect(gone).toBe(true);
  }, 120_000);

  it('sigterm_during_long_sql_misses_deadline: SIGTERM ends the query with a 503 and exits 0 within the deadline', async () => {
    const service = await startQueryService();
    const answer = endlessQuery(service);
    const worker = await sandboxWorker(service.child.pid!);
    const exited = once(service.child, 'exit') as Promise<[number | null, string | null]>;
    service.child.kill('SIGTERM');
    // Exit code 1 would mean the shutdown deadline (15 s) cut the stop short; 0 that it finished in time.
    expect(await exited).toEqual([0, null]);
    expect(await answer).toMatchObject({ status: 503, body: { error: { code: 'QUERY_SHUTTING_DOWN' } } });
    expect(isAlive(worker)).toBe(false);
  }, 120_000);
});
