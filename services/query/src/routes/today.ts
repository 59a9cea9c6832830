/**
 * The office head's "today" figures (GET /v1/today): what a catalogue query cannot say, because it cuts every
 * day at the current time of day. Today is compared with the same weekday's usual: the previous same weekdays
 * (up to 8) on which the office was open by its published hours and has any visits in the lake — a day with no
 * visits at all is missing data, not a quiet day. Each figure's usual is the median of the days' figures.
 * The SQL is built here from constants; the office, the dates and the cut-off travel as parameters.
 */
import { Dimensions, resolveDimension } from '@servq/metrics';
import type { Freshness, TodayAnswer, TodayFigures } from '@servq/query-api';
import { z } from 'zod';
import type { Principal } from './auth.ts';
import {
  addDays,
  OFFICE_IDS,
  OFFICE_TIME_ZONE,
  officeById,
  officeHoursOn,
  rigaDate,
  rigaMinuteOfDay,
} from '../contracts.adapter.ts';
import { QueryError, QueryErrorCode } from '../errors.ts';
import { toNumber, type ReadStore } from './metric.query.ts';
import type { Filters } from './params.ts';

/** Same weekdays compared with today. */
export const USUAL_WEEKS = 8;
/** How far back to look for them (holidays and days without data are skipped). */
const SEARCH_WEEKS = 16;

export const TodayParams = z.object({
  office: z
    .enum(OFFICE_IDS, { message: `expected one of ${OFFICE_IDS.join(', ')}` })
    .optional()
    .describe('the office; an office token gets its own (and may not ask for another); absent: all offices'),
});
export type TodayParams = z.infer<typeof TodayParams>;

/** The filters /v1/today takes besides the office, as in /v1/query (`filter.channel=in_person`). */
export const TODAY_FILTERS = ['channel', 'service', 'language'] as const;

/** Validated filters: only the visit dimensions a day's desk sees (the office has its own parameter). */
export function todayFilters(filters: Filters): Record<string, string[]> {
  for (const id of Object.keys(filters)) {
    if (!(TODAY_FILTERS as readonly string[]).includes(id)) {
      throw new QueryError(QueryErrorCode.BadParameter, `filter.${id} is not taken by /v1/today`, [
        {
          parameter: `filter.${id}`,
          expected: `filter.${TODAY_FILTERS.join(', filter.')}${id === 'office' ? ', or office=<id>' : ''}`,
        },
      ]);
    }
    resolveDimension(id, `filter.${id}`, ['visits']);
  }
  // Only filter.office has a null ("no office"), and it was refused above.
  return Object.fromEntries(
    Object.entries(filters).map(([id, values]) => [id, values.filter((v): v is string => v !== null)]),
  );
}

export interface TodayPlan {
  office: string | null;
  /** Dimension id → accepted values, from `todayFilters`. */
  filters: Record<string, string[]>;
  date: string;
  /** Seconds since Riga midnight at which every day is cut. */
  cutSeconds: number;
  timeOfDay: string;
  hours: { open: string; close: string }[];
  /** Previous same weekdays the office was open, newest first (more than needed: some may lack data). */
  candidates: string[];
}

/** The office an answer is for: an office token's own, else the one asked for (or all). */
export function todayOffice(principal: Principal, asked: string | undefined): string | null {
  if (principal.role !== 'office' || principal.office === undefined) return asked ?? null;
  if (asked !== undefined && asked !== principal.office) {
    throw new QueryError(QueryErrorCode.Forbidden, 'an office token sees its own office only', [
      { parameter: 'office', expected: principal.office, received: asked },
    ]);
  }
  return principal.office;
}

export function planToday(office: string | null, now: Date, filters: Record<string, string[]> = {}): TodayPlan {
  const date = rigaDate(now);
  const minute = rigaMinuteOfDay(now);
  // Riga's offset is whole minutes, so the seconds of the wall clock are the UTC seconds.
  const cutSeconds = minute * 60 + now.getUTCSeconds();
  const calendarOffice = officeById(office ?? 'riga-valnu-30');
  const candidates: string[] = [];
  for (let week = 1; week <= SEARCH_WEEKS; week += 1) {
    const day = addDays(date, -7 * week);
    if (officeHoursOn(calendarOffice, day).length > 0) candidates.push(day);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    office,
    filters,
    date,
    cutSeconds,
    timeOfDay: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
    hours: officeHoursOn(calendarOffice, date).map((i) => ({ open: i.open, close: i.close })),
    candidates,
  };
}

