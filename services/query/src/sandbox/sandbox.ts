/**
 * The parent side of the SQL sandbox. Analyst SQL never runs in the service's own process: a child process
 * (sandbox.worker.ts) reads, locked down, the modelled tables of one data version as exported to read-only
 * Parquet files. When the data changes, the tables are exported again and a fresh worker replaces the old one.
 * The export is started by the first query after a change and grows with the data (the worker's start does
 * not): a query waits for it up to 20 s, then answers QUERY_NOT_READY (503, retryable) while it goes on; so does
 * a sandbox that cannot be prepared. Queries run one at a time; a worker that does not answer within the time limit plus a grace
 * period is killed and replaced, and so is one that dies. A query that needs more memory than the worker may
 * have fails with QUERY_SQL_MEMORY_LIMIT, naming the limits; the service and the next query are unaffected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxConfig } from '../config.ts';
import { QueryError, QueryErrorCode } from '../errors.ts';
import type { Freshness } from '@servq/query-api';
import type { TypedRows } from './parquet.output.ts';
import type { WorkerReply } from './sandbox.worker.ts';
import { sizeToBytes } from './size.ts';
import { SqlTableIds } from '../store/sql-tables.ts';

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
/**
 * A worker's start: a DuckDB instance and a view per table over the export, which reads only the files' footers,
 * so it does not grow with the data (it took 20 s and more when the worker copied the tables in).
 */
const WORKER_START_TIMEOUT_MS = 20_000;
/** How long a query waits for the sandbox's preparation before it answers 503 (retryable); see `readyWorker`. */
const PREPARE_WAIT_MS = 20_000;

interface Worker {
  child: ChildProcess;
  version: number;
  /** The exported models it loaded. */
  dir: string;
  /** The worker's DuckDB spill directory, removed with the worker. */
  tempDir: string;
  /** The end of what the worker wrote to stderr, to tell why it died. */
  stderrTail: () => string;
}

export class SqlSandbox implements SqlRunner {
  private worker: Worker | undefined;
  private exported: { version: number; dir: string } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private preparing: Promise<Worker> | undefined;
  private nextId = 1;
  private stopping = false;

  constructor(
    private readonly config: SandboxConfig,
    private readonly store: ExportingStore,
    private readonly options: { prepareWaitMs?: number } = {},
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
    return this.worker !== undefined && !ended(this.worker.child) && !this.worker.child.killed;
  }

