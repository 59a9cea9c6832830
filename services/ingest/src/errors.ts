/**
 * The ingest service's error catalogue and its single HTTP error shape:
 *   { "error": { "code": "INGEST_…", "message": "…", "details": [{ "field": "…", "expected": "…" }] } }
 */
export const IngestErrorCode = {
  Unauthorized: 'INGEST_UNAUTHORIZED',
  Forbidden: 'INGEST_FORBIDDEN',
  BadBody: 'INGEST_BAD_BODY',
  UnsupportedMediaType: 'INGEST_UNSUPPORTED_MEDIA_TYPE',
  BodyTooLarge: 'INGEST_BODY_TOO_LARGE',
  TooManyEvents: 'INGEST_TOO_MANY_EVENTS',
  AllRejected: 'INGEST_ALL_REJECTED',
  KafkaUnavailable: 'INGEST_KAFKA_UNAVAILABLE',
  RateLimited: 'INGEST_RATE_LIMITED',
  NotFound: 'INGEST_NOT_FOUND',
  Internal: 'INGEST_INTERNAL',
} as const;
export type IngestErrorCode = (typeof IngestErrorCode)[keyof typeof IngestErrorCode];

export interface ErrorDetail {
  field: string;
  expected: string;
}

const statusByCode: Record<IngestErrorCode, number> = {
  INGEST_UNAUTHORIZED: 401,
  INGEST_FORBIDDEN: 403,
  INGEST_BAD_BODY: 400,
  INGEST_UNSUPPORTED_MEDIA_TYPE: 415,
  INGEST_BODY_TOO_LARGE: 413,
  INGEST_TOO_MANY_EVENTS: 413,
  INGEST_ALL_REJECTED: 422,
  INGEST_KAFKA_UNAVAILABLE: 503,
  INGEST_RATE_LIMITED: 429,
  INGEST_NOT_FOUND: 404,
  INGEST_INTERNAL: 500,
};

export class IngestError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'IngestError';
    this.statusCode = statusByCode[code];
    this.retryable = options.retryable ?? false;
  }
  readonly retryable: boolean;
}

export function isIngestError(error: unknown): error is IngestError {
  return error instanceof IngestError;
}

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export function errorBody(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}
