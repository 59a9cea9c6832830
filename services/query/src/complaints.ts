/**
 * The complaint desk (GET /v1/complaints/due and /v1/complaints/backlog): what the catalogue cannot express,
 * because it depends on a chosen day rather than on the day of receipt. The due list reads the complaints
 * model's legal due date (the rule in force on receipt, extended if extended) and counts working days to it on
 * the calendar table, so it agrees with the model and with the alerts' deadline clock: overdue means the due
 * date is before today, due means on or after today and at most `within` working days away. An overdue complaint
 * is late by the working days from its due date to today, or on a day off to the next working day: a deadline of
 * Friday reads one working day late over the weekend, as on Monday, never "late by 0". The backlog counts,
 * at the end of each period, the complaints received by then and not yet answered, forwarded or closed; a
 * reopened complaint is in the backlog again from its reopening until its next answer, forwarding or closure. Filters and the office
 * scope are those of /v1/query; values travel only as parameters.
 */
import { Grains, quoteIdent, SqlParams, whereSql, type Grain } from '@servq/metrics';
import type { BacklogAnswer, BacklogPoint, DueAnswer, DueComplaint } from '@servq/query-api';
import { z } from 'zod';
import { addDays, OFFICE_TIME_ZONE } from './contracts.adapter.ts';
import { QueryError, QueryErrorCode } from './errors.ts';
import { toNumber, type ReadStore } from './routes/metric.query.ts';
import { shownFilters, type Filters } from './routes/params.ts';

export const DueParams = z.object({
  within: z.coerce
    .number({ message: 'expected a whole number of working days, 0 to 60' })
    .int('expected a whole number of working days, 0 to 60')
    .min(0, 'expected a whole number of working days, 0 to 60')
    .max(60, 'expected a whole number of working days, 0 to 60')
    .default(5)
    .describe('list complaints due within this many working days from today (0: due today), besides overdue ones'),
  limit: z.coerce
    .number({ message: 'expected a whole number, 1 to 1000' })
    .int('expected a whole number, 1 to 1000')
    .min(1, 'expected a whole number, 1 to 1000')
    .max(1000, 'expected a whole number, 1 to 1000')
    .default(200)
    .describe('at most this many complaints in the list (the counts are never cut)'),
});
export type DueParams = z.infer<typeof DueParams>;

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD (Europe/Riga)' });
export const BacklogParams = z.object({
  from: isoDate.describe('first day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  to: isoDate.describe('last day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  grain: z
    .enum(Grains, { message: `expected one of ${Grains.join(', ')}` })
    .default('week')
    .describe('the backlog is counted at the end of each day, week, month or quarter'),
});
export type BacklogParams = z.infer<typeof BacklogParams>;

/** The most periods one backlog answer holds (about three years of days). */
export const MAX_PERIODS = 1100;
/** Every complaint received up to the range's end counts, however old: a backlog has no start date. */
const EVER = '1900-01-01';
const tz = `'${OFFICE_TIME_ZONE}'`;

/** First day of the period (of `grain`) that `date` falls in; weeks start on Monday, as in the catalogue. */
export function periodStart(date: string, grain: Grain): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (grain === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (grain === 'month') d.setUTCDate(1);
  if (grain === 'quarter') d.setUTCMonth(Math.floor(d.getUTCMonth() / 3) * 3, 1);
  return d.toISOString().slice(0, 10);
}

function nextPeriod(start: string, grain: Grain): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (grain === 'day') d.setUTCDate(d.getUTCDate() + 1);
  if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7);
  if (grain === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 1);
  if (grain === 'quarter') d.setUTCMonth(d.getUTCMonth() + 3, 1);
  return d.toISOString().slice(0, 10);
}

export interface BacklogPeriod {
  period: string;
  /** The first day counted for "received" and "answered": the period's start or `from`, whichever is later. */
  first: string;
  /** The day the backlog is counted at: the period's last day, `to` or today, whichever is earliest. */
  asOf: string;
}

