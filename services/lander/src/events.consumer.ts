/**
 * The consume loop: one kafkajs consumer group over the configured topics, a buffer per partition, flushes by
 * size inside `eachBatch` and by age from a timer, and recovery from the lake on every (re)assignment.
 *
 * Rebalances in kafkajs are eager: every partition is revoked, then reassigned. Buffers are dropped at each
 * rebalance (they were never committed, and their events are read again from the lake's resume point), and a
 * flush that notices the rebalance stops before its next S3 write. Only this module commits offsets.
 */
import { tmpdir } from 'node:os';
import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { ConsumerConfig, FlushPolicy, TopicRoute } from './config.ts';
import { landBatch, type LandingContext, type PartitionHandle } from './batch.lander.ts';
import { LanderError, LanderErrorCode, isLanderError } from './errors.ts';
import { Checkpoint, checkpointOf, planRecovery } from './landed.offsets.ts';
import type { LakeStore } from './lake.store.ts';
import type { Decoder } from './decoder.pool.ts';
import { packBatch, type DecodedBatch, type PackedBatch } from './fetched.batch.ts';
import type { LanderMetrics } from './metrics.ts';
import { Mutex } from './mutex.ts';
import { checkpointKey } from './object.names.ts';
import { PartitionBuffer, type FlushReason } from './partition.buffer.ts';
import { ProgressTracker, type OffsetSample } from './partition.progress.ts';
import type { ParquetWriter } from './parquet.writer.ts';
import { retrying } from './retry.ts';

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
  kafka: Kafka;
  store: LakeStore;
  writer: ParquetWriter;
  decoder: Decoder;
  metrics: LanderMetrics;
  logger: Logger;
}

interface PartitionState {
  key: string;
  route: TopicRoute;
  partition: number;
  generation: number;
  buffer: PartitionBuffer;
  recovered: boolean;
  resumeAt: string | null;
  landedThrough: string | null;
  highWatermark: string | null;
  /** The first offset fetched in this state: where reading started when nothing was landed before. */
  firstFetched: string | null;
}

/** Fetched batches that may wait for decoding while kafkajs fetches the next (about one fetch's worth). */
const MAX_QUEUED_BATCHES = 8;

interface QueuedBatch {
  highWatermark: string;
  /** The partition as it was when fetched; a rebalance since replaces it, and the batch is dropped. */
  state: PartitionState;
  /** The partition's seek count when fetched: a later seek (a failed flush reads again) makes the batch stale. */
  seeks: number;
  bytes: number;
}

function isRebalancing(error: unknown): boolean {
  const type = (error as { type?: string }).type;
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'NOT_COORDINATOR_FOR_GROUP' ||
    type === 'ILLEGAL_GENERATION' ||
    type === 'UNKNOWN_MEMBER_ID'
  );
}

