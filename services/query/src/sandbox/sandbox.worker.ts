/**
 * The analysts' SQL sandbox, in its own process. DuckDB's memory and thread limits and its spill directory (the
 * worker's own, under the service's data dir) are set when the instance is created, before anything loads. The
 * modelled tables are views over the parent's export (one read-only Parquet file each): nothing is copied, so
 * the worker is ready in the same short time over a lake of any size (copying them into memory took longer than
 * the parent's start deadline at 100 M events, and spilled). It then locks itself down: the export directory is
 * the only one it may read (`allowed_directories`), no other file or network access
 * (`enable_external_access=false`), no extension autoload or install, a temp-space limit, and finally
 * `lock_configuration=true`, after which no SET can undo any of it. The parent bounds the whole process too
 * (sandbox.ts), since DuckDB's `memory_limit` leaves some of its allocations uncounted.
 * Each request must be exactly one statement of type SELECT; a timer interrupts it at the time limit, and
 * at most `maxRows` rows are read. An allocation refused, by DuckDB's limit or the OS bound, answers `memory`.
 */
import { DuckDBInstance, DuckDBResultReader, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { sizeToBytes } from './size.ts';

export interface WorkerInit {
  kind: 'init';
  /** The export's directory (absolute): the only one the worker may read. */
  dir: string;
  /** The modelled tables, one `<table>.parquet` each in `dir`, served as views. */
  tables: readonly string[];
  memoryLimit: string;
  threads: number;
  timeoutMs: number;
  maxRows: number;
  tempDir: string;
  maxTempSize: string;
}
export interface WorkerQuery {
  kind: 'query';
  id: number;
  sql: string;
}
export type WorkerReply =
  | { kind: 'ready' }
  | {
      kind: 'result';
      id: number;
      columns: string[];
      /** DuckDB type names of the columns. */
      types: string[];
      rows: Record<string, unknown>[];
      truncated: boolean;
      elapsedMs: number;
    }
  | { kind: 'error'; id: number; code: 'rejected' | 'timeout' | 'memory' | 'failed'; message: string };

/**
 * DuckDB's error for an allocation it could not make: past its own `memory_limit`, or refused by the OS bound
 * on the process (then DuckDB's "used" figure is below its limit, and the bound is what stopped it).
 */
const OUT_OF_MEMORY = /^Out of Memory Error/;

let connection: DuckDBConnection | undefined;
let limits = { timeoutMs: 5_000, maxRows: 10_000 };

const send = (reply: WorkerReply): void => {
  process.send?.(reply);
};

async function init(message: WorkerInit): Promise<void> {
  // The memory limit holds from the start: the process runs under an OS bound on its data segment, and DuckDB's
  // default limit (most of the machine's memory) would run into it.
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    temp_directory: message.tempDir,
    memory_limit: message.memoryLimit,
    threads: String(Math.max(1, Math.floor(message.threads))),
  });
  const c = await instance.connect();
  // As SQL and before external access goes off (the create option failed; afterwards it cannot be set).
  const dir = `${message.dir.replace(/\/+$/, '')}/`;
  await c.run(`SET allowed_directories = [${sqlString(dir)}]`);
  for (const model of message.tables) {
    if (!/^[a-z_]+$/.test(model)) throw new Error(`not a table name: ${model}`);
    await c.run(`CREATE VIEW ${model} AS SELECT * FROM read_parquet(${sqlString(`${dir}${model}.parquet`)})`);
  }
  for (const statement of [
    'SET allow_community_extensions = false',
    'SET enable_external_access = false',
    // Nothing is loaded, so nothing is spilled yet: the limit is the configured headroom itself.
    `SET max_temp_directory_size = '${sizeToBytes(message.maxTempSize)} bytes'`,
    'SET lock_configuration = true',
  ]) {
    await c.run(statement);
  }
  connection = c;
  limits = { timeoutMs: message.timeoutMs, maxRows: message.maxRows };
  send({ kind: 'ready' });
}

const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

async function query(message: WorkerQuery): Promise<void> {
  const c = connection;
  if (!c) return send({ kind: 'error', id: message.id, code: 'failed', message: 'sandbox not initialised' });
  const started = Date.now();
  let extracted;
  try {
    extracted = await c.extractStatements(message.sql);
  } catch (error) {
    return send({ kind: 'error', id: message.id, code: 'rejected', message: (error as Error).message });
  }
  if (extracted.count !== 1) {
    return send({
      kind: 'error',
      id: message.id,
      code: 'rejected',
      message: `expected exactly one statement, got ${extracted.count}`,
    });
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    c.interrupt();
  }, limits.timeoutMs);
  try {
    const prepared = await extracted.prepare(0);
    if (prepared.statementType !== StatementType.SELECT) {
      return send({ kind: 'error', id: message.id, code: 'rejected', message: 'only SELECT statements are allowed' });
    }
    const result = await prepared.run();
    const reader = new DuckDBResultReader(result);
    await reader.readUntil(limits.maxRows + 1);
    // A chunk DuckDB cannot copy out for want of memory reads as the end of the result: without this check
    // a query at the memory bound answered zero rows as if that were its result.
    if (reader.currentRowCount < Math.min(result.rowCount, limits.maxRows + 1)) {
      return send({
        kind: 'error',
        id: message.id,
        code: 'memory',
        message: `the result could not be read within the memory limit (${reader.currentRowCount} of ${result.rowCount} rows)`,
      });
    }
    const rows = reader.getRowObjectsJson().slice(0, limits.maxRows);
    send({
      kind: 'result',
      id: message.id,
      columns: reader.columnNames(),
      types: reader.columnTypes().map((type) => type.toString()),
      rows,
      truncated: result.rowCount > limits.maxRows,
      elapsedMs: Date.now() - started,
    });
  } catch (error) {
    const text = (error as Error).message;
    send({
      kind: 'error',
      id: message.id,
      code: timedOut ? 'timeout' : OUT_OF_MEMORY.test(text) ? 'memory' : 'failed',
      message: timedOut ? `stopped at the time limit of ${limits.timeoutMs} ms` : text,
    });
  } finally {
    clearTimeout(timer);
  }
}

process.on('message', (message: WorkerInit | WorkerQuery) => {
  const work = message.kind === 'init' ? init(message) : query(message);
  work.catch((error: unknown) => {
    process.stderr.write(`sandbox worker: ${String(error)}\n`);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
