/**
 * The one place that picks the Kafka client library. Everything else receives a servq `KafkaClient` (types.ts),
 * so swapping the library stays a change to this package only.
 */
import type { KafkaConfig } from '@servq/config';
import { ServqKafkaClient } from './servq.client.ts';
import type { AckedProducer, AckedProducerOptions, KafkaClient, KafkaClientOptions } from './types.ts';

export function createKafka(config: KafkaConfig, options: KafkaClientOptions = {}): KafkaClient {
  return new ServqKafkaClient(config, options);
}

/** An acknowledged-delivery producer on `kafka` (see kafkajs/acked.producer.ts for its guarantees). */
export function createAckedProducer(kafka: KafkaClient, options: AckedProducerOptions): AckedProducer {
  return kafka.ackedProducer(options);
}
