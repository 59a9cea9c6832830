/**
 * Errors of the lander: one class carrying a code, the cause and whether a retry can help. The consume loop
 * is the only place that decides what to do with them (retry, give up the batch, or stop).
 */
export const LanderErrorCode = {
  S3Failed: 'LANDER_S3_FAILED',
  ParquetFailed: 'LANDER_PARQUET_FAILED',
  KafkaCommitFailed: 'LANDER_KAFKA_COMMIT_FAILED',
  PartitionRevoked: 'LANDER_PARTITION_REVOKED',
  Stopped: 'LANDER_STOPPED',
  CorruptCheckpoint: 'LANDER_CORRUPT_CHECKPOINT',
  CompactionFailed: 'LANDER_COMPACTION_FAILED',
} as const;
export type LanderErrorCode = (typeof LanderErrorCode)[keyof typeof LanderErrorCode];

export class LanderError extends Error {
  constructor(
    readonly code: LanderErrorCode,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LanderError';
  }
}

export function isLanderError(error: unknown, code?: LanderErrorCode): error is LanderError {
  return error instanceof LanderError && (code === undefined || error.code === code);
}
