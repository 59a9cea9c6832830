/**
 * The modelled tables the metric catalogue is written against: one row per visit, complaint, survey response
 * and feedback item. The query service builds them from the lake (deduplicated by event id); this module is
 * the contract between the two and the analysts' documented schema. Every model carries the same time
 * columns, in Europe/Riga: `event_date`, `event_hour` (0–23) and `event_weekday` (1 = Monday … 7 = Sunday).
 */

export const ModelIds = ['visits', 'complaints', 'surveys', 'feedback'] as const;
export type ModelId = (typeof ModelIds)[number];

export type ColumnType = 'VARCHAR' | 'BOOLEAN' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'TIMESTAMPTZ';

/** A text in both of the page's languages; the SQL screen shows the page's one, as /v1/schema serves it. */
type Localised = { lv: string; en: string };

export interface ModelColumn {
  name: string;
  type: ColumnType;
  description: Localised;
}

export interface ModelDefinition {
  id: ModelId;
  /** What a row is, in both of the page's languages (the SQL screen's schema list shows it as served). */
  description: Localised;
  /** The column that identifies a row. */
  key: string;
  /** What `event_date` means for this model. */
  anchoredOn: Localised;
  columns: readonly ModelColumn[];
}

const time: readonly ModelColumn[] = [
  {
    name: 'event_date',
    type: 'DATE',
    description: {
      lv: 'Rīgas kalendāra datums, kurā rinda tiek uzskaitīta',
      en: 'Riga calendar date the row is counted on',
    },
  },
  {
    name: 'event_hour',
    type: 'INTEGER',
    description: {
      lv: 'Rīgas laika stunda (0–23), kurā rinda tiek uzskaitīta',
      en: 'Riga hour of day (0-23) the row is counted on',
    },
  },
  {
    name: 'event_weekday',
    type: 'INTEGER',
    description: {
      lv: 'ISO nedēļas diena (1 = pirmdiena … 7 = svētdiena) Rīgas laikā',
      en: 'ISO weekday (1 = Monday … 7 = Sunday) in Riga',
    },
  },
];

const c = (name: string, type: ColumnType, description: Localised): ModelColumn => ({ name, type, description });

