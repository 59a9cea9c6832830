import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { boundedRetry, isSequenceDesync } from './acked.producer.ts';

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

describe('isSequenceDesync', () => {
  it('recognises an out-of-order sequence error wrapped in kafkajs retry errors', () => {
    // kafkajs builds a protocol error from the broker's error entry (its types declare only an Error).
    const protocol = new KafkaJSProtocolError(
      Object.assign(new Error('The broker received an out of order sequence number'), {
        type: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
        code: 45,
        retriable: false,
      }),
    );
    const wrapped = new KafkaJSNumberOfRetriesExceeded(protocol, { retryCount: 0, retryTime: 100 });
    expect(isSequenceDesync(protocol)).toBe(true);
    expect(isSequenceDesync(wrapped)).toBe(true);
    expect(isSequenceDesync(new Error('produce failed', { cause: wrapped }))).toBe(true);
  });

  it('leaves other failures (a broker that is down, a leader election) to the ordinary retries', () => {
    const notLeader = new KafkaJSProtocolError(
      Object.assign(new Error('This server is not the leader for that topic-partition'), {
        type: 'NOT_LEADER_FOR_PARTITION',
        code: 6,
        retriable: true,
      }),
    );
    expect(isSequenceDesync(notLeader)).toBe(false);
    expect(isSequenceDesync(new Error('connect ECONNREFUSED 127.0.0.1:9092'))).toBe(false);
    expect(isSequenceDesync(undefined)).toBe(false);
  });
});
