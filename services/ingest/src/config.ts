/**
 * The ingest service's configuration, from the environment, validated once at start-up. Components receive
 * only their slice. API keys are stored hashed (SHA-256 hex): the plain key never sits in configuration.
 */
import {
  envJson,
  envListenAddress,
  envPort,
  envPositiveInt,
  envSha256,
  KafkaEnv,
  metricsExposureRule,
  parseEnv,
  toKafkaConfig,
  toMetricsListenerConfig,
  type Env,
  type KafkaConfig,
  type MetricsListenerConfig,
} from '@servq/config';
import { z } from 'zod';

export const EventFamily = z.enum(['visit', 'survey', 'complaint']);
export type EventFamily = z.infer<typeof EventFamily>;

export const ApiKeyEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected a lowercase id such as queue-riga'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the key as 64 hex digits'),
  families: z.array(EventFamily).min(1),
});
export type ApiKeyEntry = z.infer<typeof ApiKeyEntry>;

const apiKeysJson = envJson(
  z.array(ApiKeyEntry).min(1, 'expected at least one key'),
  'a JSON array of {id, sha256, families}',
);

export const IngestEnv = KafkaEnv.extend({
  INGEST_HOST: z.string().min(1).default('127.0.0.1'),
  INGEST_PORT: envPort.default(8081),
  INGEST_API_KEYS: apiKeysJson,
  INGEST_PSEUDONYM_SECRET: z
    .string({ message: 'required: the secret keying pseudonyms of customer and staff identifiers' })
    .min(16, 'expected at least 16 characters'),
  INGEST_MAX_EVENTS_PER_REQUEST: envPositiveInt.default(1000),
  INGEST_MAX_BODY_BYTES: envPositiveInt.default(1024 * 1024),
  INGEST_MAX_IMPORT_BYTES: envPositiveInt.default(32 * 1024 * 1024),
  INGEST_PRODUCE_TIMEOUT_MS: envPositiveInt.default(5000),
  INGEST_DEDUP_WINDOW_SECONDS: envPositiveInt.default(24 * 3600),
  INGEST_DEDUP_MAX_ENTRIES: envPositiveInt.default(1_000_000),
  INGEST_RATE_LIMIT_PER_MINUTE: envPositiveInt.default(600),
  INGEST_CLOCK_SKEW_SECONDS: envPositiveInt.default(300),
  INGEST_HORIZON_DAYS: envPositiveInt.default(400),
  /** Prepended to every topic name, to run several pipelines (environments, tests) on one cluster. */
  INGEST_TOPIC_PREFIX: z
    .string()
    .regex(/^([a-z0-9._-]*)$/, 'expected lowercase letters, digits, ".", "_" or "-"')
    .default(''),
  INGEST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prometheus is served here, never on the API's listener. */
  INGEST_METRICS_ADDR: envListenAddress.prefault('127.0.0.1:9464'),
  INGEST_METRICS_TOKEN_SHA256: envSha256.optional(),
});

export interface IngestConfig {
  http: { host: string; port: number };
  kafka: KafkaConfig;
  topicPrefix: string;
  apiKeys: ApiKeyEntry[];
  pseudonymSecret: string;
  limits: { maxEventsPerRequest: number; maxBodyBytes: number; maxImportBytes: number; ratePerMinute: number };
  produceTimeoutMs: number;
  dedup: { windowMs: number; maxEntries: number };
  validation: { maxSkewMs: number; horizonDays: number };
  logLevel: string;
}

/** The app's configuration plus what only the entry point uses. */
export interface IngestMainConfig extends IngestConfig {
  metricsListener: MetricsListenerConfig;
}

export function loadConfig(env: Env): IngestMainConfig {
  const e = parseEnv(
    IngestEnv.refine(...metricsExposureRule('INGEST_METRICS_ADDR', 'INGEST_METRICS_TOKEN_SHA256')),
    env,
  );
  return {
    http: { host: e.INGEST_HOST, port: e.INGEST_PORT },
    kafka: toKafkaConfig(e),
    topicPrefix: e.INGEST_TOPIC_PREFIX,
    apiKeys: e.INGEST_API_KEYS,
    pseudonymSecret: e.INGEST_PSEUDONYM_SECRET,
    limits: {
      maxEventsPerRequest: e.INGEST_MAX_EVENTS_PER_REQUEST,
      maxBodyBytes: e.INGEST_MAX_BODY_BYTES,
      maxImportBytes: e.INGEST_MAX_IMPORT_BYTES,
      ratePerMinute: e.INGEST_RATE_LIMIT_PER_MINUTE,
    },
    produceTimeoutMs: e.INGEST_PRODUCE_TIMEOUT_MS,
    dedup: { windowMs: e.INGEST_DEDUP_WINDOW_SECONDS * 1000, maxEntries: e.INGEST_DEDUP_MAX_ENTRIES },
    validation: { maxSkewMs: e.INGEST_CLOCK_SKEW_SECONDS * 1000, horizonDays: e.INGEST_HORIZON_DAYS },
    logLevel: e.INGEST_LOG_LEVEL,
    metricsListener: toMetricsListenerConfig(e.INGEST_METRICS_ADDR, e.INGEST_METRICS_TOKEN_SHA256),
  };
}
