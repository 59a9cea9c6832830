/**
 * The partition-aware consumer over kafkajs. It owns what kafkajs makes a consumer loop know: `eachBatch`,
 * `resolveOffset`, `isStale`, the payload's heartbeat, kafkajs's event names, pause/seek, commits; and calls
 * servq handlers with servq messages (bigint offsets, numeric timestamps, text headers).
 *
 * kafkajs rebalances eagerly: on every rebalance, crash or rejoin every partition is revoked, then the new
 * assignment is delivered. A partition's `assigned` handler runs lazily, before its first batch (kafkajs says
 * which partitions are ours only in batches), and again after a seek.
 *
 * A watchdog rebuilds the kafkajs consumer (a new client and membership) when it has been silent too long:
 * not joined for `silentAfterMs`, or joined with an unpaused partition whose log end is past the next offset to
 * deliver and nothing delivered of it for `silentAfterMs` (while no batch is being handled). kafkajs was seen
 * going silent for good after repeated broker restarts, with no error and no event (#13); and a client let go
 * while kafkajs was restarting it came back by itself and held partitions: such a client is disconnected again
 * whenever it shows up.
 */
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage as KafkaJsMessage } from 'kafkajs';
import { KafkaErrorCode } from '../errors.ts';
import type {
  CommittedOffset,
  ConsumerOptions,
  KafkaLogger,
  KafkaMessage,
  PartitionConsumer,
  PartitionHandlers,
  PartitionOffsets,
  RevokeReason,
  TopicPartition,
} from '../types.ts';
import { KafkaJsAdmin } from './admin.ts';
import { adapterError, kindOf } from './errors.ts';

interface Owned {
  ref: TopicPartition;
  /** Messages before this offset are not delivered (the handler's resume point). */
  resumeAt: bigint | null;
}

const keyOf = (p: TopicPartition) => `${p.topic}/${p.partition}`;

