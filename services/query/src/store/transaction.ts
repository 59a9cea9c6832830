/** One DuckDB transaction on a writer connection. */
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Runs `work` in one transaction on `connection`: committed if it succeeds, rolled back if it throws (and the
 * error rethrown). `beforeCommit` runs just before COMMIT — where a reader pool's generation is advanced, so
 * that a read overlapping the commit is noticed (see reader.pool.ts).
 */
export async function inTransaction<T>(
  connection: DuckDBConnection,
  work: () => Promise<T>,
  beforeCommit: () => void = () => undefined,
): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    beforeCommit();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}
