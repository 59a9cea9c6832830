/**
 * The analysts' SQL sandbox, in its own process. It copies the exported modelled tables into an in-memory
 * database, then locks itself down: no extension autoload or install, no file or network access at all
 * (`enable_external_access=false` with no allowed directories: the tables are already in memory), memory,
 * thread and temp-space limits (spilling, if allowed at all, goes to the worker's own directory under the
 * service's data dir, set when the instance is created), and finally `lock_configuration=true`, after which no SET can undo any of it.
 * Each request must be exactly one statement of type SELECT; a timer interrupts it at the time limit, and
 * at most `maxRows` rows are read.
 */
import { DuckDBInstance, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { ModelIds } from '@servq/metrics';

export interface WorkerInit {
  kind: 'init';
  dir: string;
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
  | { kind: 'error'; id: number; code: 'rejected' | 'timeout' | 'failed'; message: string };

let connection: DuckDBConnection | undefined;
let limits = { timeoutMs: 5_000, maxRows: 10_000 };

const send = (reply: WorkerReply): void => {
  process.send?.(reply);
};

const units: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30 };

/** Bytes of a size as the config accepts it (`256MB`, `1GiB`); units as DuckDB reads them. */
function sizeToBytes(size: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(size.trim());
  const unit = units[match?.[2]?.toLowerCase() ?? ''];
  if (!match?.[1] || unit === undefined) throw new Error(`not a size: ${size}`);
  return Math.floor(Number(match[1]) * unit);
}

async function init(message: WorkerInit): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    temp_directory: message.tempDir,
  });
  const c = await instance.connect();
  for (const model of ModelIds) {
    const path = `${message.dir}/${model}.parquet`.replaceAll("'", "''");
    await c.run(`CREATE TABLE ${model} AS SELECT * FROM read_parquet('${path}')`);
  }
  const memory = message.memoryLimit.replaceAll("'", '');
  for (const statement of [
    'SET allow_community_extensions = false',
    'SET enable_external_access = false',
    `SET memory_limit = '${memory}'`,
    `SET threads = ${Math.max(1, Math.floor(message.threads))}`,
  ]) {
    await c.run(statement);
  }
  // Models larger than the memory limit have now been evicted to the temp directory, and DuckDB refuses a
  // temp limit below what is in use: the limit is that use plus the configured headroom for queries.
  const usage = await c.runAndReadAll('SELECT coalesce(sum(size), 0)::BIGINT AS used FROM duckdb_temporary_files()');
  const tempLimit = Number(usage.getRowObjectsJson()[0]?.used ?? 0) + sizeToBytes(message.maxTempSize);
  await c.run(`SET max_temp_directory_size = '${tempLimit} bytes'`);
  await c.run('SET lock_configuration = true');
  connection = c;
  limits = { timeoutMs: message.timeoutMs, maxRows: message.maxRows };
  send({ kind: 'ready' });
}

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
    const reader = await prepared.runAndReadUntil(limits.maxRows + 1);
    const rows = reader.getRowObjectsJson().slice(0, limits.maxRows);
    send({
      kind: 'result',
      id: message.id,
      columns: reader.columnNames(),
      types: reader.columnTypes().map((type) => type.toString()),
      rows,
      truncated: reader.currentRowCount > limits.maxRows || !reader.done,
      elapsedMs: Date.now() - started,
    });
  } catch (error) {
    send({
      kind: 'error',
      id: message.id,
      code: timedOut ? 'timeout' : 'failed',
      message: timedOut ? `stopped at the time limit of ${limits.timeoutMs} ms` : (error as Error).message,
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
