/**
 * The reports service's configuration, from the environment, validated once at start-up with every problem
 * reported at once. Its own API's bearer tokens are stored hashed, like the query service's; the token the
 * dashboard is opened with in Chromium is a secret it holds in plain (a management token of the query service:
 * office reports are the dashboard with the office filter set).
 */
import {
  envJson,
  envPort,
  envPositiveInt,
  parseEnv,
  S3Env,
  TokenEntry,
  toS3Config,
  type Env,
  type S3Config,
} from '@servq/config';
import { z } from 'zod';

// The token schema is shared with the query and alerts services (packages/config tokens.ts).
export { Role, TokenEntry } from '@servq/config';

const httpUrl = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL such as http://127.0.0.1:8080' });

export const ReportsEnv = S3Env.extend({
  REPORTS_HOST: z.string().min(1).default('127.0.0.1'),
  REPORTS_PORT: envPort.default(8084),
  REPORTS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REPORTS_TOKENS: envJson(
    z.array(TokenEntry).min(1, 'expected at least one token'),
    'a JSON array of {id, sha256, role}',
  ),
  /** Who receives which monthly report, versioned in the repo. */
  REPORTS_SUBSCRIPTIONS_FILE: z.string().min(1).default('services/reports/subscriptions/atd.subscriptions.json'),
  /** The dashboard the reports are printed from (the query service serves it). */
  REPORTS_DASHBOARD_URL: httpUrl,
  REPORTS_DASHBOARD_TOKEN: z.string({ message: 'required: a management token of the query service' }).min(1),
  REPORTS_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  REPORTS_SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'expected smtp://host:port or smtps://host:port' }),
  REPORTS_MAIL_FROM: z.email({ message: 'expected an e-mail address' }).default('servq-reports@atd.invalid'),
  /** Where "sent" markers live in the lake's bucket (one object per month and subscriber). */
  REPORTS_MARKER_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9/_-]*\/$/, 'expected a key prefix ending in /')
    .default('reports/sent/'),
  /** How often the schedules look whether a month's report or a week's deadline digest is due. */
  REPORTS_SCHEDULE_INTERVAL_MS: envPositiveInt.default(600_000),
  REPORTS_RENDER_TIMEOUT_MS: envPositiveInt.default(60_000),
  /** The weekly deadline digest lists complaints overdue and those due within this many working days. */
  REPORTS_DIGEST_WITHIN_WORKING_DAYS: z.coerce
    .number({ message: 'expected a whole number of working days, 0 to 60' })
    .int('expected a whole number of working days, 0 to 60')
    .min(0, 'expected a whole number of working days, 0 to 60')
    .max(60, 'expected a whole number of working days, 0 to 60')
    .default(5),
  REPORTS_QUERY_TIMEOUT_MS: envPositiveInt.default(20_000),
  REPORTS_MAIL_TIMEOUT_MS: envPositiveInt.default(20_000),
  REPORTS_SHUTDOWN_DEADLINE_MS: envPositiveInt.default(20_000),
});

export interface ReportsConfig {
  s3: S3Config;
  markerPrefix: string;
  http: { host: string; port: number };
  logLevel: z.output<typeof ReportsEnv>['REPORTS_LOG_LEVEL'];
  tokens: TokenEntry[];
  subscriptionsFile: string;
  render: { dashboardUrl: string; token: string; chromiumPath: string; timeoutMs: number };
  mail: { smtpUrl: string; from: string; timeoutMs: number };
  scheduleIntervalMs: number;
  digest: { withinWorkingDays: number; queryTimeoutMs: number };
  shutdownDeadlineMs: number;
}

export function loadConfig(env: Env): ReportsConfig {
  const e = parseEnv(ReportsEnv, env);
  return {
    s3: toS3Config(e),
    markerPrefix: e.REPORTS_MARKER_PREFIX,
    http: { host: e.REPORTS_HOST, port: e.REPORTS_PORT },
    logLevel: e.REPORTS_LOG_LEVEL,
    tokens: e.REPORTS_TOKENS,
    subscriptionsFile: e.REPORTS_SUBSCRIPTIONS_FILE,
    render: {
      dashboardUrl: e.REPORTS_DASHBOARD_URL.replace(/\/$/, ''),
      token: e.REPORTS_DASHBOARD_TOKEN,
      chromiumPath: e.REPORTS_CHROMIUM_PATH,
      timeoutMs: e.REPORTS_RENDER_TIMEOUT_MS,
    },
    mail: { smtpUrl: e.REPORTS_SMTP_URL, from: e.REPORTS_MAIL_FROM, timeoutMs: e.REPORTS_MAIL_TIMEOUT_MS },
    scheduleIntervalMs: e.REPORTS_SCHEDULE_INTERVAL_MS,
    digest: { withinWorkingDays: e.REPORTS_DIGEST_WITHIN_WORKING_DAYS, queryTimeoutMs: e.REPORTS_QUERY_TIMEOUT_MS },
    shutdownDeadlineMs: e.REPORTS_SHUTDOWN_DEADLINE_MS,
  };
}
