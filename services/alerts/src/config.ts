/**
 * The alerts service's configuration, from the environment, validated once at start-up with every problem
 * reported at once. Components receive only their slice. Its own API's bearer tokens are stored hashed, like the
 * query service's; the token it reads the query API with is a secret it holds in plain (a service key).
 */
import {
  envJson,
  envPort,
  envPositiveInt,
  KafkaEnv,
  parseEnv,
  toKafkaConfig,
  type Env,
  type KafkaConfig,
  TokenEntry,
} from '@servq/config';
import { Topics } from '@servq/contracts';
import { z } from 'zod';

// The token schema is shared with the query and reports services (packages/config tokens.ts).
export { Role, TokenEntry } from '@servq/config';

const httpUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as http://127.0.0.1:8080' });

export const AlertsEnv = KafkaEnv.extend({
  ALERTS_HOST: z.string().min(1).default('127.0.0.1'),
  ALERTS_PORT: envPort.default(8083),
  ALERTS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Who may read and acknowledge alerts; the same token shape (and dev tokens) as the query service. */
  ALERTS_TOKENS: envJson(
    z.array(TokenEntry).min(1, 'expected at least one token'),
    'a JSON array of {id, sha256, role}',
  ),
  /** The rules and subscriptions, versioned in the repo (services/alerts/rules/atd.rules.json). */
  ALERTS_RULES_FILE: z.string().min(1).default('services/alerts/rules/atd.rules.json'),
  ALERTS_QUERY_URL: httpUrl,
  /** An analyst token of the query service: metric answers, and the open-complaint list through /v1/sql. */
  ALERTS_QUERY_TOKEN: z.string({ message: 'required: a bearer token of the query service' }).min(1),
  /** The dashboard the deep links open (the query service serves it). */
  ALERTS_DASHBOARD_URL: httpUrl,
  ALERTS_SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'expected smtp://host:port or smtps://host:port' }),
  ALERTS_MAIL_FROM: z.email({ message: 'expected an e-mail address' }).default('servq-alerts@atd.invalid'),
  /** Signs every webhook (HMAC-SHA256); receivers hold the same secret. */
  ALERTS_WEBHOOK_SECRET: z.string({ message: 'required' }).min(16, 'expected at least 16 characters'),
  ALERTS_TOPIC: z.string().min(1).default(Topics.alert),
  /** How often the query API's data version is checked; a new version triggers an evaluation. */
  ALERTS_POLL_INTERVAL_MS: envPositiveInt.default(5_000),
  /** The deadline clock runs on this schedule as well as on new data (days pass without new data). */
  ALERTS_DEADLINE_INTERVAL_MS: envPositiveInt.default(3_600_000),
  /** Delivery retries back off exponentially from the first delay to the cap, and never give up. */
  ALERTS_RETRY_FIRST_MS: envPositiveInt.default(1_000),
  ALERTS_RETRY_MAX_MS: envPositiveInt.default(300_000),
  ALERTS_DELIVERY_TIMEOUT_MS: envPositiveInt.default(10_000),
  ALERTS_SHUTDOWN_DEADLINE_MS: envPositiveInt.default(15_000),
  /** No rule is evaluated while the newest event is older than this (a back-fill is not today's news). */
  ALERTS_MAX_DATA_LAG_HOURS: envPositiveInt.default(168),
});

export interface AlertsConfig {
  kafka: KafkaConfig;
  topic: string;
  http: { host: string; port: number };
  logLevel: z.output<typeof AlertsEnv>['ALERTS_LOG_LEVEL'];
  tokens: TokenEntry[];
  rulesFile: string;
  query: { url: string; token: string };
  dashboardUrl: string;
  mail: { smtpUrl: string; from: string };
  webhook: { secret: string };
  schedule: { pollIntervalMs: number; deadlineIntervalMs: number };
  delivery: { retryFirstMs: number; retryMaxMs: number; timeoutMs: number };
  shutdownDeadlineMs: number;
  maxDataLagHours: number;
}

export function loadConfig(env: Env): AlertsConfig {
  const e = parseEnv(AlertsEnv, env);
  return {
    kafka: toKafkaConfig(e),
    topic: e.ALERTS_TOPIC,
    http: { host: e.ALERTS_HOST, port: e.ALERTS_PORT },
    logLevel: e.ALERTS_LOG_LEVEL,
    tokens: e.ALERTS_TOKENS,
    rulesFile: e.ALERTS_RULES_FILE,
    query: { url: e.ALERTS_QUERY_URL.replace(/\/$/, ''), token: e.ALERTS_QUERY_TOKEN },
    dashboardUrl: e.ALERTS_DASHBOARD_URL.replace(/\/$/, ''),
    mail: { smtpUrl: e.ALERTS_SMTP_URL, from: e.ALERTS_MAIL_FROM },
    webhook: { secret: e.ALERTS_WEBHOOK_SECRET },
    schedule: { pollIntervalMs: e.ALERTS_POLL_INTERVAL_MS, deadlineIntervalMs: e.ALERTS_DEADLINE_INTERVAL_MS },
    delivery: {
      retryFirstMs: e.ALERTS_RETRY_FIRST_MS,
      retryMaxMs: e.ALERTS_RETRY_MAX_MS,
      timeoutMs: e.ALERTS_DELIVERY_TIMEOUT_MS,
    },
    shutdownDeadlineMs: e.ALERTS_SHUTDOWN_DEADLINE_MS,
    maxDataLagHours: e.ALERTS_MAX_DATA_LAG_HOURS,
  };
}
