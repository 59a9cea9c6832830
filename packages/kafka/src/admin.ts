/** Cluster administration the pipeline needs: readiness, topic creation, metadata. */
import { pollUntil, PollTimeoutError } from '@servq/runtime';
import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/**
 * Resolves once the cluster answers a metadata request with at least one broker, or rejects after
 * `timeoutMs`. Each probe uses a fresh admin client so a half-open connection cannot wedge the wait.
 */
export async function waitForKafka(kafka: Kafka, timeoutMs: number): Promise<void> {
  try {
    await pollUntil(
      async () => {
        const admin = kafka.admin();
        try {
          await admin.connect();
          const cluster = await admin.describeCluster();
          return cluster.brokers.length > 0 && cluster.controller !== null;
        } catch {
          return false;
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
      { intervalMs: 250, timeoutMs },
    );
  } catch (error) {
    if (error instanceof PollTimeoutError)
      throw new Error(`Kafka did not answer metadata requests within ${timeoutMs} ms`, { cause: error });
    throw error;
  }
}

/** Creates the topics that do not exist yet; returns the names it created. Existing topics are left as they are. */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({ topic: s.topic, numPartitions: s.numPartitions, replicationFactor: 1 })),
    });
    return missing.map((s) => s.topic);
  } finally {
    await admin.disconnect();
  }
}
