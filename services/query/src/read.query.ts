/**
 * One read statement on a DuckDB connection, in as few trips to DuckDB's threads as the API allows: prepare,
 * then execute, then read the materialised rows synchronously — where `runAndReadAll(sql, params)` makes five
 * (extract statements, prepare, execute, and a fetch per chunk plus the empty one that ends the result). Each
 * trip wakes a thread; in the benchmark those wake-ups were much of the API's fixed cost on the 4 ms complaint
 * queries. Rows are converted exactly as `getRowObjectsJson` does.
 *
 * The statement is prepared anew every time rather than kept: DuckDB 1.5 plans prepared statements with the
 * table statistics of the moment, so a kept statement can return stale results after the data changes
 * (duckdb/duckdb#23704).
 */
import {
  JsonDuckDBValueConverter,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
  type DuckDBValue,
} from '@duckdb/node-api';

/** Runs one statement with positional parameters; returns JSON-friendly row objects. */
export async function readRows(
  connection: DuckDBConnection,
  sql: string,
  params: readonly DuckDBValue[] = [],
): Promise<Record<string, unknown>[]> {
  const statement = await connection.prepare(sql);
  try {
    if (params.length > 0) statement.bind([...params]);
    return rowObjectsJson(await statement.run());
  } finally {
    statement.destroySync();
  }
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
