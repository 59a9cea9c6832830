import { describe, expect, it } from 'vitest';
import type { LakeRecord } from './message.decoder.ts';
import { PartitionBuffer, offsetBefore } from './partition.buffer.ts';

const record = (offset: number, bytes = 10): LakeRecord => ({
  table: 'visit_events',
  date: '2026-03-02',
  offset: String(offset),
  row: { head: Buffer.from('{'), tail: '}' },
  bytes,
  rejected: false,
});
const policy = { maxEvents: 3, maxBytes: 100, maxAgeMs: 1000, maxBufferedBytes: 1000 };

describe('PartitionBuffer', () => {
  it('is due by event count, by bytes, and by the age of its oldest record', () => {
    const byCount = new PartitionBuffer();
    [1, 2, 3].forEach((o) => byCount.append(record(o), 0));
    expect(byCount.dueReason(policy, 0)).toBe('events');

    const byBytes = new PartitionBuffer();
    byBytes.append(record(1, 100), 0);
    expect(byBytes.dueReason(policy, 0)).toBe('bytes');

    const byAge = new PartitionBuffer();
    byAge.append(record(1), 5000);
    byAge.append(record(2), 5900);
    expect(byAge.dueReason(policy, 5999)).toBeUndefined();
    expect(byAge.dueReason(policy, 6000)).toBe('age');
  });

  it('drains everything and starts the age clock again', () => {
    const buffer = new PartitionBuffer();
    buffer.append(record(1), 0);
    expect(buffer.drain().map((r) => r.offset)).toEqual(['1']);
    expect(buffer.size).toBe(0);
    expect(buffer.dueReason(policy, 10_000)).toBeUndefined();
  });

  it('refuses records out of offset order', () => {
    const buffer = new PartitionBuffer();
    buffer.append(record(5), 0);
    expect(() => buffer.append(record(5), 0)).toThrow(/offset order/);
  });

  it('orders offsets as numbers, beyond the safe integer range too', () => {
    expect(offsetBefore('9', '10')).toBe(true);
    expect(offsetBefore('10', '9')).toBe(false);
    expect(offsetBefore('10', '10')).toBe(false);
    expect(offsetBefore('9007199254740993', '9007199254740994')).toBe(true);
    expect(offsetBefore('123', '124')).toBe(true);
  });
});
