/**
 * One partition while it is ours: recovery from the lake, the buffer of decoded batches, flushes in order
 * (one at a time, under a lock shared with the partition's earlier and later owners), and the last offset
 * known to be in the lake. Revoking it (a rebalance, or reading it again after a failed flush) makes every later
 * step of its flushes stop before the next S3 write; its events are read again by whoever owns it next.
 */
import type { PartitionConsumer } from '@servq/kafka';
import type { Logger } from 'pino';
import { landBatch, type LandingContext, type PartitionHandle } from '../lake/batch.lander.ts';
import type { FlushPolicy, TopicRoute } from '../config.ts';
import { LanderError, LanderErrorCode, isLanderError } from '../errors.ts';
import type { DecodedBatch } from './fetched.batch.ts';
import { Checkpoint, checkpointOf, planRecovery } from './landed.offsets.ts';
import type { LakeStore } from '../lake/lake.store.ts';
import type { LanderMetrics } from '../metrics.ts';
import type { Mutex } from '../mutex.ts';
import { checkpointKey } from '../lake/object.names.ts';
import { fromOffset, lagOf, offsetAfter, toOffset, type Offset } from './offsets.ts';
import { PartitionBuffer, type FlushReason } from './partition.buffer.ts';
import { retrying } from '../retry.ts';

export interface PartitionLanderDeps {
  route: TopicRoute;
  partition: number;
  /** Held by one recovery or flush of this partition at a time, across its owners. */
  lock: Mutex;
  landing: LandingContext;
  store: LakeStore;
  consumer: Pick<PartitionConsumer, 'commit' | 'heartbeat'>;
  metrics: LanderMetrics;
  logger: Logger;
  /** Told when S3 failed and when it answered again (readiness). */
  s3Failed(): void;
  s3Recovered(): void;
  /** A flush failed while the partition was still ours: read it again from `offset`. */
  readAgain(lander: PartitionLander, offset: Offset): void;
}

export class PartitionLander {
  readonly key: string;
  readonly buffer = new PartitionBuffer();
  private revoked = false;
  private resumeAt: Offset | null = null;
  private landedThrough: Offset | null = null;
  private highWatermark: bigint | null = null;
  /** The first offset fetched: where reading started when nothing was landed before. */
  private firstFetched: Offset | null = null;

  constructor(private readonly deps: PartitionLanderDeps) {
    this.key = `${deps.route.topic}/${deps.partition}`;
  }

  get topic(): string {
    return this.deps.route.topic;
  }

  get partition(): number {
    return this.deps.partition;
  }

  get route(): TopicRoute {
    return this.deps.route;
  }

  get owned(): boolean {
    return !this.revoked;
  }

  /** A flush or recovery of this partition (by any owner) is under way. */
  get busy(): boolean {
    return this.deps.lock.busy;
  }

  /** From now on nothing of this object reaches S3 or Kafka; its buffer is dropped. */
  revoke(): void {
    this.revoked = true;
  }

  /** Waits for the partition's flushes started so far. */
  idle(): Promise<void> {
    return this.deps.lock.run(() => Promise.resolve());
  }

  /**
   * Reads the checkpoint, cleans an unfinished batch and answers the first offset not in the lake (null: from
   * the committed offset or the earliest). Runs after the partition's earlier flushes.
   */
  recover(committed: bigint | null): Promise<bigint | null> {
    return this.deps.lock.run(async () => {
      const { store, logger } = this.deps;
      const key = checkpointKey(this.deps.landing.lakePrefix, this.topic, this.partition);
      const committedAt = committed === null ? null : toOffset(committed);
      const raw = await this.s3Retry(() => store.getJson(key));
      const parsed = raw === undefined ? undefined : Checkpoint.safeParse(raw);
      if (parsed && !parsed.success) {
        throw new LanderError(LanderErrorCode.CorruptCheckpoint, `checkpoint ${key} is not valid`, false, {
          cause: parsed.error,
        });
      }
      const plan = planRecovery(parsed?.data, committedAt);
      if (plan.deleteKeys.length > 0) {
        logger.warn({ partition: this.key, keys: plan.deleteKeys }, 'deleting objects of an unfinished batch');
        await this.s3Retry(() => store.delete(plan.deleteKeys));
      }
      if (plan.rewriteCheckpoint) {
        const cp = checkpointOf(this.topic, this.partition, plan.landedThrough, null, new Date());
        await this.s3Retry(() => store.putJson(key, cp));
      }
      this.deps.s3Recovered();
      this.landedThrough = plan.landedThrough;
      this.resumeAt = plan.resumeAt;
      logger.info(
        { partition: this.key, committed: committedAt, resumeAt: plan.resumeAt, landedThrough: plan.landedThrough },
        'partition recovered',
      );
      return plan.resumeAt === null ? null : fromOffset(plan.resumeAt);
    });
  }

