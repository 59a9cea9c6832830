import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from './read.query.ts';

describe('readRows', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    connection = await instance.connect();
  });

  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('returns the same rows as runAndReadAll().getRowObjectsJson(), across chunks, types and repeated names', async () => {
    const sql =
      'SELECT i, i AS i, CAST(i AS DOUBLE) / 3 AS share, CAST(i AS DECIMAL(10, 2)) AS amount, ' +
      "DATE '2026-01-01' + CAST(i AS INTEGER) AS day, CASE WHEN i % 7 = 0 THEN NULL ELSE 'x' || i END AS label, " +
      'count(*) OVER () AS total FROM range(5000) t(i) WHERE i >= $1 ORDER BY i';
    const expected = (await connection.runAndReadAll(sql, [10])).getRowObjectsJson();
    const rows = await readRows(connection, sql, [10]);
    expect(rows).toHaveLength(4990);
    expect(rows).toEqual(expected);
  });

  it('runs a statement without parameters and returns no rows for an empty result', async () => {
    expect(await readRows(connection, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(await readRows(connection, 'SELECT 1 AS one WHERE false')).toEqual([]);
  });

  it('rejects invalid SQL with DuckDB’s error', async () => {
    await expect(readRows(connection, 'SELECT nope FROM nowhere')).rejects.toThrow(/nowhere/);
  });
});
