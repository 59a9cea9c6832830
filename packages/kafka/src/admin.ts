/** Cluster administration the pipeline needs, on the servq admin interface: readiness and topic creation. */
import { pollUntil, PollTimeoutError } from '@servq/runtime';
import type { KafkaClient } from './types.ts';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/**
 * Resolves once the cluster answers a metadata request with at least one broker, or rejects after
 * `timeoutMs`. Each probe uses a fresh admin client so a half-open connection cannot wedge the wait.
 */
export async function waitForKafka(kafka: KafkaClient, timeoutMs: number): Promise<void> {
  try {
    await pollUntil(
      async () => {
        const admin = kafka.admin();
        try {
          await admin.connect();
          return (await admin.brokerCount()) > 0;
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

/** Runs `work` with a connected admin client, disconnected afterwards. */
export async function withAdmin<T>(
  kafka: KafkaClient,
  work: (admin: ReturnType<KafkaClient['admin']>) => Promise<T>,
): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates the topics that do not exist yet; returns the names it created. Existing topics are left as they are. */
export function ensureTopics(kafka: KafkaClient, specs: readonly TopicSpec[]): Promise<string[]> {
  return withAdmin(kafka, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length === 0) return [];
    await admin.createTopics(missing);
    return missing.map((s) => s.topic);
  });
}
