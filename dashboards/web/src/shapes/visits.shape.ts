/**
 * The Visits screen's data, shaped from /v1/query, /v1/reference and /v1/today answers: the hour × weekday
 * grid with the office's working hours, breakdowns by a dimension, the satisfaction of each wait band with the
 * longest wait that still meets the target, and today's figures against the usual. Pure; no DOM.
 */
import type { Figure, QueryAnswer, ReferenceAnswer, TodayAnswer } from '../api.types.ts';
import { figureOf, keyOf } from '../figures.ts';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export interface GridCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  figure: Figure;
  /** The hour overlaps the office's opening hours on that weekday. */
  open: boolean;
}

export interface HourGrid {
  weekdays: number[];
  hours: number[];
  cells: GridCell[];
}

const minutes = (hhmm: string): number => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** A Saturday worked in place of a weekday (the Cabinet's moved working day) within a range. */
export interface MovedSaturday {
  workedOn: string;
  dayOff: string;
  /** 1–7, the weekday whose hours the Saturday keeps. */
  weekdayOff: number;
}

/** The moved working Saturdays from `from` to `to`, in date order. */
export function movedSaturdays(reference: ReferenceAnswer, from: string, to: string): MovedSaturday[] {
  return reference.movedWorkingDays
    .filter((m) => m.workedOn >= from && m.workedOn <= to)
    .sort((a, b) => a.workedOn.localeCompare(b.workedOn))
    .map((m) => ({ workedOn: m.workedOn, dayOff: m.dayOff, weekdayOff: isoWeekday(m.dayOff) }));
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The hours of each weekday (1–7) that overlap the office's opening hours, by the schedule in force on `to`.
 * With no office (all offices), the hours any office is open. A moved working Saturday in the range opens the
 * Saturday row with the hours of the weekday it replaces, as the office was open then.
 */
export function openHours(
  reference: ReferenceAnswer,
  office: string,
  to: string,
  from: string = to,
): Map<number, Set<number>> {
  const open = new Map<number, Set<number>>();
  const mark = (weekday: number, intervals: readonly { open: string; close: string }[]) => {
    for (const interval of intervals) {
      const set = open.get(weekday) ?? new Set<number>();
      for (let hour = 0; hour < 24; hour += 1) {
        if (hour * 60 < minutes(interval.close) && (hour + 1) * 60 > minutes(interval.open)) set.add(hour);
      }
      open.set(weekday, set);
    }
  };
  const offices = reference.officeHours.filter((o) => office === '' || o.office === office);
  for (const entry of offices) {
    const scheduleOn = (date: string) => entry.schedules.filter((s) => s.effectiveFrom <= date).at(-1);
    const schedule = scheduleOn(to);
    if (schedule) WEEKDAY_KEYS.forEach((key, i) => mark(i + 1, schedule.weekly[key] ?? []));
    for (const moved of movedSaturdays(reference, from, to)) {
      const key = WEEKDAY_KEYS[moved.weekdayOff - 1];
      const then = scheduleOn(moved.workedOn);
      if (key && then) mark(6, then.weekly[key] ?? []);
    }
  }
  return open;
}

/**
 * The grid of one metric by `hour` and `weekday`: every weekday that is open or has visits, every hour from the
 * earliest to the latest that is open or has visits; missing cells are empty figures.
 */
export function hourGrid(answer: QueryAnswer, metric: string, open: Map<number, Set<number>>): HourGrid {
  const byCell = new Map<string, Figure>();
  const seenDays = new Set<number>(open.keys());
  const seenHours = new Set<number>([...open.values()].flatMap((s) => [...s]));
  for (const row of answer.rows) {
    const weekday = Number(keyOf(row, 'weekday'));
    const hour = Number(keyOf(row, 'hour'));
    if (!Number.isInteger(weekday) || !Number.isInteger(hour) || keyOf(row, 'hour') === null) continue;
    const figure = figureOf(row, metric);
    byCell.set(`${weekday}:${hour}`, figure);
    if (figure.n > 0) {
      seenDays.add(weekday);
      seenHours.add(hour);
    }
  }
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => seenDays.has(d));
  const hourList = [...seenHours];
  const first = hourList.length > 0 ? Math.min(...hourList) : 8;
  const last = hourList.length > 0 ? Math.max(...hourList) : 16;
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const empty: Figure = { value: null, n: 0, target: null, suppressed: false };
  const cells = weekdays.flatMap((weekday) =>
    hours.map((hour) => ({
      weekday,
      hour,
      figure: byCell.get(`${weekday}:${hour}`) ?? empty,
      open: open.get(weekday)?.has(hour) ?? false,
    })),
  );
  return { weekdays, hours, cells };
}

export interface Group {
  key: string | null;
  figures: Record<string, Figure>;
}

/** One row per value of `dimension`, with the metrics' figures; groups with no rows at all are left out. */
export function groupsOf(answer: QueryAnswer, dimension: string, metrics: readonly string[]): Group[] {
  return answer.rows
    .map((row) => ({
      key: keyOf(row, dimension),
      figures: Object.fromEntries(metrics.map((m) => [m, figureOf(row, m)])),
    }))
    .filter((g) => Object.values(g.figures).some((f) => f.n > 0));
}

/** Wait bands in order of the wait, as the surveys model names them. */
export const WAIT_BANDS = ['0-10', '10-20', '20-30', '30+'] as const;

export interface BandFigure {
  band: string;
  figure: Figure;
}

export function bandFigures(answer: QueryAnswer, metric: string): BandFigure[] {
  return WAIT_BANDS.map((band) => ({
    band,
    figure: figureOf(
      answer.rows.find((r) => keyOf(r, 'wait_band') === band),
      metric,
    ),
  }));
}

/**
 * The longest wait that still keeps customers satisfied: the upper end of the last band, counting from the
 * shortest, up to which every band with a figure meets the target. `null` when even the shortest band misses it
 * or no band has a figure; `'30+'` when every band meets it.
 */
export function longestSatisfiedWait(bands: readonly BandFigure[], target: number): string | null {
  let longest: string | null = null;
  for (const { band, figure } of bands) {
    if (figure.suppressed || figure.value === null) continue;
    if (figure.value < target) break;
    longest = band;
  }
  return longest;
}

export type Comparison = 'above' | 'below' | 'same' | 'none';

/**
 * Today's figure against the usual, as words a panel can colour: no usual, as usual, above or below. Within a
 * tenth of the usual (and at least half a unit, so 70 against a median of 69.5 is not "above") counts as usual:
 * a day cut mid-way is noisy, and a panel that flips on every arrival says nothing.
 */
export function compareToUsual(today: number | null, usual: number | null): Comparison {
  if (today === null || usual === null) return 'none';
  if (Math.abs(today - usual) <= Math.max(0.5, Math.abs(usual) * 0.1)) return 'same';
  return today > usual ? 'above' : 'below';
}

export interface TodayRow {
  key: 'arrivals' | 'waitingNow' | 'waitP50';
  today: number | null;
  usual: number | null;
  comparison: Comparison;
}

export function todayRows(answer: TodayAnswer): TodayRow[] {
  return (['arrivals', 'waitingNow', 'waitP50'] as const).map((key) => ({
    key,
    today: answer.today[key],
    usual: answer.usual[key],
    comparison: compareToUsual(answer.today[key], answer.usual[key]),
  }));
}
