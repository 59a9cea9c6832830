/**
 * Compaction of finished days: the small objects of one table and day become one Parquet file, deduplicated
 * (by `event_id`; rejected rows by their Kafka coordinates). Crash-safe and idempotent by construction:
 *
 *   - the merged object is named by a hash of its inputs and written before any input is deleted, so a
 *     reader never sees a gap (at worst, briefly, rows twice — which the next run and `event_id` resolve);
 *   - a run deletes only its own inputs and never overwrites another object, so two compactions racing on
 *     the same day cannot lose rows; a re-run after a crash merges what is left, including earlier merges;
 *   - objects of a batch that has not finished landing (named in a checkpoint's `pending`) are left alone.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { Checkpoint } from '../consume/landed.offsets.ts';
import { columnsOf, dedupKeyOf } from './lake.contract.ts';
import type { LakeStore } from './lake.store.ts';
import type { LanderMetrics } from '../metrics.ts';
import { compactedObjectKey, lakeDate, tableDayPrefix } from './object.names.ts';
import { PARQUET_OPTIONS, sqlIdentifier, sqlString, type ParquetWriter } from './parquet.writer.ts';

export interface CompactionOptions {
  lakePrefix: string;
  tables: readonly string[];
  lookbackDays: number;
  /** 0: no schedule, on demand only. */
  intervalMs: number;
  tmpDir: string | undefined;
}

export interface CompactionDeps {
  store: LakeStore;
  writer: ParquetWriter;
  metrics: LanderMetrics;
  logger: Logger;
  now?: () => Date;
}

export type DayCompaction =
  | { table: string; date: string; compacted: false; objects: number }
  | { table: string; date: string; compacted: true; inputs: number; rows: number; key: string; bytes: number };

const DAY_MS = 86_400_000;

/** The `lookbackDays` office-local days before `today`, oldest first; never today itself (it is not finished). */
export function finishedDays(now: Date, lookbackDays: number): string[] {
  const today = lakeDate(now);
  const days = new Set<string>();
  for (let i = lookbackDays + 1; i >= 1; i--) days.add(lakeDate(new Date(now.getTime() - i * DAY_MS)));
  days.delete(today);
  return [...days].sort().slice(-lookbackDays);
}

export class Compactor {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly options: CompactionOptions,
    private readonly deps: CompactionDeps,
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.compactFinishedDays()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'scheduled compaction failed'))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Compacts every finished day of the lookback window, every table. */
  async compactFinishedDays(): Promise<DayCompaction[]> {
    const results: DayCompaction[] = [];
    const days = finishedDays(this.deps.now?.() ?? new Date(), this.options.lookbackDays);
    for (const table of this.options.tables) {
      for (const date of days) results.push(await this.compactDay(table, date));
    }
    return results;
  }

  private async pendingKeys(): Promise<Set<string>> {
    const keys = new Set<string>();
    const checkpoints = await this.deps.store.list(`${this.options.lakePrefix}_landing/`);
    for (const { key } of checkpoints) {
      const parsed = Checkpoint.safeParse(await this.deps.store.getJson(key));
      if (parsed.success) for (const k of parsed.data.pending?.keys ?? []) keys.add(k);
    }
    return keys;
  }

  async compactDay(table: string, date: string): Promise<DayCompaction> {
    const { store, writer, logger } = this.deps;
    const listed = await store.list(tableDayPrefix(this.options.lakePrefix, table, date));
    // Listing first, then the checkpoints: an object in the listing had its `pending` entry written before it.
    const pending = await this.pendingKeys();
    const inputs = listed
      .map((o) => o.key)
      .filter((k) => k.endsWith('.parquet') && !pending.has(k))
      .sort();
    if (inputs.length <= 1) return { table, date, compacted: false, objects: inputs.length };

    const hash = createHash('sha256').update(inputs.join('\n')).digest('hex').slice(0, 16);
    const key = compactedObjectKey(this.options.lakePrefix, table, date, hash);
    const dir = await mkdtemp(join(this.options.tmpDir ?? tmpdir(), 'lander-compact-'));
    try {
      const files = inputs.map((_, i) => join(dir, `in-${i}.parquet`));
      for (const [i, input] of inputs.entries()) await store.download(input, files[i] ?? '');
      const out = join(dir, 'out.parquet');
      const columns = columnsOf(table)
        .map((c) => sqlIdentifier(c.name))
        .join(', ');
      const dedup = dedupKeyOf(table).map(sqlIdentifier).join(', ');
      const rows = await writer.withConnection(async (connection) => {
        await connection.run(
          `COPY (SELECT ${columns} FROM read_parquet([${files.map(sqlString).join(', ')}], union_by_name = true) ` +
            `QUALIFY row_number() OVER (PARTITION BY ${dedup} ORDER BY kafka_topic, kafka_partition, kafka_offset) = 1 ` +
            `ORDER BY kafka_topic, kafka_partition, kafka_offset) TO ${sqlString(out)} (${PARQUET_OPTIONS})`,
        );
        const count = await connection.runAndReadAll(
          `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(out)})`,
        );
        return Number(count.getRowObjectsJson()[0]?.n ?? 0);
      });
      await store.putFile(key, out);
      await store.delete(inputs);
      const bytes = (await stat(out)).size;
      this.deps.metrics.compactions.inc({ table });
      logger.info({ table, date, inputs: inputs.length, rows, key }, 'day compacted');
      return { table, date, compacted: true, inputs: inputs.length, rows, key, bytes };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
