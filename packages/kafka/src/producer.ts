/**
 * An acknowledged-delivery producer: idempotent, `acks=all`, and a bounded wait.
 *
 * kafkajs's idempotent producer retries practically forever by default. Racing such a send against a timer is
 * not enough: the abandoned send keeps retrying in the background and lands once the broker is back, so a
 * client that was told 503 and retried would produce the event twice (observed against a stopped broker).
 * Instead the producer's own retry budget is bounded to finish well inside `sendTimeoutMs`: when kafkajs gives
 * up, it has stopped trying, and a broker that was down has certainly not stored the batch. The timer remains
 * as a backstop for a broker that accepted the request and went silent; only in that case is the outcome
 * unknown, and event ids (deduplicated in the lake) keep a late copy harmless.
 */
import type { Kafka, logLevel, Producer } from 'kafkajs';
import type { KafkaClientOptions } from './client.ts';
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

/** Retries whose backoffs add up to at most `budgetMs` (kafkajs doubles from `initialRetryTime`, capped). */
export function boundedRetry(budgetMs: number): { initialRetryTime: number; maxRetryTime: number; retries: number } {
  const initialRetryTime = 100;
  const maxRetryTime = Math.max(initialRetryTime, Math.min(1000, Math.floor(budgetMs / 4)));
  let retries = 0;
  let total = 0;
  // kafkajs randomises each wait by ±20 %: count the upper end.
  for (let wait = initialRetryTime; total + Math.min(wait, maxRetryTime) * 1.2 <= budgetMs; wait *= 2) {
    total += Math.min(wait, maxRetryTime) * 1.2;
    retries += 1;
  }
  return { initialRetryTime, maxRetryTime, retries: Math.max(1, retries) };
}

/**
 * Client settings for a process whose producer answers callers within `sendTimeoutMs`: the client's own
 * retries (metadata, connections) are bounded too, so a send abandoned after a timeout cannot keep retrying
 * in the background and land after the caller has already retried it.
 */
export function ackedClientOptions(sendTimeoutMs: number, level: logLevel): KafkaClientOptions {
  return {
    logLevel: level,
    retry: boundedRetry(sendTimeoutMs / 4),
    connectionTimeout: Math.min(3000, Math.floor(sendTimeoutMs / 4)),
    requestTimeout: sendTimeoutMs,
  };
}

export function createAckedProducer(kafka: Kafka, options: AckedProducerOptions): AckedProducer {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // Half the deadline for backoffs leaves the other half for the attempts themselves.
    retry: boundedRetry(options.sendTimeoutMs / 2),
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
