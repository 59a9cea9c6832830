import { rigaDateTimeToInstant } from '@servq/contracts';
import { describe, expect, it } from 'vitest';
import { dueWeek, firstWorkingDayOfWeek, weekMonday } from './week.ts';

describe('digest weeks', () => {
  it('starts the week on Monday', () => {
    expect(weekMonday('2026-12-06')).toBe('2026-11-30');
    expect(weekMonday('2026-11-30')).toBe('2026-11-30');
  });

  it('moves the digest to Tuesday when Monday is a Latvian public holiday', () => {
    expect(firstWorkingDayOfWeek('2026-12-02')).toBe('2026-11-30');
    // Easter Monday 2026.
    expect(firstWorkingDayOfWeek('2026-04-08')).toBe('2026-04-07');
    // 4 May 2026, Restoration of Independence Day, is a Monday.
    expect(firstWorkingDayOfWeek('2026-05-04')).toBe('2026-05-05');
    // 5 May 2025 was the substitute day off for 4 May falling on a Sunday.
    expect(firstWorkingDayOfWeek('2025-05-07')).toBe('2025-05-06');
  });

  it('is due from 07:00 Riga time on the first working day until the week ends, and not before', () => {
    const monday = '2026-11-30';
    expect(dueWeek(rigaDateTimeToInstant(monday, '06:59'))).toBeNull();
    expect(dueWeek(rigaDateTimeToInstant(monday, '07:00'))).toEqual({ week: '2026-W49', firstDay: monday });
    expect(dueWeek(rigaDateTimeToInstant('2026-12-06', '23:59'))).toEqual({ week: '2026-W49', firstDay: monday });
    // Easter Monday: nothing that day, the digest on Tuesday morning.
    expect(dueWeek(rigaDateTimeToInstant('2026-04-06', '09:00'))).toBeNull();
    expect(dueWeek(rigaDateTimeToInstant('2026-04-07', '07:30'))).toEqual({ week: '2026-W15', firstDay: '2026-04-07' });
    // In winter Riga is UTC+2: 05:30 UTC on Monday is 07:30 there.
    expect(dueWeek(new Date('2026-11-30T05:30:00Z'))?.week).toBe('2026-W49');
    expect(dueWeek(new Date('2026-11-30T04:30:00Z'))).toBeNull();
  });
});
