/**
 * An acknowledged-delivery producer: idempotent, `acks=all`, and a bounded wait. kafkajs's idempotent producer
 * retries practically forever, so a caller answering an HTTP request could hang; here every send races a
 * deadline and fails with a retryable `KAFKA_PRODUCE_TIMEOUT` instead. A send that timed out may still land
 * later — callers treat the outcome as unknown and rely on event ids for idempotency.
 */
import type { Kafka, Producer } from 'kafkajs';
import { KafkaAdapterError, KafkaErrorCode } from './errors.ts';

export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface TopicBatch {
  topic: string;
  messages: OutgoingMessage[];
}

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

export function createAckedProducer(kafka: Kafka, options: AckedProducerOptions): AckedProducer {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  let connected = false;
  producer.on(producer.events.DISCONNECT, () => {
    connected = false;
  });
  producer.on(producer.events.CONNECT, () => {
    connected = true;
  });

  async function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new KafkaAdapterError(
              KafkaErrorCode.ProduceTimeout,
              `${what} not acknowledged within ${options.sendTimeoutMs} ms`,
              true,
            ),
          ),
        options.sendTimeoutMs,
      );
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get connected() {
      return connected;
    },
    async start() {
      await producer.connect();
      connected = true;
    },
    async stop() {
      await producer.disconnect();
      connected = false;
    },
    async send(batches) {
      const nonEmpty = batches.filter((b) => b.messages.length > 0);
      if (nonEmpty.length === 0) return;
      const work = producer.sendBatch({
        acks: -1,
        topicMessages: nonEmpty.map((b) => ({
          topic: b.topic,
          messages: b.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers ?? {} })),
        })),
      });
      // The losing promise of the race must not surface as an unhandled rejection later.
      work.catch(() => undefined);
      try {
        await withDeadline(work, `${nonEmpty.reduce((n, b) => n + b.messages.length, 0)} messages`);
      } catch (error) {
        if (error instanceof KafkaAdapterError) throw error;
        throw new KafkaAdapterError(
          KafkaErrorCode.ProduceFailed,
          `produce failed: ${error instanceof Error ? error.message : String(error)}`,
          true,
          { cause: error },
        );
      }
    },
  };
}
