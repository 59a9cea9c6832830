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
 *
 * A send that fails because the broker no longer accepts the producer's sequence numbers (after a broker
 * restart under load) replaces the kafkajs producer with a fresh one, which kafkajs never does by itself.
 */
import type { Kafka, Producer } from 'kafkajs';
import { KafkaAdapterError, KafkaErrorCode } from '../errors.ts';
import type { AckedProducer, AckedProducerOptions, KafkaClientOptions, LogLevel } from '../types.ts';
import { hasErrorType } from './errors.ts';

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
export function ackedClientOptions(sendTimeoutMs: number, level: LogLevel): KafkaClientOptions {
  return {
    logLevel: level,
    retry: boundedRetry(sendTimeoutMs / 4),
    connectionTimeout: Math.min(3000, Math.floor(sendTimeoutMs / 4)),
    requestTimeout: sendTimeoutMs,
  };
}

/**
 * kafkajs errors after which an idempotent producer's sequence numbers no longer match the broker's: kafkajs
 * never recovers from them by itself (tulios/kafkajs#598) and every later send to the partition fails the same
 * way. Seen here after the broker was stopped and restarted under steady load: ingest answered 503 for good.
 */
const SEQUENCE_DESYNC = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/** Whether an error, or an error it wraps (kafkajs nests them as `originalError` or `cause`), is a desync. */
export function isSequenceDesync(error: unknown): boolean {
  return hasErrorType(error, SEQUENCE_DESYNC);
}

export function createAckedProducer(kafka: Kafka, options: AckedProducerOptions): AckedProducer {
  let connected = false;
  const build = (): Producer => {
    const built = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Half the deadline for backoffs leaves the other half for the attempts themselves.
      retry: boundedRetry(options.sendTimeoutMs / 2),
    });
    built.on(built.events.DISCONNECT, () => {
      if (built === producer) connected = false;
    });
    built.on(built.events.CONNECT, () => {
      if (built === producer) connected = true;
    });
    return built;
  };
  let producer: Producer = build();
  let stopped = false;
  /** Producers to replace before their next send: their connection after a desync failed. */
  const desynced = new WeakSet<Producer>();
  /** A replacement producer (a new producer id, sequences from 0) being connected after a desync. */
  let replacing: Promise<void> | undefined;

  /** Swaps in a fresh producer, once per desynchronised one; sends wait for the swap within their deadline. */
  function replace(failed: Producer): void {
    if (failed !== producer || stopped) return;
    const fresh = build();
    producer = fresh;
    connected = false;
    replacing = (async () => {
      await failed.disconnect().catch(() => undefined);
      try {
        await fresh.connect();
        connected = true;
      } catch {
        // The broker may still be down: the next send replaces this one again.
        desynced.add(fresh);
      }
    })().finally(() => {
      if (producer === fresh) replacing = undefined;
    });
  }

  async function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new KafkaAdapterError(
              KafkaErrorCode.ProduceTimeout,
              `${what} not acknowledged within ${options.sendTimeoutMs} ms`,
              'retryable',
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
      stopped = false;
      await producer.connect();
      connected = true;
    },
    async stop() {
      stopped = true;
      await replacing;
      await producer.disconnect();
      connected = false;
    },
    async send(batches) {
      const nonEmpty = batches.filter((b) => b.messages.length > 0);
      if (nonEmpty.length === 0) return;
      if (desynced.has(producer)) replace(producer);
      const work = (async () => {
        await replacing;
        const sender = producer;
        try {
          return await sender.sendBatch({
            acks: -1,
            topicMessages: nonEmpty.map((b) => ({
              topic: b.topic,
              messages: b.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers ?? {} })),
            })),
          });
        } catch (error) {
          if (isSequenceDesync(error)) replace(sender);
          throw error;
        }
      })();
      // The losing promise of the race must not surface as an unhandled rejection later.
      work.catch(() => undefined);
      try {
        await withDeadline(work, `${nonEmpty.reduce((n, b) => n + b.messages.length, 0)} messages`);
      } catch (error) {
        if (error instanceof KafkaAdapterError) throw error;
        throw new KafkaAdapterError(
          KafkaErrorCode.ProduceFailed,
          `produce failed: ${error instanceof Error ? error.message : String(error)}`,
          'retryable',
          { cause: error },
        );
      }
    },
  };
}
