/**
 * The SQL that builds the modelled tables (see @servq/metrics' `Models`) from the raw lake tables, for the
 * entities listed in `affected_<model>` only: a sync rebuilds just the visits, surveys, complaints and
 * feedback its files touched. Events are deduplicated by `event_id`; stages are placed by `occurred_at`, so a
 * lifecycle that arrived out of order, or with stages missing, still yields a row with what is known.
 * Complaint fields that depend on "today" (overdue, age) take it as parameter $1. An extended complaint is due
 * on the date its latest extension notice gave the person (`new_due_date`); the rule's longest extension stands
 * in only for an extension event without one. Each reads its raw table, or (the first sync's build in parts) a
 * relation holding just the part's rows in the raw table's columns.
 */
import { OFFICE_TIME_ZONE } from '../contracts.adapter.ts';
import { openAgeBandSql } from './age-bands.ts';

const tz = `'${OFFICE_TIME_ZONE}'`;

/**
 * Which entities a build covers: those listed in `affected_<model>` (a sync's changes), or every entity of the
 * relation read (the first sync's build of a part, whose rows are exactly the part's entities: filling the list
 * and joining against it cost a distinct and a semi-join over every row for nothing).
 */
export type BuildScope = 'affected' | 'all';

/**
 * The rows of the covered entities, one per `event_id` (the copy in the first file, then at the lowest offset).
 * Only the events seen more than once go through the window: numbering every row sorted them all by event and
 * file path, which cost more than the model's own aggregation (a year of 10 million events: 23 s of the first
 * sync's 69 s CPU went to building visits, 45 % less without that sort). The split is exact: an event without
 * a duplicate is its own first copy, and rows without an event id are numbered together, as before.
 */
function dedup(raw: string, key: string, scope: BuildScope, affected: string, extra = ''): string {
  const which = scope === 'all' ? `${key} IS NOT NULL` : `${key} IN (SELECT id FROM ${affected})`;
  const rows = `SELECT * FROM ${raw} WHERE ${which}${extra}`;
  return (
    `WITH dup AS (SELECT event_id FROM ${raw} WHERE ${which}${extra} AND event_id IS NOT NULL\n` +
    `    GROUP BY event_id HAVING count(*) > 1)\n` +
    `  ${rows} AND event_id IS NOT NULL AND event_id NOT IN (SELECT event_id FROM dup)\n` +
    `  UNION ALL (${rows} AND (event_id IS NULL OR event_id IN (SELECT event_id FROM dup))\n` +
    `    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY _file, kafka_offset) = 1)`
  );
}

function localTime(anchor: string): string {
  return (
    `CAST(timezone(${tz}, ${anchor}) AS DATE) AS event_date, ` +
    `CAST(hour(timezone(${tz}, ${anchor})) AS INTEGER) AS event_hour, ` +
    `CAST(isodow(timezone(${tz}, ${anchor})) AS INTEGER) AS event_weekday`
  );
}

const latest = (column: string, alias = column): string =>
  `arg_max(${column}, occurred_at) FILTER (WHERE ${column} IS NOT NULL) AS ${alias}`;
const first = (column: string, alias = column): string =>
  `arg_min(${column}, occurred_at) FILTER (WHERE ${column} IS NOT NULL) AS ${alias}`;
const at = (agg: 'min' | 'max', type: string, alias: string): string =>
  `${agg}(occurred_at) FILTER (WHERE type = '${type}') AS ${alias}`;

