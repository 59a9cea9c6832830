import { randomUUID } from 'node:crypto';
import { loadSharedConfig } from '@servq/config';
import { pollUntil } from '@servq/runtime';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureTopics } from './admin.ts';
import { createKafka, logLevel } from './client.ts';

interface Received {
  partition: number;
  message: KafkaMessage;
}

describe('kafkajs against the local Kafka 4.x broker', () => {
  let kafka: Kafka;
  let topic: string;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
    topic = `test.kafka.${randomUUID()}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 3 }]);
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function connectedProducer(): Promise<Producer> {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    closers.push(() => producer.disconnect());
    return producer;
  }

  async function consumeAll(expected: number): Promise<Received[]> {
    const consumer: Consumer = kafka.consumer({ groupId: `test-group-${randomUUID()}` });
    await consumer.connect();
    closers.push(() => consumer.disconnect());
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: Received[] = [];
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        received.push({ partition, message });
        return Promise.resolve();
      },
    });
    await pollUntil(() => received.length >= expected, { intervalMs: 50, timeoutMs: 30_000 });
    return received;
  }

  it('delivers keyed messages with headers, each key on one partition and in the order sent', async () => {
    const producer = await connectedProducer();
    const keys = ['visit-1', 'visit-2', 'visit-3', 'visit-4', 'visit-5'];
    const acks = await producer.send({
      topic,
      acks: -1,
      messages: keys.flatMap((key) =>
        [1, 2, 3].map((seq) => ({ key, value: `${key}#${seq}`, headers: { source: 'kiosk-7', seq: String(seq) } })),
      ),
    });
    expect(acks.every((a) => a.errorCode === 0)).toBe(true);

    const received = await consumeAll(15);
    expect(received).toHaveLength(15);
    for (const key of keys) {
      const mine = received.filter((r) => r.message.key?.toString() === key);
      expect(new Set(mine.map((r) => r.partition)).size).toBe(1);
      expect(mine.map((r) => r.message.value?.toString())).toEqual([`${key}#1`, `${key}#2`, `${key}#3`]);
      expect(mine.map((r) => r.message.headers?.seq?.toString())).toEqual(['1', '2', '3']);
      expect(mine.every((r) => r.message.headers?.source?.toString() === 'kiosk-7')).toBe(true);
    }
    // Five keys over three partitions: the default partitioner must spread them, not pile them on one.
    expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1);
  });

  it('writes to an explicitly chosen partition and reports its offsets', async () => {
    const producer = await connectedProducer();
    const [ack] = await producer.send({
      topic,
      acks: -1,
      messages: [
        { partition: 2, value: 'a' },
        { partition: 2, value: 'b' },
      ],
    });
    expect(ack).toMatchObject({ topicName: topic, partition: 2, errorCode: 0, baseOffset: '0' });
    const received = await consumeAll(2);
    expect(received.map((r) => [r.partition, r.message.offset, r.message.value?.toString()])).toEqual([
      [2, '0', 'a'],
      [2, '1', 'b'],
    ]);
  });
});
