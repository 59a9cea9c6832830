/**
 * GET /v1/today?office=…&filter.channel=…: the office head's day so far against the same weekday's usual (see today.ts). Any
 * role may ask; an office token is held to its own office. Answers carry the data version in
 * x-servq-data-version, so a page polling it can tell when the lake moved.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from './auth.ts';
import { routeDocs } from './openapi.ts';
import { parseFilters, parseParams, rejectUnknown } from './params.ts';
import type { ReadStore } from './metric.query.ts';
import { runToday, todayFilters, todayOffice, TodayParams } from './today.ts';

export interface TodayRouteDeps {
  principal: (request: FastifyRequest) => Principal;
  requireSynced: () => void;
  store: ReadStore;
  now: () => Date;
}

export function registerToday(app: FastifyInstance, deps: TodayRouteDeps): void {
  app.get('/v1/today', { schema: routeDocs.today }, async (request, reply) => {
    const who = deps.principal(request);
    deps.requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, ['office']);
    const params = parseParams(TodayParams, raw);
    const filters = todayFilters(parseFilters(raw));
    const answer = await runToday(deps.store, todayOffice(who, params.office), deps.now(), filters);
    reply.header('x-servq-data-version', String(answer.freshness.dataVersion));
    reply.header('cache-control', 'no-store');
    return answer;
  });
}
