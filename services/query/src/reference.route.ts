/**
 * GET /v1/reference: names of reference values from @servq/contracts, for any valid token. The answer is
 * static for a build, so clients may cache it for the session.
 */
import {
  Channels,
  ComplaintCategories,
  COMPLAINT_OUTCOMES,
  Offices,
  RefusalReasons,
  ServiceLanguages,
  Services,
} from '@servq/contracts';
import { ReferenceAnswer, type ReferenceValue } from '@servq/query-api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

type Named = { id: string; name: { lv: string; en: string } };

const values = (record: Record<string, Named>): ReferenceValue[] =>
  Object.values(record).map(({ id, name }) => ({ id, name: { lv: name.lv, en: name.en } }));

/** Complaint and visit outcomes have ids only in the contracts; their names are stated here. */
const OUTCOME_NAMES: Record<string, { lv: string; en: string }> = {
  upheld: { lv: 'atzīta par pamatotu', en: 'upheld' },
  partially_upheld: { lv: 'daļēji pamatota', en: 'partially upheld' },
  not_upheld: { lv: 'nepamatota', en: 'not upheld' },
  explained: { lv: 'sniegts skaidrojums', en: 'explained' },
  withdrawn: { lv: 'atsaukta', en: 'withdrawn' },
  served: { lv: 'apkalpots', en: 'served' },
  refused: { lv: 'atteikts', en: 'refused' },
  redirected: { lv: 'pāradresēts', en: 'redirected' },
};

export function referenceAnswer(): ReferenceAnswer {
  const outcomeIds = [...COMPLAINT_OUTCOMES, 'served', 'refused', 'redirected'];
  return ReferenceAnswer.parse({
    offices: values(Offices),
    channels: values(Channels),
    services: values(Services),
    languages: values(ServiceLanguages),
    categories: values(ComplaintCategories),
    outcomes: outcomeIds.map((id) => ({ id, name: OUTCOME_NAMES[id] ?? { lv: id, en: id } })),
    refusalReasons: values(RefusalReasons),
  });
}

function outputSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

const docs = {
  summary: 'Names of reference values (offices, channels, services, languages, categories, outcomes, refusal reasons)',
  tags: ['metrics'],
  security: [{ bearer: [] }],
  response: {
    200: { ...outputSchema(ReferenceAnswer), description: 'ids and their Latvian and English names' },
  },
};

export function registerReference(app: FastifyInstance, authenticate: (request: FastifyRequest) => unknown): void {
  const answer = referenceAnswer();
  app.get('/v1/reference', { schema: docs }, (request) => {
    authenticate(request);
    return Promise.resolve(answer);
  });
}
