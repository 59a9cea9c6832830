/**
 * The lake's tables: flat, snake_case, typed columns in DuckDB SQL types. The lander writes exactly these
 * columns and the query service reads them; an event field is a column of the same name, so the mapping is
 * trivial and a new field is one line here (a test fails until it is added).
 */
import { LakeTables, type LakeTableName } from './constants.ts';

export type LakeColumnType = 'VARCHAR' | 'TIMESTAMPTZ' | 'DATE' | 'INTEGER' | 'BIGINT' | 'BOOLEAN' | 'DOUBLE';

export interface LakeColumn {
  name: string;
  type: LakeColumnType;
  nullable: boolean;
  description: string;
  /**
   * The description in Latvian, for the columns analysts read as they are through /v1/schema (alert_events,
   * where the SQL screen shows the page's language). The other lake tables reach analysts only through the
   * models of @servq/metrics, which describe their columns in both languages themselves.
   */
  descriptionLv?: string;
}

function column(
  name: string,
  type: LakeColumnType,
  description: string | { lv: string; en: string },
  nullable = true,
): LakeColumn {
  if (typeof description === 'string') return { name, type, nullable, description };
  return { name, type, nullable, description: description.en, descriptionLv: description.lv };
}

const ENVELOPE = (officeRequired: boolean): LakeColumn[] => [
  column('event_id', 'VARCHAR', 'client-chosen UUID; the idempotency key', false),
  column('type', 'VARCHAR', 'event type, e.g. visit.completed', false),
  column('schema_version', 'INTEGER', 'version of the event schema', false),
  column('occurred_at', 'TIMESTAMPTZ', 'when it happened, stored as UTC', false),
  column('source', 'VARCHAR', 'the sending system', false),
  column('channel', 'VARCHAR', 'channel id (reference/channels)', false),
  column('office_id', 'VARCHAR', 'office id (reference/offices)', !officeRequired),
  column('backfill', 'BOOLEAN', 'sent late on purpose; false when not marked', false),
];

const INGEST: LakeColumn[] = [
  column(
    'ingested_at',
    'TIMESTAMPTZ',
    { lv: 'kad lander serviss to nolasīja no Kafka', en: 'when the lander read it from Kafka' },
    false,
  ),
  column('kafka_partition', 'INTEGER', { lv: 'Kafka nodalījums', en: 'Kafka partition' }, false),
  column('kafka_offset', 'BIGINT', { lv: 'Kafka nobīde nodalījumā', en: 'Kafka offset within the partition' }, false),
];

const VISIT: LakeColumn[] = [
  ...ENVELOPE(true),
  column('visit_id', 'VARCHAR', 'links the events of one visit', false),
  column('service_id', 'VARCHAR', 'service id (reference/services)'),
  column('slot_start', 'TIMESTAMPTZ', 'booked appointment time (booked, no-show)'),
  column('slot_minutes', 'INTEGER', 'booked slot length'),
  column('arrival', 'VARCHAR', 'walk_in or appointment (checked in)'),
  column('ticket', 'VARCHAR', 'queue ticket (checked in)'),
  column('special_needs', 'BOOLEAN', 'customer asked for extra help'),
  column('desk', 'VARCHAR', 'desk called to (called)'),
  column('staff_ref', 'VARCHAR', 'pseudonymised staff member'),
  column('customer_ref', 'VARCHAR', 'pseudonymised customer'),
  column('outcome', 'VARCHAR', 'served, refused or redirected (completed)'),
  column('service_language', 'VARCHAR', 'lv, ru, en or other'),
  column('refusal_reason', 'VARCHAR', 'refusal reason code (reference/refusals)'),
  column('regulation_ref', 'VARCHAR', 'regulation the refusal rests on'),
  column('redirected_to', 'VARCHAR', 'where the customer was redirected'),
  column('special_needs_help', 'BOOLEAN', 'extra help was given'),
  column('cancelled_by', 'VARCHAR', 'customer or office (cancelled)'),
  ...INGEST,
];

const SCORE = (name: string, what: string): LakeColumn => column(name, 'INTEGER', `${what}; null when unanswered`);

const SURVEY: LakeColumn[] = [
  ...ENVELOPE(false),
  column('survey_id', 'VARCHAR', 'survey response id', false),
  column('visit_id', 'VARCHAR', 'the visit rated, when known'),
  column('case_id', 'VARCHAR', 'the e-service case rated, when known'),
  column('service_id', 'VARCHAR', 'service id (reference/services)'),
  column('satisfaction', 'INTEGER', 'overall satisfaction 1-5', false),
  SCORE('competence', 'staff competence 1-5'),
  SCORE('courtesy', 'courtesy 1-5'),
  SCORE('speed', 'speed 1-5'),
  SCORE('clarity', 'clarity of information 1-5'),
  SCORE('identifiable', 'staff identifiable 1-5'),
  SCORE('recommend', 'likelihood to recommend 0-10'),
  column('service_language', 'VARCHAR', 'lv, ru, en or other'),
  column('comment', 'VARCHAR', 'free-text comment, scrubbed'),
  ...INGEST,
];