export const visitsModelSql = (raw = 'raw_visit_events', scope: BuildScope = 'affected'): string => `
WITH ev AS (${dedup(raw, 'visit_id', scope, 'affected_visits')}),
v AS (
  SELECT visit_id, ${latest('office_id')}, ${first('channel')}, ${latest('service_id')},
    ${latest('service_language', 'language')},
    CASE WHEN bool_or(type = 'visit.booked' OR arrival = 'appointment') THEN true
         WHEN bool_or(arrival = 'walk_in') THEN false END AS appointment,
    coalesce(bool_or(special_needs), false) AS special_needs,
    ${at('min', 'visit.booked', 'booked_at')}, ${latest('slot_start', 'slot_at')},
    ${at('min', 'visit.checked_in', 'checked_in_at')}, ${at('min', 'visit.called', 'called_at')},
    ${at('max', 'visit.completed', 'completed_at')}, ${at('max', 'visit.no_show', 'no_show_at')},
    ${at('max', 'visit.cancelled', 'cancelled_at')},
    arg_max(outcome, occurred_at) FILTER (WHERE type = 'visit.completed' AND outcome IS NOT NULL) AS outcome,
    ${latest('refusal_reason')}, ${latest('regulation_ref')}
  FROM ev GROUP BY visit_id
)
SELECT visit_id, office_id, channel, service_id, language, appointment,
  CASE WHEN appointment THEN 'appointment' WHEN NOT appointment THEN 'walk_in' END AS arrival,
  special_needs, booked_at, slot_at,
  checked_in_at, called_at, completed_at, no_show_at, cancelled_at,
  CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' WHEN no_show_at IS NOT NULL THEN 'no_show'
       WHEN completed_at IS NOT NULL THEN 'completed' WHEN called_at IS NOT NULL THEN 'called'
       WHEN checked_in_at IS NOT NULL THEN 'checked_in' ELSE 'booked' END AS status,
  outcome, refusal_reason, regulation_ref,
  CASE WHEN called_at >= checked_in_at THEN epoch(called_at - checked_in_at) / 60.0 END AS wait_minutes,
  CASE WHEN completed_at >= called_at THEN epoch(completed_at - called_at) / 60.0 END AS service_minutes,
  CASE WHEN appointment THEN epoch(called_at - slot_at) / 60.0 END AS punctuality_minutes,
  ${localTime('coalesce(checked_in_at, slot_at, called_at, completed_at, no_show_at, cancelled_at, booked_at)')}
FROM v`;

export const surveysModelSql = (raw = 'raw_survey_events', scope: BuildScope = 'affected'): string => `
WITH ev AS (${dedup(raw, 'survey_id', scope, 'affected_surveys')}),
s AS (
  SELECT survey_id, ${latest('visit_id')}, ${latest('case_id')}, ${latest('office_id')}, ${first('channel')}, ${latest('service_id')},
    ${latest('service_language', 'language')}, max(occurred_at) AS submitted_at,
    ${['satisfaction', 'competence', 'courtesy', 'speed', 'clarity', 'identifiable', 'recommend']
      .map((c) => latest(c))
      .join(', ')}
  FROM ev GROUP BY survey_id
)
SELECT s.survey_id, s.visit_id, s.case_id, coalesce(s.office_id, v.office_id) AS office_id, s.channel,
  CASE WHEN s.visit_id IS NOT NULL THEN 'in_person' ELSE s.channel END AS service_channel,
  coalesce(s.service_id, v.service_id) AS service_id, coalesce(s.language, v.language) AS language, s.submitted_at,
  s.satisfaction, s.competence, s.courtesy, s.speed, s.clarity, s.identifiable, s.recommend,
  v.wait_minutes AS visit_wait_minutes,
  CASE WHEN v.wait_minutes IS NULL THEN 'unknown' WHEN v.wait_minutes < 10 THEN '0-10'
       WHEN v.wait_minutes < 20 THEN '10-20' WHEN v.wait_minutes < 30 THEN '20-30' ELSE '30+' END AS wait_band,
  ${localTime('s.submitted_at')}
FROM s LEFT JOIN visits v ON v.visit_id = s.visit_id`;

