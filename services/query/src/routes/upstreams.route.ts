/**
 * The dashboard's one origin for the other services: `/v1/alerts*` goes to the alerts service and
 * `/v1/reports*` to the reports service (@fastify/http-proxy), each with the caller's own Authorization header,
 * so the upstream's auth still decides (an office token sees its own office there too); this service checks
 * nothing on the way. `GET /v1/features` tells the dashboard which are on, so it shows only screens that work.
 * An upstream that does not answer is a 502 in this service's error shape, naming the service.
 */
import httpProxy from '@fastify/http-proxy';
import type { FeaturesAnswer } from '@servq/query-api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Upstreams } from '../config.ts';
import { QueryError, QueryErrorCode } from '../errors.ts';
import { routeDocs } from './openapi.ts';

/** A report is printed by Chromium, one at a time: a request may wait behind others for a while. */
const UPSTREAM_TIMEOUT_MS = 120_000;

export async function registerUpstreams(
  app: FastifyInstance,
  upstreams: Upstreams,
  authenticate: (request: FastifyRequest) => unknown,
): Promise<void> {
  app.get('/v1/features', { schema: routeDocs.features }, (request) => {
    authenticate(request);
    return Promise.resolve({
      alerts: upstreams.alerts !== null,
      reports: upstreams.reports !== null,
    } satisfies FeaturesAnswer);
  });
  for (const [service, upstream] of Object.entries(upstreams) as [keyof Upstreams, string | null][]) {
    if (upstream === null) continue;
    const prefix = `/v1/${service}`;
    await app.register(httpProxy, {
      upstream,
      prefix,
      rewritePrefix: prefix,
      httpMethods: service === 'alerts' ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'],
      undici: { headersTimeout: UPSTREAM_TIMEOUT_MS, bodyTimeout: UPSTREAM_TIMEOUT_MS },
      replyOptions: {
        onError: (reply, { error }) => {
          reply.log.warn({ err: error, upstream: service }, 'upstream failed');
          void reply.send(
            new QueryError(
              QueryErrorCode.UpstreamUnavailable,
              `the ${service} service did not answer`,
              [{ parameter: 'path', expected: `a route of the ${service} service, which must be running` }],
              { cause: error, retryable: true },
            ),
          );
        },
      },
    });
  }
}
