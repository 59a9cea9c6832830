import { describe, expect, it } from 'vitest';
import { isoWeekNumber, isoWeekOf, writtenDate, writtenDateTime, writtenWeek } from './dates.ts';

describe('writtenDate', () => {
  it('writes a date day first, with dots in Latvian and slashes in English', () => {
    expect(writtenDate('2026-12-04', 'lv')).toBe('04.12.2026');
    expect(writtenDate('2026-12-04', 'en')).toBe('04/12/2026');
  });

  it('leaves what is not an ISO date as it is', () => {
    expect(writtenDate('2026-W49', 'lv')).toBe('2026-W49');
  });
});

describe('writtenDateTime', () => {
  it('writes an instant on the Riga wall clock, in winter and in summer', () => {
    expect(writtenDateTime('2026-12-01T08:00:00Z', 'lv')).toBe('01.12.2026\u00a010:00');
    expect(writtenDateTime('2026-07-01T21:30:00.000Z', 'en')).toBe('02/07/2026\u00a000:30');
  });

  it('leaves what is not an instant as it is', () => {
    expect(writtenDateTime('soon', 'lv')).toBe('soon');
  });
});

describe('writtenWeek', () => {
  it("names a date's ISO week short, as a weekly chart's axis writes it", () => {
    expect(writtenWeek('2026-11-30', 'lv')).toBe('ned. 49');
    expect(writtenWeek('2026-12-06', 'en')).toBe('wk 49');
    // The first days of 2027 belong to 2026's last week, the year of its Thursday.
    expect(isoWeekNumber('2027-01-01')).toBe(53);
    expect(isoWeekNumber('2026-01-01')).toBe(1);
  });

  it('names a week in full for a heading or a subject, from a date or an ISO week', () => {
    expect(writtenWeek('2026-W49', 'lv', 'title')).toBe('49. nedēļa');
    expect(writtenWeek('2026-W49', 'en', 'title')).toBe('week 49');
    expect(writtenWeek('2026-12-03', 'lv', 'title')).toBe('49. nedēļa');
    // The ISO week's own number, not a date's: "2026-W53" holds 1 January 2027.
    expect(writtenWeek('2026-W53', 'en', 'title')).toBe('week 53');
    expect(writtenWeek('2026-W05', 'lv')).toBe('ned. 5');
  });
});

describe('isoWeekOf', () => {
  it('names ISO weeks by the year of their Thursday, 53-week years included', () => {
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49');
    // 2026 starts on a Thursday, so it has 53 weeks, and 1 January 2027 (a Friday) is in its last.
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    // 29 December 2025 (a Monday) starts 2026's first week.
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });
});
