/**
 * ATD's customer-service offices and their working hours. Hours are a list of weekly schedules, each effective
 * from a date, so a published change of opening hours is one new entry and history stays answerable ("was the
 * office open when this ticket was drawn?").
 *
 * Riga's hours (workdays 8:30–16:30) are the standard's own. The regional offices' hours are not in the
 * standard: they are set to the same until confirmed against atd.lv; correct them with a dated entry.
 */
import { z } from 'zod';
import { addDays, isoWeekday, rigaDate, rigaMinuteOfDay, type IsoDate } from '../dates.ts';
import { ContractsError, ContractsErrorCode } from '../errors.ts';
import { isWorkingDay, DEFAULT_WORKING_CALENDAR, type WorkingCalendar } from '../working-days.ts';

export const OFFICE_IDS = ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'] as const;
export const OfficeId = z.enum(OFFICE_IDS);
export type OfficeId = z.infer<typeof OfficeId>;

/** Opening interval on the Riga wall clock, `HH:MM`, close exclusive. */
export interface OpeningInterval {
  open: string;
  close: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type WeeklyHours = Partial<Record<Weekday, readonly OpeningInterval[]>>;

export interface OfficeSchedule {
  effectiveFrom: IsoDate;
  weekly: WeeklyHours;
  note?: string;
}

export interface Office {
  id: OfficeId;
  name: { lv: string; en: string };
  /** For tight places (a chart legend on a phone), where the full name would take several lines. */
  short: { lv: string; en: string };
  address: string;
  /** Schedules in ascending `effectiveFrom` order; the last one not after a date applies. */
  schedules: readonly OfficeSchedule[];
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WORKDAYS_0830_1630: WeeklyHours = Object.fromEntries(
  WEEKDAYS.slice(0, 5).map((d) => [d, [{ open: '08:30', close: '16:30' }]]),
);
const SINCE = '2020-01-01';

export const Offices: Record<OfficeId, Office> = {
  'riga-valnu-30': {
    id: 'riga-valnu-30',
    name: { lv: 'Rīgas klientu apkalpošanas centrs, Vaļņu iela 30', en: 'Riga customer service centre, Vaļņu iela 30' },
    short: { lv: 'Rīga, Vaļņu 30', en: 'Riga, Vaļņu 30' },
    address: 'Vaļņu iela 30, Rīga, LV-1050',
    schedules: [{ effectiveFrom: SINCE, weekly: WORKDAYS_0830_1630, note: 'customer-service standard' }],
  },
  cesis: {
    id: 'cesis',
    name: { lv: 'Cēsu reģionālā nodaļa', en: 'Cēsis regional office' },
    short: { lv: 'Cēsis', en: 'Cēsis' },
    address: 'Cēsis',
    schedules: [{ effectiveFrom: SINCE, weekly: WORKDAYS_0830_1630, note: 'assumed equal to Riga, to confirm' }],
  },
  daugavpils: {
    id: 'daugavpils',
    name: { lv: 'Daugavpils reģionālā nodaļa', en: 'Daugavpils regional office' },
    short: { lv: 'Daugavpils', en: 'Daugavpils' },
    address: 'Daugavpils',
    schedules: [{ effectiveFrom: SINCE, weekly: WORKDAYS_0830_1630, note: 'assumed equal to Riga, to confirm' }],
  },
  liepaja: {
    id: 'liepaja',
    name: { lv: 'Liepājas reģionālā nodaļa', en: 'Liepāja regional office' },
    short: { lv: 'Liepāja', en: 'Liepāja' },
    address: 'Liepāja',
    schedules: [{ effectiveFrom: SINCE, weekly: WORKDAYS_0830_1630, note: 'assumed equal to Riga, to confirm' }],
  },
};

/**
 * The name of records that carry no office (`office_id` null: an e-mail or portal complaint not yet assigned to
 * one). It is neither an office nor the whole agency, so every place that names offices names these with this
 * one label (served at /v1/reference as `noOffice`), and never with the agency's.
 */
export const NO_OFFICE_NAME: { readonly lv: string; readonly en: string } = {
  lv: 'Nodaļa nav piešķirta',
  en: 'No office assigned',
};

/**
 * The one spelling of "no office" where an office id would go: the office filter (`filter.office=no-office` in the
 * query API, `office=no-office` in the dashboard's address) selects the records whose office is missing, and the
 * alerts of those records carry it as their scope (`complaint-deadlines:no-office:overdue`). It can never be an
 * office id: those are the keys of `Offices`. Served at /v1/reference as `noOfficeFilter`.
 */
export const NO_OFFICE_FILTER = 'no-office';

export function officeById(id: string): Office {
  const office = (Offices as Record<string, Office | undefined>)[id];
  if (!office) {
    throw new ContractsError(ContractsErrorCode.UnknownOffice, `unknown office "${id}"`, { details: { id } });
  }
  return office;
}

function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[isoWeekday(date) - 1] ?? 'mon';
}

/**
 * The office's opening intervals on a Riga date: none on holidays and days off. A moved working day (a Saturday
 * worked in place of a weekday) keeps the hours of the weekday it replaces.
 */
export function officeHoursOn(
  office: Office,
  date: IsoDate,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): readonly OpeningInterval[] {
  const schedule = office.schedules.filter((s) => s.effectiveFrom <= date).at(-1);
  if (!schedule || !isWorkingDay(date, calendar)) return [];
  const moved = calendar.movedWorkingDays.find((m) => m.workedOn === date);
  const weekday = weekdayOf(moved ? moved.dayOff : date);
  return schedule.weekly[weekday] ?? [];
}

function toMinutes(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Whether the office is open at an instant, on the Riga wall clock. */
export function isOfficeOpenAt(
  office: Office,
  instant: Date | string,
  calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR,
): boolean {
  const minute = rigaMinuteOfDay(instant);
  return officeHoursOn(office, rigaDate(instant), calendar).some(
    (i) => toMinutes(i.open) <= minute && minute < toMinutes(i.close),
  );
}

/** The next date (after `date`) on which the office opens, searching up to a year ahead. */
export function nextOpeningDate(office: Office, date: IsoDate, calendar = DEFAULT_WORKING_CALENDAR): IsoDate | null {
  for (let day = addDays(date, 1), i = 0; i < 366; day = addDays(day, 1), i += 1) {
    if (officeHoursOn(office, day, calendar).length > 0) return day;
  }
  return null;
}