export class EventsConsumer {
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  private readonly routes: Map<string, TopicRoute>;
  private readonly states = new Map<string, PartitionState>();
  private readonly locks = new Map<string, Mutex>();
  private readonly landing: LandingContext;
  private generation = 0;
  private joined = false;
  private crashed: Error | undefined;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private lastHeartbeat: (() => Promise<void>) | undefined;
  private s3FailingSince: number | undefined;
  /** Message bytes in queued batches, all buffers and flushes not yet finished: the lander's memory bound. */
  private heldBytes = 0;
  /** The decoding of fetched batches, chained in arrival order; and how many wait in it. */
  private decoding: Promise<void> = Promise.resolve();
  private queuedBatches = 0;
  /** Seeks per partition (`topic/partition`), so batches fetched before a seek are not decoded after it. */
  private readonly seeks = new Map<string, number>();
  /** Decoding failures in a row (reset by a batch decoded), for the backoff before reading again. */
  private decodeFailures = 0;
  /** The partitions the group gave us at the last join (kept through a rebalance, so a loop of them still shows). */
  private assignment: Record<string, number[]> = {};
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
    this.consumer = deps.kafka.consumer({
      groupId: options.consumer.groupId,
      sessionTimeout: options.consumer.sessionTimeoutMs,
      heartbeatInterval: Math.max(1000, Math.floor(options.consumer.sessionTimeoutMs / 10)),
      allowAutoTopicCreation: false,
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    this.admin = deps.kafka.admin();
    this.progress = new ProgressTracker(options.stallAfterMs);
    this.landing = {
      store: deps.store,
      writer: deps.writer,
      tmpDir: options.tmpDir ?? tmpdir(),
      lakePrefix: options.lakePrefix,
      s3RetryMaxDelayMs: options.s3RetryMaxDelayMs,
      metrics: deps.metrics,
      logger: deps.logger,
      onS3Failure: () => {
        this.s3FailingSince ??= Date.now();
      },
    };
  }

  /**
   * Joined the group, not crashed, not stopping, neither the last S3 operation nor the last decoding failed, and
   * no partition of ours stalled (events behind it, its committed offset still for `stallAfterMs`).
   */
  get ready(): boolean {
    return (
      this.joined &&
      !this.crashed &&
      !this.stopping &&
      this.s3FailingSince === undefined &&
      this.decodeFailures === 0 &&
      !this.progress.anyStalled(Date.now())
    );
  }

  get healthy(): boolean {
    return !this.crashed;
  }

  async start(): Promise<void> {
    const { events } = this.consumer;
    this.consumer.on(events.REBALANCING, () => this.revokeAll('rebalancing'));
    this.consumer.on(events.GROUP_JOIN, ({ payload }) => {
      this.revokeAll('joined');
      this.joined = true;
      this.assignment = payload.memberAssignment;
      this.deps.logger.info({ generation: this.generation, assignment: payload.memberAssignment }, 'joined group');
    });
    this.consumer.on(events.CRASH, ({ payload }) => {
      this.revokeAll('crash');
      if (!payload.restart) this.crashed = payload.error;
      this.deps.logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    });
    await this.admin.connect();
    // Started before joining: a lander that never gets its partitions' batches is seen stalling too.
    const every = Math.max(100, Math.min(5_000, Math.floor(this.options.stallAfterMs / 4)));
    this.progressTimer = setInterval(() => void this.checkProgress(), every);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.routes.keys()], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.eachBatch(payload),
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
    // Still a group member while the buffers are landed: commits need the membership, and pausing keeps the
    // heartbeats going while eachBatch stops taking messages.
    this.consumer.pause([...this.routes.keys()].map((topic) => ({ topic })));
    // Batches already fetched are decoded into the buffers first, so they are landed too.
    await this.decoding;
    await Promise.all(
      [...this.states.values()].map((state) =>
        this.lockOf(state.key)
          .run(() => this.flush(state, state.buffer.drain(), 'shutdown'))
          .catch((error: unknown) => this.deps.logger.warn({ err: error, partition: state.key }, 'final flush failed')),
      ),
    );
    await this.consumer.disconnect();
    await this.admin.disconnect();
  }

  private revokeAll(why: string): void {
    this.generation++;
    const buffered = [...this.states.values()].reduce((n, s) => n + s.buffer.size, 0);
    if (buffered > 0) this.deps.logger.info({ why, dropped: buffered }, 'partitions revoked; buffers dropped');
    for (const state of this.states.values()) this.heldBytes -= state.buffer.bytes;
    this.states.clear();
    this.deps.metrics.bufferedEvents.set(0);
  }

  private lockOf(key: string): Mutex {
    let lock = this.locks.get(key);
    if (!lock) this.locks.set(key, (lock = new Mutex()));
    return lock;
  }

  private stateFor(topic: string, partition: number): PartitionState {
    const key = `${topic}/${partition}`;
    const existing = this.states.get(key);
    if (existing && existing.generation === this.generation) return existing;
    const route = this.routes.get(topic);
    if (!route) throw new Error(`message from unsubscribed topic ${topic}`);
    const state: PartitionState = {
      key,
      route,
      partition,
      generation: this.generation,
      buffer: new PartitionBuffer(),
      recovered: false,
      resumeAt: null,
      landedThrough: null,
      highWatermark: null,
      firstFetched: null,
    };
    this.states.set(key, state);
    return state;
  }

  private owned(state: PartitionState): boolean {
    return state.generation === this.generation && this.states.get(state.key) === state;
  }

  private s3Retry<T>(state: PartitionState, operation: () => Promise<T>): Promise<T> {
    return retrying(operation, {
      maxDelayMs: this.options.s3RetryMaxDelayMs,
      beforeRetry: async (error) => {
        this.deps.metrics.s3Errors.inc();
        this.s3FailingSince ??= Date.now();
        this.deps.logger.warn({ err: error, partition: state.key }, 'S3 failed during recovery; retrying');
        if (!this.owned(state)) throw new LanderError(LanderErrorCode.PartitionRevoked, 'revoked', false);
        await this.lastHeartbeat?.();
      },
    });
  }

  private async committedOffset(topic: string, partition: number): Promise<string | null> {
    const [entry] = await this.admin.fetchOffsets({ groupId: this.options.consumer.groupId, topics: [topic] });
    const found = entry?.partitions.find((p) => p.partition === partition);
    return found && BigInt(found.offset) >= 0n ? found.offset : null;
  }

