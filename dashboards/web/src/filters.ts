/**
 * The screen and its filters live in the address (`#/offices?from=…&to=…&grain=month&office=cesis`), so a
 * view can be bookmarked and shared. Defaults: the last six calendar months up to today (Riga), by month.
 */
import type { Grain } from './api.types.ts';

export const SCREENS = ['overview', 'offices', 'equal', 'complaints', 'sql'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Filters {
  from: string;
  to: string;
  grain: Grain;
  /** '' for all offices. */
  office: string;
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
  return { from: monthsBefore(today, 5), to: today, grain: 'month', office: '' };
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
  };
  if (filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return { screen, filters };
}

export function routeHash(route: Route): string {
  const params = new URLSearchParams({ from: route.filters.from, to: route.filters.to, grain: route.filters.grain });
  if (route.filters.office) params.set('office', route.filters.office);
  return `#/${route.screen}?${params.toString()}`;
}
