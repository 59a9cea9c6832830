import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsListener, type MetricsListener } from './metrics.listener.ts';

const source = { contentType: 'text/plain; version=0.0.4', metrics: () => Promise.resolve('probe_total 3\n') };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('metrics listener', () => {
  let listener: MetricsListener | undefined;
  afterEach(async () => {
    await listener?.stop();
    listener = undefined;
  });

  it('serves GET /metrics on a port of its own, and 404 for any other path', async () => {
    listener = createMetricsListener({ host: '127.0.0.1', port: 0, tokenSha256: null }, source);
    const { url, port } = await listener.start();
    expect(port).toBeGreaterThan(0);
    expect(url).toBe(`http://127.0.0.1:${port}/metrics`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toBe('probe_total 3\n');
    const other = await fetch(`http://127.0.0.1:${port}/v1/events`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('with a token hash, answers 401 without the bearer token or with a wrong one, 200 with it', async () => {
    listener = createMetricsListener({ host: '127.0.0.1', port: 0, tokenSha256: sha256('scrape-me') }, source);
    const { url } = await listener.start();
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: 'Bearer scrape-me' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('probe_total 3\n');
  });

  it('stops listening on stop()', async () => {
    listener = createMetricsListener({ host: '127.0.0.1', port: 0, tokenSha256: null }, source);
    const { url } = await listener.start();
    await listener.stop();
    await expect(fetch(url)).rejects.toThrow();
  });
});