/** The periods of a range, cut at `to` and at today (a backlog of the future is not known). */
export function backlogPeriods(from: string, to: string, grain: Grain, today: string): BacklogPeriod[] {
  const end = to < today ? to : today;
  const periods: BacklogPeriod[] = [];
  for (let start = periodStart(from, grain); start <= end; start = nextPeriod(start, grain)) {
    if (periods.length >= MAX_PERIODS) {
      throw new QueryError(QueryErrorCode.BadParameter, 'too many periods', [
        { parameter: 'grain', expected: `a coarser grain or a shorter range (at most ${MAX_PERIODS} periods)` },
      ]);
    }
    const last = addDays(nextPeriod(start, grain), -1);
    periods.push({ period: start, first: start < from ? from : start, asOf: last < end ? last : end });
  }
  return periods;
}

export function dueSql(today: string, params: DueParams, filters: Filters): { sql: string; params: string[] } {
  const p = new SqlParams();
  const where = whereSql({ from: EVER, to: today, filters }, ['complaints'], p);
  const todayParam = p.add(today);
  const within = p.add(String(params.within));
  const sql = `SELECT complaint_id, office_id, channel, category, CAST(event_date AS VARCHAR) AS received_on,
  CAST(legal_due_date AS VARCHAR) AS due_on, legal_rule, extended_at IS NOT NULL AS extended,
  reopened_at IS NOT NULL AS reopened,
  CAST(d.wd_cum - t.wd_cum - CASE WHEN legal_due_date < ${todayParam}::DATE AND NOT t.working_day THEN 1 ELSE 0 END
    AS INTEGER) AS wd_left,
  legal_due_date < ${todayParam}::DATE AS overdue
FROM ${quoteIdent('complaints')}
  LEFT JOIN calendar d ON d.date = legal_due_date
  LEFT JOIN calendar t ON t.date = ${todayParam}::DATE
WHERE is_open AND legal_due_date IS NOT NULL AND ${where.join(' AND ')}
  AND (legal_due_date < ${todayParam}::DATE OR d.wd_cum - t.wd_cum <= ${within}::INTEGER)
ORDER BY legal_due_date, complaint_id`;
  return { sql, params: p.values };
}

