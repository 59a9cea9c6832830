/**
 * The pipeline's topics and their settings. The rejected topic holds payloads exactly as they arrived —
 * personal data included — so that they can be replayed after a fix; its retention is what bounds how long that
 * raw copy lives, and it is set (and reset, when someone changed it) on every provisioning run.
 */
import { ALL_TOPICS, Topics } from '@servq/contracts';
import { ensureTopics } from '@servq/kafka';
import kafkajs, { type Kafka } from 'kafkajs';

// kafkajs is CommonJS; Node's ESM loader does not see its enums as named exports.
const { ConfigResourceTypes } = kafkajs;

/** The default retention of the rejected topic: seven days to notice a rejection, fix it and replay. */
export const DEFAULT_REJECTED_RETENTION_HOURS = 168;

export interface TopicSettings {
  partitions: number;
  rejectedRetentionHours: number;
  /** Prepended to every topic name (isolated test runs); empty in production. */
  prefix?: string;
}

/** Creates the missing topics and sets the rejected topic's retention; returns the names it created. */
export async function provisionTopics(kafka: Kafka, settings: TopicSettings): Promise<string[]> {
  const prefix = settings.prefix ?? '';
  const created = await ensureTopics(
    kafka,
    ALL_TOPICS.map((topic) => ({ topic: `${prefix}${topic}`, numPartitions: settings.partitions })),
  );
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: `${prefix}${Topics.rejected}`,
          configEntries: [
            { name: 'retention.ms', value: String(settings.rejectedRetentionHours * 3_600_000) },
            // Retention deletes whole segments: a day-long segment keeps a message at most a day past its limit.
            { name: 'segment.ms', value: String(Math.min(24, settings.rejectedRetentionHours) * 3_600_000) },
          ],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
  return created;
}

/** The topic's current retention in milliseconds, as the broker reports it. */
export async function retentionMsOf(kafka: Kafka, topic: string): Promise<number | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
    });
    const value = described.resources[0]?.configEntries.find((e) => e.configName === 'retention.ms')?.configValue;
    return value === undefined ? undefined : Number(value);
  } finally {
    await admin.disconnect();
  }
}
