/**
 * Numbers as people read them: each unit of the catalogue with its own precision and sign, Latvian or English
 * number formatting, intervals, changes (percentage points for shares), periods and timestamps in Riga time.
 * Pure functions; nothing here touches the DOM.
 */
import { isSingular } from '@servq/query-api';
import type { Direction, Grain, Interval, Lang, Unit } from './api.types.ts';
import { formatDate } from './filters.ts';

const locale = (lang: Lang): string => (lang === 'lv' ? 'lv-LV' : 'en-GB');

/** One formatter per language, precision and sign: a screen formats thousands of numbers, each built one anew. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `digits` decimals, always shown ("3,0"); with `upTo` at most that many, trailing zeros dropped ("3", "3,5").
 * The formatter comes from the cache above, whichever screen asks.
 */
function number(lang: Lang, value: number, digits: number, sign = false, upTo = false): string {
  const key = `${lang} ${digits} ${sign} ${upTo}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), {
      minimumFractionDigits: upTo ? 0 : digits,
      maximumFractionDigits: digits,
      signDisplay: sign ? 'exceptZero' : 'auto',
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const words: Record<'working_days' | 'days', Record<Lang, [string, string]>> = {
  working_days: { lv: ['darba diena', 'darba dienas'], en: ['working day', 'working days'] },
  days: { lv: ['diena', 'dienas'], en: ['day', 'days'] },
};

/** The unit's words for `value` shown with `digits` decimals, singular or plural by servq's one rule (isSingular). */
function plural(unit: 'working_days' | 'days', value: number, lang: Lang, digits: number): string {
  const [one, many] = words[unit][lang];
  return isSingular(lang, value, digits) ? one : many;
}

/**
 * A number with a unit written in words ("4,5 darba dienas", "+1.5 working days") as one unbreakable piece: no-break
 * spaces, as in timestamps, so a narrow table cell never leaves "dienas" or "days" alone on the next line.
 */
function inWords(number: string, unit: string): string {
  return `${number}\u00a0${unit.replaceAll(' ', '\u00a0')}`;
}

/** The number alone, at the unit's precision (shares as percent). */
export function formatNumber(unit: Unit, value: number, lang: Lang): string {
  switch (unit) {
    case 'share':
      return number(lang, value * 100, 1);
    case 'score_1_5':
      return number(lang, value, 2);
    case 'nps':
      return number(lang, value, 0, true);
    case 'minutes':
    case 'working_days':
      return number(lang, value, Number.isInteger(value) ? 0 : 1);
    case 'days':
    case 'count':
      return number(lang, Math.round(value), 0);
  }
}

/** The number and its unit apart, for layouts that set the unit smaller: { number: "4", unit: "darba dienas" }. */
export function formatParts(unit: Unit, value: number, lang: Lang): { number: string; unit: string } {
  const text = formatNumber(unit, value, lang);
  switch (unit) {
    case 'share':
      return { number: text, unit: '%' };
    case 'score_1_5':
      return { number: text, unit: '/ 5' };
    case 'minutes':
      return { number: text, unit: 'min' };
    case 'working_days':
    case 'days':
      // The words agree with the number as shown: whole days, working days with the decimal formatNumber gives.
      return unit === 'days'
        ? { number: text, unit: plural(unit, Math.round(value), lang, 0) }
        : { number: text, unit: plural(unit, value, lang, Number.isInteger(value) ? 0 : 1) };
    case 'nps':
    case 'count':
      return { number: text, unit: '' };
  }
}

/** The number with its unit: "85,3 %", "12,5 min", "4 darba dienas", "+32". */
export function formatValue(unit: Unit, value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const parts = formatParts(unit, value, lang);
  if (unit === 'working_days' || unit === 'days') return inWords(parts.number, parts.unit);
  return parts.unit ? `${parts.number} ${parts.unit}` : parts.number;
}

/** Any count that takes the plural in both languages. */
const MANY = 2;

/**
 * A band of working days as the API names it ("0-5", "11-20", "21+") in words: "0–5 darba dienas", "21+ darba
 * dienas", "21+ working days". A closed band's words agree with its last number, as Latvian counts agree with their
 * last numeral ("1–21 darba diena"); an open band counts many days, so it takes the plural whatever its number ends
 * in. Number and words never wrap apart.
 */
export function formatWorkingDaysBand(band: string, lang: Lang): string {
  const last = /(\d+)\D*$/.exec(band)?.[1];
  if (last === undefined) return band;
  const count = band.endsWith('+') ? MANY : Number(last);
  return inWords(band.replace('-', '–'), plural('working_days', count, lang, 0));
}

/** "82,1–88,0 %": both bounds at the unit's precision, the unit once. */
export function formatInterval(unit: Unit, interval: Interval | null, lang: Lang): string {
  if (!interval) return '—';
  const low = formatNumber(unit, interval.low, lang);
  const high = formatNumber(unit, interval.high, lang);
  const suffix = unit === 'share' ? ' %' : unit === 'minutes' ? ' min' : '';
  return `${low}–${high}${suffix}`;
}

/** A change between two figures: percentage points for shares, the unit's own otherwise, always signed. */
export function formatChange(unit: Unit, change: number | null, lang: Lang): string {
  if (change === null || !Number.isFinite(change)) return '—';
  switch (unit) {
    case 'share':
      return `${number(lang, change * 100, 1, true)} ${lang === 'lv' ? 'p.p.' : 'pp'}`;
    case 'score_1_5':
      return number(lang, change, 2, true);
    case 'nps':
    case 'count':
    case 'days':
      return number(lang, Math.round(change), 0, true);
    case 'minutes':
      return `${number(lang, change, 1, true)} min`;
    case 'working_days':
      // Written out as every other working-days figure is ("wd" is no English reader's abbreviation). A change
      // always shows a decimal ("+1,0"), which reads with the plural in both languages.
      return inWords(number(lang, change, 1, true), words.working_days[lang][1]);
  }
}

/** The value a chart axis plots: shares as percent, so axes and tooltips read naturally. */
export function plotValue(unit: Unit, value: number): number {
  return unit === 'share' ? Math.round(value * 10_000) / 100 : value;
}

export type TargetStatus = 'met' | 'missed' | 'none';

/** Whether a figure meets its target, given which direction is good. Neutral metrics have no verdict. */
export function targetStatus(direction: Direction, value: number | null, target: number | null): TargetStatus {
  if (value === null || target === null || direction === 'neutral') return 'none';
  const met = direction === 'higher_is_better' ? value >= target - 1e-9 : value <= target + 1e-9;
  return met ? 'met' : 'missed';
}

/**
 * A timestamp in Riga time: "2026-05-12 10:00", or with a language its date as the page writes dates ("12.05.2026
 * 10:00"). Date and time are joined by a no-break space: a badge or a narrow line never leaves the time alone on
 * the next line.
 */
export function formatTimestamp(iso: string | null, lang?: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Riga',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  return `${lang ? formatDate(day, lang) : day}\u00a0${part('hour')}:${part('minute')}`;
}

const monthNames: Record<Lang, string[]> = {
  lv: ['janv.', 'febr.', 'marts', 'apr.', 'maijs', 'jūn.', 'jūl.', 'aug.', 'sept.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** ISO week number of a date (the API's week periods start on Monday). */
export function isoWeek(date: string): number {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** A period key from the API (its first day) as a label for the grain: "2026-05", "W19", "2026 Q2". */
export function formatPeriod(period: string, grain: Grain | null, lang: Lang): string {
  const date = period.slice(0, 10);
  const [year, month] = date.split('-');
  switch (grain) {
    case 'month':
      return `${monthNames[lang][Number(month) - 1] ?? month} ${year}`;
    case 'quarter':
      return `${year} Q${Math.floor((Number(month) - 1) / 3) + 1}`;
    case 'week':
      return `${lang === 'lv' ? 'ned.' : 'wk'} ${isoWeek(date)} (${formatDate(date, lang)})`;
    default:
      // A day as the page writes dates (the filter bar's own format), never the API's ISO form.
      return formatDate(date, lang);
  }
}

/**
 * Each month's or quarter's name without its year ("maijs", "Q2") and its year, for a narrow chart axis that writes
 * the year only where it starts or changes; undefined for weeks and days, whose names have no year to spare.
 */
export function periodParts(
  periods: readonly string[],
  grain: Grain | null,
  lang: Lang,
): { name: string; year: string }[] | undefined {
  if (grain !== 'month' && grain !== 'quarter') return undefined;
  return periods.map((period) => {
    const [year = '', month = ''] = period.slice(0, 10).split('-');
    const name =
      grain === 'month'
        ? (monthNames[lang][Number(month) - 1] ?? month)
        : `Q${Math.floor((Number(month) - 1) / 3) + 1}`;
    return { name, year };
  });
}

/** Age of a timestamp relative to now, for the freshness line: "5 min", "3 h", "2 d". */
export function formatAge(iso: string | null, now: Date): string {
  if (!iso) return '—';
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/**
 * A chart axis tick, tooltip or target value (shares already in percent): the language's decimal sign and the
 * same "85 %" spacing as every figure on the page, with `digits` decimals when given (a tick step's, so one axis
 * reads 3,8 · 4,0 · 4,2 rather than 3,8 · 4 · 4,2), else as many as it has, up to two.
 */
export function formatAxisValue(unit: Unit, value: number, lang: Lang, digits?: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text =
    digits === undefined
      ? number(lang, rounded, Number.isInteger(rounded) ? 0 : Number.isInteger(rounded * 10) ? 1 : 2)
      : number(lang, rounded, digits);
  if (unit === 'share') return `${text} %`;
  if (unit === 'minutes') return `${text} min`;
  return text;
}

/** The decimals a tick step needs: 0.25 → 2, 0.2 → 1, 5 → 0. */
export function stepDigits(step: number): number {
  for (let digits = 0; digits < 3; digits++)
    if (Number.isInteger(Math.round(step * 10 ** digits * 1e6) / 1e6)) return digits;
  return 2;
}

/** A count with the language's digit grouping, as the page writes every count. */
export function formatCount(n: number, lang: Lang): string {
  return number(lang, n, 0);
}

/**
 * A p-value for the language: "p < 0,001" or "p = 0,042" (Latvian decimal comma), "—" when there is none. Its
 * spaces do not break, so a narrow table cell never leaves "p <" on one line and the number on the next.
 */
export function formatP(p: number | null, lang: Lang): string {
  if (p === null) return '—';
  if (p < 0.001) return `p\u00a0<\u00a0${number(lang, 0.001, 3)}`;
  return `p\u00a0=\u00a0${number(lang, p, p < 0.01 ? 3 : 2)}`;
}

/** A number with at most `digits` decimals, trailing zeros dropped, for chart labels: "3", "3,5", "12 045". */
export function formatUpTo(value: number, lang: Lang, digits: number): string {
  return number(lang, value, digits, false, true);
}

/**
 * A decimal exactly as written ("4.320", "-12345678901234567890.5"), in the language's decimal sign ("4,320") with
 * every digit kept: Intl formats the string itself, so no digit passes through a float. Not grouped: this is for
 * an analyst's raw values (years, ids, codes as often as amounts), which must read and copy back as DuckDB wrote
 * them. Anything but a plain decimal (exponents, "inf", "NaN") comes back as it came.
 */
export function formatExactDecimal(text: string, lang: Lang): string {
  const match = /^[+-]?\d+(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const digits = match[1]?.length ?? 0;
  const key = `${lang} exact ${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format.format(text as Intl.StringNumericLiteral);
}

/**
 * A mean a day in a heatmap cell: one decimal below 10 ("1,0", "0,4"), whole from 10 ("11"), so a cell holds three
 * characters at most and the cells of one grid never mix "1" with "1,7" (dropping a trailing zero did).
 */
export function formatPerDay(value: number, lang: Lang): string {
  return number(lang, value, Math.abs(value) < 9.95 ? 1 : 0);
}

/** A plain decimal for the language (correlations, scores): "0,62". */
export function formatDecimal(value: number | null, lang: Lang, digits = 2): string {
  return value === null ? '—' : number(lang, value, digits);
}
