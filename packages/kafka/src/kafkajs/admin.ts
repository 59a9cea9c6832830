/** The servq admin interface over a kafkajs admin client. */
import kafkajs, { type Admin, type Kafka } from 'kafkajs';
import type { CommittedOffset, KafkaAdmin, PartitionOffsets } from '../types.ts';

// kafkajs is CommonJS; Node's ESM loader does not see its enums as named exports.
const { ConfigResourceTypes } = kafkajs;

export class KafkaJsAdmin implements KafkaAdmin {
  private readonly admin: Admin;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }

  async brokerCount(): Promise<number> {
    const cluster = await this.admin.describeCluster();
    return cluster.controller === null ? 0 : cluster.brokers.length;
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async createTopics(topics: readonly { topic: string; numPartitions: number }[]): Promise<void> {
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: 1 })),
    });
  }

  deleteTopics(topics: readonly string[]): Promise<void> {
    return this.admin.deleteTopics({ topics: [...topics] });
  }

  async deleteGroups(groupIds: readonly string[]): Promise<void> {
    await this.admin.deleteGroups([...groupIds]);
  }

  async topicOffsets(topic: string): Promise<PartitionOffsets[]> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.map((o) => ({ topic, partition: o.partition, start: BigInt(o.low), end: BigInt(o.high) }));
  }

  async committedOffsets(groupId: string, topics: readonly string[]): Promise<CommittedOffset[]> {
    const entries = await this.admin.fetchOffsets({ groupId, topics: [...topics] });
    return entries.flatMap((entry) =>
      entry.partitions.map((p) => {
        const offset = BigInt(p.offset);
        return { topic: entry.topic, partition: p.partition, committed: offset >= 0n ? offset : null };
      }),
    );
  }

  async setTopicConfig(topic: string, entries: Record<string, string>): Promise<void> {
    await this.admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: Object.entries(entries).map(([name, value]) => ({ name, value })),
        },
      ],
    });
  }

  async topicConfig(topic: string, names: readonly string[]): Promise<Record<string, string | undefined>> {
    const described = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: [...names] }],
    });
    const entries = described.resources[0]?.configEntries ?? [];
    return Object.fromEntries(names.map((n) => [n, entries.find((e) => e.configName === n)?.configValue]));
  }
}
