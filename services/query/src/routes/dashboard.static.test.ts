import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from './dashboard.static.ts';

describe('serveDashboard', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-dash-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>servq</title>');
    await writeFile(join(dir, 'app.js'), 'console.log(1)');
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets/index-abc123.js'), 'console.log(2)');
    await writeFile(join(dir, 'assets/index-abc123.js.br'), brotliCompressSync('console.log(2)'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the built page at / with a same-origin Content-Security-Policy, and its assets', async () => {
    const app = Fastify();
    app.get('/v1/metrics', () => ({ ok: true }));
    await serveDashboard(app, dir);
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>servq</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await app.inject('/app.js')).body).toBe('console.log(1)');
    expect((await app.inject('/v1/metrics')).json()).toEqual({ ok: true });
    await app.close();
  });

  it("sends the build's brotli copy to a browser that accepts it, and lets it keep content-named assets for good", async () => {
    const app = Fastify();
    await serveDashboard(app, dir);
    const compressed = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['content-type']).toContain('javascript');
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe('console.log(2)');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(2)');
    // The page names the current assets, so it is checked again on every load.
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>servq</title>');
    expect(page.headers['cache-control']).not.toContain('immutable');
    await app.close();
  });

  it('serves nothing, and keeps the app running, when the dashboard was not built', async () => {
    const app = Fastify();
    await serveDashboard(app, join(dir, 'missing'));
    expect((await app.inject('/')).statusCode).toBe(404);
    await app.close();
  });
});
