/**
 * The alerts service's error catalogue and its single HTTP error shape:
 *   { "error": { "code": "ALERTS_…", "message": "…", "details": [{ "parameter": "…", "expected": "…" }] } }
 */
import type { ErrorBody, ErrorDetail } from '@servq/query-api';

export const AlertsErrorCode = {
  BadRules: 'ALERTS_BAD_RULES',
  BadParameter: 'ALERTS_BAD_PARAMETER',
  Unauthorized: 'ALERTS_UNAUTHORIZED',
  Forbidden: 'ALERTS_FORBIDDEN',
  NotFound: 'ALERTS_NOT_FOUND',
  NotReady: 'ALERTS_NOT_READY',
  QueryFailed: 'ALERTS_QUERY_FAILED',
  DeliveryFailed: 'ALERTS_DELIVERY_FAILED',
  Internal: 'ALERTS_INTERNAL',
} as const;
export type AlertsErrorCode = (typeof AlertsErrorCode)[keyof typeof AlertsErrorCode];

const statusByCode: Record<AlertsErrorCode, number> = {
  ALERTS_BAD_RULES: 500,
  ALERTS_BAD_PARAMETER: 400,
  ALERTS_UNAUTHORIZED: 401,
  ALERTS_FORBIDDEN: 403,
  ALERTS_NOT_FOUND: 404,
  ALERTS_NOT_READY: 503,
  ALERTS_QUERY_FAILED: 502,
  ALERTS_DELIVERY_FAILED: 502,
  ALERTS_INTERNAL: 500,
};

export class AlertsError extends Error {
  readonly statusCode: number;
  readonly retryable: boolean;
  readonly details: ErrorDetail[];
  constructor(
    readonly code: AlertsErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean; details?: ErrorDetail[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AlertsError';
    this.statusCode = statusByCode[code];
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? [];
  }
}

export function isAlertsError(error: unknown): error is AlertsError {
  return error instanceof AlertsError;
}

export function errorBody(error: AlertsError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

/** Any error as the service's error, so the one handler can answer it. */
export function toAlertsError(error: unknown): AlertsError {
  if (isAlertsError(error)) return error;
  const status = (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AlertsError(AlertsErrorCode.BadParameter, (error as Error).message, { cause: error });
  }
  return new AlertsError(AlertsErrorCode.Internal, 'internal error', { cause: error });
}
