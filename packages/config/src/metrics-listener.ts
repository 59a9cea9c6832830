/**
 * Settings of a service's Prometheus listener: a separate `host:port` (loopback by default, so the public API
 * never serves metrics) and an optional scrape token, stored hashed like every other credential. A listener
 * on any other interface must have a token: `metricsExposureRule` refuses the configuration otherwise.
 */
import { z } from 'zod';

export interface MetricsListenerConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** SHA-256 (hex) of the bearer token a scraper must send, or null for no token. */
  tokenSha256: string | null;
}

const ADDRESS = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]]+)):(\d{1,5})$/;

/** `host:port` or `[ipv6]:port`, port 0–65535, as `{ host, port }` (brackets removed, ready for `listen`). */
export const envListenAddress = z.string().transform((value, ctx): { host: string; port: number } => {
  const match = ADDRESS.exec(value.trim());
  const port = Number(match?.[3]);
  const host = match?.[1] ?? match?.[2];
  if (host === undefined || !(port >= 0 && port <= 65535)) {
    ctx.addIssue({ code: 'custom', message: 'expected host:port such as 127.0.0.1:9464 (port 0-65535)' });
    return z.NEVER;
  }
  return { host, port };
});

export const envSha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the token as 64 lowercase hex digits');

/** Whether only this machine can reach a listener on `host`. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A refinement for a service's environment schema: metrics bound beyond loopback need a scrape token. It runs
 * even when other variables are wrong (so every problem is still reported at once), but only once both of its
 * own variables parsed.
 */
export function metricsExposureRule<A extends string, T extends string>(addressVariable: A, tokenVariable: T) {
  type Parsed = Record<A, { host: string; port: number }> & Partial<Record<T, string>>;
  const check = (env: Parsed) => isLoopbackHost(env[addressVariable].host) || env[tokenVariable] !== undefined;
  const params = {
    path: [tokenVariable] as PropertyKey[],
    message: `required when ${addressVariable} is not a loopback address: metrics would answer anyone`,
    when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
      !payload.issues.some((issue) => issue.path?.[0] === addressVariable || issue.path?.[0] === tokenVariable),
  };
  return [check, params] as [typeof check, typeof params];
}

export function toMetricsListenerConfig(
  address: { host: string; port: number },
  tokenSha256: string | undefined,
): MetricsListenerConfig {
  return { host: address.host, port: address.port, tokenSha256: tokenSha256 ?? null };
}
