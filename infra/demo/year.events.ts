/**
 * The demo year: at least 13 months of ATD activity ending on a given day, deterministic for a seed. Each day is
 * generated from its own seeded generator (see random.ts), so a day looks the same in any window and a re-send
 * carries the same event ids. Events after `now` (answers not yet given, the rest of today) are left out.
 */
import { addDays, addMonths, type IsoDate } from '@servq/contracts';
import { correspondenceOnDay } from './complaints.day.ts';
import { eventFactory, type DemoEvent } from './event.factory.ts';
import { OFFICE_PROFILES } from './story.ts';
import { visitsOnDay } from './visits.day.ts';

export interface DemoYearOptions {
  seed: number;
  /** The last day generated (usually today in Riga). */
  endDate: IsoDate;
  /** How many months back from `endDate`; 13 gives a year and a year-over-year comparison. */
  months: number;
  /** Events after this instant are left out. */
  now: Date;
  /** Events older than this many days are marked `backfill` (ingest refuses old history otherwise). */
  backfillAfterDays?: number;
}

const byTime = (a: DemoEvent, b: DemoEvent) =>
  a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0;

/**
 * Everything the days from `from` to `to` start, in time order — including what happens after `to` (a complaint
 * received on `to` is answered weeks later). Live mode releases these as the clock reaches them.
 */
export function demoDays(seed: number, from: IsoDate, to: IsoDate): DemoEvent[] {
  const make = eventFactory(seed);
  const events: DemoEvent[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const office of OFFICE_PROFILES) events.push(...visitsOnDay(make, office, date));
    events.push(...correspondenceOnDay(make, date));
  }
  return events.sort(byTime);
}

export function demoYear(options: DemoYearOptions): DemoEvent[] {
  const now = options.now.toISOString();
  const backfillBefore = new Date(
    options.now.getTime() - (options.backfillAfterDays ?? 300) * 86_400_000,
  ).toISOString();
  return demoDays(options.seed, addMonths(options.endDate, -options.months), options.endDate)
    .filter((e) => e.occurred_at <= now)
    .map((e) => (e.occurred_at < backfillBefore ? { ...e, backfill: true } : e));
}
