/**
 * Plain calendar dates (`YYYY-MM-DD`) and the Riga wall clock. Dates are handled as UTC midnights internally so
 * that adding days never meets a daylight-saving jump; only `rigaDate` and `rigaDateTimeToInstant` touch the
 * time zone.
 */
import { OFFICE_TIME_ZONE } from './constants.ts';
import { ContractsError, ContractsErrorCode } from './errors.ts';

/** A calendar date in the form YYYY-MM-DD. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw new ContractsError(ContractsErrorCode.InvalidDate, `expected a date YYYY-MM-DD, got "${date}"`, {
      details: { date },
    });
  }
  return parsed;
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().startsWith(value);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * The same day `months` later; when that month is shorter, its last day (31 January + 1 month = 28/29
 * February), which is how Latvian law counts periods in months.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

const rigaDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function toInstant(instant: Date | string): Date {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) {
    throw new ContractsError(ContractsErrorCode.InvalidDate, `expected an instant, got "${String(instant)}"`);
  }
  return d;
}

/** The calendar date in Riga at an instant: what an office clerk's calendar shows. */
export function rigaDate(instant: Date | string): IsoDate {
  return rigaDateFormat.format(toInstant(instant));
}

const rigaOffsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: OFFICE_TIME_ZONE, timeZoneName: 'longOffset' });

/** Riga's UTC offset in minutes at an instant (120 in winter, 180 in summer). */
export function rigaOffsetMinutes(instant: Date | string): number {
  const name = rigaOffsetFormat.formatToParts(toInstant(instant)).find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant of a Riga wall-clock time (`HH:MM`) on a date. */
export function rigaDateTimeToInstant(date: IsoDate, time: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const guess = new Date(toUtc(date).getTime() + (hours * 60 + minutes) * 60_000);
  const offset = rigaOffsetMinutes(new Date(guess.getTime() - rigaOffsetMinutes(guess) * 60_000));
  return new Date(guess.getTime() - offset * 60_000);
}

/** Minutes since midnight on the Riga wall clock at an instant. */
export function rigaMinuteOfDay(instant: Date | string): number {
  const d = toInstant(instant);
  const local = new Date(d.getTime() + rigaOffsetMinutes(d) * 60_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}
