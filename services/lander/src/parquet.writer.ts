/**
 * Writes lake rows to local Parquet files (zstd) with DuckDB, typed by the contract's columns. Rows go through
 * a newline-delimited JSON staging file that DuckDB reads with explicit column types, so every DuckDB type the
 * contracts name (timestamps with zone, UUIDs, lists, JSON) is cast by DuckDB itself, not by hand.
 */
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { LakeColumn, LakeRow } from './lake.contract.ts';

export const PARQUET_OPTIONS = 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880';

export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A JSON column given as text is embedded as the JSON it holds, or DuckDB would store a JSON string literal. */
function cellValue(column: LakeColumn, value: unknown): unknown {
  if (column.type.toUpperCase() !== 'JSON' || typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function jsonLine(row: LakeRow, columns: readonly LakeColumn[]): string {
  const ordered: Record<string, unknown> = {};
  for (const c of columns) ordered[c.name] = cellValue(c, row[c.name]);
  return JSON.stringify(ordered, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

async function writeLines(path: string, rows: readonly LakeRow[], columns: readonly LakeColumn[]): Promise<void> {
  const out = createWriteStream(path);
  for (const row of rows) {
    if (!out.write(`${jsonLine(row, columns)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

export class ParquetWriter {
  private constructor(private readonly db: DuckDBInstance) {}

  static async create(options: { threads?: number } = {}): Promise<ParquetWriter> {
    const db = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    return new ParquetWriter(db);
  }

  /** Runs `fn` on a fresh connection, closed afterwards; DuckDB runs connections concurrently. */
  async withConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.db.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  /** Writes `rows` to `path` as Parquet; returns the file's size in bytes. */
  async write(path: string, columns: readonly LakeColumn[], rows: readonly LakeRow[]): Promise<number> {
    const staging = `${path}.ndjson`;
    try {
      await writeLines(staging, rows, columns);
      const types = columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
      await this.withConnection((connection) =>
        connection.run(
          `COPY (SELECT * FROM read_json(${sqlString(staging)}, format = 'newline_delimited', ` +
            `columns = {${types}})) TO ${sqlString(path)} (${PARQUET_OPTIONS})`,
        ),
      );
      return (await stat(path)).size;
    } finally {
      await rm(staging, { force: true });
    }
  }

  close(): void {
    this.db.closeSync();
  }
}
