/**
 * The decoded batches of one partition waiting to be landed, in offset order, and the rule that says when to
 * flush them: enough events, enough bytes, or the oldest event waited long enough (the dashboard's freshness).
 * Batches are appended whole, so a flush by count or bytes may hold up to one fetched batch more than the bound.
 */
import type { FlushPolicy } from '../config.ts';
import type { DecodedBatch } from './fetched.batch.ts';
import { offsetBefore } from './offsets.ts';

export type FlushReason = 'events' | 'bytes' | 'age' | 'memory' | 'shutdown';

export class PartitionBuffer {
  private batches: DecodedBatch[] = [];
  private rowCount = 0;
  private byteCount = 0;
  private firstAppendAt: number | undefined;

  append(batch: DecodedBatch, now: number): void {
    const last = this.batches.at(-1);
    if (last && !offsetBefore(last.lastOffset, batch.firstOffset)) {
      throw new Error(
        `offset ${batch.firstOffset} appended after ${last.lastOffset}: buffers must stay in offset order`,
      );
    }
    this.batches.push(batch);
    this.rowCount += batch.rows;
    this.byteCount += batch.bytes;
    this.firstAppendAt ??= now;
  }

  /** Events held. */
  get size(): number {
    return this.rowCount;
  }

  get bytes(): number {
    return this.byteCount;
  }

  /** Why this buffer should be flushed now, or `undefined` to keep collecting. */
  dueReason(policy: FlushPolicy, now: number): FlushReason | undefined {
    if (this.rowCount === 0) return undefined;
    if (this.rowCount >= policy.maxEvents) return 'events';
    if (this.byteCount >= policy.maxBytes) return 'bytes';
    if (this.firstAppendAt !== undefined && now - this.firstAppendAt >= policy.maxAgeMs) return 'age';
    return undefined;
  }

  /** Removes and returns everything buffered. */
  drain(): DecodedBatch[] {
    const batches = this.batches;
    this.batches = [];
    this.rowCount = 0;
    this.byteCount = 0;
    this.firstAppendAt = undefined;
    return batches;
  }
}
