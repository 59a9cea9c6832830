/**
 * Serves the built dashboard (dashboards/web/dist) at `/`. The page talks to this same service over HTTP,
 * so it needs no CORS. Its navigation lives in the URL hash, so no fallback route is needed and unknown
 * paths still get the JSON 404 of the API. A strict Content-Security-Policy: only this origin; inline styles
 * are allowed because ECharts positions its tooltips with them. The build's brotli and gzip copies are sent to
 * browsers that accept them; assets/ holds only files named after their content, so a browser keeps them for a
 * year without asking again, while index.html (which names the current ones) is checked on every load.
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'";

export async function serveDashboard(app: FastifyInstance, dir: string): Promise<void> {
  const root = resolve(dir);
  const assets = join(root, 'assets') + sep;
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ dir: root }, 'dashboard not built; run `pnpm --filter @servq/dashboard build`');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    setHeaders: (res, path) => {
      void res.header('content-security-policy', CSP);
      void res.header('x-content-type-options', 'nosniff');
      if (path.startsWith(assets)) void res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}
