import { describe, expect, it } from 'vitest';
import { buildHttpServer } from './http.server.ts';

describe('lander HTTP probes', () => {
  it('answers health and readiness, and not Prometheus metrics (served on a listener of their own)', async () => {
    let ready = false;
    const app = buildHttpServer({ healthy: () => true, ready: () => ready });
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
    ready = true;
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(404);
    await app.close();
  });

  it('runs compaction on demand for one table-day, and answers a bad request in the error shape', async () => {
    const calls: string[] = [];
    const app = buildHttpServer(
      { healthy: () => true, ready: () => true },
      {
        tables: ['visit_events'],
        compactDay: (table, date) => {
          calls.push(`${table}/${date}`);
          return Promise.resolve({ table, date, compacted: false, objects: 1 });
        },
        compactFinishedDays: () => Promise.resolve([]),
      },
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/compaction',
      payload: { table: 'visit_events', date: '2026-03-01' },
    });
    expect(ok.json()).toEqual({
      results: [{ table: 'visit_events', date: '2026-03-01', compacted: false, objects: 1 }],
    });
    expect(calls).toEqual(['visit_events/2026-03-01']);
    const bad = await app.inject({
      method: 'POST',
      url: '/compaction',
      payload: { table: 'nope', date: '2026-03-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'LANDER_BAD_REQUEST', details: { tables: ['visit_events'] } } });
    expect((await app.inject({ method: 'POST', url: '/compaction', payload: {} })).json()).toEqual({ results: [] });
    await app.close();
  });
});
