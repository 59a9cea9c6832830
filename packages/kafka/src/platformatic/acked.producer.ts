/**
 * The acknowledged-delivery producer on @platformatic/kafka: idempotent, `acks=all`, keys partitioned as Kafka's
 * Java client and kafkajs do (murmur2, positive) so that a key stays on its partition across the switch, and a
 * bounded wait with the same guarantee as the kafkajs one (see ../kafkajs/acked.producer.ts): the client's own
 * retries end well inside `sendTimeoutMs`, so a send reported failed is not retried in the background.
 *
 * Sends made while another is being produced wait for it and then go out together as one request (see drain):
 * each is answered when the broker has acknowledged that request. A waiting send whose deadline passes is
 * withdrawn unsent; once handed on, it has the merged request's own deadline, so under a failing broker a send
 * may take up to twice `sendTimeoutMs` to fail.
 *
 * A send refused because the broker no longer knows the producer's sequence numbers (after a broker restart)
 * replaces the client with a fresh one (a new producer id) before the next send.
 */
import type { KafkaConfig } from '@servq/config';
import { Producer, ProduceAcks, stringSerializers, type MessageToProduce } from '@platformatic/kafka';
import { KafkaAdapterError, KafkaErrorCode } from '../errors.ts';
import type { AckedProducer, AckedProducerOptions, TopicBatch } from '../types.ts';
import { hasApiId, kindOf } from './errors.ts';
import { keyPartitioner } from './murmur2.partitioner.ts';

const SEQUENCE_DESYNC = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

type StringProducer = Producer<string, string, string, string>;
type Message = MessageToProduce<string, string, string, string>;

interface Waiting {
  messages: Message[];
  /** Characters of its keys and values. */
  size: number;
  /** Resolves the caller's send, or rejects it with `error`. */
  settle: (error?: Error) => void;
  timer?: NodeJS.Timeout;
}

/** Distinct header names and values one serialiser keeps encoded; a full cache starts again. */
const HEADER_CACHE_ENTRIES = 1024;

/**
 * UTF-8 for header names and values, each distinct string encoded once: they repeat from message to message (the
 * source key, the event type, one ingest time per batch), and encoding eight small buffers a message was about
 * a sixth of a CSV import's Kafka time. The bytes sent are the same; the client only appends them (never writes
 * into them), so one buffer can serve many messages.
 */
function repeatedStringSerializer(): (data?: string) => Buffer | undefined {
  const encoded = new Map<string, Buffer>();
  return (data) => {
    if (typeof data !== 'string') return undefined;
    let bytes = encoded.get(data);
    if (bytes === undefined) {
      if (encoded.size >= HEADER_CACHE_ENTRIES) encoded.clear();
      bytes = Buffer.from(data, 'utf-8');
      encoded.set(data, bytes);
    }
    return bytes;
  };
}

/**
 * Sends are merged into one produce request up to this many characters of keys and values (a single send goes
 * alone whatever its size), well under the broker's 1 MiB limit on a partition's record batch
 * (`message.max.bytes`) however the keys fall on partitions.
 */
const MERGED_CHARS = 256 * 1024;

/** A send's failure, or undefined once it succeeded. */
const outcome = (work: Promise<void>): Promise<Error | undefined> =>
  work.then(
    () => undefined,
    (failure: unknown) => (failure instanceof Error ? failure : new Error(String(failure))),
  );

const NO_HEADERS: ReadonlyMap<string, string> = new Map();

/**
 * Headers as the client takes them without copying (it turns an object into a new Map per message). Messages of
 * one batch usually share one headers object (ingest gives every event of a type in a request the same), so
 * each object is converted once per send.
 */
function headerMapper(): (headers: Record<string, string> | undefined) => Map<string, string> {
  const converted = new Map<Record<string, string>, Map<string, string>>();
  return (headers) => {
    if (headers === undefined) return NO_HEADERS as Map<string, string>;
    let map = converted.get(headers);
    if (map === undefined) {
      map = new Map(Object.entries(headers));
      converted.set(headers, map);
    }
    return map;
  };
}

