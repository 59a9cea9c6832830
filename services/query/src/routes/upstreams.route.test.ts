import Fastify, { type FastifyInstance } from 'fastify';
import { FeaturesAnswer } from '@servq/query-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, toQueryError } from '../errors.ts';
import { registerUpstreams } from './upstreams.route.ts';

/** A stand-in for the alerts service on a free loopback port: echoes what reached it. */
async function echoUpstream(): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  const echo = (request: { method: string; url: string; headers: Record<string, unknown> }) => ({
    method: request.method,
    url: request.url,
    authorization: request.headers.authorization ?? null,
  });
  app.get('/v1/alerts', (request) => Promise.resolve(echo(request)));
  app.get('/v1/alerts/history', (request) => Promise.resolve(echo(request)));
  app.post('/v1/alerts/:id/ack', (request, reply) => {
    // The upstream's own auth decides: this one refuses office tokens.
    if (request.headers.authorization === 'Bearer office') return reply.status(404).send({ error: 'not yours' });
    return reply.send(echo(request));
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

async function queryApp(upstreams: { alerts: string | null; reports: string | null }): Promise<FastifyInstance> {
  const app = Fastify();
  app.setErrorHandler(async (error, _request, reply) => {
    const queryError = toQueryError(error);
    return reply.status(queryError.statusCode).send(errorBody(queryError));
  });
  await registerUpstreams(app, upstreams, () => undefined);
  await app.ready();
  return app;
}

describe('the alerts and reports services on the query origin', () => {
  let upstream: Awaited<ReturnType<typeof echoUpstream>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    upstream = await echoUpstream();
    app = await queryApp({ alerts: upstream.url, reports: null });
  });
  afterAll(async () => {
    await app.close();
    await upstream.app.close();
  });

  it('says which services are forwarded', async () => {
    expect(FeaturesAnswer.parse((await app.inject('/v1/features')).json())).toEqual({ alerts: true, reports: false });
  });

  it("forwards /v1/alerts with the path, query and the caller's own token", async () => {
    const list = await app.inject({ url: '/v1/alerts', headers: { authorization: 'Bearer mgmt' } });
    expect(list.json()).toEqual({ method: 'GET', url: '/v1/alerts', authorization: 'Bearer mgmt' });
    const history = await app.inject({ url: '/v1/alerts/history?limit=5', headers: { authorization: 'Bearer x' } });
    expect(history.json()).toMatchObject({ url: '/v1/alerts/history?limit=5', authorization: 'Bearer x' });
    const ack = await app.inject({
      method: 'POST',
      url: '/v1/alerts/csat%3Acesis/ack',
      headers: { authorization: 'Bearer mgmt' },
    });
    expect(ack.json()).toMatchObject({ method: 'POST', url: '/v1/alerts/csat%3Acesis/ack' });
  });

  it("passes the upstream's refusal through unchanged", async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/alerts/x/ack',
      headers: { authorization: 'Bearer office' },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual({ error: 'not yours' });
  });

  it('forwards nothing for a service that is off', async () => {
    expect((await app.inject('/v1/reports/monthly?month=2026-11')).statusCode).toBe(404);
  });

  it('answers 502 naming the service when it does not answer', async () => {
    const dead = Fastify();
    const url = await dead.listen({ host: '127.0.0.1', port: 0 });
    await dead.close();
    const orphan = await queryApp({ alerts: null, reports: url });
    try {
      const res = await orphan.inject('/v1/reports/monthly?month=2026-11');
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({
        error: { code: 'QUERY_UPSTREAM_UNAVAILABLE', message: 'the reports service did not answer' },
      });
    } finally {
      await orphan.close();
    }
  });
});
