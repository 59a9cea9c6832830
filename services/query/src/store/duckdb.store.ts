/**
 * The service's DuckDB database: raw lake rows in native tables (one per lake table, each row tagged with its
 * file), the calendar, and the modelled tables the metrics run on. `reconcile(files)` brings it in line with
 * the mirror incrementally: rows of removed or changed files are deleted, rows of new or changed files are
 * loaded, and only the entities those rows belong to are rebuilt in the models, inside one transaction, so a
 * reader sees either the previous data version or the next. Native tables rather than views over Parquet:
 * DuckDB scans its own storage faster and the models need joins across stages anyway.
 *
 * The tables live in an in-memory database attached with COMPRESS and checkpointed after every reconcile:
 * uncompressed, a year of 10 million events took 2.7 GiB and spilled past the 2 GB memory limit, which made
 * every query evict (4 ms complaint queries 0.6–0.8 ms slower); compressed it is about 0.3 GiB. An
 * incremental sync's checkpoint costs 1–20 ms. The first sync commits and checkpoints in parts, both its raw
 * rows (`stageFirstLoad`) and, while nothing has been answered yet, its models (`buildModelsInParts`): for 10
 * million events, in-process, a peak of 1.4 GiB where one transaction for all took 3.0 GiB, in 27–29 s.
 *
 * Every read runs on this database, through a pool of reader connections that keep their prepared statements
 * for one data version (reader.pool.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { Models, type ModelId } from '@servq/metrics';
import type { Freshness } from '@servq/query-api';
import { buildCalendar } from './calendar.ts';
import { encodeParquet, type TypedRows } from '../sandbox/parquet.output.ts';
import type { StoreTempConfig } from '../config.ts';
import { LakeTables } from '../contracts.adapter.ts';
import type { MirroredFile } from '../sync/mirror.ts';
import { complaintsModelSql, feedbackModelSql, surveysModelSql, visitsModelSql, type BuildScope } from './model.sql.ts';
import { isLoadedTable, RawColumns, rawTableName, type LoadedTable } from './raw-schema.ts';
import { ReaderPool } from './reader.pool.ts';
import { alertEventsViewSql, SqlTableIds } from './sql-tables.ts';
import { inTransaction } from './transaction.ts';

export interface ReconcileResult {
  loadedFiles: number;
  droppedFiles: number;
  /** Lake rows (events) loaded per lake table in this pass. */
  loadedEvents: Partial<Record<LoadedTable, number>>;
  changed: boolean;
}

const DATABASE = 'lake';
/**
 * Lake files per committed, checkpointed batch of the first sync's raw load, and raw rows (events) per part of
 * its model build. For a year of 10 million events in 994 files, in-process: a peak of 1.4 GiB with these,
 * 2.0 GiB with 100 files and 2.5 million rows, 2.5 GiB with 100 files and the models in one transaction.
 */
const FIRST_LOAD_BATCH_FILES = 40;
const FIRST_BUILD_ROWS_PER_PART = 1_000_000;
/** Surveys carry their visit's wait, so visits are built first. */
const MODEL_ORDER = ['visits', 'surveys', 'complaints', 'feedback'] as const satisfies readonly ModelId[];

export interface DuckDbStoreOptions {
  complaintTargetWorkingDays: number;
  /** "Today" for overdue and ageing; injectable for tests. */
  now: () => Date;
  /** Threads for the service's own queries. */
  threads?: number;
  /** Where DuckDB spills and how much it may: always set, or DuckDB writes `.tmp/` into the working directory. */
  temp: StoreTempConfig;
  /** Raw rows per part of the first sync's model build (tests make it small to build in several parts). */
  firstBuildRowsPerPart?: number;
}

const entityKeys: Record<LoadedTable, { model: ModelId; column: string; where?: string }[]> = {
  [LakeTables.visit]: [{ model: 'visits', column: 'visit_id' }],
  [LakeTables.survey]: [{ model: 'surveys', column: 'survey_id' }],
  [LakeTables.complaint]: [
    { model: 'complaints', column: 'complaint_id' },
    { model: 'feedback', column: 'feedback_id', where: "type = 'feedback.received'" },
  ],
  // Read through a view (sql-tables.ts), nothing to rebuild.
  [LakeTables.alert]: [],
};

