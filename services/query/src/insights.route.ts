/**
 * GET /v1/annotations (dated events for time charts, from @servq/contracts) and GET /v1/drivers (what drives
 * overall satisfaction, see drivers.ts). Both for any valid token; an office token is held to its own office:
 * its drivers are its own office's, its annotations its own and the all-office ones.
 */
import { Dimensions } from '@servq/metrics';
import { AnnotationsAnswer, DriversAnswer } from '@servq/query-api';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { Principal } from './routes/auth.ts';
import { ANNOTATIONS } from './contracts.adapter.ts';
import { driversAnswer, DriversParams, driversSql } from './drivers.ts';
import { bearer, errors, inputSchema, ok, withFilters } from './routes/openapi.ts';
import { parseFilters, parseParams, rejectUnknown } from './routes/params.ts';
import { scopeFilters, type ReadStore } from './routes/metric.query.ts';

export interface InsightsRouteDeps {
  principal: (request: FastifyRequest) => Principal;
  requireSynced: () => void;
  store: ReadStore;
}

const docs = {
  annotations: {
    summary: 'Dated events to draw on time charts: changes of law, office closures and others',
    description: 'Configured as data in @servq/contracts (reference/annotations.ts).',
    tags: ['metrics'],
    security: bearer,
    response: { ...ok('the annotations in date order', AnnotationsAnswer), ...errors(401) },
  },
  drivers: {
    summary: 'What drives overall satisfaction: each service dimension’s importance against its performance',
    description:
      'Importance is the Pearson correlation of a dimension’s score with overall satisfaction over the responses ' +
      'answering both, with a 95 % Fisher-z interval and the p-value of no correlation; performance is its mean ' +
      'score (1–5) with a 95 % normal interval. Dimensions below the minimum sample are suppressed. ' +
      'filter.<dimension> narrows the responses as in /v1/query; an office token gets its own office.',
    tags: ['metrics'],
    security: bearer,
    querystring: withFilters(
      inputSchema(DriversParams),
      Object.values(Dimensions)
        .filter((d) => (d.models as readonly string[]).includes('surveys'))
        .map((d) => d.id),
    ),
    response: { ...ok('one entry per service dimension', DriversAnswer), ...errors(400, 401, 403, 503) },
  },
} satisfies Record<string, FastifySchema>;

export function annotationsFor(principal: Principal): AnnotationsAnswer {
  const own = principal.role === 'office' ? principal.office : undefined;
  const annotations = ANNOTATIONS.filter((a) => own === undefined || !a.offices || a.offices.includes(own))
    .map((a) => ({
      id: a.id,
      kind: a.kind,
      from: a.from,
      to: a.to ?? null,
      offices: a.offices ? [...a.offices] : null,
      label: { ...a.label },
      source: a.source ?? null,
    }))
    .sort((a, b) => a.from.localeCompare(b.from));
  return AnnotationsAnswer.parse({ annotations });
}

export function registerInsights(app: FastifyInstance, deps: InsightsRouteDeps): void {
  app.get('/v1/annotations', { schema: docs.annotations }, (request) => {
    const who = deps.principal(request);
    rejectUnknown(request.query as Record<string, unknown>, []);
    return Promise.resolve(annotationsFor(who));
  });

  app.get('/v1/drivers', { schema: docs.drivers }, async (request, reply) => {
    const who = deps.principal(request);
    deps.requireSynced();
    const raw = request.query as Record<string, unknown>;
    rejectUnknown(raw, ['from', 'to']);
    const params = parseParams(DriversParams, raw);
    const filters = scopeFilters(who, parseFilters(raw));
    const { sql, params: values } = driversSql({ ...params, filters });
    const [row] = await deps.store.query(sql, values);
    const answer = driversAnswer(params, row ?? {}, deps.store.getFreshness());
    reply.header('x-servq-data-version', String(answer.freshness.dataVersion));
    return answer;
  });
}
