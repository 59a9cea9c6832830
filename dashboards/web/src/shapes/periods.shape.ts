/**
 * Which periods of a trend are partial: the one the data's span starts in after its first day (the range's
 * start or the oldest event, whichever is later), and the one it ends in before its last day (the range's end
 * or the newest event, whichever is earlier). A partial period holds fewer days, so its figure must not be
 * read as a rise or fall.
 */
import type { Freshness, Grain } from '../api.types.ts';
import { rigaToday } from '../filters.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of the period that starts on `start`. */
export function periodEnd(start: string, grain: Grain): string {
  if (grain === 'day') return start;
  if (grain === 'week') return addDays(start, 6);
  const [y = 1970, m = 1] = start.split('-').map(Number);
  const months = grain === 'quarter' ? 3 : 1;
  return new Date(Date.UTC(y, m - 1 + months, 0)).toISOString().slice(0, 10);
}

/**
 * A period is partial when the shown span starts after its first day or ends before its last: the span starts
 * at the range's start or where the data starts (the oldest event), whichever is later, and ends at the range's
 * end or the newest event, whichever is earlier. Periods wholly before the data's start are not partial but
 * empty (`beforeData`).
 * @param periods period start dates, sorted
 * @param dataEnd the date of the newest event (Riga), or null when unknown
 * @param dataStart the date of the oldest event (Riga), or null when unknown
 */
export function partialPeriods(
  periods: readonly string[],
  grain: Grain,
  from: string,
  to: string,
  dataEnd: string | null,
  dataStart: string | null = null,
): boolean[] {
  const end = dataEnd !== null && dataEnd < to ? dataEnd : to;
  const start = dataStart !== null && dataStart > from ? dataStart : from;
  return periods.map((first) => {
    const last = periodEnd(first, grain);
    const cutAtStart = first < start && start <= last;
    const cutAtEnd = first <= end && end < last;
    return cutAtStart || cutAtEnd;
  });
}

/**
 * Periods that end before the data starts: nothing could have been recorded in them, so a chart draws a gap
 * (null), never a zero that reads as "no complaints that week".
 */
export function beforeData(periods: readonly string[], grain: Grain, dataStart: string | null): boolean[] {
  return periods.map((first) => dataStart !== null && periodEnd(first, grain) < dataStart);
}

/**
 * Where a model's data starts: the API's first date of that model's rows, else the oldest event of any kind
 * (older servers), else unknown. The oldest event alone can mislead: a booking made weeks ahead predates every
 * visit and survey.
 */
export function dataStartOf(freshness: Freshness, model: string | undefined): string | null {
  const start = model === undefined ? undefined : freshness.dataStart?.[model];
  return start ?? rigaDateOf(freshness.oldestEventAt);
}

/** The Riga date of an ISO time (the oldest or newest event), or null. */
export function rigaDateOf(iso: string | null | undefined): string | null {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? rigaToday(date) : null;
}