const modelSql: Record<ModelId, (raw?: string, scope?: BuildScope) => string> = {
  visits: visitsModelSql,
  surveys: surveysModelSql,
  complaints: complaintsModelSql,
  feedback: feedbackModelSql,
};

const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** The raw table a model is built from, and its entity key there. */
function sourceOf(model: ModelId): [LoadedTable, { model: ModelId; column: string; where?: string }] {
  for (const [table, keys] of Object.entries(entityKeys) as [LoadedTable, (typeof entityKeys)[LoadedTable]][]) {
    const key = keys.find((k) => k.model === model);
    if (key) return [table, key];
  }
  throw new Error(`no raw table builds the ${model} model`);
}

export class DuckDbStore {
  private readonly loaded = new Map<string, string>();
  private readonly pathTables = new Map<string, LoadedTable>();
  /** Serialises writes (reconcile, export) on the single writer connection. */
  private queue: Promise<unknown> = Promise.resolve();
  private freshness: Freshness = {
    newestEventAt: null,
    oldestEventAt: null,
    dataStart: {},
    syncedAt: null,
    dataVersion: 0,
  };
  private lastToday = '';
  private readonly readers: ReaderPool;
  private readonly advanceReaders = (): void => this.readers.advanceGeneration();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly options: DuckDbStoreOptions,
  ) {
    this.readers = new ReaderPool(instance, DATABASE, (work) => this.exclusive(work));
  }

  static async create(options: DuckDbStoreOptions): Promise<DuckDbStore> {
    const tempDir = resolve(options.temp.tempDir);
    await mkdir(tempDir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      temp_directory: tempDir,
      max_temp_directory_size: options.temp.maxTempSize,
      memory_limit: options.temp.memoryLimit,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const writer = await instance.connect();
    await writer.run(`ATTACH ':memory:' AS ${DATABASE} (COMPRESS)`);
    await writer.run(`USE ${DATABASE}`);
    // GLOBAL: a plain SET holds for the writer's session only, and readers would take the machine's zone.
    await writer.run("SET GLOBAL TimeZone = 'UTC'");
    const store = new DuckDbStore(instance, writer, options);
    await store.createTables();
    return store;
  }

  private async createTables(): Promise<void> {
    for (const [table, columns] of Object.entries(RawColumns)) {
      const defs = [...columns.map((c) => `${c.name} ${c.type}`), '_file VARCHAR'];
      await this.writer.run(`CREATE TABLE raw_${table} (${defs.join(', ')})`);
    }
    for (const model of Object.values(Models)) {
      await this.writer.run(`CREATE TABLE ${model.id} (${model.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`);
      await this.writer.run(`CREATE TEMP TABLE affected_${model.id} (id VARCHAR)`);
    }
    await this.writer.run(alertEventsViewSql);
    await this.writer.run(
      'CREATE TABLE calendar (date DATE PRIMARY KEY, working_day BOOLEAN, wd_cum INTEGER, answer_due DATE, ' +
        'extended_due DATE, forward_due DATE, internal_due DATE, rule_id VARCHAR)',
    );
    const rows = buildCalendar('2015-01-01', '2035-12-31', {
      unit: 'working_days',
      amount: this.options.complaintTargetWorkingDays,
    });
    const appender = await this.writer.createAppender('calendar');
    for (const row of rows) {
      appender.appendVarchar(row.date);
      appender.appendBoolean(row.workingDay);
      appender.appendInteger(row.wdCum);
      for (const value of [row.answerDue, row.extendedDue, row.forwardDue, row.internalDue, row.ruleId]) {
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  getFreshness(): Freshness {
    return { ...this.freshness };
  }

  /** Brings the database in line with the mirrored files; `syncedAt` is recorded even when nothing changed. */
  reconcile(files: readonly MirroredFile[]): Promise<ReconcileResult> {
    return this.exclusive(() => this.reconcileNow(files));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async reconcileNow(files: readonly MirroredFile[]): Promise<ReconcileResult> {
    const wanted = new Map(files.filter((f) => isLoadedTable(f.table)).map((f) => [f.path, f]));
    const dropped = [...this.loaded.entries()]
      .filter(([path, etag]) => wanted.get(path)?.etag !== etag)
      .map(([path]) => path);
    const added = [...wanted.values()].filter((f) => this.loaded.get(f.path) !== f.etag);
    const today = this.today();
    const dayChanged = today !== this.lastToday;
    if (dropped.length === 0 && added.length === 0 && !dayChanged) {
      this.freshness.syncedAt = this.options.now().toISOString();
      return { loadedFiles: 0, droppedFiles: 0, loadedEvents: {}, changed: false };
    }
    const firstLoad = this.loaded.size === 0;
    // Until a sync has completed nothing has been answered from the models (the API says it is not ready), so
    // the first one may build them in committed parts.
    const builtInParts = firstLoad && this.freshness.syncedAt === null;
    // No reader is served during the first sync, and the order it stores rows in means nothing (the models come
    // out of hash aggregates, in parts by entity hash). Keeping insertion order made DuckDB gather the threads'
    // rows back into file order on every insert and copy: 10 million events took 54 s of CPU without it against
    // 65 s with it, the raw load alone 4.4 s against 8.3 s. Later syncs keep the default: their rows are few.
    if (builtInParts) await this.writer.run('SET GLOBAL preserve_insertion_order = false');
    let loadedEvents: Partial<Record<LoadedTable, number>> = {};
    try {
      if (firstLoad) loadedEvents = await this.stageFirstLoad(added);
      if (builtInParts) await this.buildModelsInParts(today);
      else await this.applyChanges({ firstLoad, dropped, added, dayChanged, today, loadedEvents });
    } finally {
      if (builtInParts) await this.writer.run('SET GLOBAL preserve_insertion_order = true');
    }
    for (const path of dropped) this.loaded.delete(path);
    for (const file of added) this.loaded.set(file.path, file.etag);
    this.lastToday = today;
    const newest = await this.writer.runAndReadAll(
      `SELECT max(m) AS newest, min(o) AS oldest FROM (${Object.keys(RawColumns)
        // Freshness is that of the service's data: an alert evaluated now says nothing about it.
        .filter((t) => t !== LakeTables.alert)
        .map((t) => `SELECT max(occurred_at) AS m, min(occurred_at) AS o FROM raw_${t}`)
        .join(' UNION ALL ')})`,
    );
    const { newest: value, oldest } = newest.getRowObjectsJson()[0] ?? {};
    // Where each model's rows start: a chart of survey figures starts with the first survey, not the first booking.
    const starts = await this.writer.runAndReadAll(
      Object.keys(Models)
        .map((m) => `SELECT '${m}' AS model, CAST(min(event_date) AS VARCHAR) AS first FROM ${m}`)
        .join(' UNION ALL '),
    );
    const dataStart = Object.fromEntries(
      starts
        .getRowObjectsJson()
        .flatMap((r) => (typeof r.model === 'string' && typeof r.first === 'string' ? [[r.model, r.first]] : [])),
    );
    this.freshness = {
      newestEventAt: typeof value === 'string' ? new Date(value).toISOString() : null,
      oldestEventAt: typeof oldest === 'string' ? new Date(oldest).toISOString() : null,
      dataStart,
      syncedAt: this.options.now().toISOString(),
      dataVersion: this.freshness.dataVersion + 1,
    };
    // Compresses what the transaction wrote (and vacuums what it deleted). Last, so that a failure here leaves
    // the bookkeeping in line with the committed data; the next reconcile's checkpoint tries again.
    await this.writer.run('CHECKPOINT');
    return { loadedFiles: added.length, droppedFiles: dropped.length, loadedEvents, changed: true };
  }

  /** One reconcile's changes to the raw tables and the models, in one transaction. */
  private async applyChanges(change: {
    firstLoad: boolean;
    dropped: readonly string[];
    added: readonly MirroredFile[];
    dayChanged: boolean;
    today: string;
    loadedEvents: Partial<Record<LoadedTable, number>>;
  }): Promise<void> {
    const { firstLoad, dropped, added, dayChanged, today, loadedEvents } = change;
    await inTransaction(
      this.writer,
      async () => {
        for (const model of Object.keys(Models)) await this.writer.run(`DELETE FROM affected_${model}`);
        for (const table of Object.keys(RawColumns) as LoadedTable[]) {
          if (firstLoad) {
            await this.collectAffected(table, 'true');
            continue;
          }
          const gone = dropped.filter((p) => this.pathTables.get(p) === table);
          if (gone.length > 0) await this.dropFiles(table, gone);
          const fresh = added.filter((f) => f.table === table).map((f) => f.path);
          if (fresh.length === 0) continue;
          loadedEvents[table] = await this.loadFiles(table, fresh);
          await this.collectAffected(table, `_file IN (${fresh.map(sqlString).join(', ')})`);
        }
        if (dayChanged) {
          // Overdue flags and ages of open complaints move with the calendar.
          await this.writer.run('INSERT INTO affected_complaints SELECT complaint_id FROM complaints WHERE is_open');
        }
        // Surveys carry their visit's wait: rebuilt visits pull their surveys along.
        await this.writer.run(
          'INSERT INTO affected_surveys SELECT survey_id FROM surveys WHERE visit_id IN (SELECT id FROM affected_visits)',
        );
        for (const model of MODEL_ORDER) await this.rebuild(model, today);
      },
      this.advanceReaders,
    );
  }

  /**
   * The first sync's models, built in committed and checkpointed parts of their entities (by key hash). In
   * one transaction, everything a model build writes stays uncompressed until the commit: building the
   * visits of a year of 10 million events took the process to 2.5 GiB. A part of a failed first sync is
   * deleted by the next, which starts each model afresh.
   *
   * The raw rows are first written out once, split by part, as Parquet under the temp directory, and each part
   * is built from its own files: selecting a part from the whole raw table made every part scan every row, so
   * the build grew with the square of the lake (10 million events: 10 parts of visits at 4 s of CPU each; 100
   * million would have been 92 parts at about 40 s each).
   */
  private async buildModelsInParts(today: string): Promise<void> {
    const rowsPerPart = this.options.firstBuildRowsPerPart ?? FIRST_BUILD_ROWS_PER_PART;
    const scratch = join(resolve(this.options.temp.tempDir), 'first-build');
    for (const model of MODEL_ORDER) {
      const [table, key] = sourceOf(model);
      const counted = await this.writer.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${rawTableName(table)}`);
      const rows = Number(counted.getRowObjectsJson()[0]?.n ?? 0);
      const parts = Math.max(1, Math.ceil(rows / rowsPerPart));
      const dir = join(scratch, model);
      const keyed = `${key.column} IS NOT NULL${key.where ? ` AND ${key.where}` : ''}`;
      if (parts > 1) {
        await rm(dir, { recursive: true, force: true });
        await mkdir(scratch, { recursive: true });
        await this.writer.run(
          `COPY (SELECT *, hash(${key.column}) % ${parts} AS _part FROM ${rawTableName(table)} WHERE ${keyed}) ` +
            `TO ${sqlString(dir)} (FORMAT parquet, PARTITION_BY (_part))`,
        );
      }
      try {
        for (let part = 0; part < parts; part += 1) {
          const partDir = join(dir, `_part=${part}`);
          // A part no entity hashed to has no files (small lakes, many parts).
          const source =
            parts === 1
              ? rawTableName(table)
              : existsSync(partDir)
                ? `read_parquet(${sqlString(join(partDir, '*.parquet'))}, hive_partitioning = false)`
                : null;
          await inTransaction(
            this.writer,
            async () => {
              if (part === 0) await this.writer.run(`DELETE FROM ${model}`);
              if (source === null) return;
              // Parts hold disjoint entities and the model was emptied above: nothing to delete first, and every
              // entity of the part is built (a part's files hold only keyed rows; a single part is the raw table,
              // which the models' own key filter narrows alike).
              await this.rebuild(model, today, { source, fresh: true });
            },
            this.advanceReaders,
          );
          await this.writer.run('CHECKPOINT');
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }

  private async dropFiles(table: LoadedTable, paths: string[]): Promise<void> {
    const list = paths.map(sqlString).join(', ');
    await this.collectAffected(table, `_file IN (${list})`);
    await this.writer.run(`DELETE FROM ${rawTableName(table)} WHERE _file IN (${list})`);
    for (const path of paths) this.pathTables.delete(path);
  }

  /** Loads the files' rows into the raw table; returns how many rows were loaded. */
  private async loadFiles(table: LoadedTable, paths: string[]): Promise<number> {
    const source = `read_parquet([${paths.map(sqlString).join(', ')}], union_by_name = true, filename = true)`;
    const described = await this.writer.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const present = new Set(described.getRowObjectsJson().map((r) => r.column_name as string));
    // Files written before the lander flattened events keep the fields in a JSON `payload` column.
    const selects = RawColumns[table].map((c) =>
      present.has(c.name)
        ? `TRY_CAST(${c.name} AS ${c.type}) AS ${c.name}`
        : present.has('payload')
          ? `TRY_CAST(json_extract_string(payload, '$.${c.name}') AS ${c.type}) AS ${c.name}`
          : `CAST(NULL AS ${c.type}) AS ${c.name}`,
    );
    const inserted = await this.writer.run(
      `INSERT INTO ${rawTableName(table)} SELECT ${[...selects, 'filename AS _file'].join(', ')} FROM ${source}`,
    );
    for (const path of paths) this.pathTables.set(path, table);
    return inserted.rowsChanged;
  }

  /**
   * The first sync loads every raw row. Inserted in the sync's one transaction they stay uncompressed until
   * it commits (a peak of over 3 GiB for 10 million events); committed and checkpointed in batches, they are
   * compressed as they come. Readers never query the raw tables, so nothing a reader sees changes. A first
   * sync that fails leaves raw rows behind; the next one starts by deleting them.
   */
  private async stageFirstLoad(added: readonly MirroredFile[]): Promise<Partial<Record<LoadedTable, number>>> {
    const loaded: Partial<Record<LoadedTable, number>> = {};
    for (const table of Object.keys(RawColumns) as LoadedTable[]) {
      await this.writer.run(`DELETE FROM ${rawTableName(table)}`);
      const paths = added.filter((f) => f.table === table).map((f) => f.path);
      for (let start = 0; start < paths.length; start += FIRST_LOAD_BATCH_FILES) {
        const batch = paths.slice(start, start + FIRST_LOAD_BATCH_FILES);
        const rows = await inTransaction(this.writer, () => this.loadFiles(table, batch));
        loaded[table] = (loaded[table] ?? 0) + rows;
        await this.writer.run('CHECKPOINT');
      }
    }
    return loaded;
  }

  private async collectAffected(table: LoadedTable, condition: string): Promise<void> {
    for (const key of entityKeys[table]) {
      const extra = key.where ? ` AND ${key.where}` : '';
      await this.writer.run(
        `INSERT INTO affected_${key.model} SELECT DISTINCT ${key.column} FROM ${rawTableName(table)} ` +
          `WHERE ${condition} AND ${key.column} IS NOT NULL${extra}`,
      );
    }
  }

  private async rebuild(
    model: ModelId,
    today: string,
    options: { source?: string; fresh?: boolean } = {},
  ): Promise<void> {
    const key = Models[model].key;
    if (!options.fresh) {
      await this.writer.run(`DELETE FROM ${model} WHERE ${key} IN (SELECT id FROM affected_${model})`);
    }
    const params: DuckDBValue[] = model === 'complaints' ? [today] : [];
    const scope: BuildScope = options.fresh ? 'all' : 'affected';
    await this.writer.run(`INSERT INTO ${model} BY NAME ${modelSql[model](options.source, scope)}`, params);
  }

  private today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(this.options.now());
  }

  /** Runs one read statement with positional parameters and returns JSON-friendly row objects. */
  query(sql: string, params: readonly DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
    return this.readers.query(sql, params);
  }

  /** Rows with their DuckDB types as Parquet bytes (the analysts' `format=parquet`). */
  async encodeParquet(result: TypedRows): Promise<Buffer> {
    const connection = await this.instance.connect();
    try {
      return await encodeParquet(connection, join(resolve(this.options.temp.tempDir), 'results'), result);
    } finally {
      connection.closeSync();
    }
  }

  /** Writes each table of /v1/sql (sql-tables.ts) to `<dir>/<table>.parquet` (for the analysts' sandbox). */
  exportModels(dir: string): Promise<void> {
    return this.exclusive(async () => {
      for (const table of SqlTableIds) {
        await this.writer.run(`COPY ${table} TO ${sqlString(`${dir}/${table}.parquet`)} (FORMAT parquet)`);
      }
    });
  }

  close(): void {
    this.readers.close();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}
