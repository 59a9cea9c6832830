/** Health, readiness and Prometheus metrics over HTTP; a fastify app built here and listened to by main.ts. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

export interface Probes {
  healthy(): boolean;
  ready(): boolean;
}

export function buildHttpServer(probes: Probes, registry: Registry): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/healthz', async (_request, reply) => {
    const ok = probes.healthy();
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failed' });
  });
  app.get('/readyz', async (_request, reply) => {
    const ok = probes.ready();
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready' });
  });
  app.get('/metrics', async (_request, reply) => {
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
  return app;
}