  /** Notes a fetched batch's first offset and the partition's end when it was fetched. */
  fetched(firstOffset: bigint, highWatermark: bigint): void {
    this.firstFetched ??= toOffset(firstOffset);
    this.highWatermark = highWatermark;
  }

  /** The first offset not in the lake: after the last landed one, or where reading started. */
  firstUnlanded(): Offset | null {
    if (this.landedThrough !== null) return offsetAfter(this.landedThrough);
    return this.resumeAt ?? this.firstFetched;
  }

  /** Events behind the lake in this partition, as of the last fetch; undefined before one. */
  lag(): number | undefined {
    if (this.highWatermark === null) return undefined;
    return lagOf(this.highWatermark, this.landedThrough === null ? null : offsetAfter(this.landedThrough));
  }

  dueReason(policy: FlushPolicy, now: number): FlushReason | undefined {
    return this.buffer.dueReason(policy, now);
  }

  /** Takes the buffer now and lands it after the partition's earlier flushes; resolves false when abandoned. */
  flushBuffer(reason: FlushReason): Promise<boolean> {
    const batches = this.buffer.drain();
    return this.deps.lock.run(() => this.flush(batches, reason));
  }

  private s3Retry<T>(operation: () => Promise<T>): Promise<T> {
    return retrying(operation, {
      maxDelayMs: this.deps.landing.s3RetryMaxDelayMs,
      beforeRetry: async (error) => {
        this.deps.metrics.s3Errors.inc();
        this.deps.s3Failed();
        this.deps.logger.warn({ err: error, partition: this.key }, 'S3 failed during recovery; retrying');
        if (!this.owned) throw new LanderError(LanderErrorCode.PartitionRevoked, 'revoked', false);
        await this.deps.consumer.heartbeat();
      },
    });
  }

  private async flush(batches: DecodedBatch[], reason: FlushReason): Promise<boolean> {
    if (!this.owned || batches.length === 0) return true;
    const started = performance.now();
    const { consumer, metrics, logger } = this.deps;
    const ref = { topic: this.topic, partition: this.partition };
    const handle: PartitionHandle = {
      topic: this.topic,
      partition: this.partition,
      landedThrough: this.landedThrough,
      assertOwned: () => {
        if (!this.owned) throw new LanderError(LanderErrorCode.PartitionRevoked, `${this.key} revoked`, false);
      },
      // A heartbeat that finds the group changed revokes this partition (through the consumer) and throws.
      heartbeat: () => consumer.heartbeat(),
      commit: async (offset) => {
        try {
          await consumer.commit(ref, fromOffset(offset));
        } catch (error) {
          throw new LanderError(LanderErrorCode.KafkaCommitFailed, `commit of ${this.key}@${offset} failed`, false, {
            cause: error,
          });
        }
      },
    };
    try {
      const landed = await landBatch(this.deps.landing, handle, batches);
      this.deps.s3Recovered();
      this.landedThrough = handle.landedThrough;
      metrics.flushEvents.observe({ reason }, landed.rows);
      metrics.repairedRows.inc(batches.reduce((n, b) => n + b.repaired, 0));
      metrics.flushSeconds.observe((performance.now() - started) / 1000);
      metrics.flushBytes.observe(landed.objects.reduce((n, o) => n + o.bytes, 0));
      return true;
    } catch (error) {
      metrics.flushFailures.inc();
      const revoked = isLanderError(error, LanderErrorCode.PartitionRevoked) || !this.owned;
      logger.warn(
        {
          err: error,
          partition: this.key,
          first: batches[0]?.firstOffset,
          events: batches.reduce((n, b) => n + b.rows, 0),
          revoked,
        },
        'flush abandoned; the batch will be read and landed again',
      );
      // Still ours: read again from this batch (queued flushes and the buffer only hold later offsets).
      const first = batches[0]?.firstOffset;
      if (!revoked && first !== undefined) this.deps.readAgain(this, first);
      return false;
    }
  }
}
