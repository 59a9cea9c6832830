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

export function demoYear(options: DemoYearOptions): DemoEvent[] {
  const make = eventFactory(options.seed);
  const start = addMonths(options.endDate, -options.months);
  const events: DemoEvent[] = [];
  for (let date = start; date <= options.endDate; date = addDays(date, 1)) {
    for (const office of OFFICE_PROFILES) events.push(...visitsOnDay(make, office, date));
    events.push(...correspondenceOnDay(make, date));
  }
  const now = options.now.toISOString();
  const backfillBefore = new Date(
    options.now.getTime() - (options.backfillAfterDays ?? 300) * 86_400_000,
  ).toISOString();
  return events
    .filter((e) => e.occurred_at <= now)
    .map((e) => (e.occurred_at < backfillBefore ? { ...e, backfill: true } : e))
    .sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0));
}
