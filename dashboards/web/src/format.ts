/**
 * Numbers as people read them: figures with their units (servq's one formatter, in @servq/query-api), chart axis
 * values, exact decimals, heatmap means, periods and timestamps in Riga time.
 * Pure functions; nothing here touches the DOM.
 */
import {
  formatParts,
  inWords,
  isoWeekNumber,
  UnitDigits,
  writtenDateTime,
  writtenNumber,
  writtenWeek,
} from '@servq/query-api';
import type { Direction, Grain, Lang, Unit } from './api.types.ts';
import { formatDate } from './filters.ts';

/**
 * The figures with their units are written by the query API package's one formatter, shared with the alert
 * e-mails and the weekly digest; the page imports them from here as it always has.
 */
export {
  formatChange,
  formatCount,
  formatDecimal,
  formatInterval,
  formatNumber,
  formatP,
  formatParts,
  formatUpTo,
  formatValue,
  formatWorkingDaysBand,
  UnitDigits,
} from '@servq/query-api';

const locale = (lang: Lang): string => (lang === 'lv' ? 'lv-LV' : 'en-GB');

/** The value a chart axis plots: shares as percent, so axes and tooltips read naturally. */
export function plotValue(unit: Unit, value: number): number {
  return unit === 'share' ? Math.round(value * 10_000) / 100 : value;
}

/**
 * The unit a CSV column's header names ("Cēsis (%)", "Visas nodaļas (minutes)"): its cells hold the plotted numbers
 * at full precision, for a spreadsheet to round as it likes, never the page's rounded text.
 */
export function csvUnit(unit: Unit): string {
  return unit === 'share' ? '%' : unit;
}

export type TargetStatus = 'met' | 'missed' | 'none';

/** Whether a figure meets its target, given which direction is good. Neutral metrics have no verdict. */
export function targetStatus(direction: Direction, value: number | null, target: number | null): TargetStatus {
  if (value === null || target === null || direction === 'neutral') return 'none';
  const met = direction === 'higher_is_better' ? value >= target - 1e-9 : value <= target + 1e-9;
  return met ? 'met' : 'missed';
}

/**
 * A timestamp on the Riga wall clock as the page writes it ("12.05.2026 10:00"), by the writer the alerts service's
 * page shares (@servq/query-api's writtenDateTime): date and time joined by a no-break space, so a badge or a
 * narrow line never leaves the time alone on the next line.
 */
export function formatTimestamp(iso: string | null, lang: Lang): string {
  return iso ? writtenDateTime(iso, lang) : '—';
}

const monthNames: Record<Lang, string[]> = {
  lv: ['janv.', 'febr.', 'marts', 'apr.', 'maijs', 'jūn.', 'jūl.', 'aug.', 'sept.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** ISO week number of a date (the API's week periods start on Monday); one writer, in @servq/query-api. */
export const isoWeek = isoWeekNumber;

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
      return `${writtenWeek(date, lang)} (${formatDate(date, lang)})`;
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
 * A plotted value with its unit as a chart writes it: "85 %", "12,5 min", a score or count bare; number and unit one
 * piece (`inWords`' no-break space), so a label or tick never parts them. Every chart label, tick, tooltip and scale
 * that writes a unit takes it from here.
 */
export function withPlotUnit(unit: Unit, text: string): string {
  if (unit === 'share') return inWords(text, '%');
  if (unit === 'minutes') return inWords(text, 'min');
  return text;
}

/**
 * A chart axis tick (shares already in percent): the language's decimal sign and the same "85 %" spacing as every
 * figure on the page, with `digits` decimals when given (a tick step's, so one axis reads 3,8 · 4,0 · 4,2 rather
 * than 3,8 · 4 · 4,2), else as many as it has, up to two ("0 min", "10 min" for whole ticks).
 */
export function formatAxisValue(unit: Unit, value: number, lang: Lang, digits?: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text =
    digits === undefined
      ? writtenNumber(lang, rounded, Number.isInteger(rounded) ? 0 : Number.isInteger(rounded * 10) ? 1 : 2)
      : writtenNumber(lang, rounded, digits);
  return withPlotUnit(unit, text);
}

/**
 * A plotted figure (shares already in percent) at its unit's one precision (UnitDigits), for what a chart says of
 * a figure — a bar's label, a tooltip, a target line — so it reads as the tiles and tables do and every figure of
 * the chart has the same decimals ("12,0 min" beside "31,9 min", "85,0 %"). `unitShown: false` leaves the unit to
 * the chart's scale, for cells too small to hold it.
 */
export function formatPlotted(unit: Unit, value: number, lang: Lang, unitShown = true): string {
  const text = writtenNumber(lang, value, UnitDigits[unit]);
  return unitShown ? withPlotUnit(unit, text) : text;
}

/**
 * The name of an axis whose ticks carry no unit of their own: durations in (working) days, whose words are too long
 * for every tick ("darba dienas", "working days", the plural as servq writes it); null where the ticks say it.
 */
export function axisUnitName(unit: Unit, lang: Lang): string | null {
  return unit === 'working_days' || unit === 'days' ? formatParts(unit, 10, lang).unit : null;
}

/** The decimals a tick step needs: 0.25 → 2, 0.2 → 1, 5 → 0. */
export function stepDigits(step: number): number {
  for (let digits = 0; digits < 3; digits++)
    if (Number.isInteger(Math.round(step * 10 ** digits * 1e6) / 1e6)) return digits;
  return 2;
}

/** One ungrouped formatter per language and decimals. */
const exactFormats = new Map<string, Intl.NumberFormat>();

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
  const key = `${lang} ${digits}`;
  let format = exactFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    exactFormats.set(key, format);
  }
  return format.format(text as Intl.StringNumericLiteral);
}

/**
 * A mean a day in a heatmap cell: one decimal, always ("0,4", "1,0", "11,3"), so every cell of the grid has the same
 * decimals; dropping a trailing zero mixed "2" with "2,7", and whole numbers from 10 mixed "11" with "6,9".
 */
export function formatPerDay(value: number, lang: Lang): string {
  return writtenNumber(lang, value, PER_DAY_DIGITS);
}

/** The decimals of a mean a day: arrivals a day in one hour are a few, so a tenth tells a quiet hour from none. */
const PER_DAY_DIGITS = 1;
