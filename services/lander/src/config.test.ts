import { isConfigError } from '@servq/config';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = { S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };

describe('loadConfig', () => {
  it('lands the five servq topics into their tables under lake/ by default', () => {
    const config = loadConfig(base);
    expect(config.consumer.routes).toEqual([
      { topic: 'servq.visit.v1', table: 'visit_events' },
      { topic: 'servq.survey.v1', table: 'survey_events' },
      { topic: 'servq.complaint.v1', table: 'complaint_events' },
      { topic: 'servq.rejected.v1', table: 'rejected_events' },
      { topic: 'servq.alert.v1', table: 'alert_events' },
    ]);
    expect(config.lakePrefix).toBe('lake/');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8082 });
    expect(config.metricsListener).toEqual({ host: '127.0.0.1', port: 9465, tokenSha256: null });
  });

  it('refuses Prometheus metrics on a public address without a scrape token', () => {
    expect(() => loadConfig({ ...base, LANDER_METRICS_ADDR: '0.0.0.0:9465' })).toThrow(/LANDER_METRICS_TOKEN_SHA256/);
    const config = loadConfig({
      ...base,
      LANDER_METRICS_ADDR: '0.0.0.0:9465',
      LANDER_METRICS_TOKEN_SHA256: 'f'.repeat(64),
    });
    expect(config.metricsListener).toEqual({ host: '0.0.0.0', port: 9465, tokenSha256: 'f'.repeat(64) });
  });

  it('accepts topic=table for topics outside the contracts', () => {
    const config = loadConfig({ ...base, LANDER_TOPICS: 'x.y=survey_events', LANDER_LAKE_PREFIX: 'test/abc/' });
    expect(config.consumer.routes).toEqual([{ topic: 'x.y', table: 'survey_events' }]);
    expect(config.lakePrefix).toBe('test/abc/');
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ LANDER_TOPICS: 'unknown.topic', LANDER_FLUSH_MAX_EVENTS: '0', LANDER_LAKE_PREFIX: 'no-slash' });
      expect.unreachable();
    } catch (error) {
      expect(isConfigError(error)).toBe(true);
      if (!isConfigError(error)) return;
      expect(error.problems.map((p) => p.variable).sort()).toEqual([
        'LANDER_FLUSH_MAX_EVENTS',
        'LANDER_LAKE_PREFIX',
        'LANDER_TOPICS.0',
        'S3_ACCESS_KEY_ID',
        'S3_SECRET_ACCESS_KEY',
      ]);
    }
  });
});
