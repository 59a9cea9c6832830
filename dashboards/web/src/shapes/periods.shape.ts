/**
 * Which periods of a trend are partial: the first when the range starts after the period's first day, the
 * last when the period runs past the end of the data (the range's end or the newest event, whichever comes
 * first). A partial period holds fewer days, so its figure must not be read as a rise or fall.
 */
import type { Grain } from '../api.types.ts';

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
 * @param periods period start dates, sorted
 * @param dataEnd the date of the newest event (Riga), or null when unknown
 */
export function partialPeriods(
  periods: readonly string[],
  grain: Grain,
  from: string,
  to: string,
  dataEnd: string | null,
): boolean[] {
  const end = dataEnd !== null && dataEnd < to ? dataEnd : to;
  return periods.map((start, i) => {
    const first = i === 0 && from > start;
    const last = i === periods.length - 1 && periodEnd(start, grain) > end;
    return first || last;
  });
}
