import { isConfigError } from '@servq/config';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './routes/auth.ts';
import { loadConfig } from './config.ts';

const base = {
  S3_ACCESS_KEY_ID: 'id',
  S3_SECRET_ACCESS_KEY: 'secret',
  QUERY_TOKENS: JSON.stringify([{ id: 'mgmt', sha256: sha256Hex('t'), role: 'management' }]),
};

describe('loadConfig', () => {
  it('applies the documented defaults: 127.0.0.1:8080, lake/ prefix, 5 s sync', () => {
    const config = loadConfig(base);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(config.sync).toMatchObject({ prefix: 'lake/', intervalMs: 5000, mirrorDir: '.data/query/mirror' });
    expect(config.sandbox).toMatchObject({ timeoutMs: 5000, maxRows: 10000, memoryLimit: '256MB' });
    expect(config.metricsListener).toEqual({ host: '127.0.0.1', port: 9466, tokenSha256: null });
  });

  it('forwards to the alerts and reports services only when their origins are set', () => {
    expect(loadConfig(base).upstreams).toEqual({ alerts: null, reports: null });
    const on = loadConfig({ ...base, QUERY_ALERTS_URL: 'http://127.0.0.1:8083/', QUERY_REPORTS_URL: '' });
    expect(on.upstreams).toEqual({ alerts: 'http://127.0.0.1:8083', reports: null });
    expect(() => loadConfig({ ...base, QUERY_REPORTS_URL: 'http://127.0.0.1:8084/v1/reports' })).toThrow(
      /QUERY_REPORTS_URL/,
    );
  });

  it('refuses Prometheus metrics on a public address without a scrape token', () => {
    expect(() => loadConfig({ ...base, QUERY_METRICS_ADDR: '0.0.0.0:9466' })).toThrow(/QUERY_METRICS_TOKEN_SHA256/);
    const hash = sha256Hex('scrape');
    const config = loadConfig({ ...base, QUERY_METRICS_ADDR: '[::]:0', QUERY_METRICS_TOKEN_SHA256: hash });
    expect(config.metricsListener).toEqual({ host: '::', port: 0, tokenSha256: hash });
  });

  it('keeps DuckDB spill files under the data dir, never in the working directory', () => {
    const config = loadConfig({ ...base, QUERY_DATA_DIR: '/srv/query/', QUERY_TEMP_MAX_SIZE: '2GB' });
    expect(config.store).toEqual({ tempDir: '/srv/query/tmp/store', maxTempSize: '2GB', memoryLimit: '2GB' });
    expect(config.sandbox).toMatchObject({ tempDir: '/srv/query/tmp/sandbox', maxTempSize: '0KB' });
  });

  it('reports every bad variable at once, by name', () => {
    let caught: unknown;
    try {
      loadConfig({
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        QUERY_PORT: 'eighty',
        QUERY_LAKE_PREFIX: '/abs',
        QUERY_TOKENS: JSON.stringify([{ id: 'o', sha256: 'x', role: 'office' }]),
        QUERY_SQL_MEMORY_LIMIT: 'lots',
      });
    } catch (error) {
      caught = error;
    }
    expect(isConfigError(caught)).toBe(true);
    if (!isConfigError(caught)) return;
    const variables = [...new Set(caught.problems.map((p) => p.variable.split('.')[0]))].sort();
    expect(variables).toEqual(['QUERY_LAKE_PREFIX', 'QUERY_PORT', 'QUERY_SQL_MEMORY_LIMIT', 'QUERY_TOKENS']);
  });
});