export function createPlatformaticAckedProducer(config: KafkaConfig, options: AckedProducerOptions): AckedProducer {
  const budget = options.sendTimeoutMs;
  const build = (): StringProducer =>
    new Producer({
      clientId: config.clientId,
      bootstrapBrokers: config.brokers,
      serializers: {
        ...stringSerializers,
        headerKey: repeatedStringSerializer(),
        headerValue: repeatedStringSerializer(),
      },
      idempotent: true,
      acks: ProduceAcks.ALL,
      partitioner: keyPartitioner,
      autocreateTopics: false,
      // Half the deadline for backoffs (retries × delay) leaves the other half for the attempts themselves.
      retries: 3,
      retryDelay: Math.max(50, Math.floor(budget / 8)),
      connectTimeout: Math.min(3000, Math.floor(budget / 4)),
      requestTimeout: budget,
      timeout: budget,
    });
  let producer = build();
  let connected = false;
  let stopped = false;
  /** Sends waiting for the produce in flight; they go out together after it (see drain). */
  const waiting: Waiting[] = [];
  let producing = false;
  const desynced = new WeakSet<StringProducer>();

  function replace(failed: StringProducer): void {
    if (failed !== producer || stopped) return;
    producer = build();
    failed.close(true).catch(() => undefined);
  }

  const timeout = (what: string) =>
    new KafkaAdapterError(KafkaErrorCode.ProduceTimeout, `${what} not acknowledged within ${budget} ms`, 'retryable');

  async function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timeout(what)), budget);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function produce(messages: Message[]): Promise<void> {
    if (desynced.has(producer)) replace(producer);
    const sender = producer;
    const work = sender.send({ messages });
    // The losing promise of the race must not surface as an unhandled rejection later.
    work.catch(() => undefined);
    try {
      await withDeadline(work, `${messages.length} messages`);
      connected = true;
    } catch (error) {
      if (hasApiId(error, SEQUENCE_DESYNC)) desynced.add(sender);
      if (error instanceof KafkaAdapterError) throw error;
      const kind = kindOf(error);
      if (kind !== 'fatal') connected = false;
      throw new KafkaAdapterError(
        KafkaErrorCode.ProduceFailed,
        `produce failed: ${error instanceof Error ? error.message : String(error)}`,
        'retryable',
        { cause: error },
      );
    }
  }

  /**
   * The idempotent client has one produce request in flight per broker (it forces `maxInflights` to 1), so
   * concurrent sends queue behind each other anyway. Instead of each going out as its own request once the
   * previous is answered, everything that queued goes out as one: fewer, larger requests, each caller still
   * answered only when the broker has acknowledged the request that carried its messages, or failed with it.
   */
  async function drain(): Promise<void> {
    producing = true;
    while (waiting.length > 0) {
      let size = 0;
      const count = waiting.findIndex((part, i) => (size += part.size) > MERGED_CHARS && i > 0);
      const parts = waiting.splice(0, count === -1 ? waiting.length : count);
      for (const part of parts) clearTimeout(part.timer);
      const error = await outcome(produce(parts.flatMap((p) => p.messages)));
      if (parts.length > 1 && error instanceof KafkaAdapterError && kindOf(error.cause) === 'fatal') {
        // Something in the request itself was refused (a topic the broker does not know, a record too large), not
        // the broker being away: each send goes again alone, so that only its own messages decide its answer.
        // Partitions the merged request did write get a second copy, which event ids make harmless.
        for (const part of parts) part.settle(await outcome(produce(part.messages)));
      } else for (const part of parts) part.settle(error);
    }
    producing = false;
  }

  return {
    get connected() {
      return connected;
    },
    async start() {
      stopped = false;
      // Connects and learns the cluster now, so that a broker that is away fails the start, not the first send.
      await producer.metadata({ topics: [] });
      connected = true;
    },
    async stop() {
      stopped = true;
      connected = false;
      await producer.close();
    },
    send(batches: TopicBatch[]) {
      const headerMap = headerMapper();
      const messages = batches.flatMap((b) =>
        b.messages.map((m) => ({ topic: b.topic, key: m.key, value: m.value, headers: headerMap(m.headers) })),
      );
      if (messages.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const size = messages.reduce((sum, m) => sum + m.key.length + m.value.length, 0);
        const part: Waiting = { messages, size, settle: (error) => (error === undefined ? resolve() : reject(error)) };
        waiting.push(part);
        // Withdrawn unsent if the produce ahead of it takes the whole budget: it fails having written nothing.
        part.timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(part), 1);
          part.settle(timeout(`${messages.length} messages`));
        }, budget);
        if (!producing) void drain();
      });
    },
  };
}
