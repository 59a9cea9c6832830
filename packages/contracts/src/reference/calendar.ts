/**
 * Latvia's non-working days: public holidays come from the maintained `date-holidays` library (the law "Par
 * svētku, atceres un atzīmējamām dienām", including its rule that 4 May and 18 November falling on a weekend
 * give the next Monday off); the Cabinet's moved working days are ours to maintain, below.
 *
 * A moved working day (Labour Law, Section 133(4)): a lone working day between a holiday and a weekend becomes a
 * day off, and a Saturday of the same month becomes a working day instead. The Cabinet issues one order per year
 * ("Par darba dienu pārcelšanu <year>. gadā") for budget-funded institutions and recommends everyone follow it;
 * ATD does. Add next year's entries when the order is published (by 1 July of the year before).
 */
import Holidays from 'date-holidays';
import type { IsoDate } from '../dates.ts';

export interface MovedWorkingDay {
  /** The weekday that becomes a day off. */
  dayOff: IsoDate;
  /** The Saturday worked instead. */
  workedOn: IsoDate;
  source: string;
}

/**
 * Sources: the State Labour Inspectorate's notice for 2024; press reports quoting the Cabinet orders for 2025
 * (May: reported by la.lv; November: reported by jauns.lv and press.lv, October 2025) and 2026 (reported by
 * 1188.lv and jauns.lv, January 2026). Verify against likumi.lv when the orders are consolidated there.
 */
export const MOVED_WORKING_DAYS: readonly MovedWorkingDay[] = [
  { dayOff: '2024-12-23', workedOn: '2024-12-14', source: 'MK rīkojums Nr. 348 (13.06.2023), 2024. gadam' },
  { dayOff: '2024-12-30', workedOn: '2024-12-28', source: 'MK rīkojums Nr. 348 (13.06.2023), 2024. gadam' },
  { dayOff: '2025-05-02', workedOn: '2025-05-10', source: 'MK rīkojums par darba dienu pārcelšanu 2025. gadā' },
  { dayOff: '2025-11-17', workedOn: '2025-11-08', source: 'MK rīkojums par darba dienu pārcelšanu 2025. gadā' },
  { dayOff: '2026-01-02', workedOn: '2026-01-17', source: 'MK rīkojums par darba dienu pārcelšanu 2026. gadā' },
  { dayOff: '2026-06-22', workedOn: '2026-06-27', source: 'MK rīkojums par darba dienu pārcelšanu 2026. gadā' },
];

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

let holidayLibrary: Holidays | undefined;
const holidaysByYear = new Map<number, PublicHoliday[]>();

/** Latvia's public holidays (days off by law) in a year, in date order; observances are left out. */
export function latvianPublicHolidays(year: number): readonly PublicHoliday[] {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  holidayLibrary ??= new Holidays('LV', { types: ['public'] });
  const holidays = holidayLibrary
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
  holidaysByYear.set(year, holidays);
  return holidays;
}

export function isPublicHoliday(date: IsoDate): boolean {
  return latvianPublicHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}
