/** Waiting for a condition to become true: a server to answer, a message to arrive. */
import { setMaxListeners } from 'node:events';
import pWaitFor from 'p-wait-for';

export interface PollOptions {
  /** Time between two checks. */
  intervalMs: number;
  /** How long to wait in all before giving up. */
  timeoutMs: number;
}

/** The condition did not become true in time. */
export class PollTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the condition did not hold within ${timeoutMs} ms`);
    this.name = 'PollTimeoutError';
  }
}

/**
 * Checks `condition` every `intervalMs` until it returns true, or rejects with a `PollTimeoutError` after
 * `timeoutMs`; an error thrown by `condition` rejects at once. p-wait-for does the polling. Given a timeout,
 * its 6.0.0 adds an abort listener to its deadline signal for every interval and removes them only when it
 * returns, so past ten intervals Node warned of a listener leak in every long wait (server start-ups, tests).
 * The deadline here is our own signal, its listener limit set to the most such a wait can add.
 */
export async function pollUntil(
  condition: () => boolean | Promise<boolean>,
  { intervalMs, timeoutMs }: PollOptions,
): Promise<void> {
  const deadline = AbortSignal.timeout(timeoutMs);
  setMaxListeners(Math.ceil(timeoutMs / Math.max(1, intervalMs)) + 2, deadline);
  try {
    await pWaitFor(condition, { interval: intervalMs, signal: deadline });
  } catch (error) {
    if (deadline.aborted && error === deadline.reason) throw new PollTimeoutError(timeoutMs);
    throw error;
  }
}
