/**
 * The lander's environment: the shared Kafka/S3 settings plus what it lands, where, and how often it flushes.
 * `loadConfig` reports every problem at once. Defaults are production-sane; dev values live in infra/local.
 */
import {
  SharedEnv,
  envList,
  envListenAddress,
  envPort,
  envPositiveInt,
  envSha256,
  metricsExposureRule,
  parseEnv,
  toKafkaConfig,
  toMetricsListenerConfig,
  toS3Config,
} from '@servq/config';
import type { Env, KafkaConfig, MetricsListenerConfig, S3Config } from '@servq/config';
import { ALL_TOPICS, LAKE_PREFIX } from '@servq/contracts';
import { z } from 'zod';
import { defaultTableOf, isLakeTable } from './lake/lake.contract.ts';

const envNonNegativeInt = z.coerce.number().int().min(0);

/** `topic` (a contract topic) or `topic=table`, the latter for topics outside the contracts such as test topics. */
const topicRoute = z.string().transform((entry, ctx): TopicRoute => {
  const [topic = '', explicit] = entry.split('=', 2);
  const table = explicit ?? defaultTableOf(topic);
  if (table === undefined || !isLakeTable(table)) {
    ctx.addIssue({
      code: 'custom',
      message: explicit
        ? `"${explicit}" is not a lake table`
        : `"${topic}" is not a servq topic; write it as topic=table`,
    });
    return z.NEVER;
  }
  return { topic, table };
});

export const LanderEnv = SharedEnv.extend({
  LANDER_TOPICS: envList.default([...ALL_TOPICS]).pipe(z.array(topicRoute)),
  LANDER_GROUP_ID: z.string().min(1).default('servq-lander'),
  LANDER_LAKE_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)+$/, 'expected a key prefix such as lake/ (segments ending in /)')
    .default(LAKE_PREFIX),
  LANDER_FLUSH_MAX_EVENTS: envPositiveInt.default(50_000),
  LANDER_FLUSH_MAX_BYTES: envPositiveInt.default(64 * 1024 * 1024),
  LANDER_FLUSH_MAX_AGE_MS: envPositiveInt.default(5_000),
  LANDER_MAX_BUFFERED_BYTES: envPositiveInt.default(128 * 1024 * 1024),
  LANDER_KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(30_000),
  LANDER_S3_RETRY_MAX_DELAY_MS: envPositiveInt.default(10_000),
  LANDER_STALL_AFTER_MS: envPositiveInt.default(60_000),
  LANDER_TMP_DIR: z.string().min(1).optional(),
  LANDER_COMPACTION_INTERVAL_MS: envNonNegativeInt.default(3_600_000),
  LANDER_COMPACTION_LOOKBACK_DAYS: envPositiveInt.default(7),
  LANDER_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  LANDER_HTTP_PORT: envPort.default(8082),
  LANDER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prometheus is served here, never on the probes' listener. */
  LANDER_METRICS_ADDR: envListenAddress.prefault('127.0.0.1:9465'),
  LANDER_METRICS_TOKEN_SHA256: envSha256.optional(),
});

export interface FlushPolicy {
  /** Per partition: flush at this many events, message bytes, or age of the oldest event. */
  maxEvents: number;
  maxBytes: number;
  maxAgeMs: number;
  /** All partitions together: above this many message bytes held, consumption waits for flushes. */
  maxBufferedBytes: number;
}

export interface TopicRoute {
  topic: string;
  table: string;
}

export interface ConsumerConfig {
  /** The topics to land and the table each one lands in. */
  routes: TopicRoute[];
  groupId: string;
  sessionTimeoutMs: number;
}

export interface CompactionConfig {
  /** 0 disables the schedule; compaction can still be run on demand. */
  intervalMs: number;
  lookbackDays: number;
}

export interface LanderConfig {
  kafka: KafkaConfig;
  s3: S3Config;
  consumer: ConsumerConfig;
  lakePrefix: string;
  flush: FlushPolicy;
  s3RetryMaxDelayMs: number;
  /** A partition with events behind it that has not advanced this long is stalled (readiness, metrics). */
  stallAfterMs: number;
  /** Where Parquet files are staged before upload; the OS temp dir when absent. */
  tmpDir: string | undefined;
  compaction: CompactionConfig;
  http: { host: string; port: number };
  logLevel: string;
  /** Where main.ts serves Prometheus metrics. */
  metricsListener: MetricsListenerConfig;
}

export function loadConfig(env: Env): LanderConfig {
  const e = parseEnv(
    LanderEnv.refine(...metricsExposureRule('LANDER_METRICS_ADDR', 'LANDER_METRICS_TOKEN_SHA256')),
    env,
  );
  return {
    kafka: toKafkaConfig(e),
    s3: toS3Config(e),
    consumer: {
      routes: e.LANDER_TOPICS,
      groupId: e.LANDER_GROUP_ID,
      sessionTimeoutMs: e.LANDER_KAFKA_SESSION_TIMEOUT_MS,
    },
    lakePrefix: e.LANDER_LAKE_PREFIX,
    flush: {
      maxEvents: e.LANDER_FLUSH_MAX_EVENTS,
      maxBytes: e.LANDER_FLUSH_MAX_BYTES,
      maxAgeMs: e.LANDER_FLUSH_MAX_AGE_MS,
      maxBufferedBytes: e.LANDER_MAX_BUFFERED_BYTES,
    },
    s3RetryMaxDelayMs: e.LANDER_S3_RETRY_MAX_DELAY_MS,
    stallAfterMs: e.LANDER_STALL_AFTER_MS,
    tmpDir: e.LANDER_TMP_DIR,
    compaction: { intervalMs: e.LANDER_COMPACTION_INTERVAL_MS, lookbackDays: e.LANDER_COMPACTION_LOOKBACK_DAYS },
    http: { host: e.LANDER_HTTP_HOST, port: e.LANDER_HTTP_PORT },
    logLevel: e.LANDER_LOG_LEVEL,
    metricsListener: toMetricsListenerConfig(e.LANDER_METRICS_ADDR, e.LANDER_METRICS_TOKEN_SHA256),
  };
}
