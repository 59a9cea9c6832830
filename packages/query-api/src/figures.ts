/**
 * How servq writes a figure for people, with its unit — the dashboard, the alert e-mails and the weekly digest
 * alike: each unit of the catalogue at its own precision and sign ("85,3 %", "4,20 / 5", "+29", "12,5 min",
 * "4 darba dienas"), the Latvian decimal comma or the English point, intervals, changes (percentage points for
 * shares), counts and p-values. Here, beside `Lang` and `Unit`, because the dashboard and the services both read
 * this package and neither may import the other: one formatter, so a figure reads the same wherever it is sent.
 */
import type { Interval, Lang, Unit } from './answers.ts';
import { isSingular } from './plural.ts';

const locale = (lang: Lang): string => (lang === 'lv' ? 'lv-LV' : 'en-GB');

/** One formatter per language, precision and sign: a screen formats thousands of numbers, each built one anew. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number in the language: `digits` decimals, always shown ("3,0"); with `upTo` at most that many, trailing zeros
 * dropped ("3", "3,5"); with `sign` a "+" before positive numbers. A negative number takes the minus sign (U+2212,
 * "−0,2"), as Latvian and English typography want: Intl writes the hyphen-minus for both languages, which is shorter
 * than the "+" it stands against and may break a line after it. The formatter comes from the cache above.
 */
export function writtenNumber(lang: Lang, value: number, digits: number, sign = false, upTo = false): string {
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
  return format.format(value).replace('-', MINUS);
}

/** The minus sign, not the hyphen-minus. */
const MINUS = '\u2212';

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
 * A number with its unit ("4,5 darba dienas", "+1.5 working days", a chart's "12,5 min") as one unbreakable piece:
 * no-break spaces, as in timestamps, so a narrow table cell never leaves "dienas" or "days" alone on the next line,
 * nor a chart's label its "min". The one writer of a number joined to its unit where they must not part.
 */
export function inWords(number: string, unit: string): string {
  return `${number}\u00a0${unit.replaceAll(' ', '\u00a0')}`;
}

/**
 * The decimals each unit is written with, wherever a figure of it appears: a tile, a table cell, a chart's bar label
 * or tooltip, an e-mail. Fixed per unit, never dropped when they are zero, so the figures of one chart or table line
 * up ("12,0 min" beside "31,9 min", not "12 min"). Shares count their decimals in percent. The one place to change
 * how precisely a unit reads; a CSV keeps the API's full precision instead.
 */
export const UnitDigits: { readonly [U in Unit]: number } = {
  share: 1,
  score_1_5: 2,
  nps: 0,
  minutes: 1,
  working_days: 1,
  days: 0,
  count: 0,
};

/** The number alone, at the unit's precision (UnitDigits; shares as percent, NPS signed). */
export function formatNumber(unit: Unit, value: number, lang: Lang): string {
  return writtenNumber(lang, unit === 'share' ? value * 100 : value, UnitDigits[unit], unit === 'nps');
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
      // The words agree with the number as shown ("1,0 darba diena", "4,5 darba dienas"), at the unit's decimals.
      return { number: text, unit: plural(unit, value, lang, UnitDigits[unit]) };
    case 'nps':
    case 'count':
      return { number: text, unit: '' };
  }
}

/** The number with its unit: "85,3 %", "4,20 / 5", "12,5 min", "4 darba dienas", "+32"; "—" for none. */
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

/**
 * A whole number of working days, one case's distance from its deadline ("3 darba dienas", "1 working day"): a count,
 * not a measured figure, so it carries no decimals; number and words never wrap apart.
 */
export function formatWorkingDayCount(count: number, lang: Lang): string {
  return inWords(writtenNumber(lang, count, 0), plural('working_days', count, lang, 0));
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
      return `${writtenNumber(lang, change * 100, 1, true)} ${lang === 'lv' ? 'p.p.' : 'pp'}`;
    case 'score_1_5':
      return writtenNumber(lang, change, 2, true);
    case 'nps':
    case 'count':
    case 'days':
      return writtenNumber(lang, Math.round(change), 0, true);
    case 'minutes':
      return `${writtenNumber(lang, change, 1, true)} min`;
    case 'working_days':
      // Written out as every other working-days figure is ("wd" is no English reader's abbreviation). A change
      // always shows a decimal ("+1,0"), which reads with the plural in both languages.
      return inWords(writtenNumber(lang, change, 1, true), words.working_days[lang][1]);
  }
}

/** A count with the language's digit grouping, as servq writes every count. */
export function formatCount(n: number, lang: Lang): string {
  return writtenNumber(lang, n, 0);
}

/**
 * A p-value for the language: "p < 0,001" or "p = 0,042" (Latvian decimal comma), "—" when there is none. Its
 * spaces do not break, so a narrow table cell never leaves "p <" on one line and the number on the next.
 */
export function formatP(p: number | null, lang: Lang): string {
  if (p === null) return '—';
  if (p < 0.001) return `p\u00a0<\u00a0${writtenNumber(lang, 0.001, 3)}`;
  return `p\u00a0=\u00a0${writtenNumber(lang, p, p < 0.01 ? 3 : 2)}`;
}

/** A number with at most `digits` decimals, trailing zeros dropped, for chart labels: "3", "3,5", "12 045". */
export function formatUpTo(value: number, lang: Lang, digits: number): string {
  return writtenNumber(lang, value, digits, false, true);
}

/** A plain decimal for the language (correlations, scores): "0,62". */
export function formatDecimal(value: number | null, lang: Lang, digits = 2): string {
  return value === null ? '—' : writtenNumber(lang, value, digits);
}
