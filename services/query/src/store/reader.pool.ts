/**
 * The read side of one DuckDB database: pooled reader connections (each keeping its prepared statements for
 * one data generation) and the generation itself, which the database's writer advances just before every
 * COMMIT. A read that sees the same generation before and after ran entirely on one side of every commit;
 * one that a commit overtook may have been planned on the data before and executed on the data after
 * (duckdb/duckdb#23704), so it runs again, and the last try waits for the writer instead.
 */
import type { DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { ReaderConnection, type ReaderOptions } from './read.query.ts';

/** Reads that a concurrent commit overtakes are run again; the last of these waits for the writer. */
const MAX_OPTIMISTIC_READS = 3;

/**
 * Read connections are kept for reuse: opening one per request cost a few milliseconds, which dominated the
 * small complaint and feedback queries (5 ms in DuckDB) in the benchmark. One connection runs one query at a
 * time, so concurrent requests each take their own; at most this many wait idle.
 */
const MAX_IDLE_READERS = 4;

/** Runs work while the database's writer is idle (and keeps the writer out until it is done). */
export type WriterLock = <T>(work: () => Promise<T>) => Promise<T>;

export class ReaderPool {
  private generation = 0;
  private readonly idle: ReaderConnection[] = [];

  constructor(
    private readonly instance: DuckDBInstance,
    /** The attached database the readers USE. */
    private readonly database: string,
    private readonly writerLock: WriterLock,
    private readonly readerOptions: ReaderOptions = {},
  ) {}

  /** Called by the writer just before it commits: statements prepared before are not reused after. */
  advanceGeneration(): void {
    this.generation += 1;
  }

  /** Runs one read statement with positional parameters; returns JSON-friendly row objects. */
  async query(sql: string, params: readonly DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
    for (let attempt = 1; attempt < MAX_OPTIMISTIC_READS; attempt += 1) {
      const generation = this.generation;
      const rows = await this.read(sql, params, generation);
      if (this.generation === generation) return rows;
    }
    return this.writerLock(() => this.read(sql, params, this.generation));
  }

  private async read(sql: string, params: readonly DuckDBValue[], generation: number) {
    const reader = this.idle.pop() ?? new ReaderConnection(await this.connect(), this.readerOptions);
    try {
      return await reader.read(sql, params, generation);
    } finally {
      if (this.idle.length < MAX_IDLE_READERS) this.idle.push(reader);
      else reader.close();
    }
  }

  private async connect() {
    const connection = await this.instance.connect();
    await connection.run(`USE ${this.database}`);
    return connection;
  }

  close(): void {
    for (const reader of this.idle.splice(0)) reader.close();
  }
}
