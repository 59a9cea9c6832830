/** The servq plain producer over kafkajs: idempotent, acknowledged by all in-sync replicas. */
import type { Kafka, Producer } from 'kafkajs';
import type { KafkaProducer, ProducedBatch, ProducerMessage } from '../types.ts';

export class KafkaJsProducer implements KafkaProducer {
  private readonly producer: Producer;

  constructor(kafka: Kafka) {
    // Topic auto-creation stays on: kafkajs refreshes metadata for every topic a producer ever sent to, and a
    // topic deleted since (tests delete theirs) would otherwise fail every later send.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async send(topic: string, messages: readonly ProducerMessage[]): Promise<ProducedBatch[]> {
    if (messages.length === 0) return [];
    const acks = await this.producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({
        key: m.key ?? null,
        value: m.value,
        ...(m.partition === undefined ? {} : { partition: m.partition }),
        ...(m.headers ? { headers: m.headers } : {}),
      })),
    });
    return acks.map((a) => ({ topic: a.topicName, partition: a.partition, baseOffset: BigInt(a.baseOffset ?? '0') }));
  }
}
