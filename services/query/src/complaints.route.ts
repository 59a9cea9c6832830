/**
 * GET /v1/complaints/due and GET /v1/complaints/backlog (see complaints.ts). Any role may ask; an office token
 * sees its own office's complaints only (as in /v1/query), and every filter names a complaints dimension.
 * "Today" is the Riga date of the service's clock, the same clock the complaints model counts ages with.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from './routes/auth.ts';
import { BacklogParams, DueParams, runBacklog, runDue } from './complaints.ts';
import { rigaDate } from './contracts.adapter.ts';
import { routeDocs } from './routes/openapi.ts';
import { parseFilters, parseParams, rejectUnknown } from './routes/params.ts';
import { scopeFilters, type ReadStore } from './routes/metric.query.ts';

export interface ComplaintsRouteDeps {
  principal: (request: FastifyRequest) => Principal;
  requireSynced: () => void;
  store: ReadStore;
  now: () => Date;
}

function versioned(reply: FastifyReply, dataVersion: number): void {
  reply.header('x-servq-data-version', String(dataVersion));
  // Deadlines move with the day, so a cached answer from yesterday would be wrong today.
  reply.header('cache-control', 'no-store');
}

export function registerComplaints(app: FastifyInstance, deps: ComplaintsRouteDeps): void {
  app.get('/v1/complaints/due', { schema: routeDocs.complaintsDue }, async (request, reply) => {
    const who = deps.principal(request);
    deps.requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, ['within', 'limit']);
    const params = parseParams(DueParams, raw);
    const answer = await runDue(deps.store, rigaDate(deps.now()), params, scopeFilters(who, parseFilters(raw)));
    versioned(reply, answer.freshness.dataVersion);
    return answer;
  });

  app.get('/v1/complaints/backlog', { schema: routeDocs.complaintsBacklog }, async (request, reply) => {
    const who = deps.principal(request);
    deps.requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, ['from', 'to', 'grain']);
    const params = parseParams(BacklogParams, raw);
    const answer = await runBacklog(deps.store, rigaDate(deps.now()), params, scopeFilters(who, parseFilters(raw)));
    versioned(reply, answer.freshness.dataVersion);
    return answer;
  });
}