export const Models: Record<ModelId, ModelDefinition> = {
  visits: {
    id: 'visits',
    description: {
      lv: 'Viena rinda katram apmeklējumam (visit_id): katrs zināmais posms un no tiem aprēķinātie ilgumi.',
      en: 'One row per visit (visit_id): each lifecycle stage that is known, with derived durations.',
    },
    key: 'visit_id',
    anchoredOn: {
      lv: 'reģistrēšanās, citādi pieraksta laiks, citādi pirmais zināmais posms',
      en: 'check-in, else the booked slot, else the first known stage',
    },
    columns: [
      c('visit_id', 'VARCHAR', { lv: 'apmeklējuma identifikators', en: 'visit identifier' }),
      c('office_id', 'VARCHAR', { lv: 'nodaļa', en: 'office' }),
      c('channel', 'VARCHAR', {
        lv: 'kanāls, pa kuru apmeklējums pierakstīts vai noticis',
        en: 'channel the visit was booked or made through',
      }),
      c('service_id', 'VARCHAR', { lv: 'pieprasītais pakalpojums, ja zināms', en: 'service requested, where known' }),
      c('language', 'VARCHAR', {
        lv: 'apkalpošanas valoda (lv, ru, en, other)',
        en: 'service language (lv, ru, en, other)',
      }),
      c('appointment', 'BOOLEAN', {
        lv: 'true — apmeklējums ar pierakstu, false — bez pieraksta',
        en: 'true for a booked appointment, false for a walk-in',
      }),
      c('arrival', 'VARCHAR', {
        lv: 'appointment vai walk_in (pieraksta pazīme kā vērtība, pēc kuras grupēt)',
        en: 'appointment or walk_in (the appointment flag as a groupable value)',
      }),
      c('special_needs', 'BOOLEAN', {
        lv: 'klients lūdza palīdzību īpašu vajadzību dēļ',
        en: 'the customer asked for special-needs help',
      }),
      c('booked_at', 'TIMESTAMPTZ', { lv: 'kad veikts pieraksts', en: 'when the appointment was booked' }),
      c('slot_at', 'TIMESTAMPTZ', { lv: 'pieraksta laiks', en: 'the booked slot' }),
      c('checked_in_at', 'TIMESTAMPTZ', { lv: 'reģistrēšanās (paņemta rindas biļete)', en: 'check-in (ticket drawn)' }),
      c('called_at', 'TIMESTAMPTZ', { lv: 'izsaukts pie darba vietas', en: 'called to a desk' }),
      c('completed_at', 'TIMESTAMPTZ', { lv: 'apkalpošana pabeigta', en: 'service completed' }),
      c('no_show_at', 'TIMESTAMPTZ', { lv: 'reģistrēta neierašanās', en: 'recorded as a no-show' }),
      c('cancelled_at', 'TIMESTAMPTZ', { lv: 'atcelts', en: 'cancelled' }),
      c('status', 'VARCHAR', {
        lv: 'booked, checked_in, called, completed, no_show vai cancelled (tālākais sasniegtais posms)',
        en: 'booked, checked_in, called, completed, no_show or cancelled (the furthest stage)',
      }),
      c('outcome', 'VARCHAR', { lv: 'served, refused vai redirected', en: 'served, refused or redirected' }),
      c('refusal_reason', 'VARCHAR', { lv: 'atteikuma iemesla kods', en: 'reason code of a refusal' }),
      c('regulation_ref', 'VARCHAR', {
        lv: 'normatīvais akts, uz kuru atsaucas atteikums',
        en: 'regulation cited for a refusal',
      }),
      c('wait_minutes', 'DOUBLE', { lv: 'no reģistrēšanās līdz izsaukumam, minūtes', en: 'check-in to call, minutes' }),
      c('service_minutes', 'DOUBLE', {
        lv: 'no izsaukuma līdz apkalpošanas beigām, minūtes',
        en: 'call to completion, minutes',
      }),
      c('punctuality_minutes', 'DOUBLE', {
        lv: 'izsaukums mīnus pieraksta laiks, minūtes (pozitīvs = klients gaidīja ilgāk par pierakstu)',
        en: 'call minus booked slot, minutes (positive = late for the customer)',
      }),
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
    anchoredOn: { lv: 'sūdzības saņemšanas diena', en: 'the day the complaint was received' },
    columns: [
      c('complaint_id', 'VARCHAR', { lv: 'sūdzības identifikators', en: 'complaint identifier' }),
      c('office_id', 'VARCHAR', { lv: 'attiecīgā nodaļa, ja tāda ir', en: 'office concerned, where one applies' }),
      c('channel', 'VARCHAR', { lv: 'kanāls, pa kuru sūdzība saņemta', en: 'channel the complaint arrived through' }),
      c('category', 'VARCHAR', { lv: 'sūdzības kategorija', en: 'complaint category' }),
      c('language', 'VARCHAR', { lv: 'sūdzības valoda', en: 'language of the complaint' }),
      c('received_at', 'TIMESTAMPTZ', { lv: 'saņemta', en: 'received' }),
      c('acknowledged_at', 'TIMESTAMPTZ', { lv: 'saņemšana apstiprināta', en: 'acknowledged' }),
      c('forwarded_at', 'TIMESTAMPTZ', { lv: 'pārsūtīta citai iestādei', en: 'forwarded to another institution' }),
      c('extended_at', 'TIMESTAMPTZ', {
        lv: 'termiņš pagarināts, par to paziņojot personai',
        en: 'deadline extended, with notice to the person',
      }),
      c('responded_at', 'TIMESTAMPTZ', { lv: 'atbildēts pēc būtības', en: 'answered on the merits' }),
      c('closed_at', 'TIMESTAMPTZ', { lv: 'slēgta', en: 'closed' }),
      c('reopened_at', 'TIMESTAMPTZ', { lv: 'pēdējoreiz atkārtoti atvērta', en: 'last reopened' }),
      c('outcome', 'VARCHAR', { lv: 'atbildes iznākums', en: 'outcome of the answer' }),
      c('is_open', 'BOOLEAN', {
        lv: 'vēl nav atbildēta vai slēgta (vai pēc tam atkārtoti atvērta)',
        en: 'not answered or closed yet (or reopened after)',
      }),
      c('response_calendar_days', 'INTEGER', {
        lv: 'kalendāra dienas no saņemšanas līdz atbildei',
        en: 'calendar days from receipt to answer',
      }),
      c('response_working_days', 'INTEGER', {
        lv: 'darba dienas no saņemšanas līdz atbildei (bez Latvijas svētku dienām)',
        en: 'working days from receipt to answer (Latvian holidays excluded)',
      }),
      c('legal_due_date', 'DATE', {
        lv: 'atbildes termiņš pēc saņemšanas dienā spēkā esošā noteikuma (pagarināts, ja pagarināts)',
        en: 'the answer deadline under the rule in force on receipt (extended if extended)',
      }),
      c('legal_deadline_met', 'BOOLEAN', {
        lv: 'atbildēts likumā noteiktajā termiņā; null, kamēr atvērta un termiņš vēl nav pienācis',
        en: 'answered by the legal deadline; null while open and not yet due',
      }),
      c('internal_due_date', 'DATE', { lv: 'ATD iekšējā mērķa datums', en: "ATD's internal target date" }),
      c('internal_target_met', 'BOOLEAN', {
        lv: 'atbildēts iekšējā mērķa termiņā; null, kamēr atvērta un termiņš vēl nav pienācis',
        en: 'answered by the internal target; null while open and not yet due',
      }),
      c('age_days', 'INTEGER', {
        lv: 'kalendāra dienas kopš saņemšanas atvērtām sūdzībām (pēdējās sinhronizācijas brīdī)',
        en: 'calendar days since receipt, for open complaints (as of the last sync)',
      }),
      c('legal_rule', 'VARCHAR', {
        lv: 'saņemšanas dienā spēkā esošā Iesniegumu likuma noteikuma id',
        en: 'id of the Law on Submissions rule in force on the day of receipt',
      }),
      c('open_working_days', 'INTEGER', {
        lv: 'darba dienas kopš saņemšanas atvērtām sūdzībām (pēdējās sinhronizācijas brīdī)',
        en: 'working days since receipt, for open complaints (as of the last sync)',
      }),
      c('open_age_band', 'VARCHAR', {
        lv: 'open_working_days grupās ap likumā noteikto termiņu (GET /v1/reference: ageBands); null, ja nav atvērta',
        en: 'open_working_days banded around the legal deadline (GET /v1/reference: ageBands); null when not open',
      }),
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
    anchoredOn: { lv: 'aptaujas iesniegšanas diena', en: 'the day the survey was submitted' },
    columns: [
      c('survey_id', 'VARCHAR', { lv: 'aptaujas atbildes identifikators', en: 'survey response identifier' }),
      c('visit_id', 'VARCHAR', { lv: 'saistītais apmeklējums, ja zināms', en: 'linked visit, where known' }),
      c('case_id', 'VARCHAR', {
        lv: 'saistītā e-pakalpojuma lieta (e.atd.lv, latvija.lv), ja zināma; šādām lietām nav nodaļas',
        en: 'linked e-service case (e.atd.lv, latvija.lv), where known; such cases have no office',
      }),
      c('office_id', 'VARCHAR', { lv: 'nodaļa', en: 'office' }),
      c('channel', 'VARCHAR', {
        lv: 'kanāls, pa kuru atbilde saņemta (kiosks, e-pasts, portāls)',
        en: 'channel the answer came in through (kiosk, e-mail, portal)',
      }),
      c('service_channel', 'VARCHAR', {
        lv: 'novērtētā pakalpojuma kanāls: in_person apmeklējuma aptaujai, citādi pašas atbildes kanāls',
        en: "channel of the service rated: in_person for a visit's survey, else the answer's own channel",
      }),
      c('service_id', 'VARCHAR', { lv: 'pakalpojums, ja zināms', en: 'service, where known' }),
      c('language', 'VARCHAR', { lv: 'apkalpošanas valoda', en: 'service language' }),
      c('submitted_at', 'TIMESTAMPTZ', { lv: 'iesniegta', en: 'submitted' }),
      c('satisfaction', 'INTEGER', { lv: 'kopējā apmierinātība 1-5', en: 'overall satisfaction 1-5' }),
      c('competence', 'INTEGER', { lv: 'darbinieku kompetence 1-5', en: 'staff competence 1-5' }),
      c('courtesy', 'INTEGER', { lv: 'pieklājība 1-5', en: 'courtesy 1-5' }),
      c('speed', 'INTEGER', { lv: 'ātrums 1-5', en: 'speed 1-5' }),
      c('clarity', 'INTEGER', { lv: 'informācijas skaidrība 1-5', en: 'clarity of information 1-5' }),
      c('identifiable', 'INTEGER', { lv: 'darbinieka identificējamība 1-5', en: 'staff identifiable 1-5' }),
      c('recommend', 'INTEGER', { lv: 'ieteikšanas varbūtība 0-10', en: 'likelihood to recommend 0-10' }),
      c('visit_wait_minutes', 'DOUBLE', {
        lv: 'saistītā apmeklējuma gaidīšanas laiks, minūtes',
        en: "the linked visit's wait, minutes",
      }),
      c('wait_band', 'VARCHAR', {
        lv: 'saistītā apmeklējuma gaidīšanas laiks: 0-10, 10-20, 20-30, 30+ vai unknown',
        en: "the linked visit's wait: 0-10, 10-20, 20-30, 30+ or unknown",
      }),
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
    anchoredOn: { lv: 'atsauksmes saņemšanas diena', en: 'the day the feedback was received' },
    columns: [
      c('feedback_id', 'VARCHAR', { lv: 'atsauksmes identifikators', en: 'feedback identifier' }),
      c('kind', 'VARCHAR', { lv: 'praise (pateicība) vai suggestion (ierosinājums)', en: 'praise or suggestion' }),
      c('office_id', 'VARCHAR', { lv: 'attiecīgā nodaļa', en: 'office concerned' }),
      c('channel', 'VARCHAR', { lv: 'kanāls', en: 'channel' }),
      c('language', 'VARCHAR', { lv: 'valoda', en: 'language' }),
      c('received_at', 'TIMESTAMPTZ', { lv: 'saņemta', en: 'received' }),
      ...time,
    ],
  },
};