function toMessage(m: KafkaJsMessage): KafkaMessage {
  const headers: Record<string, string> = {};
  if (m.headers) {
    for (const [name, value] of Object.entries(m.headers)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first.toString();
    }
  }
  return {
    offset: BigInt(m.offset),
    key: m.key ?? null,
    value: m.value,
    timestamp: Number(m.timestamp),
    headers,
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class KafkaJsPartitionConsumer implements PartitionConsumer {
  private consumer: Consumer | undefined;
  private readonly admin: KafkaJsAdmin;
  private handlers: PartitionHandlers | undefined;
  private readonly owned = new Map<string, Owned>();
  private assignment: TopicPartition[] = [];
  private readonly paused = new Set<string>();
  /** Next offset to deliver per partition, as far as this member knows (after a delivery or a seek). */
  private readonly positions = new Map<string, bigint>();
  private lastHeartbeat: (() => Promise<void>) | undefined;
  private isJoined = false;
  private failure: Error | undefined;
  private stopping = false;
  /** Since when this member waits to (re)join; undefined while joined. */
  private joinWaitSince: number | undefined = Date.now();
  /** When each partition was last delivered (or assigned): a partition with messages behind it stays silent. */
  private readonly deliveredAt = new Map<string, number>();
  private handling = 0;
  private watchdog: NodeJS.Timeout | undefined;
  private checking = false;
  private rebuilding: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerOptions,
    private readonly logger: KafkaLogger | undefined,
  ) {
    this.admin = new KafkaJsAdmin(kafka);
  }

  get joined(): boolean {
    return this.isJoined;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  async start(handlers: PartitionHandlers): Promise<void> {
    this.handlers = handlers;
    this.stopping = false;
    await this.admin.connect();
    await this.launch();
    const every = Math.max(100, Math.floor(this.options.silentAfterMs / 4));
    this.watchdog = setInterval(() => void this.watch(), every);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    await this.rebuilding;
    await this.consumer?.disconnect();
    this.revokeAll('stop');
    this.isJoined = false;
    await this.admin.disconnect();
  }

  async commit(partition: TopicPartition, next: bigint): Promise<void> {
    const consumer = this.consumer;
    try {
      if (!consumer) throw new Error('not connected');
      await consumer.commitOffsets([{ ...partition, offset: next.toString() }]);
    } catch (error) {
      throw adapterError(KafkaErrorCode.CommitFailed, `commit of ${keyOf(partition)}@${next} failed`, error);
    }
  }

  async heartbeat(): Promise<void> {
    try {
      await this.lastHeartbeat?.();
    } catch (error) {
      const failed = adapterError(KafkaErrorCode.HeartbeatFailed, 'heartbeat failed', error);
      if (failed.kind === 'needs-rejoin') this.revokeAll('rejoin');
      throw failed;
    }
  }

  pause(partitions: readonly TopicPartition[]): void {
    for (const p of partitions) this.paused.add(keyOf(p));
    this.consumer?.pause(partitions.map((p) => ({ topic: p.topic, partitions: [p.partition] })));
  }

  resume(partitions: readonly TopicPartition[]): void {
    for (const p of partitions) this.paused.delete(keyOf(p));
    this.consumer?.resume(partitions.map((p) => ({ topic: p.topic, partitions: [p.partition] })));
  }

  pauseAll(): void {
    for (const p of this.assignment) this.paused.add(keyOf(p));
    this.consumer?.pause(this.options.topics.map((topic) => ({ topic })));
  }

  seek(partition: TopicPartition, offset: bigint): void {
    // The next batch asks the handler where to resume again: what was landed may have changed.
    this.owned.delete(keyOf(partition));
    this.positions.set(keyOf(partition), offset);
    this.consumer?.seek({ ...partition, offset: offset.toString() });
  }

  async progress(): Promise<(CommittedOffset & PartitionOffsets)[]> {
    const topics = [...new Set(this.assignment.map((p) => p.topic))];
    if (topics.length === 0) return [];
    const committed = await this.admin.committedOffsets(this.options.groupId, topics);
    const result: (CommittedOffset & PartitionOffsets)[] = [];
    for (const topic of topics) {
      const ours = new Set(this.assignment.filter((p) => p.topic === topic).map((p) => p.partition));
      for (const bounds of await this.admin.topicOffsets(topic)) {
        if (!ours.has(bounds.partition)) continue;
        const c = committed.find((x) => x.topic === topic && x.partition === bounds.partition)?.committed ?? null;
        result.push({ ...bounds, committed: c });
      }
    }
    return result;
  }

  /** Creates, connects and runs a kafkajs consumer; its events count only while it is the current one. */
  private async launch(): Promise<void> {
    const { sessionTimeoutMs } = this.options;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: Math.max(1000, Math.floor(sessionTimeoutMs / 10)),
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 4 * 1024 * 1024,
      // kafkajs restarts a crashed consumer by itself, even one already told to disconnect: only the current
      // client may come back, or a replaced one rejoins the group and holds partitions it never delivers.
      retry: { retries: 5, restartOnFailure: () => Promise.resolve(this.consumer === consumer && !this.stopping) },
    });
    this.consumer = consumer;
    this.joinWaitSince = Date.now();
    const current = () => this.consumer === consumer;
    const { events } = consumer;
    consumer.on(events.REBALANCING, () => {
      if (!current()) return;
      this.revokeAll('rebalance');
      this.joinWaitSince ??= Date.now();
    });
    consumer.on(events.GROUP_JOIN, ({ payload }) => {
      // A replaced client that kafkajs restarted by itself after we let it go would hold partitions it never
      // delivers: it leaves the group again.
      if (!current()) return this.retire(consumer);
      this.revokeAll('rejoin');
      this.isJoined = true;
      this.joinWaitSince = undefined;
      this.assignment = Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) =>
        partitions.map((partition) => ({ topic, partition })),
      );
      this.positions.clear();
      this.deliveredAt.clear();
      const now = Date.now();
      for (const p of this.assignment) this.deliveredAt.set(keyOf(p), now);
      this.logger?.info({ assignment: payload.memberAssignment }, 'joined group');
    });
    consumer.on(events.CRASH, ({ payload }) => {
      if (!current()) return;
      this.revokeAll('crash');
      this.isJoined = false;
      this.joinWaitSince ??= Date.now();
      this.logger?.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
      // kafkajs restarts itself when it says so; otherwise this member would stay out of the group for good.
      if (!payload.restart) {
        if (kindOf(payload.error) === 'fatal') this.failure = payload.error;
        void this.rebuild('crashed without restarting');
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.eachBatch(consumer, payload),
    });
    const paused = [...this.paused].map((key) => {
      const at = key.lastIndexOf('/');
      return { topic: key.slice(0, at), partitions: [Number(key.slice(at + 1))] };
    });
    if (paused.length > 0) consumer.pause(paused);
  }

  private revokeAll(reason: RevokeReason): void {
    if (this.owned.size === 0) return;
    const revoked = [...this.owned.values()].map((o) => o.ref);
    this.owned.clear();
    this.handlers?.revoked(revoked, reason);
  }

  private async eachBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (this.consumer !== consumer) return this.retire(consumer);
    if (!this.handlers) return;
    this.lastHeartbeat = () => payload.heartbeat();
    const last = batch.messages.at(-1);
    if (this.stopping || payload.isStale() || !last) return;
    const ref = { topic: batch.topic, partition: batch.partition };
    const key = keyOf(ref);
    this.handling++;
    try {
      let owned = this.owned.get(key);
      if (!owned) {
        const committed =
          (await this.admin.committedOffsets(this.options.groupId, [ref.topic])).find(
            (c) => c.partition === ref.partition,
          )?.committed ?? null;
        let resumeAt: bigint | null;
        try {
          resumeAt = await this.handlers.assigned(ref, committed);
        } catch (error) {
          this.handlers.revoked([ref], 'crash');
          throw error;
        }
        if (this.stopping || payload.isStale() || this.consumer !== consumer) {
          this.handlers.revoked([ref], 'rebalance');
          return;
        }
        owned = { ref, resumeAt };
        this.owned.set(key, owned);
      }
      // Only moves kafkajs's fetch position: commits are explicit, after landing.
      payload.resolveOffset(last.offset);
      const from = owned.resumeAt;
      const messages: KafkaMessage[] = [];
      for (const m of batch.messages) {
        const message = toMessage(m);
        if (from === null || message.offset >= from) messages.push(message);
      }
      this.positions.set(key, BigInt(last.offset) + 1n);
      if (messages.length === 0) return;
      await this.handlers.batch({ ...ref, messages, highWatermark: BigInt(batch.highWatermark) });
    } finally {
      this.handling--;
      this.deliveredAt.set(key, Date.now());
    }
  }

  /** Lets a replaced kafkajs client go (again): it leaves the group, and its partitions go to the current one. */
  private retire(consumer: Consumer): void {
    consumer.disconnect().catch(() => undefined);
  }

  /** The watchdog's round: rebuild a consumer that waits too long to join, or is silent with messages behind. */
  private async watch(): Promise<void> {
    if (this.stopping || this.rebuilding || this.checking) return;
    const now = Date.now();
    const { silentAfterMs } = this.options;
    if (this.joinWaitSince !== undefined) {
      if (now - this.joinWaitSince >= silentAfterMs) await this.rebuild(`not joined for ${silentAfterMs} ms`);
      return;
    }
    if (this.handling > 0) return;
    const quiet = (key: string) => now - (this.deliveredAt.get(key) ?? now) >= silentAfterMs;
    if (!this.assignment.some((p) => quiet(keyOf(p)))) return;
    this.checking = true;
    try {
      const silent = (await this.progress()).filter((p) => {
        const key = keyOf(p);
        if (this.paused.has(key) || !quiet(key)) return false;
        const next = this.positions.get(key) ?? p.committed ?? p.start;
        return p.end > next;
      });
      if (silent.length > 0 && this.handling === 0) {
        await this.rebuild(
          `nothing delivered for ${silentAfterMs} ms with messages behind ${silent.map(keyOf).join(', ')}`,
        );
      }
    } catch (error) {
      // Kafka unreachable: nothing can be delivered anyway; the next round looks again.
      this.logger?.debug({ err: error }, 'consumer watchdog could not read offsets');
    } finally {
      this.checking = false;
    }
  }

  /** Replaces the kafkajs consumer with a new one (new connections, new membership). */
  private rebuild(why: string): Promise<void> {
    if (this.rebuilding || this.stopping) return this.rebuilding ?? Promise.resolve();
    this.logger?.warn({ why }, 'consumer silent; rebuilding it');
    const old = this.consumer;
    this.consumer = undefined;
    this.revokeAll('rebuild');
    this.isJoined = false;
    this.positions.clear();
    this.deliveredAt.clear();
    this.rebuilding = (async () => {
      // A wedged client may never finish disconnecting; it is abandoned after a session timeout.
      if (old)
        await withTimeout(
          old.disconnect().catch(() => undefined),
          this.options.sessionTimeoutMs,
        );
      if (this.stopping) return;
      try {
        await this.launch();
      } catch (error) {
        // The broker may still be down: the watchdog tries again after another `silentAfterMs`.
        this.logger?.warn({ err: error }, 'consumer rebuild failed; trying again later');
      }
    })().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }
}
