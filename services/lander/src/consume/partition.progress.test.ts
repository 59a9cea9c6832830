import { describe, expect, it } from 'vitest';
import { ProgressTracker, type OffsetSample } from './partition.progress.ts';

const sample = (committed: string | null, end: string, partition = 0): OffsetSample => ({
  topic: 't',
  partition,
  committed,
  start: '0',
  end,
});

describe('ProgressTracker', () => {
  it('reports a partition stalled once events are behind it and its committed offset has not moved for the limit', () => {
    const tracker = new ProgressTracker(10_000);
    tracker.observe([sample('5', '9')], 0);
    tracker.observe([sample('5', '12')], 9_999);
    expect(tracker.progress(9_999)).toEqual([
      { topic: 't', partition: 0, lag: 7, sinceProgressMs: 9_999, stalled: false },
    ]);
    expect(tracker.anyStalled(9_999)).toBe(false);
    // No new sample (Kafka unreachable) does not stop the clock.
    expect(tracker.progress(10_000)).toMatchObject([{ lag: 7, stalled: true }]);
    expect(tracker.anyStalled(10_000)).toBe(true);
  });

  it('restarts the clock when the committed offset moves, and never stalls a partition with nothing behind it', () => {
    const tracker = new ProgressTracker(1_000);
    tracker.observe([sample('5', '9'), sample('3', '3', 1)], 0);
    tracker.observe([sample('6', '9'), sample('3', '3', 1)], 900);
    expect(tracker.progress(1_800)).toMatchObject([
      { partition: 0, lag: 3, sinceProgressMs: 900, stalled: false },
      { partition: 1, lag: 0, stalled: false },
    ]);
    expect(tracker.progress(5_000)).toMatchObject([
      { partition: 0, stalled: true },
      { partition: 1, stalled: false },
    ]);
  });

  it('counts a partition without a commit from its first offset, and forgets partitions no longer assigned', () => {
    const tracker = new ProgressTracker(1_000);
    tracker.observe([{ topic: 't', partition: 0, committed: null, start: '40', end: '50' }, sample('1', '2', 1)], 0);
    expect(tracker.progress(0).map((p) => [p.partition, p.lag])).toEqual([
      [0, 10],
      [1, 1],
    ]);
    tracker.observe([sample('1', '2', 1)], 500);
    expect(tracker.progress(2_000).map((p) => [p.partition, p.stalled])).toEqual([[1, true]]);
    // Assigned again later: its clock starts anew.
    tracker.observe([sample('0', '5', 0), sample('1', '2', 1)], 2_000);
    expect(tracker.progress(2_500).map((p) => [p.partition, p.stalled])).toEqual([
      [1, true],
      [0, false],
    ]);
  });
});
