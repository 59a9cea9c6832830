/**
 * Lands one partition's batch: Parquet per (table, day), the checkpoint's `pending` entry naming every object,
 * the uploads, the Kafka commit, then the checkpoint's `landedThrough`. Any failure before the commit leaves
 * a `pending` entry that recovery resolves (see landed.offsets.ts); nothing here decides to skip an event. Rows
 * DuckDB refuses land in the rejected table with its reason (batch.files.ts), so no row can hold a partition back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { writeBatchFiles } from './batch.files.ts';
import type { LakeStore } from './lake.store.ts';
import { checkpointKey, dataObjectKey } from './object.names.ts';
import { checkpointOf, type PendingBatch } from '../consume/landed.offsets.ts';
import type { LanderMetrics } from '../metrics.ts';
import { groupByObject, type DecodedBatch } from '../consume/fetched.batch.ts';
import type { ParquetWriter } from './parquet.writer.ts';
import { offsetAfter } from '../consume/offsets.ts';
import { retrying } from '../retry.ts';

export interface LandingContext {
  store: LakeStore;
  writer: ParquetWriter;
  tmpDir: string;
  lakePrefix: string;
  s3RetryMaxDelayMs: number;
  metrics: LanderMetrics;
  logger: Logger;
  /** Told about every failed S3 attempt (readiness reports it). */
  onS3Failure?: () => void;
}

/** The partition as the landing step sees it; the consumer supplies ownership checks and the commit. */
export interface PartitionHandle {
  topic: string;
  partition: number;
  /** The last offset known to be in the lake; advanced by `landBatch` after the commit. */
  landedThrough: string | null;
  /** Throws when the partition is no longer ours (rebalance, shutdown abort). */
  assertOwned(): void;
  heartbeat(): Promise<void>;
  /** Commits `nextOffset` (last landed + 1) for the group. */
  commit(nextOffset: string): Promise<void>;
}

export interface LandedBatch {
  rows: number;
  objects: { key: string; table: string; rows: number; bytes: number }[];
}

export async function landBatch(
  ctx: LandingContext,
  handle: PartitionHandle,
  batches: readonly DecodedBatch[],
): Promise<LandedBatch> {
  const first = batches[0];
  const last = batches.at(-1);
  if (!first || !last) return { rows: 0, objects: [] };
  const log = ctx.logger.child({ topic: handle.topic, partition: handle.partition });
  const s3 = <T>(operation: () => Promise<T>) =>
    retrying(operation, {
      maxDelayMs: ctx.s3RetryMaxDelayMs,
      beforeRetry: async (error, attempt) => {
        ctx.metrics.s3Errors.inc();
        ctx.onS3Failure?.();
        log.warn({ err: error, attempt }, 'S3 operation failed; retrying');
        handle.assertOwned();
        await handle.heartbeat();
      },
    });

  const dir = await mkdtemp(join(ctx.tmpDir, 'lander-batch-'));
  try {
    const staged = await writeBatchFiles(ctx.writer, dir, groupByObject(batches));
    for (const p of staged.poison) ctx.metrics.poisonRows.inc({ table: p.table });
    if (staged.poison.length > 0) {
      log.warn(
        { first: first.firstOffset, last: last.lastOffset, refused: staged.poison.map((p) => p.reason) },
        'rows the lake could not store were landed in the rejected table',
      );
    }
    const files = staged.files.map((f) => ({
      key: dataObjectKey(ctx.lakePrefix, f.table, f.date, handle.topic, handle.partition, f.firstOffset, f.lastOffset),
      path: f.path,
      table: f.table,
      rows: f.rows,
      bytes: f.bytes,
    }));

    const cpKey = checkpointKey(ctx.lakePrefix, handle.topic, handle.partition);
    const pending: PendingBatch = {
      firstOffset: first.firstOffset,
      lastOffset: last.lastOffset,
      keys: files.map((f) => f.key),
    };
    handle.assertOwned();
    await s3(() =>
      ctx.store.putJson(cpKey, checkpointOf(handle.topic, handle.partition, handle.landedThrough, pending, new Date())),
    );
    for (const file of files) {
      handle.assertOwned();
      await s3(() => ctx.store.putFile(file.key, file.path));
      ctx.metrics.objectsWritten.inc({ table: file.table });
      await handle.heartbeat();
    }

    handle.assertOwned();
    await handle.commit(offsetAfter(last.lastOffset));
    handle.landedThrough = last.lastOffset;
    await s3(() =>
      ctx.store.putJson(cpKey, checkpointOf(handle.topic, handle.partition, last.lastOffset, null, new Date())),
    );
    for (const file of files) ctx.metrics.rowsLanded.inc({ table: file.table }, file.rows);
    log.debug({ first: first.firstOffset, last: last.lastOffset, objects: files.length }, 'batch landed');
    return {
      rows: files.reduce((n, f) => n + f.rows, 0),
      objects: files.map(({ key, table, rows, bytes }) => ({ key, table, rows, bytes })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
