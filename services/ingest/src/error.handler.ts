/**
 * The one fastify error handler: every failure leaves the service as the single JSON error shape. Fastify's
 * own errors (bad JSON, wrong content type, oversize body) are translated into ingest codes. Every 4xx names
 * the field at fault and what was expected there, limits with their numbers.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody, IngestErrorCode, isIngestError, type ErrorDetail } from './errors.ts';

const ROUTES = 'POST /v1/events, POST /v1/import, GET /healthz, GET /readyz, GET /docs';

/** What each route reads, for a 415 that names the right thing. */
function acceptedTypes(request: FastifyRequest): string {
  return request.routeOptions.url === '/v1/import' ? 'text/csv' : 'application/json or application/x-ndjson';
}

type Translation = { status: number; code: IngestErrorCode; message: string; details: ErrorDetail[] };

function translateFastifyError(
  error: FastifyError,
  request: FastifyRequest,
  maxBodyBytes: number,
): Translation | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: IngestErrorCode.UnsupportedMediaType,
        message: `unsupported Content-Type '${request.headers['content-type'] ?? ''}'`,
        details: [{ field: 'Content-Type', expected: acceptedTypes(request) }],
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: IngestErrorCode.BodyTooLarge,
        message: `the body is larger than the limit of ${maxBodyBytes} bytes`,
        details: [{ field: 'body', expected: `a body of at most ${maxBodyBytes} bytes (INGEST_MAX_BODY_BYTES)` }],
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: 400,
        code: IngestErrorCode.BadBody,
        message: error.message,
        details: [{ field: 'body', expected: 'a JSON array of events' }],
      };
    default:
      if (error instanceof SyntaxError && error.statusCode === 400) {
        return {
          status: 400,
          code: IngestErrorCode.BadBody,
          message: `the body is not valid JSON: ${error.message}`,
          details: [{ field: 'body', expected: 'a JSON array of events' }],
        };
      }
      return undefined;
  }
}

export function installErrorHandler(app: FastifyInstance, maxBodyBytes: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isIngestError(error)) {
      if (error.code === IngestErrorCode.KafkaUnavailable) void reply.header('retry-after', '5');
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details));
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send(
          errorBody(IngestErrorCode.RateLimited, error.message, [
            { field: 'Authorization', expected: 'fewer requests per minute for this key' },
          ]),
        );
    }
    const known = translateFastifyError(error, request, maxBodyBytes);
    if (known) return reply.status(known.status).send(errorBody(known.code, known.message, known.details));
    if (error.statusCode && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(
          errorBody(IngestErrorCode.BadBody, error.message, [
            { field: 'request', expected: 'a well-formed HTTP request (headers, length and body agreeing)' },
          ]),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody(IngestErrorCode.Internal, 'internal error'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        errorBody(IngestErrorCode.NotFound, `no route ${request.method} ${request.url}`, [
          { field: 'url', expected: `one of ${ROUTES}` },
        ]),
      ),
  );
}
