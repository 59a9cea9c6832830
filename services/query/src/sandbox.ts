/**
 * The parent side of the SQL sandbox. Analyst SQL never runs in the service's own process: a child process
 * (sandbox.worker.ts) holds a locked-down copy of the modelled tables for one data version. When the data
 * changes, the tables are exported again and a fresh worker replaces the old one. Queries run one at a time;
 * a worker that does not answer within the time limit plus a grace period is killed and replaced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxConfig } from './config.ts';
import { QueryError, QueryErrorCode } from './errors.ts';
import type { Freshness } from '@servq/query-api';
import type { TypedRows } from './parquet.output.ts';
import type { WorkerReply } from './sandbox.worker.ts';

export interface SqlResult {
  columns: string[];
  /** DuckDB type names of the columns. */
  types: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  elapsedMs: number;
}

export interface SqlRunner {
  run(sql: string): Promise<SqlResult>;
  /** A result as Parquet bytes with its columns' types. */
  toParquet(result: SqlResult): Promise<Buffer>;
}

export interface ExportingStore {
  exportModels(dir: string): Promise<void>;
  encodeParquet(result: TypedRows): Promise<Buffer>;
  getFreshness(): Freshness;
}

const workerPath = fileURLToPath(new URL('./sandbox.worker.ts', import.meta.url));
const GRACE_MS = 3_000;

interface Worker {
  child: ChildProcess;
  version: number;
  dir: string;
  /** The worker's DuckDB spill directory, removed with the worker. */
  tempDir: string;
}

export class SqlSandbox implements SqlRunner {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(
    private readonly config: SandboxConfig,
    private readonly store: ExportingStore,
  ) {}

  run(sql: string): Promise<SqlResult> {
    const next = this.queue.then(
      () => this.runNow(sql),
      () => this.runNow(sql),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  toParquet(result: SqlResult): Promise<Buffer> {
    return this.store.encodeParquet(result);
  }

  /** Whether a worker process is alive (for tests and health). */
  get alive(): boolean {
    return this.worker !== undefined && this.worker.child.exitCode === null && !this.worker.child.killed;
  }

  private async runNow(sql: string): Promise<SqlResult> {
    const worker = await this.ensureWorker();
    const id = this.nextId++;
    const reply = await new Promise<WorkerReply | 'killed'>((done) => {
      const timer = setTimeout(() => {
        cleanup();
        void this.kill(worker);
        done('killed');
      }, this.config.timeoutMs + GRACE_MS);
      const onMessage = (message: WorkerReply) => {
        if (message.kind !== 'ready' && message.id === id) {
          cleanup();
          done(message);
        }
      };
      const onExit = () => {
        cleanup();
        done('killed');
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.child.off('message', onMessage);
        worker.child.off('exit', onExit);
      };
      worker.child.on('message', onMessage);
      worker.child.once('exit', onExit);
      worker.child.send({ kind: 'query', id, sql });
    });
    if (reply === 'killed') {
      if (this.worker === worker) this.worker = undefined;
      throw new QueryError(QueryErrorCode.SqlTimeout, 'the query was stopped and its sandbox replaced', [
        { parameter: 'sql', expected: `a query that finishes within ${this.config.timeoutMs} ms and the memory limit` },
      ]);
    }
    if (reply.kind === 'result') {
      return {
        columns: reply.columns,
        types: reply.types,
        rows: reply.rows,
        truncated: reply.truncated,
        elapsedMs: reply.elapsedMs,
      };
    }
    if (reply.kind === 'error') {
      const code =
        reply.code === 'rejected'
          ? QueryErrorCode.SqlRejected
          : reply.code === 'timeout'
            ? QueryErrorCode.SqlTimeout
            : QueryErrorCode.SqlFailed;
      const expected =
        reply.code === 'timeout'
          ? `a query that finishes within ${this.config.timeoutMs} ms`
          : 'exactly one read-only SELECT over the tables of GET /v1/schema';
      throw new QueryError(code, reply.message, [{ parameter: 'sql', expected }]);
    }
    throw new QueryError(QueryErrorCode.Internal, 'unexpected sandbox reply');
  }

  private async ensureWorker(): Promise<Worker> {
    const version = this.store.getFreshness().dataVersion;
    if (this.worker && this.worker.version === version && this.alive) return this.worker;
    if (this.worker) await this.kill(this.worker);
    const name = `v${version}-${process.pid}-${Date.now()}`;
    const dir = resolve(this.config.exportDir, name);
    const tempDir = resolve(this.config.tempDir, name);
    await mkdir(dir, { recursive: true });
    await mkdir(tempDir, { recursive: true });
    await this.store.exportModels(dir);
    const child = spawnWorker();
    const worker: Worker = { child, version, dir, tempDir };
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error('sandbox worker did not start within 20 s')), 20_000);
      child.once('message', (message: WorkerReply) => {
        clearTimeout(timer);
        if (message.kind === 'ready') ready();
        else fail(new Error('sandbox worker failed to start'));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`sandbox worker exited with ${code}`));
      });
      child.send({
        kind: 'init',
        dir,
        memoryLimit: this.config.memoryLimit,
        threads: this.config.threads,
        timeoutMs: this.config.timeoutMs,
        maxRows: this.config.maxRows,
        tempDir,
        maxTempSize: this.config.maxTempSize,
      });
    });
    this.worker = worker;
    return worker;
  }

  private async kill(worker: Worker): Promise<void> {
    if (worker.child.exitCode === null) {
      const exited = new Promise<void>((done) => worker.child.once('exit', () => done()));
      worker.child.kill('SIGKILL');
      await exited;
    }
    await rm(worker.dir, { recursive: true, force: true });
    await rm(worker.tempDir, { recursive: true, force: true });
    if (this.worker === worker) this.worker = undefined;
  }

  async stop(): Promise<void> {
    if (this.worker) await this.kill(this.worker);
  }
}

/**
 * OS limits for the analysts' worker, beyond DuckDB's own settings (which DuckDB calls defence in depth, not a
 * sandbox): no core dumps, few open files, no file larger than `WORKER_MAX_FILE_BYTES` (a write that escaped
 * DuckDB's checks is cut off by the kernel), and a small V8 heap. `prlimit` (util-linux) sets them on the
 * process it then becomes, so the IPC channel survives. An address-space limit is not set: Node's WebAssembly
 * reserves more address space than any useful limit (checked: tsx fails under 4 and 8 GiB).
 */
const WORKER_MAX_FILE_BYTES = 2 * 1024 ** 3;
const WORKER_MAX_OPEN_FILES = 256;
const PRLIMIT = '/usr/bin/prlimit';

export function workerLimitArgs(): string[] {
  return [`--core=0`, `--nofile=${WORKER_MAX_OPEN_FILES}`, `--fsize=${WORKER_MAX_FILE_BYTES}`];
}

function spawnWorker(): ChildProcess {
  const node = [process.execPath, '--import', 'tsx', '--max-old-space-size=256', workerPath];
  const [command, ...args] = existsSync(PRLIMIT) ? [PRLIMIT, ...workerLimitArgs(), '--', ...node] : node;
  return spawn(command!, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
}
