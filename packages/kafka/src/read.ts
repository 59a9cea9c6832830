/**
 * Reading topics from the beginning with a throwaway group, for tools and tests: each batch is handed to
 * `onBatch` and committed after it. Services use the partition consumer directly.
 */
import type { KafkaClient, MessageBatch, PartitionConsumer } from './types.ts';

export interface TopicReader {
  stop(): Promise<void>;
}

export async function readTopics(
  kafka: KafkaClient,
  options: { groupId: string; topics: readonly string[]; sessionTimeoutMs?: number },
  onBatch: (batch: MessageBatch) => void | Promise<void>,
): Promise<TopicReader> {
  const consumer: PartitionConsumer = kafka.consumer({
    groupId: options.groupId,
    topics: options.topics,
    sessionTimeoutMs: options.sessionTimeoutMs ?? 10_000,
    silentAfterMs: 60_000,
  });
  await consumer.start({
    assigned: (_partition, committed) => Promise.resolve(committed),
    batch: async (batch) => {
      await onBatch(batch);
      const last = batch.messages.at(-1);
      if (last) await consumer.commit(batch, last.offset + 1n);
    },
    revoked: () => undefined,
  });
  return { stop: () => consumer.stop() };
}
