import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil, PollTimeoutError } from './poll.ts';

describe('pollUntil', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  afterEach(() => {
    warnings.length = 0;
  });

  it('resolves once the condition holds, after many checks, without a listener-leak warning', async () => {
    let checks = 0;
    await pollUntil(() => (checks += 1) >= 40, { intervalMs: 1, timeoutMs: 10_000 });
    expect(checks).toBe(40);
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('rejects with PollTimeoutError when the condition does not hold in time', async () => {
    const started = Date.now();
    await expect(pollUntil(() => false, { intervalMs: 5, timeoutMs: 50 })).rejects.toBeInstanceOf(PollTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('rejects with the condition’s own error at once', async () => {
    await expect(
      pollUntil(
        () => {
          throw new Error('cannot check');
        },
        { intervalMs: 5, timeoutMs: 10_000 },
      ),
    ).rejects.toThrow('cannot check');
  });
});
