/**
 * The metric catalogue: every metric once, as data. A metric names its model, a measure (count, share, mean,
 * quantile, NPS or maximum over a row condition written in the model's columns), its unit, which direction is
 * good, a target that offices may override, and the minimum sample below which a figure is suppressed.
 * Each measure kind's SQL and statistics are in `measures.ts`; nothing here runs SQL.
 */
import { MetricsError, MetricsErrorCode } from './errors.ts';
import type { Direction, Measure, Unit } from './measures.ts';
import type { ModelId } from './models.ts';

export interface Target {
  /** The target for every office, or null where the metric has none. */
  default: number | null;
  byOffice: Readonly<Record<string, number>>;
  /**
   * Set where the target is ATD's own aim inside a longer limit of the law (the answer's 5 working days inside the
   * Law on Submissions' deadline, /v1/reference legalRules): a reader must not take the target for the law.
   */
  insideLegalDeadline?: true;
}

export interface MetricDefinition {
  id: string;
  label: { lv: string; en: string };
  description: { lv: string; en: string };
  model: ModelId;
  measure: Measure;
  unit: Unit;
  direction: Direction;
  target: Target;
  /** Groups with fewer rows in the sample than this are suppressed. 0 for counts. */
  minSample: number;
}

export interface CatalogueOptions {
  /** The wait that counts as "served within the target wait", minutes. */
  waitTargetMinutes: number;
  /** Target overrides per metric id: `default` and/or office ids. */
  targets?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export type Catalogue = ReadonlyMap<string, MetricDefinition>;

const noTarget: Target = { default: null, byOffice: {} };
const target = (value: number, kind: Pick<Target, 'insideLegalDeadline'> = {}): Target => ({
  default: value,
  byOffice: {},
  ...kind,
});

function dimensionMean(id: string, column: string, lv: string, en: string): MetricDefinition {
  return {
    id,
    label: { lv: `${lv} (vidēji)`, en: `${en} (mean)` },
    description: {
      lv: `Vidējais vērtējums standarta dimensijai "${lv}", 1–5.`,
      en: `Mean rating of the standard's dimension "${en}", 1–5.`,
    },
    model: 'surveys',
    measure: { kind: 'mean', value: column },
    unit: 'score_1_5',
    direction: 'higher_is_better',
    target: target(4.5),
    minSample: 30,
  };
}

function baseMetrics(waitTarget: number): MetricDefinition[] {
  return [
    {
      id: 'surveys_answered',
      label: { lv: 'Aizpildītās aptaujas', en: 'Surveys answered' },
      description: { lv: 'Iesniegto aptaujas atbilžu skaits.', en: 'Number of survey responses submitted.' },
      model: 'surveys',
      measure: { kind: 'count' },
      unit: 'count',
      direction: 'higher_is_better',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'csat',
      label: { lv: 'Klientu apmierinātība (CSAT)', en: 'Customer satisfaction (CSAT)' },
      description: {
        lv: 'To atbilžu daļa, kurās kopējā apmierinātība ir 4 vai 5 no 5.',
        en: 'Share of responses rating overall satisfaction 4 or 5 of 5.',
      },
      model: 'surveys',
      measure: { kind: 'share', success: 'satisfaction >= 4', among: 'satisfaction IS NOT NULL' },
      unit: 'share',
      direction: 'higher_is_better',
      target: target(0.85),
      minSample: 30,
    },
    {
      id: 'satisfaction_mean',
      label: { lv: 'Vidējā apmierinātība', en: 'Mean satisfaction' },
      description: { lv: 'Kopējās apmierinātības vidējais vērtējums, 1–5.', en: 'Mean overall satisfaction, 1–5.' },
      model: 'surveys',
      measure: { kind: 'mean', value: 'satisfaction' },
      unit: 'score_1_5',
      direction: 'higher_is_better',
      target: target(4.3),
      minSample: 30,
    },
    dimensionMean('competence_mean', 'competence', 'Kompetence', 'Competence'),
    dimensionMean('courtesy_mean', 'courtesy', 'Pieklājība', 'Courtesy'),
    dimensionMean('speed_mean', 'speed', 'Ātrums', 'Speed'),
    dimensionMean('clarity_mean', 'clarity', 'Informācijas skaidrība', 'Clarity of information'),
    dimensionMean('identifiable_mean', 'identifiable', 'Darbinieka identificējamība', 'Staff identifiable'),
    {
      id: 'nps',
      label: { lv: 'Ieteikšanas indekss (NPS)', en: 'Net promoter score (NPS)' },
      description: {
        lv: 'Ieteicēju (9–10) procents mīnus kritiķu (0–6) procents.',
        en: 'Percent of promoters (9–10) minus percent of detractors (0–6).',
      },
      model: 'surveys',
      measure: { kind: 'nps', value: 'recommend' },
      unit: 'nps',
      direction: 'higher_is_better',
      target: target(30),
      minSample: 30,
    },
    {
      id: 'visits',
      label: { lv: 'Apmeklējumi', en: 'Visits' },
      description: {
        lv: 'Apmeklējumi, kuros klients ieradās (reģistrējās vai tika apkalpots).',
        en: 'Visits where the customer came (checked in or was served).',
      },
      model: 'visits',
      measure: { kind: 'count', where: '(checked_in_at IS NOT NULL OR completed_at IS NOT NULL)' },
      unit: 'count',
      direction: 'neutral',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'wait_p50',
      label: { lv: 'Gaidīšanas laika mediāna', en: 'Wait time, median' },
      description: {
        lv: 'Minūtes no reģistrēšanās līdz izsaukumam, mediāna.',
        en: 'Minutes from check-in to being called, median.',
      },
      model: 'visits',
      measure: { kind: 'quantile', value: 'wait_minutes', p: 0.5 },
      unit: 'minutes',
      direction: 'lower_is_better',
      target: target(10),
      minSample: 20,
    },
    {
      id: 'wait_p90',
      label: { lv: 'Gaidīšanas laiks, 90. procentile', en: 'Wait time, 90th percentile' },
      description: {
        lv: 'Minūtes no reģistrēšanās līdz izsaukumam, 90. procentile.',
        en: 'Minutes from check-in to being called, 90th percentile.',
      },
      model: 'visits',
      measure: { kind: 'quantile', value: 'wait_minutes', p: 0.9 },
      unit: 'minutes',
      direction: 'lower_is_better',
      target: target(30),
      minSample: 20,
    },
    {
      id: 'wait_within_target',
      label: { lv: 'Apkalpoti mērķa gaidīšanas laikā', en: 'Served within the target wait' },
      description: {
        lv: `Apmeklējumu daļa, kuros gaidīšana nepārsniedza ${waitTarget} minūtes.`,
        en: `Share of visits whose wait was at most ${waitTarget} minutes.`,
      },
      model: 'visits',
      measure: { kind: 'share', success: `wait_minutes <= ${waitTarget}`, among: 'wait_minutes IS NOT NULL' },
      unit: 'share',
      direction: 'higher_is_better',
      target: target(0.8),
      minSample: 20,
    },
    {
      id: 'service_time_p50',
      label: { lv: 'Apkalpošanas laika mediāna', en: 'Service time, median' },
      description: {
        lv: 'Minūtes no izsaukuma līdz apkalpošanas beigām, mediāna.',
        en: 'Minutes from being called to completion, median.',
      },
      model: 'visits',
      measure: { kind: 'quantile', value: 'service_minutes', p: 0.5 },
      unit: 'minutes',
      direction: 'neutral',
      target: noTarget,
      minSample: 20,
    },
    {
      id: 'no_show_share',
      label: { lv: 'Neieradušos daļa', en: 'No-show share' },
      description: {
        lv: 'Nepieteikto neierašanos daļa no neatceltajiem pierakstiem.',
        en: 'Share of booked, not cancelled appointments where the customer did not come.',
      },
      model: 'visits',
      measure: {
        kind: 'share',
        success: 'no_show_at IS NOT NULL',
        among: 'appointment AND cancelled_at IS NULL',
      },
      unit: 'share',
      direction: 'lower_is_better',
      target: target(0.1),
      minSample: 20,
    },
    {
      id: 'punctuality_p50',
      label: { lv: 'Izsaukums pret pieraksta laiku, mediāna', en: 'Called against the booked slot, median' },
      description: {
        lv: 'Minūtes no pieraksta laika līdz izsaukumam (pozitīvs = klients gaidīja ilgāk par pierakstu), mediāna.',
        en: 'Minutes from the booked slot to being called (positive = the customer was kept waiting), median.',
      },
      model: 'visits',
      measure: { kind: 'quantile', value: 'punctuality_minutes', p: 0.5 },
      unit: 'minutes',
      direction: 'lower_is_better',
      target: target(0),
      minSample: 20,
    },
    {
      id: 'no_shows',
      label: { lv: 'Neieradušies', en: 'No-shows' },
      description: {
        lv: 'Pierakstu skaits, uz kuriem klients neieradās.',
        en: 'Appointments the customer did not come to.',
      },
      model: 'visits',
      measure: { kind: 'count', where: 'no_show_at IS NOT NULL' },
      unit: 'count',
      direction: 'lower_is_better',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'refusals',
      label: { lv: 'Atteikumi', en: 'Refusals' },
      description: {
        lv: 'Pabeigto apmeklējumu skaits, kuros pakalpojums tika atteikts.',
        en: 'Completed visits where the service was refused.',
      },
      model: 'visits',
      measure: { kind: 'count', where: "outcome = 'refused'" },
      unit: 'count',
      direction: 'neutral',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'refusal_share',
      label: { lv: 'Atteikumu daļa', en: 'Refusal share' },
      description: {
        lv: 'Pabeigto apmeklējumu daļa, kuros pakalpojums tika atteikts.',
        en: 'Share of completed visits where the service was refused.',
      },
      model: 'visits',
      measure: { kind: 'share', success: "outcome = 'refused'", among: 'outcome IS NOT NULL' },
      unit: 'share',
      direction: 'neutral',
      target: noTarget,
      minSample: 20,
    },
    {
      id: 'refusal_regulation_share',
      label: { lv: 'Atteikumi ar normatīvā akta atsauci', en: 'Refusals citing a regulation' },
      description: {
        lv: 'Atteikumu daļa, kuros norādīts pamatojošais normatīvais akts.',
        en: 'Share of refusals that cite the regulation they rest on.',
      },
      model: 'visits',
      measure: { kind: 'share', success: 'regulation_ref IS NOT NULL', among: "outcome = 'refused'" },
      unit: 'share',
      direction: 'higher_is_better',
      target: target(1),
      minSample: 10,
    },
    {
      id: 'complaints_received',
      label: { lv: 'Saņemtās sūdzības', en: 'Complaints received' },
      description: { lv: 'Saņemto sūdzību skaits.', en: 'Number of complaints received.' },
      model: 'complaints',
      measure: { kind: 'count' },
      unit: 'count',
      direction: 'lower_is_better',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'response_p50',
      label: { lv: 'Atbildes laika mediāna (darba dienas)', en: 'Response time, median (working days)' },
      description: {
        lv: 'Darba dienas no saņemšanas līdz atbildei pēc būtības, mediāna.',
        en: 'Working days from receipt to the answer on the merits, median.',
      },
      model: 'complaints',
      measure: { kind: 'quantile', value: 'response_working_days', p: 0.5 },
      unit: 'working_days',
      direction: 'lower_is_better',
      target: target(5, { insideLegalDeadline: true }),
      minSample: 10,
    },
    {
      id: 'response_p90',
      label: {
        lv: 'Atbildes laiks, 90. procentile (darba dienas)',
        en: 'Response time, 90th percentile (working days)',
      },
      description: {
        lv: 'Darba dienas no saņemšanas līdz atbildei pēc būtības, 90. procentile.',
        en: 'Working days from receipt to the answer on the merits, 90th percentile.',
      },
      model: 'complaints',
      measure: { kind: 'quantile', value: 'response_working_days', p: 0.9 },
      unit: 'working_days',
      direction: 'lower_is_better',
      target: target(10),
      minSample: 10,
    },
    {
      id: 'legal_deadline_share',
      label: { lv: 'Atbildēts likumā noteiktajā termiņā', en: 'Answered within the legal deadline' },
      description: {
        lv: 'Sūdzību daļa, uz kurām atbildēts Iesniegumu likuma termiņā (noteikums, kas bija spēkā saņemšanas dienā).',
        en: 'Share of complaints answered within the Law on Submissions deadline in force on the day of receipt.',
      },
      model: 'complaints',
      measure: { kind: 'share', success: 'legal_deadline_met', among: 'legal_deadline_met IS NOT NULL' },
      unit: 'share',
      direction: 'higher_is_better',
      target: target(1),
      minSample: 10,
    },
    {
      id: 'internal_target_share',
      label: { lv: 'Atbildēts iekšējā mērķa termiņā', en: 'Answered within the internal target' },
      description: {
        lv: 'Sūdzību daļa, uz kurām atbildēts ATD iekšējā mērķa termiņā.',
        en: "Share of complaints answered within ATD's internal target.",
      },
      model: 'complaints',
      measure: { kind: 'share', success: 'internal_target_met', among: 'internal_target_met IS NOT NULL' },
      unit: 'share',
      direction: 'higher_is_better',
      target: target(0.9),
      minSample: 10,
    },
    {
      id: 'open_complaints',
      label: { lv: 'Atvērtās sūdzības', en: 'Open complaints' },
      description: {
        lv: 'Periodā saņemtās sūdzības, kas pēdējās sinhronizācijas brīdī vēl nav atbildētas vai slēgtas.',
        en: 'Complaints received in the period that were still unanswered or open at the last sync.',
      },
      model: 'complaints',
      measure: { kind: 'count', where: 'is_open' },
      unit: 'count',
      direction: 'lower_is_better',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'open_overdue',
      label: { lv: 'Atvērtās sūdzības pēc termiņa', en: 'Open complaints past the deadline' },
      description: {
        lv: 'Atvērtās sūdzības, kuru likumā noteiktais atbildes termiņš pēdējās sinhronizācijas brīdī jau ir pagājis.',
        en: 'Open complaints whose legal answer deadline had passed at the last sync.',
      },
      model: 'complaints',
      measure: { kind: 'count', where: 'is_open AND NOT legal_deadline_met' },
      unit: 'count',
      direction: 'lower_is_better',
      target: target(0),
      minSample: 0,
    },
    {
      id: 'legal_deadline_met_count',
      label: { lv: 'Atbildētas termiņā (skaits)', en: 'Answered within the legal deadline (count)' },
      description: {
        lv: 'Sūdzību skaits, uz kurām atbildēts likumā noteiktajā termiņā; skaits, nevis novērtējums, tāpēc nav slēpts arī mazās izlasēs.',
        en: 'Complaints answered within the legal deadline: a count, not an estimate, so never suppressed for a small sample.',
      },
      model: 'complaints',
      measure: { kind: 'count', where: 'legal_deadline_met' },
      unit: 'count',
      direction: 'higher_is_better',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'complaints_forwarded',
      label: { lv: 'Pārsūtītās sūdzības', en: 'Complaints forwarded' },
      description: {
        lv: 'Sūdzības, kas pārsūtītas kompetentajai iestādei.',
        en: 'Complaints forwarded to the competent institution.',
      },
      model: 'complaints',
      measure: { kind: 'count', where: 'forwarded_at IS NOT NULL' },
      unit: 'count',
      direction: 'neutral',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'complaints_extended',
      label: { lv: 'Sūdzības ar pagarinātu termiņu', en: 'Complaints with an extended deadline' },
      description: {
        lv: 'Sūdzības, kuru atbildes termiņš pagarināts, par to paziņojot personai.',
        en: 'Complaints whose answer deadline was extended, with notice to the person.',
      },
      model: 'complaints',
      measure: { kind: 'count', where: 'extended_at IS NOT NULL' },
      unit: 'count',
      direction: 'neutral',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'oldest_open_age',
      label: { lv: 'Vecākās atvērtās sūdzības vecums', en: 'Age of the oldest open complaint' },
      description: {
        lv: 'Kalendāra dienas kopš vecākās atvērtās sūdzības saņemšanas.',
        en: 'Calendar days since the oldest open complaint was received.',
      },
      model: 'complaints',
      measure: { kind: 'max', value: 'age_days', where: 'is_open' },
      unit: 'days',
      direction: 'lower_is_better',
      target: target(30),
      minSample: 0,
    },
    {
      id: 'feedback_received',
      label: { lv: 'Saņemtās atsauksmes', en: 'Feedback received' },
      description: {
        lv: 'Saņemto pateicību un ierosinājumu skaits.',
        en: 'Number of praise messages and suggestions received.',
      },
      model: 'feedback',
      measure: { kind: 'count' },
      unit: 'count',
      direction: 'neutral',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'e_service_cases_rated',
      label: { lv: 'Novērtētās e-pakalpojumu lietas', en: 'E-service cases rated' },
      description: {
        lv: 'E-pakalpojumu (e.atd.lv, latvija.lv) lietas, par kurām klients aizpildīja aptauju.',
        en: 'E-service cases (e.atd.lv, latvija.lv) whose customer answered the survey.',
      },
      model: 'surveys',
      measure: { kind: 'count', where: 'case_id IS NOT NULL' },
      unit: 'count',
      direction: 'neutral',
      target: noTarget,
      minSample: 0,
    },
    {
      id: 'digital_share',
      label: { lv: 'Digitālā izmantošana', en: 'Digital take-up' },
      description: {
        lv: 'No novērtētajām pakalpojumu lietām (apmeklējumi un e-pakalpojumi) to daļa, kas bija e-pakalpojumi. Abas puses zināmas tikai tur, kur klients atbildēja aptaujai.',
        en: 'Of the rated service cases (visits and e-service cases), the share that were e-service cases. Both are known only where the customer answered the survey.',
      },
      model: 'surveys',
      // Rated cases, because the lake holds e-service cases only through their surveys: visits and e-service
      // cases are then counted the same way, and the share has a sample and an interval.
      measure: { kind: 'share', success: 'case_id IS NOT NULL', among: 'case_id IS NOT NULL OR visit_id IS NOT NULL' },
      unit: 'share',
      direction: 'neutral',
      target: noTarget,
      minSample: 30,
    },
    {
      id: 'praise_received',
      label: { lv: 'Saņemtās pateicības', en: 'Praise received' },
      description: { lv: 'Saņemto pateicību skaits.', en: 'Number of praise messages received.' },
      model: 'feedback',
      measure: { kind: 'count', where: "kind = 'praise'" },
      unit: 'count',
      direction: 'higher_is_better',
      target: noTarget,
      minSample: 0,
    },
  ];
}

/**
 * The catalogue with targets applied. Overrides name a metric and then `default` or an office id; an unknown
 * metric in the overrides is an error, so a typo in the configuration cannot silently do nothing.
 */
export function buildCatalogue(options: CatalogueOptions): Catalogue {
  const metrics = new Map(baseMetrics(options.waitTargetMinutes).map((m) => [m.id, m]));
  for (const [metricId, overrides] of Object.entries(options.targets ?? {})) {
    const metric = metrics.get(metricId);
    if (!metric) {
      throw new MetricsError(MetricsErrorCode.UnknownMetric, `target override for unknown metric "${metricId}"`, {
        parameter: 'targets',
        expected: `one of ${[...metrics.keys()].join(', ')}`,
        received: metricId,
      });
    }
    const { default: defaultTarget, ...byOffice } = overrides;
    metrics.set(metricId, {
      ...metric,
      target: {
        ...metric.target,
        default: defaultTarget ?? metric.target.default,
        byOffice: { ...metric.target.byOffice, ...byOffice },
      },
    });
  }
  return metrics;
}

/** The target that applies to an office (or to all offices when `officeId` is undefined). */
export function targetFor(metric: MetricDefinition, officeId?: string): number | null {
  if (officeId !== undefined) {
    const specific = metric.target.byOffice[officeId];
    if (specific !== undefined) return specific;
  }
  return metric.target.default;
}
