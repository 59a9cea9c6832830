/**
 * kafkajs logs through console by default; a service passes its own structured logger (pino fits) and kafkajs
 * entries go through it, at levels that mean something to an operator: kafkajs reports the routine steps of a
 * consumer-group rebalance (a heartbeat or commit answered "the group is rebalancing", a re-join) at ERROR,
 * which would page someone for normal operation, so those become `info`. Log entries carry text only, so this
 * is the one place that reads kafkajs's texts; errors are classified by type (errors.ts).
 */
import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { KafkaConfig } from '@servq/config';
import type { KafkaClientOptions, KafkaLogger, KafkaLogLevel, LogLevel } from '../types.ts';

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

const LEVELS: Record<LogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/** A kafkajs client for servq's settings. */
export function buildKafkaJs(config: KafkaConfig, options: KafkaClientOptions = {}): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    logLevel: LEVELS[options.logLevel ?? (options.logger ? 'info' : 'warn')],
    ...(options.logger ? { logCreator: kafkaLogCreator(options.logger) } : {}),
    connectionTimeout: options.connectionTimeout ?? 3000,
    requestTimeout: options.requestTimeout ?? 30000,
    ...(options.retry ? { retry: options.retry } : {}),
  });
}