export function backlogSql(
  periods: readonly BacklogPeriod[],
  to: string,
  filters: Filters,
): { sql: string; params: string[] } {
  const p = new SqlParams();
  const where = whereSql({ from: EVER, to, filters }, ['complaints'], p);
  const values = periods
    .map((x) => `(${p.add(x.period)}::DATE, ${p.add(x.first)}::DATE, ${p.add(x.asOf)}::DATE)`)
    .join(', ');
  // A complaint is open in spells: from receipt to its first answer, forwarding or closure, and again from each
  // reopening to the next such event. The model keeps only the last reopening, so the reopenings are read from
  // the complaint events (deduplicated by event_id like the model) of the complaints the filters kept.
  const sql = `WITH ends AS (SELECT * FROM (VALUES ${values}) AS e(period, first_day, as_of)),
c AS (
  SELECT complaint_id, event_date AS received_on, legal_due_date,
    CAST(timezone(${tz}, least(responded_at, forwarded_at, closed_at)) AS DATE) AS done_on
  FROM ${quoteIdent('complaints')} WHERE ${where.join(' AND ')}
),
ev AS (
  SELECT DISTINCT event_id, complaint_id, type, occurred_at FROM raw_complaint_events
  WHERE type IN ('complaint.reopened', 'complaint.responded', 'complaint.forwarded', 'complaint.closed')
    AND complaint_id IN (SELECT complaint_id FROM c)
),
reopened AS (
  SELECT r.complaint_id, r.occurred_at AS reopened_at, min(d.occurred_at) AS done_at
  FROM ev r LEFT JOIN ev d ON d.complaint_id = r.complaint_id AND d.occurred_at > r.occurred_at
    AND d.type <> 'complaint.reopened'
  WHERE r.type = 'complaint.reopened'
  GROUP BY r.event_id, r.complaint_id, r.occurred_at
),
spells AS (
  SELECT complaint_id, true AS first_spell, received_on AS open_on, done_on, legal_due_date FROM c
  UNION ALL
  SELECT x.complaint_id, false, CAST(timezone(${tz}, x.reopened_at) AS DATE),
    CAST(timezone(${tz}, x.done_at) AS DATE), c.legal_due_date
  FROM reopened x JOIN c ON c.complaint_id = x.complaint_id
)
SELECT CAST(e.period AS VARCHAR) AS period, CAST(e.as_of AS VARCHAR) AS as_of,
  count(DISTINCT s.complaint_id) FILTER (WHERE s.open_on <= e.as_of AND (s.done_on IS NULL OR s.done_on > e.as_of)) AS open,
  count(DISTINCT s.complaint_id) FILTER (WHERE s.open_on <= e.as_of AND (s.done_on IS NULL OR s.done_on > e.as_of)
    AND s.legal_due_date < e.as_of) AS overdue,
  count(s.complaint_id) FILTER (WHERE s.first_spell AND s.open_on BETWEEN e.first_day AND e.as_of) AS received,
  count(DISTINCT s.complaint_id) FILTER (WHERE s.done_on BETWEEN e.first_day AND e.as_of) AS answered
FROM ends e LEFT JOIN spells s ON true
GROUP BY e.period, e.as_of
ORDER BY e.period`;
  return { sql, params: p.values };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown): number => toNumber(v) ?? 0;

export async function runDue(store: ReadStore, today: string, params: DueParams, filters: Filters): Promise<DueAnswer> {
  const { sql, params: values } = dueSql(today, params, filters);
  const rows = await store.query(sql, values);
  const complaints: DueComplaint[] = rows.map((r) => ({
    id: String(r.complaint_id),
    office: text(r.office_id),
    channel: text(r.channel),
    category: text(r.category),
    receivedOn: String(r.received_on),
    dueOn: String(r.due_on),
    rule: text(r.legal_rule),
    extended: r.extended === true,
    reopened: r.reopened === true,
    workingDaysLeft: count(r.wd_left),
    status: r.overdue === true ? 'overdue' : 'due',
  }));
  const overdue = complaints.filter((c) => c.status === 'overdue');
  const due = complaints.filter((c) => c.status === 'due');
  return {
    freshness: store.getFreshness(),
    asOf: today,
    within: params.within,
    filters: shownFilters(filters),
    counts: { overdue: overdue.length, due: due.length },
    complaints: [...overdue, ...due].slice(0, params.limit),
    truncated: complaints.length > params.limit,
  };
}

export async function runBacklog(
  store: ReadStore,
  today: string,
  params: BacklogParams,
  filters: Filters,
): Promise<BacklogAnswer> {
  if (params.from > params.to) {
    throw new QueryError(QueryErrorCode.BadParameter, 'from is after to', [
      { parameter: 'from', expected: `a date on or before to (${params.to})`, received: params.from },
    ]);
  }
  const periods = backlogPeriods(params.from, params.to, params.grain, today);
  let points: BacklogPoint[] = [];
  if (periods.length > 0) {
    const { sql, params: values } = backlogSql(periods, params.to, filters);
    const rows = await store.query(sql, values);
    points = rows.map((r) => ({
      period: String(r.period),
      asOf: String(r.as_of),
      open: count(r.open),
      overdue: count(r.overdue),
      received: count(r.received),
      answered: count(r.answered),
    }));
  }
  return {
    freshness: store.getFreshness(),
    from: params.from,
    to: params.to,
    grain: params.grain,
    filters: shownFilters(filters),
    points,
  };
}
