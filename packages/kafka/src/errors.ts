/**
 * Errors of the Kafka adapter: codes, one class carrying `code`, `cause`, and what the failure means for the
 * caller (`kind`), and a guard. The implementation classifies its library's errors by their protocol meaning
 * (error types and the library's own retriable flag), never by message text.
 */
export const KafkaErrorCode = {
  ProduceTimeout: 'KAFKA_PRODUCE_TIMEOUT',
  ProduceFailed: 'KAFKA_PRODUCE_FAILED',
  NotConnected: 'KAFKA_NOT_CONNECTED',
  CommitFailed: 'KAFKA_COMMIT_FAILED',
  HeartbeatFailed: 'KAFKA_HEARTBEAT_FAILED',
} as const;
export type KafkaErrorCode = (typeof KafkaErrorCode)[keyof typeof KafkaErrorCode];

/**
 * - `retryable`: try the same again later (a broker down, a leader moving, a timeout).
 * - `needs-rejoin`: the group changed hands (a rebalance, a fenced or unknown member): what this member holds is
 *   no longer its own; it rejoins and starts from the committed offsets.
 * - `fatal`: retrying cannot help (bad configuration, authorisation, a bug).
 */
export type KafkaErrorKind = 'retryable' | 'needs-rejoin' | 'fatal';

export class KafkaAdapterError extends Error {
  constructor(
    readonly code: KafkaErrorCode,
    message: string,
    readonly kind: KafkaErrorKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KafkaAdapterError';
  }

  get retryable(): boolean {
    return this.kind !== 'fatal';
  }
}

export function isKafkaAdapterError(error: unknown, kind?: KafkaErrorKind): error is KafkaAdapterError {
  return error instanceof KafkaAdapterError && (kind === undefined || error.kind === kind);
}
