/**
 * The screen and its filters live in the address (`#/offices?from=…&to=…&grain=month&office=cesis`), so a
 * view can be bookmarked and shared. Defaults: the last six calendar months up to the end of the data, by
 * month. Channel, service and language narrow every panel whose metrics can be split by them.
 */
import { defaultRange, monthsBefore, writtenDate } from '@servq/query-api';
import type { Grain, Lang } from './api.types.ts';

export const SCREENS = ['overview', 'offices', 'equal', 'visits', 'complaints', 'alerts', 'reports', 'sql'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Filters {
  from: string;
  to: string;
  grain: Grain;
  /** '' for all offices; /v1/reference's `noOfficeFilter` for the records with none (see officeOn). */
  office: string;
  /** '' for all channels, services, languages. */
  channel: string;
  service: string;
  language: string;
  /** The complaints desk's window in working days (absent: the screen's default). */
  within?: number;
}

/** The filters that narrow query answers, by dimension id. */
export const FILTER_DIMENSIONS = ['office', 'channel', 'service', 'language'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/**
 * Screens whose office filter offers "no office assigned" (complaints not yet assigned to one): every figure on
 * them is of complaints. The other screens show visits, which always have an office, so the value would empty
 * their panels or be refused (400); there it reads as all offices, and the address keeps it for the way back.
 */
export const NO_OFFICE_SCREENS: ReadonlySet<Screen> = new Set(['complaints']);

/** The office a screen filters by: the address's, unless it is "no office" on a screen that does not offer it. */
export function officeOn(screen: Screen, office: string, noOfficeFilter: string): string {
  return office === noOfficeFilter && !NO_OFFICE_SCREENS.has(screen) ? '' : office;
}

export type Preset = 'weeks4' | 'quarter' | 'months12' | 'ytd';
export const PRESETS: readonly Preset[] = ['weeks4', 'quarter', 'months12', 'ytd'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A date preset ending at `end` (the last day with data): the last 4 weeks by week, the last quarter (13 weeks)
 * by week, the last 12 months by month, the year to date by month.
 */
export function presetRange(preset: Preset, end: string): Pick<Filters, 'from' | 'to' | 'grain'> {
  switch (preset) {
    case 'weeks4':
      return { from: addDays(end, -27), to: end, grain: 'week' };
    case 'quarter':
      return { from: addDays(end, -90), to: end, grain: 'week' };
    case 'months12':
      return { from: monthsBefore(end, 11), to: end, grain: 'month' };
    case 'ytd':
      return { from: `${end.slice(0, 4)}-01-01`, to: end, grain: 'month' };
  }
}

export interface Route {
  screen: Screen;
  filters: Filters;
}

const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Built on first use and kept: the first time-zone formatter loads the zone's data (tens of milliseconds on a
 * busy machine), and a new one per call repeated part of that for every date the page works out.
 */
let rigaDay: Intl.DateTimeFormat | undefined;

/** Today's date in Riga, YYYY-MM-DD. */
export function rigaToday(now: Date): string {
  rigaDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' });
  return rigaDay.format(now);
}

// The default range is the one `pnpm bench` opens the overview with (@servq/query-api requests.ts).
export { monthsBefore };

/** The filters a screen opens with; `dataStart` is the lake's first day with data (see defaultRange). */
export function defaultFilters(today: string, dataStart: string | null = null): Filters {
  return {
    ...defaultRange(today, dataStart),
    office: '',
    channel: '',
    service: '',
    language: '',
  };
}

export function parseRoute(hash: string, today: string, dataStart: string | null = null): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'overview';
  const params = new URLSearchParams(query);
  const defaults = defaultFilters(today, dataStart);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const grain = params.get('grain') ?? '';
  const filters: Filters = {
    from: DATE.test(from) ? from : defaults.from,
    to: DATE.test(to) ? to : defaults.to,
    grain: (GRAINS as readonly string[]).includes(grain) ? (grain as Grain) : defaults.grain,
    office: params.get('office') ?? '',
    channel: params.get('channel') ?? '',
    service: params.get('service') ?? '',
    language: params.get('language') ?? '',
  };
  const within = Number(params.get('within') ?? '');
  if (params.has('within') && Number.isInteger(within) && within >= 0 && within <= 60) filters.within = within;
  if (filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return { screen, filters };
}

export function routeHash(route: Route): string {
  const params = new URLSearchParams({ from: route.filters.from, to: route.filters.to, grain: route.filters.grain });
  for (const dimension of FILTER_DIMENSIONS)
    if (route.filters[dimension]) params.set(dimension, route.filters[dimension]);
  if (route.filters.within !== undefined) params.set('within', String(route.filters.within));
  return `#/${route.screen}?${params.toString()}`;
}

/**
 * Dates in the filter bar are text in the page's language, not `<input type="date">`: the browser draws that one
 * in its own locale (month first in a Latvian office whose browser is set up in US English), whatever the page's
 * language. Latvian writes day first with dots (04.12.2026), British English with slashes (04/12/2026). The
 * address keeps ISO dates.
 */
const DATE_PATTERN: Record<Lang, { format: string }> = {
  lv: { format: 'dd.mm.gggg' },
  en: { format: 'dd/mm/yyyy' },
};

/** How the language writes a date, for the input's hint: "dd.mm.gggg" or "dd/mm/yyyy". */
export function dateFormatHint(lang: Lang): string {
  return DATE_PATTERN[lang].format;
}

/** An ISO date (YYYY-MM-DD) as the language writes it: 04.12.2026 or 04/12/2026. */
export function formatDate(iso: string, lang: Lang): string {
  // One writer for the page, the e-mails and the reports (@servq/query-api).
  return writtenDate(iso, lang);
}

/**
 * A typed date as ISO, or null when it is not a real calendar date. Day first in both languages (the page's
 * own format); dots, slashes, hyphens or spaces between the parts; a one-digit day or month; an ISO date as it
 * is; a two-digit year as 20yy.
 */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim();
  let day: number, month: number, year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4}|\d{2})\.?$/.exec(trimmed);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) {
    [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
    if (dayFirst[3]?.length === 2) year += 2000;
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 2000 || year > 2099) return null;
  return date.toISOString().slice(0, 10);
}
