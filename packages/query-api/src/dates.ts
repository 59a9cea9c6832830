/**
 * How servq writes a calendar date for people — the dashboard, the e-mails and the printed reports alike: day
 * first, Latvian with dots (04.12.2026), British English with slashes (04/12/2026). Addresses, API answers and
 * the lake keep ISO dates (2026-12-04); only what a person reads is written this way.
 */
import type { Lang } from './answers.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SEPARATOR: Record<Lang, string> = { lv: '.', en: '/' };

/** An ISO date (YYYY-MM-DD) as the language writes it; anything else is returned as it is. */
export function writtenDate(iso: string, lang: Lang): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  return [match[3], match[2], match[1]].join(SEPARATOR[lang]);
}

// Offices keep Riga time; a reader anywhere else still reads the clock the office saw.
const rigaClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Riga',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as a person reads it, on the Riga wall clock: the date as `writtenDate` writes it and the time to the
 * minute ("01.12.2026 10:00"), joined by a no-break space so a narrow cell never leaves the time alone on a line.
 * What is not an instant is returned as it is.
 */
export function writtenDateTime(iso: string, lang: Lang): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = rigaClock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  return `${writtenDate(day, lang)}\u00a0${part('hour')}:${part('minute')}`;
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week of a date: weeks start on Monday, and a week belongs to the year of its Thursday. */
function isoWeekParts(iso: string): { year: number; week: number } {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** The ISO week number of a date (1 to 53). */
export function isoWeekNumber(iso: string): number {
  return isoWeekParts(iso).week;
}

/** The ISO week a date falls in, named as ISO 8601 writes it ("2026-W49"): for markers, ids and addresses. */
export function isoWeekOf(iso: string): string {
  const { year, week } = isoWeekParts(iso);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * How a week is written for people, in two lengths: `axis` short enough for every week of a desktop's weekly chart
 * to be named ("ned. 49", "wk 49"), `title` for a heading or an e-mail's subject ("49. nedēļa", "week 49"). The year
 * is left to the dates beside it.
 */
export type WeekForm = 'axis' | 'title';

const WEEK: Record<WeekForm, Record<Lang, (n: number) => string>> = {
  axis: { lv: (n) => `ned. ${n}`, en: (n) => `wk ${n}` },
  title: { lv: (n) => `${n}. nedēļa`, en: (n) => `week ${n}` },
};

/**
 * The week holding an ISO date (or an ISO week, "2026-W49") as a person reads it, in the chart axis's short form
 * unless asked for the title's.
 */
export function writtenWeek(isoDateOrWeek: string, lang: Lang, form: WeekForm = 'axis'): string {
  const week = ISO_WEEK.exec(isoDateOrWeek);
  return WEEK[form][lang](week ? Number(week[2]) : isoWeekNumber(isoDateOrWeek));
}
