/**
 * One read statement on a DuckDB connection, in as few trips to DuckDB's threads as the API allows: prepare,
 * then execute, then read the materialised rows synchronously — where `runAndReadAll(sql, params)` makes five
 * (extract statements, prepare, execute, and a fetch per chunk plus the empty one that ends the result). Each
 * trip wakes a thread; in the benchmark those wake-ups were much of the API's fixed cost on the 4 ms complaint
 * queries. Rows are converted exactly as `getRowObjectsJson` does. Statements always execute on DuckDB's pool
 * threads, never on the event loop's: a task of a large scan there held the event loop for tens of ms.
 *
 * `readRows` prepares anew every time, as DuckDB's API does by default; `ReaderConnection` keeps its
 * statements, but only within one data generation: DuckDB 1.5 plans prepared statements with the table
 * statistics of the moment, so a statement kept across a data change can return stale results
 * (duckdb/duckdb#23704, still so in 1.5.6 for filters on constants).
 */
import {
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
): Promise<Record<string, unknown>[]> {
  if (params.length > 0) statement.bind([...params]);
  return rowObjectsJson(await statement.run());
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
}

/**
 * A reader's connection with its prepared statements kept by SQL text for one data generation: the API runs
 * the same few compiled statements over and over, and preparing (a trip to DuckDB's threads plus planning)
 * was 0.3–0.6 ms of a 4 ms complaint query. A statement is dropped when the generation changes or its run
 * fails. One query at a time per connection, as with any DuckDB connection.
 */
export class ReaderConnection {
  private generation: number | undefined;
  private readonly statements: LRUCache<string, DuckDBPreparedStatement>;

  constructor(
    private readonly connection: DuckDBConnection,
    { maxStatements = 64 }: ReaderOptions = {},
  ) {
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
      return await runPrepared(statement, params);
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
