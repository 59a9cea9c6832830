import { Registry, Counter } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { buildHttpServer } from './http.server.ts';

describe('lander HTTP probes', () => {
  it('answers health, readiness and Prometheus metrics', async () => {
    const registry = new Registry();
    new Counter({ name: 'probe_test_total', help: 'x', registers: [registry] }).inc(3);
    let ready = false;
    const app = buildHttpServer({ healthy: () => true, ready: () => ready }, registry);
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
    ready = true;
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    const metrics = await app.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('probe_test_total 3');
    await app.close();
  });
});
