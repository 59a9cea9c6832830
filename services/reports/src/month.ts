/**
 * Report months (`YYYY-MM`) and when they are due: a month's report goes out on the first working day of the
 * next month, Riga time (weekends, Latvian public holidays and moved working days from packages/contracts).
 */
import { addDays, isWorkingDay, rigaDate, type IsoDate } from '@servq/contracts';
import type { Lang } from '@servq/query-api';

export type Month = string;

export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's first and last day. */
export function monthRange(month: Month): { from: IsoDate; to: IsoDate } {
  const from = `${month}-01`;
  return { from, to: addDays(nextMonth(month) + '-01', -1) };
}

export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The first working day of a month. */
export function firstWorkingDay(month: Month): IsoDate {
  let day = `${month}-01`;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The month whose report is due at `now`: the previous month, from the first working day of this month (Riga
 * time) to the month's end — so a service that was down on that day still sends, late, on its next start.
 * Null before that day.
 */
export function dueMonth(now: Date): Month | null {
  const today = rigaDate(now);
  const thisMonth = today.slice(0, 7);
  return today >= firstWorkingDay(thisMonth) ? previousMonth(thisMonth) : null;
}

/**
 * The month as a reader writes it, for subjects and page headers: "2026. gada novembris", "November 2026". The
 * month's name is ICU's; the Latvian year takes "gada" in full, as in a dated document, not ICU's "g.".
 */
export function monthTitle(month: Month, lang: Lang): string {
  const [year] = month.split('-');
  const name = new Intl.DateTimeFormat(lang === 'lv' ? 'lv-LV' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-15T00:00:00Z`),
  );
  return lang === 'lv' ? `${year}. gada ${name}` : `${name} ${year}`;
}
