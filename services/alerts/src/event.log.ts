/**
 * The alert topic as the service's memory: `replay` reads it from the beginning into an `AlertBook` at start-up
 * (a throwaway consumer group, read up to the end offsets seen when it began, then deleted), and `append` writes
 * events and applies them to the book only once Kafka has acknowledged them — so the book never holds what a
 * restart would forget. The service is the topic's only writer, which is why its book needs no live consumer.
 */
import { randomUUID } from 'node:crypto';
import { AlertEvent, alertMessageKey } from '@servq/contracts';
import { createAckedProducer, ensureTopics, withAdmin, type AckedProducer, type KafkaClient } from '@servq/kafka';
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
    private readonly kafka: KafkaClient,
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
    const groupId = `servq-alerts-replay-${randomUUID()}`;
    try {
      const ends = await withAdmin(this.kafka, (admin) => admin.topicOffsets(this.options.topic));
      const remaining = new Map(ends.filter((p) => p.end > p.start).map((p) => [p.partition, p.end - 1n]));
      if (remaining.size === 0) return 0;
      let applied = 0;
      const consumer = this.kafka.consumer({
        groupId,
        topics: [this.options.topic],
        sessionTimeoutMs: 10_000,
        silentAfterMs: 60_000,
      });
      let done: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (done = resolve));
      await consumer.start({
        // Nothing is committed: the group is thrown away.
        assigned: () => Promise.resolve(null),
        batch: ({ partition, messages }) => {
          for (const message of messages) {
            const last = remaining.get(partition);
            if (last === undefined || message.offset > last) break;
            const parsed = AlertEvent.safeParse(parseJson(message.value?.toString('utf8') ?? ''));
            if (parsed.success) {
              this.book.apply(parsed.data);
              applied += 1;
            } else {
              logger.warn(
                { partition, offset: message.offset.toString() },
                'skipped an alert-topic message that is not an alert event',
              );
            }
            if (message.offset >= last) remaining.delete(partition);
          }
          if (remaining.size === 0) done();
          return Promise.resolve();
        },
        revoked: () => undefined,
      });
      try {
        await finished;
      } finally {
        await consumer.stop();
      }
      return applied;
    } finally {
      await withAdmin(this.kafka, (admin) => admin.deleteGroups([groupId])).catch(() => undefined);
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