  private async runNow(sql: string): Promise<SqlResult> {
    if (this.stopping) throw shuttingDown();
    const worker = await this.readyWorker();
    // Stopped while the worker started: it must not outlive the service.
    if (this.stopping) {
      await this.kill(worker);
      throw shuttingDown();
    }
    const id = this.nextId++;
    const reply = await new Promise<WorkerReply | 'timeout' | 'died'>((done) => {
      const timer = setTimeout(() => {
        cleanup();
        done('timeout');
      }, this.config.timeoutMs + GRACE_MS);
      const onMessage = (message: WorkerReply) => {
        if (message.kind !== 'ready' && message.id === id) {
          cleanup();
          done(message);
        }
      };
      const onExit = () => {
        cleanup();
        done('died');
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.child.off('message', onMessage);
        worker.child.off('close', onExit);
      };
      worker.child.on('message', onMessage);
      // 'close', not 'exit': by then its stderr has been read to the end, which tells why it died.
      worker.child.once('close', onExit);
      worker.child.send({ kind: 'query', id, sql });
    });
    if (reply === 'timeout') {
      await this.kill(worker);
      throw new QueryError(QueryErrorCode.SqlTimeout, 'the query was stopped and its sandbox replaced', [
        { parameter: 'sql', expected: `a query that finishes within ${this.config.timeoutMs} ms` },
      ]);
    }
    if (reply === 'died') {
      await this.kill(worker);
      if (this.stopping) throw shuttingDown();
      const how = worker.child.signalCode ?? `code ${worker.child.exitCode}`;
      if (DIED_OF_MEMORY.test(worker.stderrTail())) {
        throw this.memoryError(`the sandbox worker ran out of memory (${how}) and was replaced`);
      }
      throw new QueryError(QueryErrorCode.SqlFailed, `the sandbox worker ended (${how}) and was replaced`, [
        { parameter: 'sql', expected: 'a query the sandbox can run; try it again or simplify it' },
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
      if (reply.code === 'memory') {
        // The allocators keep what the query took, up to the bound, and the next query would fail on it.
        await this.kill(worker);
        throw this.memoryError(reply.message);
      }
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

  /**
   * The worker for the data served now. Preparing one (the export, then the worker's start) goes on in the
   * background: a query waits for it at most `prepareWaitMs`, then answers QUERY_NOT_READY (503, retryable)
   * and the next query joins the same preparation. The export of 10 M events' models took 46 s on the loaded
   * shared machine, longer than an HTTP client should be left without an answer.
   */
  private async readyWorker(): Promise<Worker> {
    const preparing = (this.preparing ??= this.ensureWorker().finally(() => {
      this.preparing = undefined;
    }));
    // Nobody may be waiting when it settles; its failure is answered to whoever is.
    preparing.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waiting'>((done) => {
      timer = setTimeout(() => done('waiting'), this.options.prepareWaitMs ?? PREPARE_WAIT_MS);
    });
    try {
      const outcome = await Promise.race([preparing, waited]);
      if (outcome !== 'waiting') return outcome;
    } catch (error) {
      if (this.stopping) throw shuttingDown();
      throw new QueryError(
        QueryErrorCode.NotReady,
        `the SQL sandbox could not be prepared: ${(error as Error).message}; try again`,
        [],
        { cause: error, retryable: true },
      );
    } finally {
      clearTimeout(timer);
    }
    throw new QueryError(
      QueryErrorCode.NotReady,
      'the SQL sandbox is still preparing the newest data (exporting the models for it); try again in a few seconds',
      [],
      { retryable: true },
    );
  }

  /** The error for a query that outgrew the worker's memory, naming both limits. */
  private memoryError(cause: string): QueryError {
    const limit = this.config.memoryLimit;
    const bound = formatMiB(workerMemoryBound(limit));
    return new QueryError(
      QueryErrorCode.SqlMemoryLimit,
      `the query needs more memory than the sandbox allows: ${limit} for DuckDB (QUERY_SQL_MEMORY_LIMIT), ` +
        `${bound} for the worker process; ${cause.split('\n')[0]}`,
      [
        {
          parameter: 'sql',
          expected: `a query that fits in the sandbox memory limit of ${limit} (worker process ${bound}): aggregate, filter or LIMIT earlier`,
        },
      ],
    );
  }

  private async ensureWorker(): Promise<Worker> {
    const version = this.store.getFreshness().dataVersion;
    if (this.worker && this.worker.version === version && this.alive) return this.worker;
    if (this.worker) await this.kill(this.worker);
    const dir = await this.exportFor(version);
    const tempDir = resolve(this.config.tempDir, `v${version}-${process.pid}-${Date.now()}`);
    await mkdir(tempDir, { recursive: true });
    const child = spawnWorker(this.config.memoryLimit);
    const worker: Worker = { child, version, dir, tempDir, stderrTail: keepStderrTail(child) };
    try {
      await new Promise<void>((ready, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`the sandbox worker did not start within ${WORKER_START_TIMEOUT_MS / 1000} s`)),
          WORKER_START_TIMEOUT_MS,
        );
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
          tables: SqlTableIds,
          memoryLimit: this.config.memoryLimit,
          threads: this.config.threads,
          timeoutMs: this.config.timeoutMs,
          maxRows: this.config.maxRows,
          tempDir,
          maxTempSize: this.config.maxTempSize,
        });
      });
    } catch (error) {
      await this.kill(worker);
      throw error;
    }
    // Stopped while it was prepared (in the background): it must not outlive the service.
    if (this.stopping) {
      await this.kill(worker);
      throw shuttingDown();
    }
    this.worker = worker;
    return worker;
  }

  /**
   * The modelled tables of `version`, exported once: a worker replaced after a memory error or a crash reads
   * the same files again instead of waiting for a new export. The files are made read-only: the worker reads
   * them for as long as it lives, and nothing should change them under it.
   */
  private async exportFor(version: number): Promise<string> {
    if (this.exported?.version === version) return this.exported.dir;
    await this.dropExport();
    const dir = resolve(this.config.exportDir, `v${version}-${process.pid}-${Date.now()}`);
    await mkdir(dir, { recursive: true });
    await this.store.exportModels(dir);
    for (const file of await readdir(dir)) await chmod(resolve(dir, file), 0o444);
    this.exported = { version, dir };
    return dir;
  }

  private async dropExport(): Promise<void> {
    if (this.exported) await rm(this.exported.dir, { recursive: true, force: true });
    this.exported = undefined;
  }

  /** Ends a worker's process and removes its spill directory; the export stays for its successor. */
  private async kill(worker: Worker): Promise<void> {
    if (!ended(worker.child)) {
      const exited = new Promise<void>((done) => worker.child.once('exit', () => done()));
      worker.child.kill('SIGKILL');
      await exited;
    }
    await rm(worker.tempDir, { recursive: true, force: true });
    if (this.worker === worker) this.worker = undefined;
  }

  /**
   * Ends the running query, if any, and refuses new ones with QUERY_SHUTTING_DOWN (503, retryable). The
   * service's shutdown calls it first: closing HTTP waits for requests in flight, and an analyst query may run
   * for the whole time limit (minutes where configured so), past the shutdown deadline.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.worker) await this.kill(this.worker);
    await this.queue;
    await this.preparing?.catch(() => undefined);
    await this.dropExport();
  }
}

const shuttingDown = (): QueryError =>
  new QueryError(QueryErrorCode.ShuttingDown, 'the service is shutting down; the query was stopped', [], {
    retryable: true,
  });

/**
 * OS limits for the analysts' worker, beyond DuckDB's own settings (which DuckDB calls defence in depth, not a
 * sandbox): no core dumps, few open files, no file larger than `WORKER_MAX_FILE_BYTES` (a write that escaped
 * DuckDB's checks is cut off by the kernel), a small V8 heap, and a bound on the process's data segment
 * (RLIMIT_DATA: its private writable memory, the C++ and V8 heaps included). DuckDB's `memory_limit` counts its
 * buffer pool but not every allocation (long strings built row by row, for one): under the 256 MB limit a
 * worker reached 2–3.5 GiB. With the bound, an allocation past it fails and DuckDB answers "Out of Memory".
 * The address space (RLIMIT_AS) cannot serve: V8 reserves about 32 GiB of it for WebAssembly at start.
 * `prlimit` (util-linux) sets the limits on the process it then becomes, so the IPC channel survives.
 */
