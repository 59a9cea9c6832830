/**
 * Retrying an operation with exponential backoff until it succeeds or the caller gives up. The landing path
 * retries S3 without a bound: while it waits, the partition's consumption waits too, so memory stays bounded
 * and landing resumes by itself when the store comes back.
 */
export interface RetryOptions {
  /** First delay; doubles per attempt up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs: number;
  /** Stops retrying after this many attempts; unbounded when absent. */
  maxAttempts?: number;
  /** Called before every retry; throwing from it abandons the operation (e.g. the partition was revoked). */
  beforeRetry?: (error: unknown, attempt: number) => Promise<void> | void;
}

export function backoffDelay(attempt: number, minDelayMs: number, maxDelayMs: number): number {
  const exponential = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(attempt - 1, 30));
  // Full jitter in the upper half: spreads retries of many partitions without ever retrying at once.
  return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
}

export async function retrying<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (options.maxAttempts !== undefined && attempt >= options.maxAttempts) throw error;
      await options.beforeRetry?.(error, attempt);
      await new Promise((resolve) =>
        setTimeout(resolve, backoffDelay(attempt, options.minDelayMs ?? 100, options.maxDelayMs)),
      );
    }
  }
}
