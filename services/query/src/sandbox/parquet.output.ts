/**
 * Parquet answers of the analysts' SQL. The sandbox worker may not write files (its DuckDB has no external
 * access), so it hands back rows and DuckDB type names, and the service's own DuckDB writes them as Parquet
 * with those types: the rows go through a temporary NDJSON file read with the declared column types, then
 * `COPY … (FORMAT parquet)` to a temporary file whose bytes are returned; both files are removed. Only SQL
 * written here runs on that connection, never the analyst's.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface TypedRows {
  columns: readonly string[];
  /** DuckDB type names of the columns, as the worker's reader reports them. */
  types: readonly string[];
  rows: readonly Record<string, unknown>[];
}

/**
 * Types whose JSON form (from `getRowObjectsJson`) does not read back as the same type are written as
 * text: intervals and maps become JSON text, blobs and bit strings their text form, enums and unions VARCHAR.
 */
const asText = /\b(INTERVAL|BLOB|BIT|MAP|UNION|ENUM|VARINT|GEOMETRY)\b/i;

/** The DuckDB type a column is written with. */
export function parquetColumnType(type: string): string {
  if (/\bINTERVAL\b|\bMAP\b/i.test(type)) return 'JSON';
  if (asText.test(type) || type.trim() === '' || type.toUpperCase() === 'NULL') return 'VARCHAR';
  return type;
}

const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

export async function encodeParquet(connection: DuckDBConnection, dir: string, result: TypedRows): Promise<Buffer> {
  await mkdir(dir, { recursive: true });
  const base = join(dir, randomUUID());
  const ndjson = `${base}.ndjson`;
  const parquet = `${base}.parquet`;
  try {
    const lines = result.rows.map((row) => JSON.stringify(Object.fromEntries(result.columns.map((c) => [c, row[c]]))));
    await writeFile(ndjson, lines.join('\n') + (lines.length > 0 ? '\n' : ''));
    const declared = result.columns
      .map((column, i) => `${sqlString(column)}: ${sqlString(parquetColumnType(result.types[i] ?? 'VARCHAR'))}`)
      .join(', ');
    const source = `SELECT * FROM read_json(${sqlString(ndjson)}, format = 'newline_delimited', columns = {${declared}})`;
    await connection.run(`COPY (${source}) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
    return await readFile(parquet);
  } finally {
    await rm(ndjson, { force: true });
    await rm(parquet, { force: true });
  }
}
