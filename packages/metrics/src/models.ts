/**
 * The modelled tables the metric catalogue is written against: one row per visit, complaint, survey response
 * and feedback item. The query service builds them from the lake (deduplicated by event id); this module is
 * the contract between the two and the analysts' documented schema. Every model carries the same time
 * columns, in Europe/Riga: `event_date`, `event_hour` (0–23) and `event_weekday` (1 = Monday … 7 = Sunday).
 */

export const ModelIds = ['visits', 'complaints', 'surveys', 'feedback'] as const;
export type ModelId = (typeof ModelIds)[number];

export type ColumnType = 'VARCHAR' | 'BOOLEAN' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'TIMESTAMPTZ';

export interface ModelColumn {
  name: string;
  type: ColumnType;
  description: string;
}

export interface ModelDefinition {
  id: ModelId;
  /** What a row is, in both of the page's languages (the SQL screen's schema list shows it as served). */
  description: { lv: string; en: string };
  /** The column that identifies a row. */
  key: string;
  /** What `event_date` means for this model. */
  anchoredOn: string;
  columns: readonly ModelColumn[];
}

const time: readonly ModelColumn[] = [
  { name: 'event_date', type: 'DATE', description: 'Riga calendar date the row is counted on' },
  { name: 'event_hour', type: 'INTEGER', description: 'Riga hour of day (0-23) the row is counted on' },
  { name: 'event_weekday', type: 'INTEGER', description: 'ISO weekday (1 = Monday … 7 = Sunday) in Riga' },
];

const c = (name: string, type: ColumnType, description: string): ModelColumn => ({ name, type, description });

