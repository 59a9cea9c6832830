/**
 * The pipeline's topics and their settings. The rejected topic holds payloads exactly as they arrived —
 * personal data included — so that they can be replayed after a fix; its retention is what bounds how long that
 * raw copy lives, and it is set (and reset, when someone changed it) on every provisioning run.
 */
import { ALL_TOPICS, Topics } from '@servq/contracts';
import { ensureTopics, withAdmin, type KafkaClient } from '@servq/kafka';

/** The default retention of the rejected topic: seven days to notice a rejection, fix it and replay. */
export const DEFAULT_REJECTED_RETENTION_HOURS = 168;

export interface TopicSettings {
  partitions: number;
  rejectedRetentionHours: number;
  /** Prepended to every topic name (isolated test runs); empty in production. */
  prefix?: string;
}

/** Creates the missing topics and sets the rejected topic's retention; returns the names it created. */
export async function provisionTopics(kafka: KafkaClient, settings: TopicSettings): Promise<string[]> {
  const prefix = settings.prefix ?? '';
  const created = await ensureTopics(
    kafka,
    ALL_TOPICS.map((topic) => ({ topic: `${prefix}${topic}`, numPartitions: settings.partitions })),
  );
  await withAdmin(kafka, (admin) =>
    admin.setTopicConfig(`${prefix}${Topics.rejected}`, {
      'retention.ms': String(settings.rejectedRetentionHours * 3_600_000),
      // Retention deletes whole segments: a day-long segment keeps a message at most a day past its limit.
      'segment.ms': String(Math.min(24, settings.rejectedRetentionHours) * 3_600_000),
    }),
  );
  return created;
}

/** The topic's current retention in milliseconds, as the broker reports it. */
export async function retentionMsOf(kafka: KafkaClient, topic: string): Promise<number | undefined> {
  const value = (await withAdmin(kafka, (admin) => admin.topicConfig(topic, ['retention.ms'])))['retention.ms'];
  return value === undefined ? undefined : Number(value);
}
