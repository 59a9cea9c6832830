/**
 * Serves the built dashboard (dashboards/web/dist) at `/`. The page talks to this same service over HTTP,
 * so it needs no CORS. Its navigation lives in the URL hash, so no fallback route is needed and unknown
 * paths still get the JSON 404 of the API. A strict Content-Security-Policy: only this origin; inline styles
 * are allowed because ECharts positions its tooltips with them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'";

export async function serveDashboard(app: FastifyInstance, dir: string): Promise<void> {
  const root = resolve(dir);
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ dir: root }, 'dashboard not built; run `pnpm --filter @servq/dashboard build`');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (res) => {
      void res.header('content-security-policy', CSP);
      void res.header('x-content-type-options', 'nosniff');
    },
  });
}