const COMPLAINT: LakeColumn[] = [
  ...ENVELOPE(false),
  column('complaint_id', 'VARCHAR', 'links the events of one complaint; null for feedback'),
  column('feedback_id', 'VARCHAR', 'feedback id; null for complaints'),
  column('form', 'VARCHAR', 'written or verbal (received)'),
  column('category', 'VARCHAR', 'complaint category (reference/complaints)'),
  column('language', 'VARCHAR', 'language of the complaint or feedback'),
  column('service_id', 'VARCHAR', 'service id (reference/services)'),
  column('visit_id', 'VARCHAR', 'the visit concerned, when known'),
  column('customer_ref', 'VARCHAR', 'pseudonymised customer'),
  column('staff_ref', 'VARCHAR', 'pseudonymised staff member'),
  column('summary', 'VARCHAR', 'complaint summary, scrubbed'),
  column('forwarded_to', 'VARCHAR', 'competent institution (forwarded)'),
  column('person_notified', 'BOOLEAN', 'person told of the forwarding'),
  column('extension_reason', 'VARCHAR', 'why the deadline was extended'),
  column('new_due_date', 'DATE', 'extended due date'),
  column('notice_method', 'VARCHAR', 'how the extension was notified'),
  column('outcome', 'VARCHAR', 'outcome of the answer (responded)'),
  column('delivery_method', 'VARCHAR', 'how the answer was delivered'),
  column('reopen_reason', 'VARCHAR', 'why it was reopened'),
  column('feedback_kind', 'VARCHAR', 'praise or suggestion (feedback)'),
  column('text', 'VARCHAR', 'feedback text, scrubbed'),
  ...INGEST,
];

const REJECTED: LakeColumn[] = [
  column('event_id', 'VARCHAR', 'event_id of the payload, when it had a string one'),
  column('type', 'VARCHAR', 'type of the payload, when it had a string one'),
  column('occurred_at', 'TIMESTAMPTZ', 'occurred_at of the payload, when it was a valid date-time'),
  column('source', 'VARCHAR', 'the sending system or endpoint, when known'),
  column('received_at', 'TIMESTAMPTZ', 'when the edge received it', false),
  column('raw', 'VARCHAR', 'the payload redacted: unknown names and invalid values described, never kept', false),
  column('reasons', 'VARCHAR', 'JSON array of {path, message}, redacted like raw', false),
  ...INGEST,
];

