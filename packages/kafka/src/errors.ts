/** Errors of the Kafka adapter: codes, one class carrying `code`, `cause` and retryability, and a guard. */
export const KafkaErrorCode = {
  ProduceTimeout: 'KAFKA_PRODUCE_TIMEOUT',
  ProduceFailed: 'KAFKA_PRODUCE_FAILED',
  NotConnected: 'KAFKA_NOT_CONNECTED',
} as const;
export type KafkaErrorCode = (typeof KafkaErrorCode)[keyof typeof KafkaErrorCode];

export class KafkaAdapterError extends Error {
  constructor(
    readonly code: KafkaErrorCode,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KafkaAdapterError';
  }
}

export function isKafkaAdapterError(error: unknown): error is KafkaAdapterError {
  return error instanceof KafkaAdapterError;
}
