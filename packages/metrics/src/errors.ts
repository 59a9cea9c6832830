/**
 * Errors of the metrics package: a request that names something the catalogue does not know, or combines
 * things that do not fit. Each carries the parameter at fault and what was expected, so an HTTP layer can
 * answer a 400 that tells the caller exactly what to change.
 */
export const MetricsErrorCode = {
  UnknownMetric: 'METRICS_UNKNOWN_METRIC',
  UnknownDimension: 'METRICS_UNKNOWN_DIMENSION',
  DimensionNotAvailable: 'METRICS_DIMENSION_NOT_AVAILABLE',
  InvalidRange: 'METRICS_INVALID_RANGE',
  InvalidRequest: 'METRICS_INVALID_REQUEST',
} as const;
export type MetricsErrorCode = (typeof MetricsErrorCode)[keyof typeof MetricsErrorCode];

export interface MetricsErrorDetails {
  parameter: string;
  expected: string;
  received?: unknown;
}

export class MetricsError extends Error {
  readonly retryable = false;
  constructor(
    readonly code: MetricsErrorCode,
    message: string,
    readonly details: MetricsErrorDetails,
  ) {
    super(message);
    this.name = 'MetricsError';
  }
}

export function isMetricsError(error: unknown): error is MetricsError {
  return error instanceof MetricsError;
}
