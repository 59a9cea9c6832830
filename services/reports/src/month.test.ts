import { describe, expect, it } from 'vitest';
import { dueMonth, firstWorkingDay, monthRange, previousMonth } from './month.ts';

describe('report months', () => {
  it('spans a month from its first to its last day, leap years included', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2027-01')).toBe('2026-12');
  });

  it("skips weekends and Latvian public holidays to the month's first working day", () => {
    // 1 January 2027 is a Friday and a public holiday; the 2nd and 3rd are a weekend.
    expect(firstWorkingDay('2027-01')).toBe('2027-01-04');
    // 1 May 2027 (Labour Day, Constitutional Assembly) is a Saturday.
    expect(firstWorkingDay('2027-05')).toBe('2027-05-03');
    expect(firstWorkingDay('2026-12')).toBe('2026-12-01');
  });

  it('makes the previous month due from the first working day, Riga time, and nothing before it', () => {
    // 2027-01-03 23:30 in Riga is still Sunday; 22:30 UTC on the 3rd is 00:30 on Monday the 4th in Riga.
    expect(dueMonth(new Date('2027-01-03T21:30:00Z'))).toBeNull();
    expect(dueMonth(new Date('2027-01-03T22:30:00Z'))).toBe('2026-12');
    expect(dueMonth(new Date('2027-01-20T12:00:00Z'))).toBe('2026-12');
  });
});
