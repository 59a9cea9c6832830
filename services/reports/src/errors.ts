/**
 * The reports service's error catalogue and its single HTTP error shape:
 *   { "error": { "code": "REPORTS_…", "message": "…", "details": [{ "parameter": "…", "expected": "…" }] } }
 */
import type { ErrorBody, ErrorDetail } from '@servq/query-api';

export const ReportsErrorCode = {
  BadSubscriptions: 'REPORTS_BAD_SUBSCRIPTIONS',
  BadParameter: 'REPORTS_BAD_PARAMETER',
  Unauthorized: 'REPORTS_UNAUTHORIZED',
  Forbidden: 'REPORTS_FORBIDDEN',
  NotFound: 'REPORTS_NOT_FOUND',
  RenderFailed: 'REPORTS_RENDER_FAILED',
  QueryFailed: 'REPORTS_QUERY_FAILED',
  ShuttingDown: 'REPORTS_SHUTTING_DOWN',
  Internal: 'REPORTS_INTERNAL',
} as const;
export type ReportsErrorCode = (typeof ReportsErrorCode)[keyof typeof ReportsErrorCode];

const statusByCode: Record<ReportsErrorCode, number> = {
  REPORTS_BAD_SUBSCRIPTIONS: 500,
  REPORTS_BAD_PARAMETER: 400,
  REPORTS_UNAUTHORIZED: 401,
  REPORTS_FORBIDDEN: 403,
  REPORTS_NOT_FOUND: 404,
  REPORTS_RENDER_FAILED: 502,
  REPORTS_QUERY_FAILED: 502,
  REPORTS_SHUTTING_DOWN: 503,
  REPORTS_INTERNAL: 500,
};

export class ReportsError extends Error {
  readonly statusCode: number;
  readonly details: ErrorDetail[];
  constructor(
    readonly code: ReportsErrorCode,
    message: string,
    options: { cause?: unknown; details?: ErrorDetail[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ReportsError';
    this.statusCode = statusByCode[code];
    this.details = options.details ?? [];
  }
}

export function isReportsError(error: unknown): error is ReportsError {
  return error instanceof ReportsError;
}

export function errorBody(error: ReportsError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

export function toReportsError(error: unknown): ReportsError {
  if (isReportsError(error)) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ReportsError(ReportsErrorCode.BadParameter, (error as Error).message, { cause: error });
  }
  return new ReportsError(ReportsErrorCode.Internal, 'internal error', { cause: error });
}
