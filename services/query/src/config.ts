/**
 * The query service's configuration, from the environment, validated once at start-up with every problem
 * reported at once. Components receive only their slice. Bearer tokens are stored hashed (SHA-256 hex).
 */
import {
  envJson,
  envListenAddress,
  envPort,
  envPositiveInt,
  envSha256,
  metricsExposureRule,
  parseEnv,
  S3Env,
  toMetricsListenerConfig,
  toS3Config,
  type Env,
  type MetricsListenerConfig,
  type S3Config,
  TokenEntry,
} from '@servq/config';
import { LAKE_PREFIX } from '@servq/contracts';
import { z } from 'zod';

// The token schema is shared with the other service (packages/config tokens.ts).
export { Role, TokenEntry } from '@servq/config';

const size = z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i, 'expected a size such as 256MB');

const upstreamUrl = z
  .string()
  .regex(/^(https?:\/\/[^/?#\s]+\/?)?$/, 'expected an http(s) origin such as http://127.0.0.1:8083, or empty for off')
  .default('');

const targetsSchema = z.record(z.string(), z.record(z.string(), z.number()));

export const QueryEnv = S3Env.extend({
  QUERY_HOST: z.string().min(1).default('127.0.0.1'),
  QUERY_PORT: envPort.default(8080),
  /** Where the lake mirror, the modelled-table exports and temporary files live. */
  QUERY_DATA_DIR: z.string().min(1).default('.data/query'),
  QUERY_LAKE_PREFIX: z
    .string()
    .regex(/^([^/].*\/)?$/, 'expected a key prefix ending in "/" (or empty), such as lake/')
    .default(LAKE_PREFIX),
  QUERY_SYNC_INTERVAL_MS: envPositiveInt.default(5_000),
  QUERY_TOKENS: envJson(
    z.array(TokenEntry).min(1, 'expected at least one token'),
    'a JSON array of {id, sha256, role}',
  ),
  QUERY_WAIT_TARGET_MINUTES: envPositiveInt.default(15),
  /** ATD's internal answer target for complaints, in working days. */
  QUERY_COMPLAINT_TARGET_WORKING_DAYS: envPositiveInt.default(5),
  /** Per-metric target overrides: {"wait_p50": {"default": 12, "cesis": 8}}. */
  QUERY_METRIC_TARGETS: envJson(targetsSchema, 'a JSON object of metric → {default|office: number}').optional(),
  QUERY_SQL_TIMEOUT_MS: envPositiveInt.default(5_000),
  QUERY_SQL_MAX_ROWS: envPositiveInt.default(10_000),
  QUERY_SQL_MEMORY_LIMIT: size.default('256MB'),
  QUERY_SQL_THREADS: envPositiveInt.default(1),
  /**
   * Spill space of the service's own DuckDB (under `<QUERY_DATA_DIR>/tmp`); left unset, DuckDB would spill into
   * `.tmp/` of whatever directory the process was started from.
   */
  QUERY_TEMP_MAX_SIZE: size.default('4GB'),
  /**
   * Memory of the service's own DuckDB. DuckDB's default is 80 % of the machine: a cold sync of 10 M events
   * peaked at 7.5 GiB that way. Beyond the limit DuckDB spills to the temp directory.
   */
  QUERY_MEMORY_LIMIT: size.default('2GB'),
  /** The built dashboard (dashboards/web/dist), served at `/`; empty serves no dashboard. */
  QUERY_DASHBOARD_DIR: z.string().default('dashboards/web/dist'),
  /**
   * The alerts and reports services the query service forwards `/v1/alerts*` and `/v1/reports*` to, so the
   * dashboard reaches them on its own origin with its own token; empty turns the forwarding (and the screen) off.
   */
  QUERY_ALERTS_URL: upstreamUrl,
  QUERY_REPORTS_URL: upstreamUrl,
  /** Spill space of each sandbox worker; 0KB means an analyst query that outgrows memory fails instead. */
  QUERY_SQL_TEMP_MAX_SIZE: size.default('0KB'),
  /** Answers kept per data version; 0 turns the cache off (the benchmark measures queries that way). */
  QUERY_CACHE_ENTRIES: z.coerce.number().int().min(0).default(500),
  QUERY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prometheus is served here, never on the API's listener. */
  QUERY_METRICS_ADDR: envListenAddress.prefault('127.0.0.1:9466'),
  QUERY_METRICS_TOKEN_SHA256: envSha256.optional(),
});

export interface SyncConfig {
  bucket: string;
  prefix: string;
  mirrorDir: string;
  intervalMs: number;
}

export interface SandboxConfig {
  timeoutMs: number;
  maxRows: number;
  memoryLimit: string;
  threads: number;
  /** Where the modelled tables are exported for the sandbox to read. */
  exportDir: string;
  /** DuckDB's spill directory for the workers (each worker uses its own subdirectory). */
  tempDir: string;
  maxTempSize: string;
}

/** Where the service's own DuckDB database spills, and how much it may. */
export interface StoreTempConfig {
  tempDir: string;
  maxTempSize: string;
  memoryLimit: string;
}

export interface Upstreams {
  alerts: string | null;
  reports: string | null;
}

export interface QueryConfig {
  http: { host: string; port: number };
  s3: S3Config;
  sync: SyncConfig;
  tokens: TokenEntry[];
  metrics: { waitTargetMinutes: number; targets: Record<string, Record<string, number>> };
  complaintTargetWorkingDays: number;
  store: StoreTempConfig;
  sandbox: SandboxConfig;
  cacheEntries: number;
  /** Absolute or working-directory-relative path of the built dashboard, or null for none. */
  dashboardDir: string | null;
  /** The services forwarded to (origins without a trailing slash), or null where off. */
  upstreams: Upstreams;
  logLevel: string;
  metricsListener: MetricsListenerConfig;
}

export function loadConfig(env: Env): QueryConfig {
  const parsed = parseEnv(
    QueryEnv.refine(...metricsExposureRule('QUERY_METRICS_ADDR', 'QUERY_METRICS_TOKEN_SHA256')),
    env,
  );
  const dataDir = parsed.QUERY_DATA_DIR.replace(/\/+$/, '');
  return {
    http: { host: parsed.QUERY_HOST, port: parsed.QUERY_PORT },
    s3: toS3Config(parsed),
    sync: {
      bucket: parsed.S3_BUCKET,
      prefix: parsed.QUERY_LAKE_PREFIX,
      mirrorDir: `${dataDir}/mirror`,
      intervalMs: parsed.QUERY_SYNC_INTERVAL_MS,
    },
    tokens: parsed.QUERY_TOKENS,
    metrics: { waitTargetMinutes: parsed.QUERY_WAIT_TARGET_MINUTES, targets: parsed.QUERY_METRIC_TARGETS ?? {} },
    complaintTargetWorkingDays: parsed.QUERY_COMPLAINT_TARGET_WORKING_DAYS,
    store: {
      tempDir: `${dataDir}/tmp/store`,
      maxTempSize: parsed.QUERY_TEMP_MAX_SIZE,
      memoryLimit: parsed.QUERY_MEMORY_LIMIT,
    },
    dashboardDir: parsed.QUERY_DASHBOARD_DIR === '' ? null : parsed.QUERY_DASHBOARD_DIR,
    sandbox: {
      timeoutMs: parsed.QUERY_SQL_TIMEOUT_MS,
      maxRows: parsed.QUERY_SQL_MAX_ROWS,
      memoryLimit: parsed.QUERY_SQL_MEMORY_LIMIT,
      threads: parsed.QUERY_SQL_THREADS,
      exportDir: `${dataDir}/models`,
      tempDir: `${dataDir}/tmp/sandbox`,
      maxTempSize: parsed.QUERY_SQL_TEMP_MAX_SIZE,
    },
    cacheEntries: parsed.QUERY_CACHE_ENTRIES,
    upstreams: {
      alerts: parsed.QUERY_ALERTS_URL.replace(/\/$/, '') || null,
      reports: parsed.QUERY_REPORTS_URL.replace(/\/$/, '') || null,
    },
    logLevel: parsed.QUERY_LOG_LEVEL,
    metricsListener: toMetricsListenerConfig(parsed.QUERY_METRICS_ADDR, parsed.QUERY_METRICS_TOKEN_SHA256),
  };
}
