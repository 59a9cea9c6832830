/**
 * The alert topic as the service's memory: `replay` reads it from the beginning into an `AlertBook` at start-up
 * (a throwaway consumer group, read up to the end offsets seen when it began, then deleted), and `append` writes
 * events and applies them to the book only once Kafka has acknowledged them — so the book never holds what a
 * restart would forget. The service is the topic's only writer, which is why its book needs no live consumer.
 */
import { randomUUID } from 'node:crypto';
import { AlertEvent, alertMessageKey } from '@servq/contracts';
import { createAckedProducer, ensureTopics, type AckedProducer } from '@servq/kafka';
import type { Kafka } from 'kafkajs';
import type { AlertBook } from './alert.book.ts';

export interface EventLogOptions {
  topic: string;
  sendTimeoutMs: number;
  /** Partitions the topic is created with when it does not exist yet. */
  partitions: number;
}

export interface ReplayLogger {
  warn(fields: object, message: string): void;
}

export class EventLog {
  private readonly producer: AckedProducer;

  constructor(
    private readonly kafka: Kafka,
    private readonly book: AlertBook,
    private readonly options: EventLogOptions,
  ) {
    this.producer = createAckedProducer(kafka, { sendTimeoutMs: options.sendTimeoutMs });
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, [{ topic: this.options.topic, numPartitions: this.options.partitions }]);
    await this.producer.start();
  }

  async stop(): Promise<void> {
    await this.producer.stop();
  }

  /** Writes the events (acks=all) and applies them to the book; throws, applying nothing, when Kafka does not ack. */
  async append(events: readonly AlertEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.producer.send([
      {
        topic: this.options.topic,
        messages: events.map((e) => ({ key: alertMessageKey(e), value: JSON.stringify(AlertEvent.parse(e)) })),
      },
    ]);
    for (const event of events) this.book.apply(event);
  }

  /** Reads the topic from the beginning to its current end into the book; returns the number of events applied. */
  async replay(logger: ReplayLogger): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    const groupId = `servq-alerts-replay-${randomUUID()}`;
    try {
      const ends = await admin.fetchTopicOffsets(this.options.topic);
      const remaining = new Map(
        ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high) - 1n]),
      );
      if (remaining.size === 0) return 0;
      let applied = 0;
      const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
      await consumer.connect();
      try {
        await consumer.subscribe({ topics: [this.options.topic], fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          consumer
            .run({
              autoCommit: false,
              eachMessage: async ({ partition, message }) => {
                const last = remaining.get(partition);
                if (last === undefined || BigInt(message.offset) > last) return;
                const parsed = AlertEvent.safeParse(parseJson(message.value?.toString('utf8') ?? ''));
                if (parsed.success) {
                  this.book.apply(parsed.data);
                  applied += 1;
                } else {
                  logger.warn(
                    { partition, offset: message.offset },
                    'skipped an alert-topic message that is not an alert event',
                  );
                }
                if (BigInt(message.offset) >= last) remaining.delete(partition);
                if (remaining.size === 0) resolve();
                return Promise.resolve();
              },
            })
            .catch(reject);
        });
      } finally {
        await consumer.disconnect();
      }
      return applied;
    } finally {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
