import { describe, expect, it } from 'vitest';
import { partialPeriods, periodEnd } from './periods.shape.ts';

describe('partial periods of a trend', () => {
  it('knows where each grain ends', () => {
    expect(periodEnd('2026-02-01', 'month')).toBe('2026-02-28');
    expect(periodEnd('2026-10-01', 'quarter')).toBe('2026-12-31');
    expect(periodEnd('2026-11-30', 'week')).toBe('2026-12-06');
    expect(periodEnd('2026-12-03', 'day')).toBe('2026-12-03');
  });

  it('marks three days of December as partial, and a first month entered mid-way', () => {
    const periods = ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'];
    expect(partialPeriods(periods, 'month', '2026-07-15', '2026-12-31', '2026-12-03')).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('leaves whole periods unmarked', () => {
    expect(partialPeriods(['2026-10-01', '2026-11-01'], 'month', '2026-10-01', '2026-11-30', '2026-12-03')).toEqual([
      false,
      false,
    ]);
  });
});
