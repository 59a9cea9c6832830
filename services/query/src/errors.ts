/**
 * The query service's error catalogue and its single HTTP error shape:
 *   { "error": { "code": "QUERY_…", "message": "…", "details": [{ "parameter": "…", "expected": "…" }] } }
 */
import { isMetricsError, MetricsErrorCode } from '@servq/metrics';
import type { ErrorBody, ErrorDetail } from '@servq/query-api';

/** The largest request body the API reads (SQL text with its options is far smaller). */
export const REQUEST_BODY_LIMIT_BYTES = 256 * 1024;

export const QueryErrorCode = {
  BadParameter: 'QUERY_BAD_PARAMETER',
  Unauthorized: 'QUERY_UNAUTHORIZED',
  Forbidden: 'QUERY_FORBIDDEN',
  NotFound: 'QUERY_NOT_FOUND',
  NotReady: 'QUERY_NOT_READY',
  /** The service is stopping; another instance (or this one, restarted) can answer. */
  ShuttingDown: 'QUERY_SHUTTING_DOWN',
  SqlRejected: 'QUERY_SQL_REJECTED',
  SqlTimeout: 'QUERY_SQL_TIMEOUT',
  /** A query that needs more memory than the sandbox allows (DuckDB's limit or the worker's OS bound). */
  SqlMemoryLimit: 'QUERY_SQL_MEMORY_LIMIT',
  SqlFailed: 'QUERY_SQL_FAILED',
  /** The alerts or reports service behind /v1/alerts or /v1/reports did not answer. */
  UpstreamUnavailable: 'QUERY_UPSTREAM_UNAVAILABLE',
  Internal: 'QUERY_INTERNAL',
} as const;
export type QueryErrorCode = (typeof QueryErrorCode)[keyof typeof QueryErrorCode];

const statusByCode: Record<QueryErrorCode, number> = {
  QUERY_BAD_PARAMETER: 400,
  QUERY_UNAUTHORIZED: 401,
  QUERY_FORBIDDEN: 403,
  QUERY_NOT_FOUND: 404,
  QUERY_NOT_READY: 503,
  QUERY_SHUTTING_DOWN: 503,
  QUERY_SQL_REJECTED: 400,
  QUERY_SQL_TIMEOUT: 408,
  QUERY_SQL_MEMORY_LIMIT: 422,
  QUERY_SQL_FAILED: 400,
  QUERY_UPSTREAM_UNAVAILABLE: 502,
  QUERY_INTERNAL: 500,
};

export class QueryError extends Error {
  readonly statusCode: number;
  readonly retryable: boolean;
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'QueryError';
    this.statusCode = statusByCode[code];
    this.retryable = options.retryable ?? false;
  }
}

export function isQueryError(error: unknown): error is QueryError {
  return error instanceof QueryError;
}

/** Any error as the service's error, so the one handler can answer it. */
export function toQueryError(error: unknown): QueryError {
  if (isQueryError(error)) return error;
  if (isMetricsError(error)) {
    const code =
      error.code === MetricsErrorCode.UnknownMetric ||
      error.code === MetricsErrorCode.UnknownDimension ||
      error.code === MetricsErrorCode.DimensionNotAvailable ||
      error.code === MetricsErrorCode.InvalidRange ||
      error.code === MetricsErrorCode.InvalidRequest
        ? QueryErrorCode.BadParameter
        : QueryErrorCode.Internal;
    return new QueryError(code, error.message, [error.details], { cause: error });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 404) {
    return new QueryError(QueryErrorCode.NotFound, 'no such route', [
      { parameter: 'path', expected: 'a route of the OpenAPI document at /docs' },
    ]);
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new QueryError(QueryErrorCode.BadParameter, (error as Error).message, [fastifyDetail(error)], {
      cause: error,
    });
  }
  return new QueryError(QueryErrorCode.Internal, 'internal error', [], { cause: error });
}

/** What a request fastify refused before any handler ran should have been: its body or its content type. */
function fastifyDetail(error: unknown): ErrorDetail {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { parameter: 'body', expected: `a body of at most ${REQUEST_BODY_LIMIT_BYTES / 1024} KiB` };
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return { parameter: 'Content-Type', expected: 'application/json' };
  }
  return { parameter: 'body', expected: 'a JSON object as documented at /docs' };
}

export function errorBody(error: QueryError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}
