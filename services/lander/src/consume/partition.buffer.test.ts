import { describe, expect, it } from 'vitest';
import type { DecodedBatch } from './fetched.batch.ts';
import { offsetBefore } from './offsets.ts';
import { PartitionBuffer } from './partition.buffer.ts';

/** A decoded batch of `rows` events at offsets first..first+rows-1. */
const batch = (first: number, bytes = 10, rows = 1): DecodedBatch => ({
  topic: 't',
  partition: 0,
  firstOffset: String(first),
  lastOffset: String(first + rows - 1),
  rows,
  repaired: 0,
  bytes,
  groups: [],
});
const policy = { maxEvents: 3, maxBytes: 100, maxAgeMs: 1000, maxBufferedBytes: 1000 };

describe('PartitionBuffer', () => {
  it('is due by event count, by bytes, and by the age of its oldest event', () => {
    const byCount = new PartitionBuffer();
    byCount.append(batch(1, 10, 2), 0);
    expect(byCount.dueReason(policy, 0)).toBeUndefined();
    byCount.append(batch(3), 0);
    expect(byCount.size).toBe(3);
    expect(byCount.dueReason(policy, 0)).toBe('events');

    const byBytes = new PartitionBuffer();
    byBytes.append(batch(1, 100), 0);
    expect(byBytes.dueReason(policy, 0)).toBe('bytes');

    const byAge = new PartitionBuffer();
    byAge.append(batch(1), 5000);
    byAge.append(batch(2), 5900);
    expect(byAge.dueReason(policy, 5999)).toBeUndefined();
    expect(byAge.dueReason(policy, 6000)).toBe('age');
  });

  it('drains everything and starts the age clock again', () => {
    const buffer = new PartitionBuffer();
    buffer.append(batch(1, 10, 4), 0);
    buffer.append(batch(5), 0);
    expect(buffer.drain().map((b) => [b.firstOffset, b.lastOffset])).toEqual([
      ['1', '4'],
      ['5', '5'],
    ]);
    expect(buffer.size).toBe(0);
    expect(buffer.dueReason(policy, 10_000)).toBeUndefined();
  });

  it('refuses batches out of offset order', () => {
    const buffer = new PartitionBuffer();
    buffer.append(batch(5, 10, 3), 0);
    expect(() => buffer.append(batch(7), 0)).toThrow(/offset order/);
    buffer.append(batch(8), 0);
    expect(buffer.size).toBe(4);
  });

  it('orders offsets as numbers, beyond the safe integer range too', () => {
    expect(offsetBefore('9', '10')).toBe(true);
    expect(offsetBefore('10', '9')).toBe(false);
    expect(offsetBefore('10', '10')).toBe(false);
    expect(offsetBefore('9007199254740993', '9007199254740994')).toBe(true);
    expect(offsetBefore('123', '124')).toBe(true);
  });
});
