import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from './dashboard.static.ts';

describe('serveDashboard', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-dash-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>servq</title>');
    await writeFile(join(dir, 'app.js'), 'console.log(1)');
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

  it('serves nothing, and keeps the app running, when the dashboard was not built', async () => {
    const app = Fastify();
    await serveDashboard(app, join(dir, 'missing'));
    expect((await app.inject('/')).statusCode).toBe(404);
    await app.close();
  });
});
