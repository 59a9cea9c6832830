/**
 * The consume loop, thin: one partition consumer (packages/kafka) over the configured topics, one
 * `PartitionLander` per partition it gives us, and what spans partitions — the memory bound over fetched,
 * decoding and buffered bytes, the decoding queue in arrival order, the age timer, and the progress watch that
 * readiness and the stall metrics read.
 *
 * A partition's lander is created when the partition is assigned (or read again after a failed flush) and
 * revoked when it goes; batches decoded for a lander that is no longer current are dropped, and their events are
 * read again from the lake's resume point. Only partition landers commit offsets, after landing.
 */
import { tmpdir } from 'node:os';
import type { KafkaClient, MessageBatch, PartitionConsumer, TopicPartition } from '@servq/kafka';
import type { Logger } from 'pino';
import type { LandingContext } from '../lake/batch.lander.ts';
import type { ConsumerConfig, FlushPolicy, TopicRoute } from '../config.ts';
import type { Decoder } from '../decode/decoder.ts';
import { packBatch, type DecodedBatch, type PackedBatch } from './fetched.batch.ts';
import type { LakeStore } from '../lake/lake.store.ts';
import type { LanderMetrics } from '../metrics.ts';
import { Mutex } from '../mutex.ts';
import { fromOffset, toOffset, type Offset } from './offsets.ts';
import type { FlushReason } from './partition.buffer.ts';
import { PartitionLander } from './partition.lander.ts';
import { ProgressTracker } from './partition.progress.ts';
import type { ParquetWriter } from '../lake/parquet.writer.ts';

export interface EventsConsumerOptions {
  consumer: ConsumerConfig;
  flush: FlushPolicy;
  /** A partition with events behind it whose committed offset has not moved this long is stalled. */
  stallAfterMs: number;
  lakePrefix: string;
  s3RetryMaxDelayMs: number;
  tmpDir: string | undefined;
}

export interface EventsConsumerDeps {
  kafka: KafkaClient;
  store: LakeStore;
  writer: ParquetWriter;
  decoder: Decoder;
  metrics: LanderMetrics;
  logger: Logger;
}

/** Fetched batches that may wait for decoding while the client fetches the next (about one fetch's worth). */
const MAX_QUEUED_BATCHES = 8;

interface QueuedBatch {
  /** The partition's lander when fetched; once it is no longer current, the batch is dropped. */
  lander: PartitionLander;
  bytes: number;
}

export class EventsConsumer {
  private readonly consumer: PartitionConsumer;
  private readonly routes: Map<string, TopicRoute>;
  /** The current lander of each partition we own. */
  private readonly landers = new Map<string, PartitionLander>();
  /** One lock per partition, shared by its successive landers: recovery waits for the last owner's flushes. */
  private readonly locks = new Map<string, Mutex>();
  private readonly landing: LandingContext;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private s3FailingSince: number | undefined;
  /** Message bytes in queued batches, all buffers and flushes not yet finished: the lander's memory bound. */
  private heldBytes = 0;
  /** The decoding of fetched batches, chained in arrival order; and how many wait in it. */
  private decoding: Promise<void> = Promise.resolve();
  private queuedBatches = 0;
  /** Decoding failures in a row (reset by a batch decoded), for the backoff before reading again. */
  private decodeFailures = 0;
  private readonly progress: ProgressTracker;
  private progressTimer: NodeJS.Timeout | undefined;
  private checkingProgress = false;
  /** Partitions whose progress gauges are set, to remove those no longer ours; and those stalled, to log changes. */
  private readonly progressLabels = new Set<string>();
  private readonly stalled = new Set<string>();

