import { describe, expect, it } from 'vitest';
import { createDedupWindow } from './dedup.ts';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `id-${from + i}`);

describe('dedup window', () => {
  it('reports an acknowledged id as seen throughout the window', () => {
    let clock = 0;
    const dedup = createDedupWindow({ windowMs: 1000, maxEntries: 100, now: () => clock });
    dedup.remember(['a']);
    expect(dedup.seen('a')).toBe(true);
    expect(dedup.seen('b')).toBe(false);
    clock = 999;
    expect(dedup.seen('a')).toBe(true);
    // A rotation at the window's end keeps the id one more generation: still inside its window.
    clock = 1000;
    dedup.remember(['b']);
    expect(dedup.seen('a')).toBe(true);
  });

  it('forgets an id once two windows have passed without it', () => {
    let clock = 0;
    const dedup = createDedupWindow({ windowMs: 1000, maxEntries: 100, now: () => clock });
    dedup.remember(['a']);
    clock = 1500;
    dedup.remember(['b']);
    clock = 2600;
    expect(dedup.seen('a')).toBe(false);
    expect(dedup.seen('b')).toBe(true);
    clock = 10_000;
    expect(dedup.seen('b')).toBe(false);
    expect(dedup.size).toBe(0);
  });

  it('holds at most maxEntries ids and keeps at least the newest half of them', () => {
    const dedup = createDedupWindow({ windowMs: 60_000, maxEntries: 100 });
    for (let from = 0; from < 1000; from += 10) {
      dedup.remember(ids(from, 10));
      expect(dedup.size).toBeLessThanOrEqual(100);
    }
    expect(ids(950, 50).every((id) => dedup.seen(id))).toBe(true);
    expect(dedup.seen('id-0')).toBe(false);
  });
});
