import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isConfigError } from './errors.ts';
import { parseEnv } from './env.ts';
import { envListenAddress, envSha256, metricsExposureRule, toMetricsListenerConfig } from './metrics-listener.ts';

const Env = z
  .object({
    X_METRICS_ADDR: envListenAddress.prefault('127.0.0.1:9464'),
    X_METRICS_TOKEN_SHA256: envSha256.optional(),
    X_OTHER: z.string().min(1, 'required').optional(),
  })
  .refine(...metricsExposureRule('X_METRICS_ADDR', 'X_METRICS_TOKEN_SHA256'));

const HASH = 'a'.repeat(64);

function problems(env: Record<string, string>): string[] {
  try {
    parseEnv(Env, env);
  } catch (error) {
    if (isConfigError(error)) return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('metrics listener settings', () => {
  it('defaults to loopback, and reads host:port, [ipv6]:port and port 0', () => {
    const parsed = parseEnv(Env, {});
    expect(toMetricsListenerConfig(parsed.X_METRICS_ADDR, parsed.X_METRICS_TOKEN_SHA256)).toEqual({
      host: '127.0.0.1',
      port: 9464,
      tokenSha256: null,
    });
    expect(parseEnv(Env, { X_METRICS_ADDR: '[::1]:0' }).X_METRICS_ADDR).toEqual({ host: '::1', port: 0 });
    expect(parseEnv(Env, { X_METRICS_ADDR: 'localhost:9500' }).X_METRICS_ADDR).toEqual({
      host: 'localhost',
      port: 9500,
    });
  });

  it('refuses a malformed address or token hash, naming the variable', () => {
    expect(problems({ X_METRICS_ADDR: '9464', X_METRICS_TOKEN_SHA256: 'xyz' })).toEqual([
      expect.stringMatching(/^X_METRICS_ADDR: expected host:port/),
      expect.stringMatching(/^X_METRICS_TOKEN_SHA256: expected the SHA-256/),
    ]);
    expect(problems({ X_METRICS_ADDR: '127.0.0.1:70000' })).toEqual([
      expect.stringMatching(/^X_METRICS_ADDR: expected host:port/),
    ]);
  });

  it('refuses metrics on a non-loopback address without a scrape token, and accepts it with one', () => {
    expect(problems({ X_METRICS_ADDR: '0.0.0.0:9464' })).toEqual([
      expect.stringMatching(/^X_METRICS_TOKEN_SHA256: required when X_METRICS_ADDR is not a loopback address/),
    ]);
    // Reported together with the environment's other problems, not after they are fixed.
    expect(problems({ X_METRICS_ADDR: '0.0.0.0:9464', X_OTHER: '' })).toEqual([
      'X_OTHER: required',
      expect.stringMatching(/^X_METRICS_TOKEN_SHA256: required when/),
    ]);
    const parsed = parseEnv(Env, { X_METRICS_ADDR: '0.0.0.0:9464', X_METRICS_TOKEN_SHA256: HASH });
    expect(toMetricsListenerConfig(parsed.X_METRICS_ADDR, parsed.X_METRICS_TOKEN_SHA256).tokenSha256).toBe(HASH);
  });
});
