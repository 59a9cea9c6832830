/**
 * Errors of the contracts package. Validation of events never throws (it returns a result); these are for
 * programming and configuration mistakes: a missing secret, a date outside the rules, an unknown office.
 */
export const ContractsErrorCode = {
  SecretTooShort: 'CONTRACTS_SECRET_TOO_SHORT',
  InvalidDate: 'CONTRACTS_INVALID_DATE',
  NoRuleInForce: 'CONTRACTS_NO_RULE_IN_FORCE',
  UnknownOffice: 'CONTRACTS_UNKNOWN_OFFICE',
  UnknownEventType: 'CONTRACTS_UNKNOWN_EVENT_TYPE',
} as const;
export type ContractsErrorCode = (typeof ContractsErrorCode)[keyof typeof ContractsErrorCode];

export interface ContractsErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class ContractsError extends Error {
  readonly retryable = false;
  readonly details: Record<string, unknown>;
  constructor(
    readonly code: ContractsErrorCode,
    message: string,
    options: ContractsErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ContractsError';
    this.details = options.details ?? {};
  }
}

export function isContractsError(error: unknown): error is ContractsError {
  return error instanceof ContractsError;
}
