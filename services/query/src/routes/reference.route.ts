/**
 * GET /v1/reference: names of reference values from @servq/contracts, and the open complaints' age bands with
 * where the legal deadline falls among them, for any valid token. The answer is
 * static for a build, so clients may cache it for the session.
 */
import { referenceLabels } from '@servq/contracts';
import { ReferenceAnswer } from '@servq/query-api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { openAgeBands } from '../store/age-bands.ts';
import { routeDocs } from './openapi.ts';

export function referenceAnswer(): ReferenceAnswer {
  return ReferenceAnswer.parse({ ...referenceLabels(), ageBands: openAgeBands() });
}

export function registerReference(app: FastifyInstance, authenticate: (request: FastifyRequest) => unknown): void {
  const answer = referenceAnswer();
  app.get('/v1/reference', { schema: routeDocs.reference }, (request) => {
    authenticate(request);
    return Promise.resolve(answer);
  });
}