  /** Reads the partition's checkpoint and committed offset, cleans an unfinished batch, sets the resume point. */
  private async recover(state: PartitionState): Promise<void> {
    const { topic } = state.route;
    const key = checkpointKey(this.options.lakePrefix, topic, state.partition);
    const committed = await this.committedOffset(topic, state.partition);
    const raw = await this.s3Retry(state, () => this.deps.store.getJson(key));
    const parsed = raw === undefined ? undefined : Checkpoint.safeParse(raw);
    if (parsed && !parsed.success) {
      throw new LanderError(LanderErrorCode.CorruptCheckpoint, `checkpoint ${key} is not valid`, false, {
        cause: parsed.error,
      });
    }
    const plan = planRecovery(parsed?.data, committed);
    if (plan.deleteKeys.length > 0) {
      this.deps.logger.warn({ partition: state.key, keys: plan.deleteKeys }, 'deleting objects of an unfinished batch');
      await this.s3Retry(state, () => this.deps.store.delete(plan.deleteKeys));
    }
    if (plan.rewriteCheckpoint) {
      const cp = checkpointOf(topic, state.partition, plan.landedThrough, null, new Date());
      await this.s3Retry(state, () => this.deps.store.putJson(key, cp));
    }
    this.s3FailingSince = undefined;
    state.landedThrough = plan.landedThrough;
    state.resumeAt = plan.resumeAt;
    state.recovered = true;
    this.deps.logger.info(
      { partition: state.key, committed, resumeAt: plan.resumeAt, landedThrough: plan.landedThrough },
      'partition recovered',
    );
  }

