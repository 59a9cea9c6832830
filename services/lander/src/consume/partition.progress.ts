/**
 * Whether each of our partitions advances, seen as an operator sees it: the group's committed offset against the
 * partition's end. A partition is stalled when it has events behind it (committed < end) and its committed
 * offset has not moved for `stallAfterMs` — whatever the cause (a message that cannot land, S3 or Kafka failing,
 * a flush failing for any reason, a consumer that never gets its batches). Pure: the consumer feeds it samples.
 */
import { fromOffset, lagOf } from './offsets.ts';

export interface OffsetSample {
  topic: string;
  partition: number;
  /** The group's committed offset (the next to land); null before the first commit. */
  committed: string | null;
  /** The partition's first offset still in the log: where landing starts without a commit. */
  start: string;
  /** The high watermark: one past the last offset in the log. */
  end: string;
}

export interface PartitionProgress {
  topic: string;
  partition: number;
  /** Events behind: end minus committed (or minus start before any commit). */
  lag: number;
  /** Milliseconds since the committed offset last moved or nothing was behind (since assignment at most). */
  sinceProgressMs: number;
  stalled: boolean;
}

interface Tracked {
  committed: string | null;
  lag: number;
  progressAt: number;
}

export class ProgressTracker {
  private readonly tracked = new Map<string, Tracked & { topic: string; partition: number }>();

  constructor(private readonly stallAfterMs: number) {}

  /**
   * Takes the offsets of the partitions assigned to us now; a partition no longer among them is forgotten, a new
   * one starts its clock now.
   */
  observe(samples: readonly OffsetSample[], now: number): void {
    const seen = new Set<string>();
    for (const sample of samples) {
      const key = `${sample.topic}/${sample.partition}`;
      seen.add(key);
      const lag = lagOf(fromOffset(sample.end), sample.committed ?? sample.start);
      const before = this.tracked.get(key);
      const moved = before !== undefined && before.committed !== sample.committed;
      const progressAt = before === undefined || moved || lag === 0 ? now : before.progressAt;
      this.tracked.set(key, {
        topic: sample.topic,
        partition: sample.partition,
        committed: sample.committed,
        lag,
        progressAt,
      });
    }
    for (const key of this.tracked.keys()) if (!seen.has(key)) this.tracked.delete(key);
  }

  /** Every tracked partition, in the order they were first seen. */
  progress(now: number): PartitionProgress[] {
    return [...this.tracked.values()].map((t) => {
      const sinceProgressMs = Math.max(0, now - t.progressAt);
      return {
        topic: t.topic,
        partition: t.partition,
        lag: t.lag,
        sinceProgressMs,
        stalled: t.lag > 0 && sinceProgressMs >= this.stallAfterMs,
      };
    });
  }

  anyStalled(now: number): boolean {
    return this.progress(now).some((p) => p.stalled);
  }
}
