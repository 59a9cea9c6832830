/**
 * The servq-shaped face of Kafka: what services, tests and tools may know. Nothing here names a client
 * library; `createKafka` (client.ts) picks the implementation behind it. Offsets are `bigint` everywhere:
 * Kafka's are 64-bit, and one type end to end leaves no string-or-number guessing at the edges.
 */

/** Levels of the client's own log entries; `nothing` silences it. */
export const logLevel = { NOTHING: 'nothing', ERROR: 'error', WARN: 'warn', INFO: 'info', DEBUG: 'debug' } as const;
export type LogLevel = (typeof logLevel)[keyof typeof logLevel];

export type KafkaLogLevel = Exclude<LogLevel, 'nothing'>;
/** The part of a structured logger client entries need; a pino `Logger` is one. */
export type KafkaLogger = Record<KafkaLogLevel, (fields: object, message: string) => void>;

export interface KafkaClientOptions {
  /**
   * Entries below this level are not produced at all. Without `logger` the client prints to console and
   * services pass `warn` or quieter. With `logger` the default is `info`, and the logger filters too.
   */
  logLevel?: LogLevel;
  /** Routes the client's log entries through this logger. */
  logger?: KafkaLogger;
  /** Connection and request retries: waits double from `initialRetryTime` up to `maxRetryTime`, `retries` times. */
  retry?: { initialRetryTime?: number; maxRetryTime?: number; retries?: number };
  connectionTimeout?: number;
  requestTimeout?: number;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** A message as servq reads it. */
export interface KafkaMessage {
  offset: bigint;
  key: Buffer | null;
  value: Buffer | null;
  /** Kafka's timestamp, epoch milliseconds. */
  timestamp: number;
  /** Header values as UTF-8 text; of a header sent more than once, the first. */
  headers: Record<string, string>;
}

/** Messages of one partition, in offset order. */
export interface MessageBatch extends TopicPartition {
  messages: KafkaMessage[];
  /** One past the partition's last offset when fetched. */
  highWatermark: bigint;
}

/** A message to produce. Without `partition` the key picks it (the default partitioner). */
export interface ProducerMessage {
  key?: string | Buffer | null;
  value: string | Buffer | null;
  partition?: number;
  headers?: Record<string, string>;
}

export interface ProducedBatch extends TopicPartition {
  /** Offset of the first message written to the partition by this send. */
  baseOffset: bigint;
}

/** A plain producer: acknowledged by all in-sync replicas, idempotent. Tools and tests; services use AckedProducer. */
export interface KafkaProducer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  send(topic: string, messages: readonly ProducerMessage[]): Promise<ProducedBatch[]>;
}

export interface PartitionOffsets extends TopicPartition {
  /** The first offset still in the log. */
  start: bigint;
  /** One past the last offset (the high watermark). */
  end: bigint;
}

export interface CommittedOffset extends TopicPartition {
  /** The group's next offset to read; null when the group never committed one. */
  committed: bigint | null;
}

export interface KafkaAdmin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Brokers that answered a metadata request (0 when the cluster has no controller yet). */
  brokerCount(): Promise<number>;
  listTopics(): Promise<string[]>;
  createTopics(topics: readonly { topic: string; numPartitions: number }[]): Promise<void>;
  deleteTopics(topics: readonly string[]): Promise<void>;
  deleteGroups(groupIds: readonly string[]): Promise<void>;
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
  committedOffsets(groupId: string, topics: readonly string[]): Promise<CommittedOffset[]>;
  /** Sets these entries of a topic's configuration (e.g. `retention.ms`), leaving the others as they are. */
  setTopicConfig(topic: string, entries: Record<string, string>): Promise<void>;
  /** The values of the named configuration entries of a topic, as the broker reports them. */
  topicConfig(topic: string, names: readonly string[]): Promise<Record<string, string | undefined>>;
}

export interface ConsumerOptions {
  groupId: string;
  topics: readonly string[];
  sessionTimeoutMs: number;
  /**
   * With an assignment that has messages behind it and nothing delivered (nor a batch being handled) for this
   * long, the consumer is taken as wedged and rebuilt: a new client, a new group membership. Also the longest
   * it waits to join. See #13: kafkajs could go silent for good after repeated broker restarts.
   */
  silentAfterMs: number;
  maxBytesPerPartition?: number;
}

/** Why partitions stopped being ours. */
export type RevokeReason = 'rebalance' | 'rejoin' | 'crash' | 'rebuild' | 'stop';

export interface PartitionHandlers {
  /**
   * A partition became ours (called before its first batch): answers the first offset to deliver; messages
   * before it are skipped. `committed` is the group's committed offset. A throw makes the consumer retry later.
   */
  assigned(partition: TopicPartition, committed: bigint | null): Promise<bigint | null>;
  /**
   * A batch of one partition, in offset order. The consumer fetches that partition again once this resolves; a
   * handler that wants to read ahead returns early. A throw is retried from the last committed offset.
   */
  batch(batch: MessageBatch): Promise<void>;
  /** These partitions are no longer ours: anything buffered for them is not to be committed. */
  revoked(partitions: readonly TopicPartition[], reason: RevokeReason): void;
}

/**
 * One consumer-group member that owns membership, rebalances, heartbeats, pausing, seeking and commits, and
 * calls servq-shaped handlers. Commits are explicit (`commit`): nothing is committed behind the handlers' back.
 */
export interface PartitionConsumer {
  start(handlers: PartitionHandlers): Promise<void>;
  /** Leaves the group; partitions are revoked with reason `stop`. */
  stop(): Promise<void>;
  /** Commits `next` (the next offset to read) for the partition; throws a KafkaAdapterError. */
  commit(partition: TopicPartition, next: bigint): Promise<void>;
  /** Tells the group this member is alive during long work; throws a KafkaAdapterError (`needs-rejoin`...). */
  heartbeat(): Promise<void>;
  pause(partitions: readonly TopicPartition[]): void;
  resume(partitions: readonly TopicPartition[]): void;
  pauseAll(): void;
  /** Delivers the partition again from `offset`: batches fetched before are not delivered. */
  seek(partition: TopicPartition, offset: bigint): void;
  /** Committed offsets and log bounds of the partitions assigned now. */
  progress(): Promise<(CommittedOffset & PartitionOffsets)[]>;
  /** Whether the member has joined its group (and not lost it since). */
  readonly joined: boolean;
  /** Set when the consumer gave up (a fatal error): the process should be restarted. */
  readonly failed: Error | undefined;
}

export interface KafkaClient {
  readonly clientId: string;
  admin(): KafkaAdmin;
  producer(): KafkaProducer;
  consumer(options: ConsumerOptions): PartitionConsumer;
  ackedProducer(options: AckedProducerOptions): AckedProducer;
}

export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface TopicBatch {
  topic: string;
  messages: OutgoingMessage[];
}

/** The producer of services: acknowledged by all in-sync replicas within a bounded wait, or a clear failure. */
export interface AckedProducer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every message of every batch is acknowledged by all in-sync replicas. */
  send(batches: TopicBatch[]): Promise<void>;
  /** True between a successful start() and stop(). */
  readonly connected: boolean;
}

export interface AckedProducerOptions {
  /** The longest a send may wait for acknowledgement before failing as retryable. */
  sendTimeoutMs: number;
}
