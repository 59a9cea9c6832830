/**
 * The one place that builds kafkajs clients. Everything else receives a `Kafka` (or a producer/consumer made
 * from it), so swapping the client library later stays a change to this package only.
 *
 * kafkajs logs through console by default; a service passes its own structured logger (pino fits) and kafkajs
 * entries go through it, at levels that mean something to an operator: kafkajs reports the routine steps of a
 * consumer-group rebalance (a heartbeat or commit answered "the group is rebalancing", a re-join) at ERROR,
 * which would page someone for normal operation, so those become `info`.
 */
import { Kafka, logLevel, type KafkaConfig as KafkaJsConfig, type LogEntry, type logCreator } from 'kafkajs';
import type { KafkaConfig } from '@servq/config';

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The part of a structured logger kafkajs entries need; a pino `Logger` is one. */
export type KafkaLogger = Record<KafkaLogLevel, (fields: object, message: string) => void>;

export interface KafkaClientOptions {
  /**
   * Entries below this level are not produced at all. Without `logger`: kafkajs prints to console and services
   * pass `logLevel.WARN` or quieter. With `logger` the default is `logLevel.INFO`, and the logger filters too.
   */
  logLevel?: logLevel;
  /** Routes kafkajs log entries through this logger (see `kafkaLogCreator`). */
  logger?: KafkaLogger;
  /** Overrides for connection timing, e.g. shorter retries in readiness probes. */
  retry?: KafkaJsConfig['retry'];
  connectionTimeout?: number;
  requestTimeout?: number;
}

/** Error texts of kafkajs (protocol/error.js) that mean "the group is changing hands": routine, not failures. */
const ROUTINE_GROUP_CHANGES = [
  'The group is rebalancing',
  'rebalancing, re-joining',
  'This is not the correct coordinator for this group',
  'Specified group generation id is not valid',
  'The coordinator is not aware of this member',
  "The coordinator is loading and hence can't process requests for this group",
  'The group coordinator is not available',
];

function isRoutineGroupChange(entry: LogEntry): boolean {
  const texts = [entry.log.message, entry.log.error].filter((t): t is string => typeof t === 'string');
  return texts.some((text) => ROUTINE_GROUP_CHANGES.some((routine) => text.includes(routine)));
}

/** The level an entry is logged at: kafkajs's own, except routine group changes (any level) become `info`. */
export function kafkaLogLevelOf(entry: LogEntry): KafkaLogLevel {
  if (entry.level === logLevel.ERROR || entry.level === logLevel.WARN) {
    if (isRoutineGroupChange(entry)) return 'info';
    return entry.level === logLevel.ERROR ? 'error' : 'warn';
  }
  return entry.level === logLevel.INFO ? 'info' : 'debug';
}

/** A kafkajs `logCreator` that writes each entry to `logger`: message as message, the rest as fields. */
export function kafkaLogCreator(logger: KafkaLogger): logCreator {
  return () => (entry) => {
    // kafkajs's own `timestamp` and `logger` fields duplicate what the service logger adds itself.
    const fields: Record<string, unknown> = { ...entry.log };
    delete fields.message;
    delete fields.timestamp;
    delete fields.logger;
    const { message } = entry.log;
    logger[kafkaLogLevelOf(entry)]({ ...(entry.namespace ? { kafkajs: entry.namespace } : {}), ...fields }, message);
  };
}

export function createKafka(config: KafkaConfig, options: KafkaClientOptions = {}): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    logLevel: options.logLevel ?? (options.logger ? logLevel.INFO : logLevel.WARN),
    ...(options.logger ? { logCreator: kafkaLogCreator(options.logger) } : {}),
    connectionTimeout: options.connectionTimeout ?? 3000,
    requestTimeout: options.requestTimeout ?? 30000,
    ...(options.retry ? { retry: options.retry } : {}),
  });
}

export { logLevel };
