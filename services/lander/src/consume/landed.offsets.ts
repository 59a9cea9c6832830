/**
 * What is already in the lake, per partition, and where to resume. Each partition has one checkpoint object
 * (`<prefix>_landing/<topic>/<partition>.json`) that a flush rewrites twice:
 *
 *   1. before uploading: the batch's offsets and the exact keys it will write (`pending`);
 *   2. after every object is uploaded and the Kafka commit succeeded: `landedThrough` = the batch's last offset.
 *
 * Recovery (on start and after every rebalance) reads the checkpoint and the group's committed offset. A
 * pending batch whose offsets the committed offset already covers did land (the crash came between commit and
 * checkpoint); otherwise its objects may be partial, so they are deleted by their exact names before the batch
 * is read and landed again. Resuming at max(committed, landedThrough + 1) means a lost commit never re-lands.
 * The committed offset comes from the group coordinator, which fences commits of members that lost the
 * partition; that is why the commit comes before the checkpoint's `landedThrough`.
 */
import { z } from 'zod';
import { maxOffset, offsetAfter, offsetBefore } from './offsets.ts';

const Offset = z.string().regex(/^\d+$/);

export const PendingBatch = z.object({ firstOffset: Offset, lastOffset: Offset, keys: z.array(z.string()) });
export type PendingBatch = z.infer<typeof PendingBatch>;

export const Checkpoint = z.object({
  version: z.literal(1),
  topic: z.string(),
  partition: z.int(),
  landedThrough: Offset.nullable(),
  pending: PendingBatch.nullable(),
  writtenAt: z.string(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export interface RecoveryPlan {
  /** The first offset not yet in the lake; `null` when nothing is known (start from the earliest). */
  resumeAt: string | null;
  landedThrough: string | null;
  /** Objects of an unfinished batch, to delete before landing again. */
  deleteKeys: string[];
  /** Whether the checkpoint must be rewritten (its pending batch resolved). */
  rewriteCheckpoint: boolean;
}

function next(offset: string | null): string | null {
  return offset === null ? null : offsetAfter(offset);
}

/** `committed` is the group's committed offset (the next offset to read), `null` when there is none. */
export function planRecovery(checkpoint: Checkpoint | undefined, committed: string | null): RecoveryPlan {
  if (!checkpoint) return { resumeAt: committed, landedThrough: null, deleteKeys: [], rewriteCheckpoint: false };
  const pending = checkpoint.pending;
  const pendingLanded = pending !== null && committed !== null && offsetBefore(pending.lastOffset, committed);
  const landedThrough = pendingLanded
    ? maxOffset(checkpoint.landedThrough, pending.lastOffset)
    : checkpoint.landedThrough;
  return {
    resumeAt: maxOffset(committed, next(landedThrough)),
    landedThrough,
    deleteKeys: pending !== null && !pendingLanded ? pending.keys : [],
    rewriteCheckpoint: pending !== null,
  };
}

export function checkpointOf(
  topic: string,
  partition: number,
  landedThrough: string | null,
  pending: PendingBatch | null,
  now: Date,
): Checkpoint {
  return { version: 1, topic, partition, landedThrough, pending, writtenAt: now.toISOString() };
}