const tz = `'${OFFICE_TIME_ZONE}'`;
const secondOfDay = (column: string) =>
  `(hour(timezone(${tz}, ${column})) * 3600 + minute(timezone(${tz}, ${column})) * 60 + ` +
  `second(timezone(${tz}, ${column})))`;

/**
 * One row per day that has visits: the day's figures cut at `$1` seconds after Riga midnight. A customer is
 * waiting at the cut if checked in by then and not yet called, served, marked a no-show or cancelled.
 */
export function todaySql(plan: TodayPlan): { sql: string; params: string[] } {
  const days = [plan.date, ...plan.candidates];
  const params = [String(plan.cutSeconds), ...days];
  const dayList = days.map((_, i) => `$${i + 2}::DATE`).join(', ');
  let conditions = '';
  if (plan.office !== null) {
    params.push(plan.office);
    conditions = `\n    AND office_id = $${params.length}`;
  }
  for (const [id, values] of Object.entries(plan.filters)) {
    if (values.length === 0) continue;
    const column = Dimensions[id as (typeof TODAY_FILTERS)[number]].column;
    const placeholders = values.map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    conditions += `\n    AND CAST(${column} AS VARCHAR) IN (${placeholders.join(', ')})`;
  }
  const sql = `WITH v AS (
  SELECT event_date AS day, wait_minutes,
    ${secondOfDay('checked_in_at')} AS in_s,
    ${secondOfDay('called_at')} AS called_s,
    ${secondOfDay('least(called_at, completed_at, no_show_at, cancelled_at)')} AS left_s
  FROM visits
  WHERE event_date IN (${dayList})${conditions}
)
SELECT CAST(day AS VARCHAR) AS day,
  count(*) FILTER (WHERE in_s <= $1::INTEGER) AS arrivals,
  count(*) FILTER (WHERE in_s <= $1::INTEGER AND (left_s IS NULL OR left_s > $1::INTEGER)) AS waiting_now,
  quantile_cont(wait_minutes, 0.5) FILTER (WHERE called_s <= $1::INTEGER) AS wait_p50,
  count(wait_minutes) FILTER (WHERE called_s <= $1::INTEGER) AS wait_n
FROM v
GROUP BY day`;
  return { sql, params };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface DayFigures {
  arrivals: number;
  waitingNow: number;
  waitP50: number | null;
  waitN: number;
}

function dayFigures(row: Record<string, unknown>): DayFigures {
  return {
    arrivals: toNumber(row.arrivals) ?? 0,
    waitingNow: toNumber(row.waiting_now) ?? 0,
    waitP50: toNumber(row.wait_p50),
    waitN: toNumber(row.wait_n) ?? 0,
  };
}

/** The answer from the rows of `todaySql`: today's figures (zero when nothing arrived yet) and the usual. */
export function todayAnswer(plan: TodayPlan, rows: Record<string, unknown>[], freshness: Freshness, now: Date) {
  const byDay = new Map(rows.map((r) => [String(r.day), dayFigures(r)]));
  const today: TodayFigures = byDay.get(plan.date) ?? { arrivals: 0, waitingNow: 0, waitP50: null, waitN: 0 };
  const usualDays = plan.candidates.filter((d) => byDay.has(d)).slice(0, USUAL_WEEKS);
  const past = usualDays.map((d) => byDay.get(d)).filter((f): f is DayFigures => f !== undefined);
  const usual: TodayFigures =
    past.length === 0
      ? { arrivals: null, waitingNow: null, waitP50: null, waitN: null }
      : {
          arrivals: median(past.map((f) => f.arrivals)),
          waitingNow: median(past.map((f) => f.waitingNow)),
          waitP50: median(past.flatMap((f) => (f.waitP50 === null ? [] : [f.waitP50]))),
          waitN: median(past.map((f) => f.waitN)),
        };
  return {
    freshness,
    office: plan.office,
    date: plan.date,
    asOf: now.toISOString(),
    timeOfDay: plan.timeOfDay,
    hours: plan.hours,
    today,
    usual,
    usualDays,
  } satisfies TodayAnswer;
}

export async function runToday(
  store: ReadStore,
  office: string | null,
  now: Date,
  filters: Record<string, string[]> = {},
): Promise<TodayAnswer> {
  const plan = planToday(office, now, filters);
  const { sql, params } = todaySql(plan);
  const rows = await store.query(sql, params);
  return todayAnswer(plan, rows, store.getFreshness(), now);
}
