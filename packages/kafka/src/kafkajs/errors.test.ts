import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kindOf } from './errors.ts';

/** kafkajs builds a protocol error from the broker's error entry (its types declare only an Error). */
const protocol = (type: string, retriable: boolean) =>
  new KafkaJSProtocolError(Object.assign(new Error('some broker text'), { type, code: 0, retriable }));

describe('kafkajs errors classified by meaning', () => {
  it('takes a changed group for a rejoin, however deeply kafkajs wrapped it', () => {
    expect(kindOf(protocol('REBALANCE_IN_PROGRESS', false))).toBe('needs-rejoin');
    expect(kindOf(protocol('UNKNOWN_MEMBER_ID', false))).toBe('needs-rejoin');
    const wrapped = new KafkaJSNumberOfRetriesExceeded(protocol('ILLEGAL_GENERATION', false), {
      retryCount: 5,
      retryTime: 100,
    });
    expect(kindOf(new Error('commit failed', { cause: wrapped }))).toBe('needs-rejoin');
  });

  it('takes a broker that is away or a leader that moves for retryable', () => {
    expect(kindOf(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'))).toBe('retryable');
    expect(kindOf(protocol('NOT_LEADER_FOR_PARTITION', true))).toBe('retryable');
  });

  it('takes what retrying cannot mend for fatal', () => {
    expect(kindOf(protocol('TOPIC_AUTHORIZATION_FAILED', false))).toBe('fatal');
    expect(kindOf(new TypeError('undefined is not a function'))).toBe('fatal');
    expect(kindOf(undefined)).toBe('fatal');
  });
});
