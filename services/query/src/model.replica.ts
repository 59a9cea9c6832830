/**
 * A copy of the small models — complaints and feedback — in a DuckDB instance of its own with one thread,
 * which answers their queries. Those take 2–4 ms over a year of data: too little work for a second thread to
 * help, while waking it and its busy-waiting cost time and CPU on every query. In the benchmark (10 million
 * events, p50 through the API, each figure from one run): 3.6–4.6 ms from the main database, 3.2–3.6 ms from
 * a replica with two threads, 2.4–3.1 ms from this one-thread replica. The visit and survey models stay on
 * the main database's two threads, where the scans are large enough to split. DuckDB's thread count is per
 * instance, not per connection or query, hence a second instance.
 *
 * `LakeStore` keeps the copy at the main database's data: after each reconcile's commit it exports the rows
 * of the entities that reconcile rebuilt, with their ids, as Parquet, and `apply` swaps them in within one
 * transaction. The main database's data version follows only once that is done.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Models, type ModelId } from '@servq/metrics';
import { ReaderPool, type WriterLock } from './reader.pool.ts';
import { inTransaction } from './transaction.ts';

/** The models the replica holds: the complaint-side ones, a few thousand rows a month. */
export const ReplicatedModels = ['complaints', 'feedback'] as const satisfies readonly ModelId[];
export type ReplicatedModel = (typeof ReplicatedModels)[number];

const DATABASE = 'replica';
/**
 * The replica's statements run on the event loop's thread (`executeOnEventLoop`) for up to this long: a
 * catalogue query over complaints is 2–4 ms of small tasks and finishes there, a longer statement (a
 * comparison of complaint response times, about 16 ms) moves on to a pool thread.
 */
const EVENT_LOOP_BUDGET_MS = 5;
/** Ample for the complaint-side models (tens of MiB for a year of a large agency); beyond it DuckDB spills. */
const MEMORY_LIMIT = '512MB';

/** One model's change: the ids to replace (or every row, with `idsPath` null) and their rows now. */
export interface ReplicaChange {
  model: ReplicatedModel;
  /** Parquet with one column `id`: the entities whose rows are replaced; null replaces the whole table. */
  idsPath: string | null;
  /** Parquet with the model's columns: the rows of those entities as they are now (none for deleted ones). */
  rowsPath: string;
}

const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

export class ModelReplica {
  readonly readers: ReaderPool;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    writerLock: WriterLock,
    /** Where the main store writes the Parquet files of its changes for `apply`. */
    readonly exchangeDir: string,
  ) {
    this.readers = new ReaderPool(instance, DATABASE, writerLock, { eventLoopBudgetMs: EVENT_LOOP_BUDGET_MS });
  }

  /**
   * `dir` holds the replica's spill files and the exchanged Parquet. `writerLock` is the main store's: `apply`
   * is only called inside it, so a read that waits for it waits for both writers.
   */
  static async create(dir: string, writerLock: WriterLock): Promise<ModelReplica> {
    const spillDir = resolve(dir, 'spill');
    const exchangeDir = resolve(dir, 'exchange');
    await mkdir(spillDir, { recursive: true });
    await mkdir(exchangeDir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '1',
      memory_limit: MEMORY_LIMIT,
      temp_directory: spillDir,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const writer = await instance.connect();
    await writer.run("SET GLOBAL TimeZone = 'UTC'");
    await writer.run(`ATTACH ':memory:' AS ${DATABASE} (COMPRESS)`);
    await writer.run(`USE ${DATABASE}`);
    for (const model of ReplicatedModels) {
      const columns = Models[model].columns.map((c) => `${c.name} ${c.type}`).join(', ');
      await writer.run(`CREATE TABLE ${model} (${columns})`);
    }
    return new ModelReplica(instance, writer, writerLock, exchangeDir);
  }

  /** Whether a statement over these models can run here. */
  holds(models: readonly ModelId[]): boolean {
    return models.length > 0 && models.every((m) => (ReplicatedModels as readonly ModelId[]).includes(m));
  }

  /** Applies one reconcile's changes in one transaction, then compresses them. */
  async apply(changes: readonly ReplicaChange[]): Promise<void> {
    await inTransaction(
      this.writer,
      async () => {
        for (const change of changes) {
          const key = Models[change.model].key;
          await this.writer.run(
            change.idsPath === null
              ? `DELETE FROM ${change.model}`
              : `DELETE FROM ${change.model} WHERE ${key} IN (SELECT id FROM read_parquet(${sqlString(change.idsPath)}))`,
          );
          await this.writer.run(
            `INSERT INTO ${change.model} BY NAME SELECT * FROM read_parquet(${sqlString(change.rowsPath)})`,
          );
        }
      },
      () => this.readers.advanceGeneration(),
    );
    await this.writer.run('CHECKPOINT');
  }

  close(): void {
    this.readers.close();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}
