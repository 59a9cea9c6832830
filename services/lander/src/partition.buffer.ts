/**
 * The records of one partition waiting to be landed, in offset order, and the rule that says when to flush
 * them: enough events, enough bytes, or the oldest record waited long enough (the dashboard's freshness).
 */
import type { FlushPolicy } from './config.ts';
import type { LakeRecord } from './message.decoder.ts';

/** `a < b` for Kafka offsets as decimal strings (no sign, no leading zeros), without a BigInt per call. */
export function offsetBefore(a: string, b: string): boolean {
  return a.length === b.length ? a < b : a.length < b.length;
}

export type FlushReason = 'events' | 'bytes' | 'age' | 'memory' | 'shutdown';

export class PartitionBuffer {
  private records: LakeRecord[] = [];
  private byteCount = 0;
  private firstAppendAt: number | undefined;

  append(record: LakeRecord, now: number): void {
    const last = this.records.at(-1);
    if (last && !offsetBefore(last.offset, record.offset)) {
      throw new Error(`offset ${record.offset} appended after ${last.offset}: buffers must stay in offset order`);
    }
    this.records.push(record);
    this.byteCount += record.bytes;
    this.firstAppendAt ??= now;
  }

  get size(): number {
    return this.records.length;
  }

  get bytes(): number {
    return this.byteCount;
  }

  /** Why this buffer should be flushed now, or `undefined` to keep collecting. */
  dueReason(policy: FlushPolicy, now: number): FlushReason | undefined {
    if (this.records.length === 0) return undefined;
    if (this.records.length >= policy.maxEvents) return 'events';
    if (this.byteCount >= policy.maxBytes) return 'bytes';
    if (this.firstAppendAt !== undefined && now - this.firstAppendAt >= policy.maxAgeMs) return 'age';
    return undefined;
  }

  /** Removes and returns everything buffered. */
  drain(): LakeRecord[] {
    const records = this.records;
    this.records = [];
    this.byteCount = 0;
    this.firstAppendAt = undefined;
    return records;
  }
}
