/**
 * Working-day arithmetic on the Riga calendar: weekends, Latvian public holidays and the Cabinet's moved working
 * days. Periods counted in working days start on the day after the event (a complaint received on Monday has its
 * first working day on Tuesday), as the Administrative Procedure Law counts them.
 */
import { addDays, isoWeekday, type IsoDate } from './dates.ts';
import { isPublicHoliday, MOVED_WORKING_DAYS, type MovedWorkingDay } from './reference/calendar.ts';

export interface WorkingCalendar {
  movedWorkingDays: readonly MovedWorkingDay[];
}

export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = { movedWorkingDays: MOVED_WORKING_DAYS };

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): boolean {
  if (calendar.movedWorkingDays.some((m) => m.workedOn === date)) return true;
  if (calendar.movedWorkingDays.some((m) => m.dayOff === date)) return false;
  if (isoWeekday(date) >= 6) return false;
  return !isPublicHoliday(date);
}

/** The `count`-th working day after `date` (count ≥ 1); count 0 returns `date` itself. */
export function addWorkingDays(
  date: IsoDate,
  count: number,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): IsoDate {
  let day = date;
  for (let remaining = count; remaining > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) remaining -= 1;
  }
  return day;
}

/** `date` when it is a working day, else the next one: where a period ending on a day off really ends. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): IsoDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/** Working days in the half-open range (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}