  /**
   * Takes a fetched batch and returns at once, so kafkajs fetches the next one while this one is decoded: kafkajs
   * fetches one broker's partitions in turn and waits for every `eachBatch` before the next fetch, which left the
   * lander idle for each fetch's round trip. Batches are decoded by the decoder (worker threads) and taken into the
   * buffers in arrival order. The offsets are
   * resolved up front — they only move kafkajs's fetch position; commits stay ours, after landing, and a rebalance
   * or a seek makes kafkajs fetch from the committed or sought offset again. Held bytes count the queued batches,
   * and past the memory bound (or with more than `MAX_QUEUED_BATCHES` waiting) this waits for the decoding.
   * Recovery of a partition still happens here, before its first batch is queued, so its failures reach kafkajs
   * (which restarts the consumer) as before.
   */
  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    this.lastHeartbeat = () => payload.heartbeat();
    const last = batch.messages.at(-1);
    if (this.stopping || payload.isStale() || !last) return;
    const state = this.stateFor(batch.topic, batch.partition);
    if (!state.recovered) {
      await this.lockOf(state.key).run(async () => {
        if (this.owned(state) && !state.recovered) await this.recover(state);
      });
      if (!this.owned(state) || this.stopping || payload.isStale()) return;
    }
    payload.resolveOffset(last.offset);
    state.firstFetched ??= batch.messages[0]?.offset ?? null;
    // Slices of at most `maxEvents`, so that a flush by count holds fewer than twice that many events.
    const slice = this.options.flush.maxEvents;
    const ingestedAtMs = Date.now();
    for (let start = 0; start < batch.messages.length; start += slice) {
      const messages = batch.messages.slice(start, start + slice);
      const packed = packBatch(batch.topic, batch.partition, messages, state.resumeAt, ingestedAtMs);
      if (packed) this.queue(state, packed, batch.highWatermark);
      if (this.queuedBatches > MAX_QUEUED_BATCHES || this.heldBytes >= this.options.flush.maxBufferedBytes) {
        await this.decoding;
        if (!this.owned(state) || this.stopping || payload.isStale()) return;
      }
    }
  }

  /** Starts decoding a packed batch now, in a worker; its result joins the buffers in arrival order. */
  private queue(state: PartitionState, packed: PackedBatch, highWatermark: string): void {
    const bytes = packed.values.byteLength;
    const decoded = this.deps.decoder.decode(state.route, packed);
    // Handled where the chain awaits it; this only keeps an early failure from counting as unhandled.
    decoded.catch(() => undefined);
    const queued: QueuedBatch = { state, highWatermark, seeks: this.seeks.get(state.key) ?? 0, bytes };
    this.heldBytes += bytes;
    this.queuedBatches++;
    this.decoding = this.decoding
      .then(async () => this.bufferBatch(queued, await decoded))
      .then(() => {
        this.decodeFailures = 0;
      })
      .catch((error: unknown) => this.decodingFailed(state, error))
      .finally(() => {
        this.heldBytes -= bytes;
        this.queuedBatches--;
      });
  }

  /**
   * Decoding never fails on a message, so this is a bug or a decode worker that died (it is replaced on the next
   * request). The partition is read again at once from its first offset not landed — not at the next fetched
   * batch, which may never come on a quiet topic — and paused for a backoff that grows while failures repeat.
   */
  private decodingFailed(state: PartitionState, error: unknown): void {
    this.decodeFailures++;
    const delayMs = Math.min(30_000, 250 * 2 ** Math.min(this.decodeFailures, 7));
    this.deps.logger.error({ err: error, partition: state.key, delayMs }, 'decoding failed; reading again');
    if (!this.owned(state)) return;
    const from = this.firstUnlanded(state);
    if (from === null) return;
    const partition = [{ topic: state.route.topic, partitions: [state.partition] }];
    this.consumer.pause(partition);
    this.readAgain(state, from);
    setTimeout(() => {
      if (!this.stopping) this.consumer.resume(partition);
    }, delayMs).unref();
  }

  /** The partition's first offset not in the lake: after the last landed one, or where its reading started. */
  private firstUnlanded(state: PartitionState): string | null {
    if (state.landedThrough !== null) return (BigInt(state.landedThrough) + 1n).toString();
    return state.resumeAt ?? state.firstFetched;
  }

  /**
   * Forgets a partition that is still ours — its buffer, and through the seek count every batch queued for it —
   * and makes kafkajs fetch it again from `offset`. Its next batch recovers from the lake first, so events an
   * unfinished flush did land are skipped, not landed twice.
   */
  private readAgain(state: PartitionState, offset: string): void {
    if (!this.owned(state)) return;
    this.heldBytes -= state.buffer.bytes;
    this.states.delete(state.key);
    this.seeks.set(state.key, (this.seeks.get(state.key) ?? 0) + 1);
    this.consumer.seek({ topic: state.route.topic, partition: state.partition, offset });
  }

  /**
   * Takes a decoded batch into its partition's buffer — dropped when the partition was revoked or sought since —
   * and starts a flush when the buffer is due by count or bytes.
   */
  private async bufferBatch(queued: QueuedBatch, decoded: DecodedBatch): Promise<void> {
    const { state } = queued;
    const current = () => this.owned(state) && queued.seeks === (this.seeks.get(state.key) ?? 0);
    if (!current()) return;
    state.highWatermark = queued.highWatermark;
    // The queue's bytes become the buffer's (released by its flush, or by a rebalance).
    this.heldBytes += decoded.bytes;
    const now = Date.now();
    state.buffer.append(decoded, now);
    const due = state.buffer.dueReason(this.options.flush, now);
    if (due === 'events' || due === 'bytes') {
      // One batch landing while the next one fills: wait for the previous flush before starting another,
      // which pauses decoding (and, through the queue, fetching) while S3 is slow.
      const lock = this.lockOf(state.key);
      if (lock.busy) await lock.run(() => Promise.resolve());
      if (!current()) return;
      this.scheduleFlush(state, due);
    }
    if (this.heldBytes - queued.bytes >= this.options.flush.maxBufferedBytes) await this.relieveMemory(queued.bytes);
    this.updateGauges(state);
  }

  /** Over the memory bound: land the largest buffer and wait until held bytes (but `excluded`) fall below it. */
  private async relieveMemory(excluded: number): Promise<void> {
    while (this.heldBytes - excluded >= this.options.flush.maxBufferedBytes && !this.stopping) {
      let largest: PartitionState | undefined;
      for (const s of this.states.values()) if (s.buffer.bytes > (largest?.buffer.bytes ?? 0)) largest = s;
      const lock = largest ? this.lockOf(largest.key) : undefined;
      if (largest && lock && !lock.busy) this.scheduleFlush(largest, 'memory');
      // Wait for whichever flush is under way; each one lowers the held bytes when it ends.
      const busy = [...this.states.values()].map((s) => this.lockOf(s.key)).filter((l) => l.busy);
      if (busy.length === 0) return;
      await Promise.race(busy.map((l) => l.run(() => Promise.resolve())));
    }
  }

  private flushAged(): void {
    const now = Date.now();
    for (const state of this.states.values()) {
      if (this.lockOf(state.key).busy || state.buffer.dueReason(this.options.flush, now) !== 'age') continue;
      this.scheduleFlush(state, 'age');
    }
  }

  /** Takes the buffer now and lands it in the background, after the partition's earlier flushes. */
  private scheduleFlush(state: PartitionState, reason: FlushReason): void {
    const bytes = state.buffer.bytes;
    const batches = state.buffer.drain();
    this.updateGauges(state);
    this.lockOf(state.key)
      .run(() => this.flush(state, batches, reason))
      .finally(() => (this.heldBytes -= bytes))
      .catch((error: unknown) => this.deps.logger.error({ err: error, partition: state.key }, 'flush failed'));
  }

  /** Lands batches taken from the buffer; returns false when abandoned (the events will be read again). */
  private async flush(state: PartitionState, batches: DecodedBatch[], reason: FlushReason): Promise<boolean> {
    if (!this.owned(state) || batches.length === 0) return true;
    const started = performance.now();
    const generation = state.generation;
    const handle: PartitionHandle = {
      topic: state.route.topic,
      partition: state.partition,
      landedThrough: state.landedThrough,
      assertOwned: () => {
        if (!this.owned(state)) {
          throw new LanderError(LanderErrorCode.PartitionRevoked, `${state.key} revoked`, false);
        }
      },
      heartbeat: async () => {
        try {
          await this.lastHeartbeat?.();
        } catch (error) {
          if (isRebalancing(error)) this.revokeAll('heartbeat saw a rebalance');
          throw error;
        }
      },
      commit: async (offset) => {
        try {
          await this.consumer.commitOffsets([{ topic: state.route.topic, partition: state.partition, offset }]);
        } catch (error) {
          throw new LanderError(LanderErrorCode.KafkaCommitFailed, `commit of ${state.key}@${offset} failed`, false, {
            cause: error,
          });
        }
      },
    };
    try {
      const landed = await landBatch(this.landing, handle, batches);
      this.s3FailingSince = undefined;
      state.landedThrough = handle.landedThrough;
      const { metrics } = this.deps;
      metrics.flushEvents.observe({ reason }, landed.rows);
      metrics.repairedRows.inc(batches.reduce((n, b) => n + b.repaired, 0));
      metrics.flushSeconds.observe((performance.now() - started) / 1000);
      metrics.flushBytes.observe(landed.objects.reduce((n, o) => n + o.bytes, 0));
      this.updateGauges(state);
      return true;
    } catch (error) {
      this.deps.metrics.flushFailures.inc();
      const revoked = isLanderError(error, LanderErrorCode.PartitionRevoked) || generation !== this.generation;
      this.deps.logger.warn(
        {
          err: error,
          partition: state.key,
          first: batches[0]?.firstOffset,
          events: batches.reduce((n, b) => n + b.rows, 0),
          revoked,
        },
        'flush abandoned; the batch will be read and landed again',
      );
      // Still ours: read again from this batch (queued flushes and the buffer only hold later offsets).
      const first = batches[0]?.firstOffset;
      if (!revoked && first !== undefined) this.readAgain(state, first);
      return false;
    }
  }

  /** Samples the committed offsets and ends of our partitions (admin requests), for stalls and their gauges. */
  private async checkProgress(): Promise<void> {
    if (this.checkingProgress || this.stopping) return;
    this.checkingProgress = true;
    try {
      const topics = Object.keys(this.assignment).filter((t) => (this.assignment[t]?.length ?? 0) > 0);
      const samples: OffsetSample[] = [];
      if (topics.length > 0) {
        const committed = await this.admin.fetchOffsets({ groupId: this.options.consumer.groupId, topics });
        for (const topic of topics) {
          const ends = await this.admin.fetchTopicOffsets(topic);
          const ours = new Set(this.assignment[topic]);
          for (const end of ends) {
            if (!ours.has(end.partition)) continue;
            const offset = committed
              .find((c) => c.topic === topic)
              ?.partitions.find((p) => p.partition === end.partition)?.offset;
            const known = offset !== undefined && BigInt(offset) >= 0n;
            samples.push({
              topic,
              partition: end.partition,
              committed: known ? offset : null,
              start: end.low,
              end: end.high,
            });
          }
        }
      }
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

  private updateGauges(state: PartitionState): void {
    const next = state.landedThrough === null ? 0n : BigInt(state.landedThrough) + 1n;
    if (state.highWatermark !== null) {
      const lag = BigInt(state.highWatermark) - next;
      this.deps.metrics.consumerLag.set(
        { topic: state.route.topic, partition: String(state.partition) },
        Number(lag > 0n ? lag : 0n),
      );
    }
    let buffered = 0;
    for (const s of this.states.values()) buffered += s.buffer.size;
    this.deps.metrics.bufferedEvents.set(buffered);
  }
}
