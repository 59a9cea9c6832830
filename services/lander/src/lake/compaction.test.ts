import { describe, expect, it } from 'vitest';
import { finishedDays } from './compaction.ts';

describe('finishedDays', () => {
  it('lists the days before today in Riga, never today', () => {
    // 22:30 UTC on 2 March is already 3 March in Riga.
    expect(finishedDays(new Date('2026-03-02T22:30:00Z'), 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    expect(finishedDays(new Date('2026-03-02T10:00:00Z'), 1)).toEqual(['2026-03-01']);
  });
});
