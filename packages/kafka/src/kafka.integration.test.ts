import { randomUUID } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { loadSharedConfig } from '@servq/config';
import { pollUntil } from '@servq/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureTopics, withAdmin } from './admin.ts';
import { createKafka } from './client.ts';
import { readTopics } from './read.ts';
import {
  logLevel,
  type KafkaClient,
  type KafkaMessage,
  type KafkaProducer,
  type PartitionHandlers,
  type TopicPartition,
} from './types.ts';

interface Received {
  partition: number;
  message: KafkaMessage;
}

describe('the servq Kafka client against the local Kafka 4.x broker', () => {
  let kafka: KafkaClient;
  let topic: string;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
    topic = `test.kafka.${randomUUID()}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 3 }]);
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await withAdmin(kafka, (admin) => admin.deleteTopics([topic])).catch(() => undefined);
  });

  async function connectedProducer(): Promise<KafkaProducer> {
    const producer = kafka.producer();
    await producer.connect();
    closers.push(() => producer.disconnect());
    return producer;
  }

  async function consumeAll(expected: number): Promise<Received[]> {
    const received: Received[] = [];
    const reader = await readTopics(kafka, { groupId: `test-group-${randomUUID()}`, topics: [topic] }, (batch) => {
      for (const message of batch.messages) received.push({ partition: batch.partition, message });
    });
    closers.push(() => reader.stop());
    await pollUntil(() => received.length >= expected, { intervalMs: 50, timeoutMs: 30_000 });
    return received;
  }

  it('delivers keyed messages with headers, each key on one partition and in the order sent', async () => {
    const producer = await connectedProducer();
    const keys = ['visit-1', 'visit-2', 'visit-3', 'visit-4', 'visit-5'];
    await producer.send(
      topic,
      keys.flatMap((key) =>
        [1, 2, 3].map((seq) => ({ key, value: `${key}#${seq}`, headers: { source: 'kiosk-7', seq: String(seq) } })),
      ),
    );

    const received = await consumeAll(15);
    expect(received).toHaveLength(15);
    for (const key of keys) {
      const mine = received.filter((r) => r.message.key?.toString() === key);
      expect(new Set(mine.map((r) => r.partition)).size).toBe(1);
      expect(mine.map((r) => r.message.value?.toString())).toEqual([`${key}#1`, `${key}#2`, `${key}#3`]);
      expect(mine.map((r) => r.message.headers.seq)).toEqual(['1', '2', '3']);
      expect(mine.every((r) => r.message.headers.source === 'kiosk-7')).toBe(true);
      expect(mine.every((r) => r.message.timestamp > Date.parse('2026-01-01'))).toBe(true);
    }
    // Five keys over three partitions: the default partitioner must spread them, not pile them on one.
    expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1);
  });

  it('writes to an explicitly chosen partition and reports its offsets', async () => {
    const producer = await connectedProducer();
    const [ack] = await producer.send(topic, [
      { partition: 2, value: 'a' },
      { partition: 2, value: 'b' },
    ]);
    expect(ack).toEqual({ topic, partition: 2, baseOffset: 0n });
    const received = await consumeAll(2);
    expect(received.map((r) => [r.partition, r.message.offset, r.message.value?.toString()])).toEqual([
      [2, 0n, 'a'],
      [2, 1n, 'b'],
    ]);
  });

  it('resumes where `assigned` says, re-delivers after a seek, and resumes a new member at the commit', async () => {
    const producer = await connectedProducer();
    await producer.send(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ partition: 0, value: `m${i}` })),
    );
    const groupId = `test-group-${randomUUID()}`;
    const p0: TopicPartition = { topic, partition: 0 };
    const start = async (onBatch: (offsets: bigint[]) => Promise<void> | void, resumeAt: bigint | null) => {
      const assigned: (bigint | null)[] = [];
      const consumer = kafka.consumer({ groupId, topics: [topic], sessionTimeoutMs: 6000, silentAfterMs: 30_000 });
      const handlers: PartitionHandlers = {
        assigned: (p, committed) => {
          if (p.partition === 0) assigned.push(committed);
          return Promise.resolve(p.partition === 0 && assigned.length === 1 ? resumeAt : committed);
        },
        batch: async (batch) => {
          if (batch.partition === 0) await onBatch(batch.messages.map((m) => m.offset));
        },
        revoked: () => undefined,
      };
      await consumer.start(handlers);
      return { consumer, assigned };
    };

    const seen: bigint[] = [];
    let sought = false;
    const first = await start((offsets) => {
      seen.push(...offsets);
      if (!sought && offsets.includes(9n)) {
        sought = true;
        first.consumer.seek(p0, 7n);
      }
    }, 4n);
    await pollUntil(() => seen.filter((o) => o === 9n).length === 2, { intervalMs: 50, timeoutMs: 30_000 });
    // From the resume point on, then again from the sought offset.
    expect(seen.slice(0, 6)).toEqual([4n, 5n, 6n, 7n, 8n, 9n]);
    expect(seen.slice(6)).toEqual([7n, 8n, 9n]);
    await first.consumer.commit(p0, 8n);
    await first.consumer.stop();
    expect(first.consumer.joined).toBe(false);

    const again: bigint[] = [];
    const second = await start((offsets) => void again.push(...offsets), null);
    closers.push(() => second.consumer.stop());
    await pollUntil(() => again.includes(9n), { intervalMs: 50, timeoutMs: 30_000 });
    expect(second.assigned[0]).toBe(8n);
    expect(again).toEqual([8n, 9n]);
    const progress = await second.consumer.progress();
    expect(progress.find((p) => p.partition === 0)).toMatchObject({ committed: 8n, start: 0n, end: 10n });
  });

  it('puts a key on the same partition whichever library produces it (platformatic for acked sends)', async () => {
    const config = loadSharedConfig(process.env).kafka;
    const keys = Array.from({ length: 12 }, (_, i) => `survey-${i}`);
    for (const producerLibrary of ['kafkajs', 'platformatic'] as const) {
      const producer = createKafka({ ...config, producerLibrary }).ackedProducer({ sendTimeoutMs: 10_000 });
      await producer.start();
      await producer.send([
        { topic, messages: keys.map((key) => ({ key, value: producerLibrary, headers: { source: producerLibrary } })) },
      ]);
      await producer.stop();
    }
    const received = await consumeAll(24);
    for (const key of keys) {
      const copies = received.filter((r) => r.message.key?.toString() === key);
      expect(copies.map((c) => c.message.headers.source).sort()).toEqual(['kafkajs', 'platformatic']);
      expect(new Set(copies.map((c) => c.partition)).size).toBe(1);
    }
  });

  it('answers each of many concurrent acked sends once its messages are stored, in fewer produce requests', async () => {
    const producer = createKafka(loadSharedConfig(process.env).kafka).ackedProducer({ sendTimeoutMs: 10_000 });
    await producer.start();
    closers.push(() => producer.stop());
    // @platformatic/kafka traces each send call of its producer on a diagnostics channel.
    const sendStarts = 'tracing:plt:kafka:producer:sends:start';
    let produced = 0;
    const count = () => void produced++;
    subscribe(sendStarts, count);
    const acked: number[] = [];
    try {
      await Promise.all(
        Array.from({ length: 40 }, async (_, s) => {
          const messages = Array.from({ length: 5 }, (_, i) => ({ key: `send-${s}`, value: `${s}.${i}` }));
          await producer.send([{ topic, messages }]);
          acked.push(s);
        }),
      );
    } finally {
      unsubscribe(sendStarts, count);
    }
    expect(acked).toHaveLength(40);
    // The first send goes out alone at once; those that queued behind it go out together.
    expect(produced).toBeGreaterThan(1);
    expect(produced).toBeLessThan(40);
    const received = await consumeAll(200);
    const values = received.map((r) => r.message.value?.toString());
    expect(new Set(values).size).toBe(200);
    for (let s = 0; s < 40; s++) {
      const mine = received.filter((r) => r.message.key?.toString() === `send-${s}`);
      expect(mine.map((r) => r.message.value?.toString())).toEqual([0, 1, 2, 3, 4].map((i) => `${s}.${i}`));
    }
  });

  it('answers queued acked sends by their own messages when their merged request is refused for one of them', async () => {
    const producer = createKafka(loadSharedConfig(process.env).kafka).ackedProducer({ sendTimeoutMs: 5_000 });
    await producer.start();
    closers.push(() => producer.stop());
    const missing = `test.kafka.missing.${randomUUID()}`;
    const results = await Promise.allSettled([
      producer.send([{ topic, messages: [{ key: 'first', value: 'alone' }] }]),
      producer.send([{ topic: missing, messages: [{ key: 'k', value: 'nowhere' }] }]),
      producer.send([{ topic, messages: [{ key: 'k', value: 'merged with the missing topic' }] }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { name: 'KafkaAdapterError', kind: 'retryable' } });
    await producer.send([{ topic, messages: [{ key: 'k', value: 'after' }] }]);
    const received = await consumeAll(3);
    expect(received.map((r) => r.message.value?.toString()).sort()).toEqual([
      'after',
      'alone',
      'merged with the missing topic',
    ]);
  });

  it('fails an acked send to a broker that is not there as a retryable adapter error', async () => {
    const producer = createKafka({ brokers: ['127.0.0.1:1'], clientId: 'servq-test' }).ackedProducer({
      sendTimeoutMs: 2000,
    });
    await expect(producer.send([{ topic, messages: [{ key: 'k', value: 'v' }] }])).rejects.toMatchObject({
      name: 'KafkaAdapterError',
      kind: 'retryable',
    });
    await producer.stop().catch(() => undefined);
  });
});
