/**
 * The screen and its filters live in the address (`#/offices?from=…&to=…&grain=month&office=cesis`), so a
 * view can be bookmarked and shared. Defaults: the last six calendar months up to the end of the data, by
 * month. Channel, service and language narrow every panel whose metrics can be split by them.
 */
import type { Grain } from './api.types.ts';

export const SCREENS = ['overview', 'offices', 'equal', 'visits', 'complaints', 'sql'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Filters {
  from: string;
  to: string;
  grain: Grain;
  /** '' for all offices. */
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

/** Today's date in Riga, YYYY-MM-DD. */
export function rigaToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(now);
}

/** The first day of the month `months` before the month of `date`. */
export function monthsBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - months, 1));
  return d.toISOString().slice(0, 10);
}

export function defaultFilters(today: string): Filters {
  return {
    from: monthsBefore(today, 5),
    to: today,
    grain: 'month',
    office: '',
    channel: '',
    service: '',
    language: '',
  };
}

export function parseRoute(hash: string, today: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'overview';
  const params = new URLSearchParams(query);
  const defaults = defaultFilters(today);
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
