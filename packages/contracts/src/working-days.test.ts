import { describe, expect, it } from 'vitest';
import { addMonths, rigaDate, rigaDateTimeToInstant } from './dates.ts';
import { latvianPublicHolidays } from './reference/calendar.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, workingDaysBetween } from './working-days.ts';

describe('isWorkingDay', () => {
  it.each([
    ['2025-12-23', true, 'an ordinary Tuesday'],
    ['2025-12-24', false, 'Christmas Eve, a public holiday'],
    ['2025-12-31', false, "New Year's Eve, a public holiday"],
    ['2025-05-05', false, 'the Monday after 4 May falling on a Sunday'],
    ['2025-05-02', false, 'a Friday moved to Saturday 10 May by the Cabinet'],
    ['2025-05-10', true, 'the Saturday worked instead of 2 May'],
    ['2025-11-17', false, 'a Monday moved to Saturday 8 November'],
    ['2025-11-08', true, 'the Saturday worked instead of 17 November'],
    ['2026-01-02', false, 'a Friday moved to Saturday 17 January'],
    ['2026-01-17', true, 'the Saturday worked instead of 2 January'],
    ['2026-06-22', false, 'the Monday before Līgo, moved to 27 June'],
    ['2026-06-27', true, 'the Saturday worked instead of 22 June'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-03-08', false, 'an ordinary Sunday'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('working-day arithmetic', () => {
  it('counts from the day after and skips the Christmas holidays and weekend', () => {
    expect(addWorkingDays('2025-12-23', 1)).toBe('2025-12-29');
  });

  it('crosses the year boundary past New Year and the moved 2 January', () => {
    expect(addWorkingDays('2025-12-30', 1)).toBe('2026-01-05');
  });

  it('counts a moved working Saturday as a working day', () => {
    expect(addWorkingDays('2026-01-16', 1)).toBe('2026-01-17');
    expect(addWorkingDays('2026-06-26', 1)).toBe('2026-06-27');
  });

  it('without moved working days the same period ends later', () => {
    expect(addWorkingDays('2026-06-26', 1, { movedWorkingDays: [] })).toBe('2026-06-29');
  });

  it('treats zero working days as the same date', () => {
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
  });

  it('finds the next working day on or after a holiday', () => {
    expect(nextWorkingDayOnOrAfter('2025-12-24')).toBe('2025-12-29');
    expect(nextWorkingDayOnOrAfter('2026-03-02')).toBe('2026-03-02');
  });

  it('counts working days in a half-open range', () => {
    expect(workingDaysBetween('2025-12-19', '2026-01-07')).toBe(7);
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween('2026-03-09', '2026-03-02')).toBe(0);
  });
});

describe('Latvian public holidays', () => {
  it('lists the 2026 days off from the library, without observances such as Mothers’ Day', () => {
    expect(latvianPublicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-04',
      '2026-06-23',
      '2026-06-24',
      '2026-11-18',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
  });
});

describe('dates', () => {
  it('adds calendar months, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-10', 4)).toBe('2026-03-10');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('tells the Riga date of an instant in winter and in summer time', () => {
    expect(rigaDate('2026-03-01T21:59:59Z')).toBe('2026-03-01');
    expect(rigaDate('2026-03-01T22:00:00Z')).toBe('2026-03-02');
    expect(rigaDate('2026-07-01T21:00:00Z')).toBe('2026-07-02');
  });

  it('turns a Riga wall-clock time into an instant across daylight saving', () => {
    expect(rigaDateTimeToInstant('2026-03-02', '08:30').toISOString()).toBe('2026-03-02T06:30:00.000Z');
    expect(rigaDateTimeToInstant('2026-07-01', '08:30').toISOString()).toBe('2026-07-01T05:30:00.000Z');
  });
});