export const complaintsModelSql = (raw = 'raw_complaint_events', scope: BuildScope = 'affected'): string => `
WITH ev AS (${dedup(raw, 'complaint_id', scope, 'affected_complaints')}),
c AS (
  SELECT complaint_id, ${latest('office_id')}, ${first('channel')}, ${latest('category')}, ${latest('language')},
    ${at('min', 'complaint.received', 'received_at')}, ${at('min', 'complaint.acknowledged', 'acknowledged_at')},
    ${at('min', 'complaint.forwarded', 'forwarded_at')}, ${at('min', 'complaint.extended', 'extended_at')},
    ${at('min', 'complaint.responded', 'responded_at')}, ${at('max', 'complaint.responded', 'last_responded_at')},
    ${at('max', 'complaint.closed', 'closed_at')}, ${at('max', 'complaint.reopened', 'reopened_at')},
    arg_max(outcome, occurred_at) FILTER (WHERE type = 'complaint.responded' AND outcome IS NOT NULL) AS outcome,
    arg_max(new_due_date, occurred_at) FILTER (WHERE type = 'complaint.extended' AND new_due_date IS NOT NULL)
      AS extended_to,
    min(occurred_at) AS first_at
  FROM ev GROUP BY complaint_id
),
d AS (
  SELECT *,
    CAST(timezone(${tz}, coalesce(received_at, first_at)) AS DATE) AS received_on,
    CAST(timezone(${tz}, responded_at) AS DATE) AS responded_on,
    CAST(timezone(${tz}, coalesce(forwarded_at, responded_at)) AS DATE) AS legal_responded_on,
    CASE WHEN reopened_at IS NOT NULL
         THEN reopened_at > coalesce(last_responded_at, '-infinity'::TIMESTAMPTZ)
          AND reopened_at > coalesce(closed_at, '-infinity'::TIMESTAMPTZ)
         ELSE responded_at IS NULL AND closed_at IS NULL AND forwarded_at IS NULL END AS is_open
  FROM c
),
e AS (
  SELECT d.*, r.wd_cum - k.wd_cum AS response_working_days,
    CASE WHEN forwarded_at IS NOT NULL THEN k.forward_due
         WHEN extended_at IS NOT NULL THEN coalesce(extended_to, k.extended_due)
         ELSE k.answer_due END AS legal_due_date,
    CASE WHEN forwarded_at IS NULL THEN k.internal_due END AS internal_due_date,
    k.rule_id AS legal_rule,
    CASE WHEN is_open THEN CAST(t.wd_cum - k.wd_cum AS INTEGER) END AS open_working_days
  FROM d LEFT JOIN calendar k ON k.date = d.received_on LEFT JOIN calendar r ON r.date = d.responded_on
    LEFT JOIN calendar t ON t.date = $1::DATE
)
SELECT complaint_id, office_id, channel, category, language, received_at, acknowledged_at, forwarded_at,
  extended_at, responded_at, closed_at, reopened_at, outcome, is_open,
  CAST(date_diff('day', received_on, responded_on) AS INTEGER) AS response_calendar_days,
  CAST(response_working_days AS INTEGER) AS response_working_days,
  legal_due_date,
  CASE WHEN legal_responded_on IS NOT NULL THEN legal_responded_on <= legal_due_date
       WHEN $1::DATE > legal_due_date THEN false END AS legal_deadline_met,
  internal_due_date,
  CASE WHEN internal_due_date IS NULL THEN NULL
       WHEN responded_on IS NOT NULL THEN responded_on <= internal_due_date
       WHEN $1::DATE > internal_due_date THEN false END AS internal_target_met,
  CASE WHEN is_open THEN CAST(date_diff('day', received_on, $1::DATE) AS INTEGER) END AS age_days,
  legal_rule, open_working_days,
  ${openAgeBandSql('open_working_days')} AS open_age_band,
  ${localTime('coalesce(received_at, first_at)')}
FROM e`;

export const feedbackModelSql = (raw = 'raw_complaint_events', scope: BuildScope = 'affected'): string => `
WITH ev AS (${dedup(raw, 'feedback_id', scope, 'affected_feedback', " AND type = 'feedback.received'")})
SELECT feedback_id, ${latest('feedback_kind', 'kind')}, ${latest('office_id')}, ${first('channel')},
  ${latest('language')}, min(occurred_at) AS received_at, ${localTime('min(occurred_at)')}
FROM ev GROUP BY feedback_id`;
