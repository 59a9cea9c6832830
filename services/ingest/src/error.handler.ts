/**
 * The one fastify error handler: every failure leaves the service as the single JSON error shape. Fastify's
 * own errors (bad JSON, wrong content type, oversize body) are translated into ingest codes.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { errorBody, IngestErrorCode, isIngestError } from './errors.ts';

const fastifyCodes: Record<string, { code: IngestErrorCode; expected: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: IngestErrorCode.UnsupportedMediaType,
    expected: 'Content-Type application/json or application/x-ndjson',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: IngestErrorCode.BodyTooLarge, expected: 'a smaller request body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: IngestErrorCode.BadBody, expected: 'a JSON array of events' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: IngestErrorCode.BadBody, expected: 'a JSON array of events' },
};

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
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known || (error instanceof SyntaxError && error.statusCode === 400)) {
      const entry = known ?? fastifyCodes.FST_ERR_CTP_INVALID_JSON_BODY!;
      const expected =
        entry.code === IngestErrorCode.BodyTooLarge ? `a body of at most ${maxBodyBytes} bytes` : entry.expected;
      const status =
        entry.code === IngestErrorCode.UnsupportedMediaType
          ? 415
          : entry.code === IngestErrorCode.BodyTooLarge
            ? 413
            : 400;
      return reply.status(status).send(errorBody(entry.code, error.message, [{ field: 'body', expected }]));
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody(IngestErrorCode.BadBody, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody(IngestErrorCode.Internal, 'internal error'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody(IngestErrorCode.NotFound, `no route ${request.method} ${request.url}`)),
  );
}
