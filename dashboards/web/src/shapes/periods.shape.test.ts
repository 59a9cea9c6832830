import { describe, expect, it } from 'vitest';
import { beforeData, dataStartOf, partialPeriods, periodEnd, rigaDateOf } from './periods.shape.ts';

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

describe('where the data starts', () => {
  it('marks the first period partial when the data starts mid-period, though the range starts earlier', () => {
    // Range from July; the demo data starts on 5 October; newest event 4 December.
    const periods = ['2026-10-01', '2026-11-01', '2026-12-01'];
    expect(partialPeriods(periods, 'month', '2026-07-01', '2026-12-04', '2026-12-04', '2026-10-05')).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('leaves the first period whole when the data starts on its first day', () => {
    expect(
      partialPeriods(['2026-10-01', '2026-11-01'], 'month', '2026-07-01', '2026-11-30', null, '2026-10-01'),
    ).toEqual([false, false]);
  });

  it('marks the week the data starts in, not the empty weeks before it, which are gaps', () => {
    const weeks = ['2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'];
    expect(partialPeriods(weeks, 'week', '2026-09-21', '2026-10-18', null, '2026-10-07')).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(beforeData(weeks, 'week', '2026-10-07')).toEqual([true, true, false, false]);
    expect(beforeData(weeks, 'week', null)).toEqual([false, false, false, false]);
  });

  it("takes the model's own first date over the oldest event (a booking weeks ahead is older than any survey)", () => {
    const freshness = {
      newestEventAt: '2026-12-04T14:00:00Z',
      oldestEventAt: '2026-09-21T17:01:30Z',
      dataStart: { surveys: '2026-10-04', visits: '2026-09-21' },
      syncedAt: null,
      dataVersion: 1,
    };
    expect(dataStartOf(freshness, 'surveys')).toBe('2026-10-04');
    expect(dataStartOf(freshness, 'feedback')).toBe('2026-09-21');
    expect(dataStartOf({ ...freshness, oldestEventAt: null, dataStart: {} }, 'surveys')).toBeNull();
  });

  it('reads the data start as a Riga date', () => {
    expect(rigaDateOf('2026-10-04T22:30:00Z')).toBe('2026-10-05');
    expect(rigaDateOf(null)).toBeNull();
  });
});
