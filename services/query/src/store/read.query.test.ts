import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReaderConnection, readRows } from './read.query.ts';

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

describe('ReaderConnection', () => {
  let instance: DuckDBInstance;
  let reader: ReaderConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const setup = await instance.connect();
    await setup.run('CREATE TABLE t (i INTEGER); INSERT INTO t SELECT range FROM range(100)');
    setup.closeSync();
    reader = new ReaderConnection(await instance.connect(), { maxStatements: 2 });
  });

  afterAll(() => {
    reader.close();
    instance.closeSync();
  });

  it('keeps a statement within a generation and binds each run’s parameters', async () => {
    const sql = 'SELECT count(*)::INTEGER AS n FROM t WHERE i < $1';
    expect(await reader.read(sql, [10], 1)).toEqual([{ n: 10 }]);
    expect(await reader.read(sql, [50], 1)).toEqual([{ n: 50 }]);
    expect(reader.keptStatements).toBe(1);
  });

  it('sees rows added in a new generation, even where the kept plan filtered on a constant (duckdb#23704)', async () => {
    const sql = 'SELECT count(*)::INTEGER AS n FROM t WHERE i = 200';
    expect(await reader.read(sql, [], 2)).toEqual([{ n: 0 }]);
    const writer = await instance.connect();
    await writer.run('INSERT INTO t VALUES (200)');
    writer.closeSync();
    expect(await reader.read(sql, [], 3)).toEqual([{ n: 1 }]);
  });

  it('keeps at most its limit of statements and drops one whose run failed', async () => {
    for (const bound of [1, 2, 3]) await reader.read(`SELECT ${bound} AS b`, [], 4);
    expect(reader.keptStatements).toBe(2);
    const failing = 'SELECT CAST($1 AS INTEGER) AS n';
    await expect(reader.read(failing, ['not a number'], 4)).rejects.toThrow(/not a number/);
    expect(reader.keptStatements).toBe(1);
    expect(await reader.read(failing, ['7'], 4)).toEqual([{ n: 7 }]);
  });
});

describe('ReaderConnection on a database with two threads', () => {
  let instance: DuckDBInstance;
  let plain: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    plain = await instance.connect();
    await plain.run('CREATE TABLE t AS SELECT range AS i, range % 13 AS g FROM range(2000000)');
  });

  afterAll(() => {
    plain.closeSync();
    instance.closeSync();
  });

  // Several pipelines (scan, aggregate, window, order), their tasks spread over DuckDB's threads.
  const sql =
    'SELECT g, count(*)::INTEGER AS n, sum(i)::BIGINT AS total, rank() OVER (ORDER BY sum(i) DESC) AS r ' +
    'FROM t WHERE i >= $1 GROUP BY g ORDER BY g';

  it('returns what readRows returns', async () => {
    const reader = new ReaderConnection(await instance.connect());
    try {
      const expected = await readRows(plain, sql, [5]);
      expect(expected).toHaveLength(13);
      expect(await reader.read(sql, [5], 1)).toEqual(expected);
      expect(await reader.read(sql, [1_000_000], 1)).toEqual(await readRows(plain, sql, [1_000_000]));
    } finally {
      reader.close();
    }
  });

  it('lets other events run while a long statement executes', async () => {
    const reader = new ReaderConnection(await instance.connect());
    let turns = 0;
    const timer = setInterval(() => (turns += 1), 1);
    try {
      // Long enough (hundreds of milliseconds) that a blocked event loop would give the timer no turn at all.
      const rows = await reader.read(
        'SELECT count(*)::INTEGER AS n FROM t, range(50) r WHERE (i + r.range) % 5 = 0',
        [],
        1,
      );
      expect(rows).toEqual([{ n: 20_000_000 }]);
    } finally {
      clearInterval(timer);
      reader.close();
    }
    expect(turns).toBeGreaterThan(3);
  });

  it('rejects with DuckDB’s error when execution fails, and the connection stays usable', async () => {
    const reader = new ReaderConnection(await instance.connect());
    try {
      const failing = 'SELECT CAST(CASE WHEN i = 1999999 THEN $1 ELSE i::VARCHAR END AS INTEGER) AS n FROM t';
      await expect(reader.read(failing, ['not a number'], 1)).rejects.toThrow(/not a number/);
      expect(await reader.read('SELECT count(*)::INTEGER AS n FROM t WHERE g = 0', [], 1)).toEqual([{ n: 153847 }]);
    } finally {
      reader.close();
    }
  });
});