  constructor(
    private readonly options: EventsConsumerOptions,
    private readonly deps: EventsConsumerDeps,
  ) {
    this.routes = new Map(options.consumer.routes.map((r) => [r.topic, r]));
    const { sessionTimeoutMs } = options.consumer;
    this.consumer = deps.kafka.consumer({
      groupId: options.consumer.groupId,
      topics: [...this.routes.keys()],
      sessionTimeoutMs,
      // Long enough that a slow fetch or a rebalance is not taken for a wedged client.
      silentAfterMs: Math.max(20_000, 3 * sessionTimeoutMs),
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    this.progress = new ProgressTracker(options.stallAfterMs);
    this.landing = {
      store: deps.store,
      writer: deps.writer,
      tmpDir: options.tmpDir ?? tmpdir(),
      lakePrefix: options.lakePrefix,
      s3RetryMaxDelayMs: options.s3RetryMaxDelayMs,
      metrics: deps.metrics,
      logger: deps.logger,
      onS3Failure: () => this.s3Failed(),
    };
  }

  /**
   * Joined the group, not failed, not stopping, neither the last S3 operation nor the last decoding failed, and
   * no partition of ours stalled (events behind it, its committed offset still for `stallAfterMs`).
   */
  get ready(): boolean {
    return (
      this.consumer.joined &&
      !this.consumer.failed &&
      !this.stopping &&
      this.s3FailingSince === undefined &&
      this.decodeFailures === 0 &&
      !this.progress.anyStalled(Date.now())
    );
  }

  get healthy(): boolean {
    return !this.consumer.failed;
  }

  async start(): Promise<void> {
    // Started before joining: a lander that never gets its partitions' batches is seen stalling too.
    const every = Math.max(100, Math.min(5_000, Math.floor(this.options.stallAfterMs / 4)));
    this.progressTimer = setInterval(() => void this.checkProgress(), every);
    await this.consumer.start({
      assigned: (partition, committed) => this.assigned(partition, committed),
      batch: (batch) => this.onBatch(batch),
      revoked: (partitions, reason) => this.revoked(partitions, reason),
    });
    const tick = Math.max(50, Math.min(1000, Math.floor(this.options.flush.maxAgeMs / 4)));
    this.timer = setInterval(() => this.flushAged(), tick);
  }

  /** Stops consuming, lands what the buffers hold, commits, and leaves the group. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearInterval(this.timer);
    clearInterval(this.progressTimer);
    // Still a group member while the buffers are landed: commits need the membership.
    this.consumer.pauseAll();
    // Batches already fetched are decoded into the buffers first, so they are landed too.
    await this.decoding;
    await Promise.all(
      [...this.landers.values()].map((lander) =>
        lander
          .flushBuffer('shutdown')
          .catch((error: unknown) =>
            this.deps.logger.warn({ err: error, partition: lander.key }, 'final flush failed'),
          ),
      ),
    );
    await this.consumer.stop();
  }

  private s3Failed(): void {
    this.s3FailingSince ??= Date.now();
  }

  private lockOf(key: string): Mutex {
    let lock = this.locks.get(key);
    if (!lock) this.locks.set(key, (lock = new Mutex()));
    return lock;
  }

  private current(lander: PartitionLander): boolean {
    return lander.owned && this.landers.get(lander.key) === lander;
  }

  /** A partition became ours (or is read again): a new lander, recovered from the lake, says where to resume. */
  private async assigned(partition: TopicPartition, committed: bigint | null): Promise<bigint | null> {
    const route = this.routes.get(partition.topic);
    if (!route) throw new Error(`assigned a partition of unsubscribed topic ${partition.topic}`);
    const key = `${partition.topic}/${partition.partition}`;
    this.drop(this.landers.get(key));
    const lander = new PartitionLander({
      route,
      partition: partition.partition,
      lock: this.lockOf(key),
      landing: this.landing,
      store: this.deps.store,
      consumer: this.consumer,
      metrics: this.deps.metrics,
      logger: this.deps.logger,
      s3Failed: () => this.s3Failed(),
      s3Recovered: () => (this.s3FailingSince = undefined),
      readAgain: (which, offset) => this.readAgain(which, offset),
    });
    this.landers.set(key, lander);
    return lander.recover(committed);
  }

  private revoked(partitions: readonly TopicPartition[], reason: string): void {
    let dropped = 0;
    for (const p of partitions) {
      const lander = this.landers.get(`${p.topic}/${p.partition}`);
      dropped += lander?.buffer.size ?? 0;
      this.drop(lander);
    }
    if (dropped > 0) this.deps.logger.info({ why: reason, dropped }, 'partitions revoked; buffers dropped');
    this.updateBufferedGauge();
  }

  /** Revokes a lander and forgets it; its buffered bytes no longer count (its running flush releases its own). */
  private drop(lander: PartitionLander | undefined): void {
    if (!lander) return;
    lander.revoke();
    this.heldBytes -= lander.buffer.bytes;
    lander.buffer.drain();
    if (this.landers.get(lander.key) === lander) this.landers.delete(lander.key);
  }

  /**
   * Takes a fetched batch, queues its decoding and returns, so the client fetches the next one; decoded batches
   * join the buffers in arrival order. Past the memory bound, or with more than `MAX_QUEUED_BATCHES` waiting,
   * this waits for the decoding.
   */
  private async onBatch(batch: MessageBatch): Promise<void> {
    const lander = this.landers.get(`${batch.topic}/${batch.partition}`);
    const first = batch.messages[0];
    if (this.stopping || !lander || !first) return;
    lander.fetched(first.offset, batch.highWatermark);
    // Slices of at most `maxEvents`, so that a flush by count holds fewer than twice that many events.
    const slice = this.options.flush.maxEvents;
    const ingestedAtMs = Date.now();
    for (let start = 0; start < batch.messages.length; start += slice) {
      const messages = batch.messages.slice(start, start + slice);
      const packed = packBatch(batch.topic, batch.partition, messages, null, ingestedAtMs);
      if (packed) this.queue(lander, packed);
      if (this.queuedBatches > MAX_QUEUED_BATCHES || this.heldBytes >= this.options.flush.maxBufferedBytes) {
        await this.decoding;
        if (!this.current(lander) || this.stopping) return;
      }
    }
  }

  /** Queues a packed batch's decoding; its result joins the buffer in arrival order. */
  private queue(lander: PartitionLander, packed: PackedBatch): void {
    const bytes = packed.values.byteLength;
    const decoded = this.deps.decoder.decode(lander.route, packed);
    // Handled where the chain awaits it; this only keeps an early failure from counting as unhandled.
    decoded.catch(() => undefined);
    const queued: QueuedBatch = { lander, bytes };
    this.heldBytes += bytes;
    this.queuedBatches++;
    this.decoding = this.decoding
      .then(async () => this.bufferBatch(queued, await decoded))
      .then(() => {
        this.decodeFailures = 0;
      })
      .catch((error: unknown) => this.decodingFailed(lander, error))
      .finally(() => {
        this.heldBytes -= bytes;
        this.queuedBatches--;
      });
  }

  /**
   * Decoding never fails on a message, so this is a bug (or a test's failing decoder). The partition is read again at once from its first offset not landed — not at the next fetched
   * batch, which may never come on a quiet topic — and paused for a backoff that grows while failures repeat.
   */
  private decodingFailed(lander: PartitionLander, error: unknown): void {
    this.decodeFailures++;
    const delayMs = Math.min(30_000, 250 * 2 ** Math.min(this.decodeFailures, 7));
    this.deps.logger.error({ err: error, partition: lander.key, delayMs }, 'decoding failed; reading again');
    if (!this.current(lander)) return;
    const from = lander.firstUnlanded();
    if (from === null) return;
    const partition = [{ topic: lander.topic, partition: lander.partition }];
    this.consumer.pause(partition);
    this.readAgain(lander, from);
    setTimeout(() => {
      if (!this.stopping) this.consumer.resume(partition);
    }, delayMs).unref();
  }

  /**
   * Forgets a partition's lander that is still current — its buffer, and every batch queued for it — and reads
   * the partition again from `offset`; its next lander recovers from the lake first, so events an unfinished
   * flush did land are skipped, not landed twice.
   */
  private readAgain(lander: PartitionLander, offset: Offset): void {
    if (!this.current(lander)) return;
    this.drop(lander);
    this.consumer.seek({ topic: lander.topic, partition: lander.partition }, fromOffset(offset));
  }

  /** Takes a decoded batch into its lander's buffer, and starts a flush when it is due by count or bytes. */
  private async bufferBatch(queued: QueuedBatch, decoded: DecodedBatch): Promise<void> {
    const { lander } = queued;
    if (!this.current(lander)) return;
    // The queue's bytes become the buffer's (released by its flush, or by a revocation).
    this.heldBytes += decoded.bytes;
    const now = Date.now();
    lander.buffer.append(decoded, now);
    const due = lander.dueReason(this.options.flush, now);
    if (due === 'events' || due === 'bytes') {
      // One batch landing while the next one fills: wait for the previous flush before starting another,
      // which pauses decoding (and, through the queue, fetching) while S3 is slow.
      if (lander.busy) await lander.idle();
      if (!this.current(lander)) return;
      this.scheduleFlush(lander, due);
    }
    if (this.heldBytes - queued.bytes >= this.options.flush.maxBufferedBytes) await this.relieveMemory(queued.bytes);
    this.updateGauges(lander);
  }

  /** Over the memory bound: land the largest buffer and wait until held bytes (but `excluded`) fall below it. */
  private async relieveMemory(excluded: number): Promise<void> {
    while (this.heldBytes - excluded >= this.options.flush.maxBufferedBytes && !this.stopping) {
      let largest: PartitionLander | undefined;
      for (const l of this.landers.values()) if (l.buffer.bytes > (largest?.buffer.bytes ?? 0)) largest = l;
      if (largest && !largest.busy) this.scheduleFlush(largest, 'memory');
      // Wait for whichever flush is under way; each one lowers the held bytes when it ends.
      const busy = [...this.landers.values()].filter((l) => l.busy);
      if (busy.length === 0) return;
      await Promise.race(busy.map((l) => l.idle()));
    }
  }

  private flushAged(): void {
    const now = Date.now();
    for (const lander of this.landers.values()) {
      if (lander.busy || lander.dueReason(this.options.flush, now) !== 'age') continue;
      this.scheduleFlush(lander, 'age');
    }
  }

  /** Takes the buffer now and lands it in the background, after the partition's earlier flushes. */
  private scheduleFlush(lander: PartitionLander, reason: FlushReason): void {
    const bytes = lander.buffer.bytes;
    const flushed = lander.flushBuffer(reason);
    this.updateGauges(lander);
    flushed
      .then(() => this.updateGauges(lander))
      .finally(() => (this.heldBytes -= bytes))
      .catch((error: unknown) => this.deps.logger.error({ err: error, partition: lander.key }, 'flush failed'));
  }

  /** Samples the committed offsets and ends of our partitions, for stalls and their gauges. */
  private async checkProgress(): Promise<void> {
    if (this.checkingProgress || this.stopping) return;
    this.checkingProgress = true;
    try {
      const samples = (await this.consumer.progress()).map((p) => ({
        topic: p.topic,
        partition: p.partition,
        committed: p.committed === null ? null : toOffset(p.committed),
        start: toOffset(p.start),
        end: toOffset(p.end),
      }));
      this.progress.observe(samples, Date.now());
    } catch (error) {
      // Kafka unreachable: the clocks run on, so a partition that cannot advance is reported stalled.
      this.deps.logger.debug({ err: error }, 'progress check failed');
    } finally {
      this.checkingProgress = false;
    }
    this.updateProgressGauges();
  }

  private updateProgressGauges(): void {
    const { partitionStalled, partitionProgressAge } = this.deps.metrics;
    const seen = new Set<string>();
    for (const p of this.progress.progress(Date.now())) {
      const labels = { topic: p.topic, partition: String(p.partition) };
      seen.add(JSON.stringify(labels));
      partitionStalled.set(labels, p.stalled ? 1 : 0);
      partitionProgressAge.set(labels, p.sinceProgressMs / 1000);
      const partition = `${p.topic}/${p.partition}`;
      if (p.stalled !== this.stalled.has(partition)) {
        if (p.stalled) this.stalled.add(partition);
        else this.stalled.delete(partition);
        const seconds = Math.round(p.sinceProgressMs / 1000);
        if (p.stalled) this.deps.logger.error({ partition, lag: p.lag, seconds }, 'partition stalled: not advancing');
        else this.deps.logger.info({ partition }, 'partition advancing again');
      }
    }
    for (const key of this.progressLabels) {
      if (seen.has(key)) continue;
      const labels = JSON.parse(key) as { topic: string; partition: string };
      partitionStalled.remove(labels);
      partitionProgressAge.remove(labels);
      this.stalled.delete(`${labels.topic}/${labels.partition}`);
    }
    this.progressLabels.clear();
    for (const key of seen) this.progressLabels.add(key);
  }

  private updateGauges(lander: PartitionLander): void {
    const lag = lander.lag();
    if (lag !== undefined) {
      this.deps.metrics.consumerLag.set({ topic: lander.topic, partition: String(lander.partition) }, lag);
    }
    this.updateBufferedGauge();
  }

  private updateBufferedGauge(): void {
    let buffered = 0;
    for (const l of this.landers.values()) buffered += l.buffer.size;
    this.deps.metrics.bufferedEvents.set(buffered);
  }
}