export const Models: Record<ModelId, ModelDefinition> = {
  visits: {
    id: 'visits',
    description: {
      lv: 'Viena rinda katram apmeklējumam (visit_id): katrs zināmais posms un no tiem aprēķinātie ilgumi.',
      en: 'One row per visit (visit_id): each lifecycle stage that is known, with derived durations.',
    },
    key: 'visit_id',
    anchoredOn: 'check-in, else the booked slot, else the first known stage',
    columns: [
      c('visit_id', 'VARCHAR', 'visit identifier'),
      c('office_id', 'VARCHAR', 'office'),
      c('channel', 'VARCHAR', 'channel the visit was booked or made through'),
      c('service_id', 'VARCHAR', 'service requested, where known'),
      c('language', 'VARCHAR', 'service language (lv, ru, en, other)'),
      c('appointment', 'BOOLEAN', 'true for a booked appointment, false for a walk-in'),
      c('arrival', 'VARCHAR', 'appointment or walk_in (the appointment flag as a groupable value)'),
      c('special_needs', 'BOOLEAN', 'the customer asked for special-needs help'),
      c('booked_at', 'TIMESTAMPTZ', 'when the appointment was booked'),
      c('slot_at', 'TIMESTAMPTZ', 'the booked slot'),
      c('checked_in_at', 'TIMESTAMPTZ', 'check-in (ticket drawn)'),
      c('called_at', 'TIMESTAMPTZ', 'called to a desk'),
      c('completed_at', 'TIMESTAMPTZ', 'service completed'),
      c('no_show_at', 'TIMESTAMPTZ', 'recorded as a no-show'),
      c('cancelled_at', 'TIMESTAMPTZ', 'cancelled'),
      c('status', 'VARCHAR', 'booked, checked_in, called, completed, no_show or cancelled (the furthest stage)'),
      c('outcome', 'VARCHAR', 'served, refused or redirected'),
      c('refusal_reason', 'VARCHAR', 'reason code of a refusal'),
      c('regulation_ref', 'VARCHAR', 'regulation cited for a refusal'),
      c('wait_minutes', 'DOUBLE', 'check-in to call, minutes'),
      c('service_minutes', 'DOUBLE', 'call to completion, minutes'),
      c('punctuality_minutes', 'DOUBLE', 'call minus booked slot, minutes (positive = late for the customer)'),
      ...time,
    ],
  },
  complaints: {
    id: 'complaints',
    description: {
      lv:
        'Viena rinda katrai sūdzībai (complaint_id): tās posmi, atbildes laiks kalendāra un darba dienās un ' +
        'Iesniegumu likuma termiņš, kas bija spēkā saņemšanas dienā.',
      en:
        'One row per complaint (complaint_id): its stages, calendar and working-day response times, and the ' +
        'deadline of the Law on Submissions in force on the day of receipt.',
    },
    key: 'complaint_id',
    anchoredOn: 'the day the complaint was received',
    columns: [
      c('complaint_id', 'VARCHAR', 'complaint identifier'),
      c('office_id', 'VARCHAR', 'office concerned, where one applies'),
      c('channel', 'VARCHAR', 'channel the complaint arrived through'),
      c('category', 'VARCHAR', 'complaint category'),
      c('language', 'VARCHAR', 'language of the complaint'),
      c('received_at', 'TIMESTAMPTZ', 'received'),
      c('acknowledged_at', 'TIMESTAMPTZ', 'acknowledged'),
      c('forwarded_at', 'TIMESTAMPTZ', 'forwarded to another institution'),
      c('extended_at', 'TIMESTAMPTZ', 'deadline extended, with notice to the person'),
      c('responded_at', 'TIMESTAMPTZ', 'answered on the merits'),
      c('closed_at', 'TIMESTAMPTZ', 'closed'),
      c('reopened_at', 'TIMESTAMPTZ', 'last reopened'),
      c('outcome', 'VARCHAR', 'outcome of the answer'),
      c('is_open', 'BOOLEAN', 'not answered or closed yet (or reopened after)'),
      c('response_calendar_days', 'INTEGER', 'calendar days from receipt to answer'),
      c('response_working_days', 'INTEGER', 'working days from receipt to answer (Latvian holidays excluded)'),
      c('legal_due_date', 'DATE', 'the answer deadline under the rule in force on receipt (extended if extended)'),
      c('legal_deadline_met', 'BOOLEAN', 'answered by the legal deadline; null while open and not yet due'),
      c('internal_due_date', 'DATE', "ATD's internal target date"),
      c('internal_target_met', 'BOOLEAN', 'answered by the internal target; null while open and not yet due'),
      c('age_days', 'INTEGER', 'calendar days since receipt, for open complaints (as of the last sync)'),
      c('legal_rule', 'VARCHAR', 'id of the Law on Submissions rule in force on the day of receipt'),
      c('open_working_days', 'INTEGER', 'working days since receipt, for open complaints (as of the last sync)'),
      c('open_age_band', 'VARCHAR', 'open_working_days banded: 0-5, 6-10, 11-20 or 21+; null when not open'),
      ...time,
    ],
  },
  surveys: {
    id: 'surveys',
    description: {
      lv: 'Viena rinda katrai aptaujas atbildei ar saistītā apmeklējuma gaidīšanas laiku, ja tas zināms. Neatbildēts jautājums = null.',
      en: 'One row per survey response, with the linked visit wait where known. Unanswered = null.',
    },
    key: 'survey_id',
    anchoredOn: 'the day the survey was submitted',
    columns: [
      c('survey_id', 'VARCHAR', 'survey response identifier'),
      c('visit_id', 'VARCHAR', 'linked visit, where known'),
      c('case_id', 'VARCHAR', 'linked e-service case (e.atd.lv, latvija.lv), where known; such cases have no office'),
      c('office_id', 'VARCHAR', 'office'),
      c('channel', 'VARCHAR', 'channel the answer came in through (kiosk, e-mail, portal)'),
      c(
        'service_channel',
        'VARCHAR',
        "channel of the service rated: in_person for a visit's survey, else the answer's own channel",
      ),
      c('service_id', 'VARCHAR', 'service, where known'),
      c('language', 'VARCHAR', 'service language'),
      c('submitted_at', 'TIMESTAMPTZ', 'submitted'),
      c('satisfaction', 'INTEGER', 'overall satisfaction 1-5'),
      c('competence', 'INTEGER', 'staff competence 1-5'),
      c('courtesy', 'INTEGER', 'courtesy 1-5'),
      c('speed', 'INTEGER', 'speed 1-5'),
      c('clarity', 'INTEGER', 'clarity of information 1-5'),
      c('identifiable', 'INTEGER', 'staff identifiable 1-5'),
      c('recommend', 'INTEGER', 'likelihood to recommend 0-10'),
      c('visit_wait_minutes', 'DOUBLE', "the linked visit's wait, minutes"),
      c('wait_band', 'VARCHAR', "the linked visit's wait: 0-10, 10-20, 20-30, 30+ or unknown"),
      ...time,
    ],
  },
  feedback: {
    id: 'feedback',
    description: {
      lv: 'Viena rinda katrai atsauksmei (pateicībai vai ierosinājumam).',
      en: 'One row per feedback item (praise or suggestion).',
    },
    key: 'feedback_id',
    anchoredOn: 'the day the feedback was received',
    columns: [
      c('feedback_id', 'VARCHAR', 'feedback identifier'),
      c('kind', 'VARCHAR', 'praise or suggestion'),
      c('office_id', 'VARCHAR', 'office concerned'),
      c('channel', 'VARCHAR', 'channel'),
      c('language', 'VARCHAR', 'language'),
      c('received_at', 'TIMESTAMPTZ', 'received'),
      ...time,
    ],
  },
};
