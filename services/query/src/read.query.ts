/**
 * One read statement on a DuckDB connection, in as few trips to DuckDB's threads as the API allows: prepare,
 * then execute, then read the materialised rows synchronously — where `runAndReadAll(sql, params)` makes five
 * (extract statements, prepare, execute, and a fetch per chunk plus the empty one that ends the result). Each
 * trip wakes a thread; in the benchmark those wake-ups were much of the API's fixed cost on the 4 ms complaint
 * queries. Rows are converted exactly as `getRowObjectsJson` does.
 *
 * `readRows` prepares anew every time and executes on a pool thread, as DuckDB's API does by default;
 * `ReaderConnection` keeps its statements, but only within one data generation: DuckDB 1.5 plans prepared
 * statements with the table statistics of the moment, so a statement kept across a data change can return
 * stale results (duckdb/duckdb#23704, still so in 1.5.6 for filters on constants). It can also run a
 * statement's first tasks on the event loop's own thread (`executeOnEventLoop`).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  DuckDBPendingResultState,
  JsonDuckDBValueConverter,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
  type DuckDBPreparedStatement,
  type DuckDBValue,
} from '@duckdb/node-api';
import { LRUCache } from 'lru-cache';

/** Runs one statement with positional parameters; returns JSON-friendly row objects. */
export async function readRows(
  connection: DuckDBConnection,
  sql: string,
  params: readonly DuckDBValue[] = [],
): Promise<Record<string, unknown>[]> {
  const statement = await connection.prepare(sql);
  try {
    return await runPrepared(statement, params);
  } finally {
    statement.destroySync();
  }
}

/** Binds the parameters of a prepared statement, runs it and returns its rows as `readRows` does. */
async function runPrepared(
  statement: DuckDBPreparedStatement,
  params: readonly DuckDBValue[],
  eventLoopBudgetMs = 0,
): Promise<Record<string, unknown>[]> {
  if (params.length > 0) statement.bind([...params]);
  const result = eventLoopBudgetMs > 0 ? await executeOnEventLoop(statement, eventLoopBudgetMs) : await statement.run();
  return rowObjectsJson(result);
}

/** Continuous work on the event loop's thread before other events get a turn. */
const EVENT_LOOP_SLICE_MS = 2;

/**
 * Executes a prepared statement by running its tasks on the calling thread — the event loop's — for up to
 * `budgetMs`, then leaves whatever is left to a pool thread, where `run()` would have sent all of it. The
 * hand-over to an idle pool thread and back is a thread wake-up each way, and on this two-core machine those
 * were a large share of a 3 ms query's time through the API: run this way, complaint queries answered
 * 0.4–0.5 ms sooner in an A/B of two service processes. Other events get a turn whenever DuckDB has no task
 * for this thread (its workers hold them) and after every slice of continuous work. A slice cannot cut a
 * task short, though: one task of a large scan or aggregate held the event loop for up to 38 ms in a burst of
 * the catalogue's queries run this way (11 ms with every statement on pool threads), so only the small
 * replica's statements run here (see `ReaderOptions.eventLoopBudgetMs`).
 */
async function executeOnEventLoop(
  statement: DuckDBPreparedStatement,
  budgetMs: number,
): Promise<DuckDBMaterializedResult> {
  const pending = statement.start();
  const started = performance.now();
  let sliceStarted = started;
  for (;;) {
    const state = pending.runTask();
    if (state === DuckDBPendingResultState.RESULT_READY) break;
    const now = performance.now();
    if (now - started >= budgetMs) break;
    if (state === DuckDBPendingResultState.NO_TASKS_AVAILABLE || now - sliceStarted >= EVENT_LOOP_SLICE_MS) {
      await yieldToEventLoop();
      sliceStarted = performance.now();
    }
  }
  // Ready: fetches the materialised result. Otherwise: runs the remaining tasks on a pool thread first.
  return (await pending.getResult()) as DuckDBMaterializedResult;
}

/** The rows of a materialised result as objects keyed by (deduplicated) column name, values as JSON. */
export function rowObjectsJson(result: DuckDBMaterializedResult): Record<string, unknown>[] {
  const names = result.deduplicatedColumnNames();
  const rows: Record<string, unknown>[] = [];
  for (let c = 0; c < result.chunkCount; c += 1) {
    const chunk = result.getChunk(c);
    for (let r = 0; r < chunk.rowCount; r += 1) {
      const row: Record<string, unknown> = {};
      chunk.visitRowValues(r, (value, _row, column, type) => {
        row[names[column] ?? ''] = JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter);
      });
      rows.push(row);
    }
  }
  return rows;
}

export interface ReaderOptions {
  /** Prepared statements kept (least recently used dropped). */
  maxStatements?: number;
  /**
   * How long a statement's tasks may run on the event loop's thread before a pool thread takes over; 0 (the
   * default): never, every statement runs on a pool thread as `run()` does.
   */
  eventLoopBudgetMs?: number;
}

/**
 * A reader's connection with its prepared statements kept by SQL text for one data generation: the API runs
 * the same few compiled statements over and over, and preparing (a trip to DuckDB's threads plus planning)
 * was 0.3–0.6 ms of a 4 ms complaint query. A statement is dropped when the generation changes or its run
 * fails. One query at a time per connection, as with any DuckDB connection.
 */
export class ReaderConnection {
  private generation: number | undefined;
  private readonly eventLoopBudgetMs: number;
  private readonly statements: LRUCache<string, DuckDBPreparedStatement>;

  constructor(
    private readonly connection: DuckDBConnection,
    { maxStatements = 64, eventLoopBudgetMs = 0 }: ReaderOptions = {},
  ) {
    this.eventLoopBudgetMs = eventLoopBudgetMs;
    this.statements = new LRUCache({ max: maxStatements, dispose: (statement) => statement.destroySync() });
  }

  /** Runs one statement as `readRows` does, reusing its prepared form if it was prepared in `generation`. */
  async read(sql: string, params: readonly DuckDBValue[], generation: number): Promise<Record<string, unknown>[]> {
    if (generation !== this.generation) {
      this.statements.clear();
      this.generation = generation;
    }
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = await this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    try {
      return await runPrepared(statement, params, this.eventLoopBudgetMs);
    } catch (error) {
      this.statements.delete(sql);
      throw error;
    }
  }

  /** How many prepared statements are kept (for tests). */
  get keptStatements(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.connection.closeSync();
  }
}