/** Alert events (alert.events.ts): one row per raised, renotified, resolved, acknowledged or delivered. */
const ALERT: LakeColumn[] = [
  column(
    'event_id',
    'VARCHAR',
    {
      lv: 'UUID, ko izvēlas brīdinājumu serviss; idempotences atslēga',
      en: 'UUID chosen by the alerts service; the idempotency key',
    },
    false,
  ),
  column(
    'type',
    'VARCHAR',
    {
      lv: 'alert.raised, alert.renotified, alert.resolved, alert.acknowledged vai alert.delivered',
      en: 'alert.raised, alert.renotified, alert.resolved, alert.acknowledged or alert.delivered',
    },
    false,
  ),
  column('schema_version', 'INTEGER', { lv: 'notikuma shēmas versija', en: 'version of the event schema' }, false),
  column(
    'occurred_at',
    'TIMESTAMPTZ',
    {
      lv: 'kad brīdinājumu serviss to izlēma vai izdarīja, glabāts UTC laikā',
      en: 'when the alerts service decided or did it, stored as UTC',
    },
    false,
  ),
  column(
    'source',
    'VARCHAR',
    { lv: 'serviss, kas to ierakstīja (servq-alerts)', en: 'the writing service (servq-alerts)' },
    false,
  ),
  column(
    'alert_id',
    'VARCHAR',
    {
      lv: 'viens nosacījums: noteikums un tvērums, piem., csat-below-target:cesis',
      en: 'one condition: rule and scope, e.g. csat-below-target:cesis',
    },
    false,
  ),
  column(
    'rule_id',
    'VARCHAR',
    { lv: 'services/alerts/rules noteikums, kas nostrādāja', en: 'the rule of services/alerts/rules that fired' },
    false,
  ),
  column(
    'rule_kind',
    'VARCHAR',
    {
      lv: 'outside_target, change, equal_service_gap vai deadline',
      en: 'outside_target, change, equal_service_gap or deadline',
    },
    false,
  ),
  column('office_id', 'VARCHAR', {
    lv: 'nodaļas id (reference/offices); null visai iestādei vai, ja no_office ir true, ierakstiem bez nodaļas',
    en: 'office id (reference/offices); null for the whole agency, or for records with no office when no_office is true',
  }),
  column('no_office', 'BOOLEAN', {
    lv: 'true, ja brīdinājums ir par ierakstiem bez nodaļas (sūdzības, kas vēl nav piešķirtas nodaļai); citādi null',
    en: 'true when the alert is about records with no office (complaints not yet assigned to one); null otherwise',
  }),
  column('severity', 'VARCHAR', {
    lv: 'warning vai critical (raised, renotified)',
    en: 'warning or critical (raised, renotified)',
  }),
  column('metric_id', 'VARCHAR', {
    lv: 'kataloga rādītājs (raised, renotified)',
    en: 'catalogue metric (raised, renotified)',
  }),
  column('alert_group', 'VARCHAR', {
    lv: 'grupa papildus nodaļai, piem., language:ru',
    en: 'the group beyond the office, e.g. language:ru',
  }),
  column('value', 'DOUBLE', {
    lv: 'vērtība, kas izraisīja brīdinājumu (resolved: vērtība, pie kuras tas atrisināts)',
    en: 'the figure that fired (resolved: the figure it resolved at)',
  }),
  column('interval_low', 'DOUBLE', { lv: '95 % intervāla apakšējā robeža', en: '95 % interval, low end' }),
  column('interval_high', 'DOUBLE', { lv: '95 % intervāla augšējā robeža', en: '95 % interval, high end' }),
  column('target', 'DOUBLE', { lv: 'mērķis, ar kuru vērtība salīdzināta', en: 'the target the figure was held to' }),
  column('baseline', 'DOUBLE', {
    lv: 'salīdzinājuma vērtība (iepriekšējais periods, citas grupas)',
    en: 'the comparison figure (previous period, other groups)',
  }),
  column('p_value', 'DOUBLE', {
    lv: 'nostrādājušā testa divpusējā p vērtība',
    en: 'two-sided p-value of the test that fired',
  }),
  column('n', 'INTEGER', { lv: 'izlases lielums', en: 'sample size' }),
  column('period_from', 'DATE', { lv: 'pirmā novērtētā diena (Europe/Riga)', en: 'first day evaluated (Europe/Riga)' }),
  column('period_to', 'DATE', { lv: 'pēdējā novērtētā diena (Europe/Riga)', en: 'last day evaluated (Europe/Riga)' }),
  column('due_date', 'DATE', {
    lv: 'termiņu pulkstenis: agrākais likumā noteiktais atbildes termiņš starp saskaitītajām sūdzībām',
    en: 'deadline clock: the earliest legal due date among the complaints counted',
  }),
  column('reason', 'VARCHAR', {
    lv: 'kāpēc brīdinājums izsaukts, ģenerēts teksts',
    en: 'why it fired, generated text',
  }),
  column('link', 'VARCHAR', { lv: 'paneļa skats, kurā tas redzams', en: 'dashboard view that shows it' }),
  column('clean_evaluations', 'INTEGER', {
    lv: 'secīgie novērtējumi bez problēmas, pēc kuriem tas atrisināts (resolved)',
    en: 'clean evaluations in a row that resolved it (resolved)',
  }),
  column('acknowledged_by', 'VARCHAR', {
    lv: 'žetona id, ar kuru tas apstiprināts (acknowledged)',
    en: 'token id that acknowledged it (acknowledged)',
  }),
  column('notification_id', 'VARCHAR', {
    lv: 'piegādātā paziņojuma event_id (delivered)',
    en: 'event_id of the notification delivered (delivered)',
  }),
  column('subscriber_id', 'VARCHAR', {
    lv: 'noteikumu faila abonents (delivered)',
    en: 'subscriber of the rules file (delivered)',
  }),
  column('delivery_channel', 'VARCHAR', { lv: 'email vai webhook (delivered)', en: 'email or webhook (delivered)' }),
  column('attempts', 'INTEGER', {
    lv: 'piegādes mēģinājumu skaits (delivered)',
    en: 'attempts the delivery took (delivered)',
  }),
  ...INGEST,
];

export const LakeColumns: Record<LakeTableName, readonly LakeColumn[]> = {
  [LakeTables.visit]: VISIT,
  [LakeTables.survey]: SURVEY,
  [LakeTables.complaint]: COMPLAINT,
  [LakeTables.rejected]: REJECTED,
  [LakeTables.alert]: ALERT,
};
