import { describe, expect, it } from 'vitest';
import { boundedRetry } from './producer.ts';

describe('boundedRetry', () => {
  it.each([1000, 2500, 5000, 30_000])('keeps the worst-case backoff of a %i ms budget inside it', (budget) => {
    const { initialRetryTime, maxRetryTime, retries } = boundedRetry(budget);
    let worst = 0;
    for (let i = 0, wait = initialRetryTime; i < retries; i++, wait *= 2) worst += Math.min(wait, maxRetryTime) * 1.2;
    expect(worst).toBeLessThanOrEqual(budget);
    expect(retries).toBeGreaterThanOrEqual(1);
  });

  it('allows more retries for a longer budget', () => {
    expect(boundedRetry(30_000).retries).toBeGreaterThan(boundedRetry(2500).retries);
  });
});
