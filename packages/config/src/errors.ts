/** Errors of the configuration package: one code, every problem of the environment listed at once. */
export const ConfigErrorCode = { Invalid: 'CONFIG_INVALID' } as const;
export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode];

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  readonly code: ConfigErrorCode = ConfigErrorCode.Invalid;
  readonly retryable = false;
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
