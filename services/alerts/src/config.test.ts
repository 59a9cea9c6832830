import { isConfigError } from '@servq/config';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = {
  ALERTS_TOKENS: JSON.stringify([{ id: 'mgmt', sha256: 'a'.repeat(64), role: 'management' }]),
  ALERTS_QUERY_URL: 'http://127.0.0.1:8080/',
  ALERTS_QUERY_TOKEN: 'service-token',
  ALERTS_DASHBOARD_URL: 'http://127.0.0.1:8080',
  ALERTS_SMTP_URL: 'smtp://127.0.0.1:1025',
  ALERTS_WEBHOOK_SECRET: 'a-long-enough-secret',
};

describe('loadConfig', () => {
  it('applies the documented defaults: 127.0.0.1:8083, the ATD rules, the alert topic, polls every 5 s', () => {
    const config = loadConfig(base);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8083 });
    expect(config.rulesFile).toBe('services/alerts/rules/atd.rules.json');
    expect(config.topic).toBe('servq.alert.v1');
    expect(config.schedule).toEqual({ pollIntervalMs: 5000, deadlineIntervalMs: 3_600_000 });
    expect(config.query.url).toBe('http://127.0.0.1:8080');
  });

  it('reports every problem at once, naming the variable', () => {
    try {
      loadConfig({
        ...base,
        ALERTS_SMTP_URL: 'http://mail',
        ALERTS_WEBHOOK_SECRET: 'short',
        ALERTS_QUERY_URL: undefined,
      });
      expect.unreachable('loadConfig accepted a bad environment');
    } catch (error) {
      expect(isConfigError(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain('ALERTS_SMTP_URL');
      expect(message).toContain('ALERTS_WEBHOOK_SECRET');
      expect(message).toContain('ALERTS_QUERY_URL');
    }
  });
});
