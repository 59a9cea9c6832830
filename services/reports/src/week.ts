/**
 * Digest weeks (ISO `YYYY-Www`) and when a week's deadline digest is due: from 07:00 Riga time on the week's
 * first working day — Monday, or the next working day when Monday is a public holiday (weekends, Latvian public
 * holidays and moved working days from @servq/contracts, the calendar the deadlines themselves are counted on)
 * — until the week ends, so a service that was down that morning still sends, late, on its next start that week.
 */
import { addDays, isoWeekday, isWorkingDay, rigaDate, rigaMinuteOfDay, type IsoDate } from '@servq/contracts';
import { isoWeekOf } from '@servq/query-api';

/** An ISO week as ISO 8601 names it (`2026-W49`, @servq/query-api's isoWeekOf), in markers and Message-IDs. */
export type Week = string;

/** Before the offices open at 08:30, so the head reads it at the start of the day rather than at midnight. */
export const DIGEST_SEND_FROM = { hour: 7, minute: 0 };

export function weekMonday(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The first working day of the week (Monday to Sunday) that holds `date`; null for a week without one. */
export function firstWorkingDayOfWeek(date: IsoDate): IsoDate | null {
  const monday = weekMonday(date);
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (isWorkingDay(day)) return day;
  }
  return null;
}

export interface DueWeek {
  week: Week;
  /** The day the digest is meant for: the week's first working day. */
  firstDay: IsoDate;
}

/** The week whose digest is due at `now` (Riga time), or null before its first working day's morning. */
export function dueWeek(now: Date): DueWeek | null {
  const today = rigaDate(now);
  const firstDay = firstWorkingDayOfWeek(today);
  if (firstDay === null || today < firstDay) return null;
  if (today === firstDay && rigaMinuteOfDay(now) < DIGEST_SEND_FROM.hour * 60 + DIGEST_SEND_FROM.minute) return null;
  return { week: isoWeekOf(today), firstDay };
}
