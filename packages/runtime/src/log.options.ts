/**
 * The one logger configuration of every service (pino options, also accepted by fastify's `logger`): no
 * secret, token or personal data reaches a log line. Three layers, because each misses something alone:
 *  1. pino `redact` censors the known places of credentials (authorization and cookie headers, key fields);
 *  2. the request serializer logs a request's method and path with secret query parameters (`api_key`,
 *     `token`, `key`, …) censored, and no headers, client address or body;
 *  3. a last pass over every finished line censors what free text still carries — secret query parameters
 *     and bearer credentials inside messages (fastify's "Route GET:/x?api_key=… not found"), values of
 *     credential-named fields at any depth, and personal data through the caller's scrubber (e-mails,
 *     phones, personal codes, names; the contracts' `scrubText`). Numbers are never rewritten, so a line stays
 *     valid JSON, and a line with nothing to censor is written exactly as pino made it.
 */
import type { LoggerOptions } from 'pino';

export const REDACTED = '[REDACTED]';

export interface ServiceLogOptions {
  /** Added to every line as `service`. */
  service: string;
  level: string;
  /** Replaces personal data in a piece of text; `@servq/contracts`' `scrubText` in the services. */
  scrubText: (text: string) => string;
}

/** Where credentials sit in the objects the services log. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
];

/** Names of query parameters whose values are credentials (`api_key`, `key`, `token`, `X-Amz-Signature`, …). */
const SECRET_PARAM =
  /(?:^|[_.-])(?:api[_-]?key|apikey|key|token|access[_-]?token|secret|password|passwd|auth|authorization|cookie|signature|sig|session|credential)s?$/i;

/** Names of logged fields whose string values are credentials, at any depth (not `key`: S3 object keys are logged). */
const SECRET_FIELD =
  /^(?:authorization|cookie|set-cookie|x-api-key|api[_-]?key|apikey|(?:access|refresh|bearer|scrape)?[_-]?token|password|passwd|credentials?|.*secret.*)$/i;

/** `?name=value` / `&name=value` pairs anywhere in text; the name is checked against SECRET_NAME. */
const QUERY_PAIR = /([?&;])([^=&?#\s"'<>]+)=([^&#\s"'<>]*)/g;

/** An HTTP credential written out: `Bearer abc…`, `Basic abc…`. */
const HTTP_CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

function isSecretParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape: judge the name as written.
  }
  return SECRET_PARAM.test(decoded);
}

/** Text with secret query parameters' values and HTTP credentials censored. */
export function redactSecrets(text: string): string {
  return text
    .replace(QUERY_PAIR, (pair, separator: string, name: string) =>
      isSecretParam(name) ? `${separator}${name}=${REDACTED}` : pair,
    )
    .replace(HTTP_CREDENTIAL, (_match, scheme: string) => `${scheme} ${REDACTED}`);
}

/**
 * A URL as logged: secret parameters censored, then percent-escapes decoded so that the last pass sees
 * `anna%40example.lv` as the e-mail address it is.
 */
function loggableUrl(url: string): string {
  const redacted = redactSecrets(url);
  try {
    return decodeURIComponent(redacted.replace(/\+/g, ' '));
  } catch {
    return redacted;
  }
}

/** What a logged request shows: method and the URL with secret parameters censored; no headers, no address. */
export function serializeRequest(req: { method?: string; url?: string }): { method?: string; url?: string } {
  return { method: req.method, url: req.url === undefined ? undefined : loggableUrl(req.url) };
}

function censorValue(value: unknown, scrubText: (text: string) => string): unknown {
  if (typeof value === 'string') {
    // Every string goes through the scrubber: names hold no digit or @, so no cheaper test can rule text out.
    return scrubText(redactSecrets(value));
  }
  if (Array.isArray(value)) return value.map((item) => censorValue(item, scrubText));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = typeof item === 'string' && SECRET_FIELD.test(key) ? REDACTED : censorValue(item, scrubText);
    }
    return out;
  }
  return value;
}

/** One finished log line (pino's JSON plus newline) with secrets and personal data censored. */
export function censorLogLine(line: string, scrubText: (text: string) => string): string {
  const body = line.endsWith('\n') ? line.slice(0, -1) : line;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `${scrubText(redactSecrets(body))}\n`;
  }
  const censored = JSON.stringify(censorValue(parsed, scrubText));
  // Re-serialising would round large integers; a line with nothing censored is kept exactly.
  return censored === JSON.stringify(parsed) ? line : `${censored}\n`;
}

export function serviceLogOptions(options: ServiceLogOptions): LoggerOptions {
  return {
    level: options.level,
    base: { service: options.service },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { req: serializeRequest },
    hooks: { streamWrite: (line) => censorLogLine(line, options.scrubText) },
  };
}
