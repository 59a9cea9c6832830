import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from './transaction.ts';

describe('inTransaction', () => {
  let instance: DuckDBInstance;
  let writer: DuckDBConnection;
  let reader: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    writer = await instance.connect();
    reader = await instance.connect();
    await writer.run('CREATE TABLE t (i INTEGER)');
  });

  afterAll(() => {
    reader.closeSync();
    writer.closeSync();
    instance.closeSync();
  });

  const count = async () => (await reader.runAndReadAll('SELECT count(*)::INTEGER AS n FROM t')).getRowObjectsJson();

  it('commits what the work wrote, returns its result, and calls beforeCommit', async () => {
    const seenBeforeCommit: unknown[] = [];
    const result = await inTransaction(
      writer,
      async () => {
        await writer.run('INSERT INTO t VALUES (1), (2)');
        return 'done';
      },
      () => seenBeforeCommit.push('called'),
    );
    expect(result).toBe('done');
    expect(seenBeforeCommit).toEqual(['called']);
    expect(await count()).toEqual([{ n: 2 }]);
  });

  it('rolls back what the work wrote when it throws, rethrows, and leaves the connection usable', async () => {
    let beforeCommitCalled = false;
    await expect(
      inTransaction(
        writer,
        async () => {
          await writer.run('INSERT INTO t VALUES (3)');
          throw new Error('broken halfway');
        },
        () => (beforeCommitCalled = true),
      ),
    ).rejects.toThrow('broken halfway');
    expect(beforeCommitCalled).toBe(false);
    expect(await count()).toEqual([{ n: 2 }]);
    await inTransaction(writer, () => writer.run('INSERT INTO t VALUES (4)'));
    expect(await count()).toEqual([{ n: 3 }]);
  });
});
