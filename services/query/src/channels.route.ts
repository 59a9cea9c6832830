/**
 * GET /v1/channels (channels.ts): the channel mix of contacts and digital take-up per period, for any valid
 * token; an office token is held to its own office (and then gets no digital share: e-service cases belong to
 * no office).
 */
import { Dimensions, type Catalogue } from '@servq/metrics';
import { ChannelsAnswer } from '@servq/query-api';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { channelsAnswer, ChannelsParams, channelsSql } from './channels.ts';
import type { Principal } from './routes/auth.ts';
import { scopeFilters, type ReadStore } from './routes/metric.query.ts';
import { bearer, errors, inputSchema, ok, withFilters } from './routes/openapi.ts';
import { parseFilters, parseParams, rejectUnknown } from './routes/params.ts';

export interface ChannelsRouteDeps {
  principal: (request: FastifyRequest) => Principal;
  requireSynced: () => void;
  store: ReadStore;
  catalogue: Catalogue;
}

const docs = {
  summary: 'Channel mix of contacts and digital take-up per period',
  description:
    'Contacts: the catalogue counts visits (in person), complaints_received, feedback_received and ' +
    'e_service_cases_rated, each under its channel, per period; a count whose model lacks a filter is left out ' +
    'and listed in `skipped`. Digital take-up: the catalogue share digital_share (rated e-service cases of all ' +
    'rated service cases) per period and over the range with 95 % Wilson intervals, and a Cochran–Armitage test ' +
    'of a linear trend across the periods; it takes every filter but channel, and none is given for an office. ' +
    'filter.<dimension> as in /v1/query; an office token gets its own office.',
  tags: ['metrics'],
  security: bearer,
  querystring: withFilters(
    inputSchema(ChannelsParams),
    Object.values(Dimensions).map((d) => d.id),
  ),
  response: {
    ...ok('contacts per period and channel, and the digital share', ChannelsAnswer),
    ...errors(400, 401, 403, 503),
  },
} satisfies FastifySchema;

export function registerChannels(app: FastifyInstance, deps: ChannelsRouteDeps): void {
  app.get('/v1/channels', { schema: docs }, async (request, reply) => {
    const who = deps.principal(request);
    deps.requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, ['from', 'to', 'grain']);
    const params = parseParams(ChannelsParams, raw);
    const filters = scopeFilters(who, parseFilters(raw));
    const compiled = channelsSql(deps.catalogue, { ...params, filters });
    const [contacts, digital] = await Promise.all([
      compiled.contacts ? deps.store.query(compiled.contacts.sql, compiled.contacts.params) : [],
      compiled.digital ? deps.store.query(compiled.digital.sql, compiled.digital.params) : [],
    ]);
    const answer = channelsAnswer(deps.catalogue, params, compiled, { contacts, digital }, deps.store.getFreshness());
    reply.header('x-servq-data-version', String(answer.freshness.dataVersion));
    return answer;
  });
}