const WORKER_MAX_FILE_BYTES = 2 * 1024 ** 3;
const WORKER_MAX_OPEN_FILES = 256;
const WORKER_V8_HEAP_MIB = 128;
/**
 * The worker's own needs beside DuckDB's limit: on Node 24 the data segment counts V8's reserved spaces, and the
 * worker needs between 512 MiB (failed to start) and 768 MiB (started) before its first query; 1 GiB leaves room
 * for the V8 heap (`WORKER_V8_HEAP_MIB`) that holds a result's rows and for DuckDB's uncounted working memory.
 */
const WORKER_RUNTIME_BYTES = 1024 * 1024 ** 2;
const PRLIMIT = '/usr/bin/prlimit';
/**
 * `setpriv --pdeathsig KILL` (util-linux) asks the kernel to SIGKILL the worker when the service's process dies,
 * however it dies. The worker's own 'disconnect' handler was not enough: with a query running, a worker whose
 * parent was SIGKILLed kept running (10 of 10 chaos rounds), holding its memory and CPU. The death signal
 * survives the exec into prlimit and then into node. It fires when the spawning *thread* ends: Node spawns
 * from its main thread, which lives as long as the process.
 */
const SETPRIV = '/usr/bin/setpriv';

/** The bound on the worker process's memory for a DuckDB `memory_limit`. */
export function workerMemoryBound(memoryLimit: string): number {
  return sizeToBytes(memoryLimit) + WORKER_RUNTIME_BYTES;
}

/** Whether a worker has exited or been ended by a signal (then `exitCode` stays null). */
const ended = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const formatMiB = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MiB`;

export function workerLimitArgs(memoryLimit: string): string[] {
  return [
    `--core=0`,
    `--nofile=${WORKER_MAX_OPEN_FILES}`,
    `--fsize=${WORKER_MAX_FILE_BYTES}`,
    `--data=${workerMemoryBound(memoryLimit)}`,
  ];
}

/** What a worker writes to stderr when it dies of memory: V8's heap, or a C++ allocation nobody caught. */
const DIED_OF_MEMORY = /heap out of memory|bad_alloc|Out of Memory|Cannot allocate memory/i;
const STDERR_TAIL_BYTES = 4096;

/** Passes the worker's stderr through and keeps its last few kilobytes. */
function keepStderrTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
  });
  return () => tail;
}

function spawnWorker(memoryLimit: string): ChildProcess {
  for (const tool of [PRLIMIT, SETPRIV]) {
    if (!existsSync(tool)) throw new Error(`${tool} (util-linux) is needed to bound the SQL sandbox`);
  }
  // Node runs the worker's TypeScript itself (type stripping): tsx would compile it through esbuild in a worker
  // thread, a second V8 isolate whose reservations broke the data-segment bound on a cold cache.
  const node = [process.execPath, `--max-old-space-size=${WORKER_V8_HEAP_MIB}`, workerPath];
  return spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', PRLIMIT, ...workerLimitArgs(memoryLimit), '--', ...node], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    // glibc reserves a malloc arena per thread, and on Node 24 those reservations plus V8's code ranges count
    // against RLIMIT_DATA: with the default arena count the worker could not start under a 1 GiB headroom.
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
}
