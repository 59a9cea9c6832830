/** The kafkajs implementation of the servq Kafka client: the only module that constructs kafkajs objects. */
import type { KafkaConfig } from '@servq/config';
import type { Kafka } from 'kafkajs';
import type {
  AckedProducer,
  AckedProducerOptions,
  ConsumerOptions,
  KafkaAdmin,
  KafkaClient,
  KafkaClientOptions,
  KafkaProducer,
  PartitionConsumer,
} from '../types.ts';
import { createAckedProducer } from './acked.producer.ts';
import { KafkaJsAdmin } from './admin.ts';
import { KafkaJsPartitionConsumer } from './consumer.ts';
import { buildKafkaJs } from './logging.ts';
import { KafkaJsProducer } from './producer.ts';

export class KafkaJsClient implements KafkaClient {
  private readonly kafka: Kafka;

  constructor(
    config: KafkaConfig,
    private readonly options: KafkaClientOptions,
  ) {
    this.kafka = buildKafkaJs(config, options);
    this.clientId = config.clientId;
  }

  readonly clientId: string;

  admin(): KafkaAdmin {
    return new KafkaJsAdmin(this.kafka);
  }

  producer(): KafkaProducer {
    return new KafkaJsProducer(this.kafka);
  }

  consumer(options: ConsumerOptions): PartitionConsumer {
    return new KafkaJsPartitionConsumer(this.kafka, options, this.options.logger);
  }

  ackedProducer(options: AckedProducerOptions): AckedProducer {
    return createAckedProducer(this.kafka, options);
  }
}
