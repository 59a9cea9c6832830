/**
 * The one place that builds kafkajs clients. Everything else receives a `Kafka` (or a producer/consumer made
 * from it), so swapping the client library later stays a change to this package only.
 */
import { Kafka, logLevel, type KafkaConfig as KafkaJsConfig } from 'kafkajs';
import type { KafkaConfig } from '@servq/config';

export interface KafkaClientOptions {
  /** kafkajs logs through console by default; services pass `logLevel.WARN` or quieter. */
  logLevel?: logLevel;
  /** Overrides for connection timing, e.g. shorter retries in readiness probes. */
  retry?: KafkaJsConfig['retry'];
  connectionTimeout?: number;
  requestTimeout?: number;
}

export function createKafka(config: KafkaConfig, options: KafkaClientOptions = {}): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    logLevel: options.logLevel ?? logLevel.WARN,
    connectionTimeout: options.connectionTimeout ?? 3000,
    requestTimeout: options.requestTimeout ?? 30000,
    ...(options.retry ? { retry: options.retry } : {}),
  });
}

export { logLevel };
