/**
 * The demo's story as data: how busy each office is, how long people wait there, and the dated events the
 * dashboard should reveal. Volumes and rates are invented for the demo, not ATD figures; they are chosen so
 * each story is statistically real in a year of data (the tests in year.events.test.ts check that).
 */
import type { IsoDate, OfficeId, ServiceLanguageId } from '@servq/contracts';

export interface OfficeProfile {
  id: OfficeId;
  /** Mean visits on an ordinary working day (a Wednesday outside the season's peak). */
  visitsPerDay: number;
  /** Median minutes from check-in to call for a walk-in at an ordinary hour. */
  waitMedian: number;
  desks: number;
  staff: number;
  /** Share of visits by service language. */
  languages: readonly (readonly [ServiceLanguageId, number])[];
}

export const OFFICE_PROFILES: readonly OfficeProfile[] = [
  {
    id: 'riga-valnu-30',
    visitsPerDay: 82,
    waitMedian: 12,
    desks: 8,
    staff: 14,
    languages: [
      ['lv', 74],
      ['ru', 19],
      ['en', 6],
      ['other', 1],
    ],
  },
  {
    id: 'daugavpils',
    visitsPerDay: 22,
    waitMedian: 9,
    desks: 3,
    staff: 5,
    languages: [
      ['lv', 52],
      ['ru', 46],
      ['en', 2],
    ],
  },
  {
    id: 'liepaja',
    visitsPerDay: 18,
    waitMedian: 8,
    desks: 3,
    staff: 4,
    languages: [
      ['lv', 83],
      ['ru', 13],
      ['en', 4],
    ],
  },
  {
    id: 'cesis',
    visitsPerDay: 13,
    waitMedian: 6,
    desks: 2,
    staff: 3,
    languages: [
      ['lv', 93],
      ['ru', 4],
      ['en', 3],
    ],
  },
];

/**
 * Story 1: Daugavpils was short of staff until a new hire started; waits there were about twice the office's
 * usual before that date.
 */
export const STAFFING_CHANGE = { office: 'daugavpils' as OfficeId, on: '2026-06-01' as IsoDate, waitFactorBefore: 2.2 };

/** Story 2: only in Riga do Russian-speaking customers wait longer — the gap the equal-service check must find. */
export const LANGUAGE_GAP = {
  office: 'riga-valnu-30' as OfficeId,
  language: 'ru' as ServiceLanguageId,
  waitFactor: 1.6,
};

/**
 * Story 4: the Law on Submissions shortened the answer deadline to 10 working days for submissions received from
 * 1 March 2026. Answers slowed while the office adapted (a backlog of old-rule cases, new routines), then recovered
 * below the new limit. Mean working days to answer, by date of receipt.
 */
export const COMPLAINT_ANSWER_PHASES: readonly { from: IsoDate; meanWorkingDays: number; spread: number }[] = [
  { from: '2000-01-01', meanWorkingDays: 11, spread: 4 },
  { from: '2026-03-01', meanWorkingDays: 13, spread: 4 },
  { from: '2026-05-01', meanWorkingDays: 9, spread: 3 },
  { from: '2026-07-01', meanWorkingDays: 6, spread: 2 },
];

export const LAW_CHANGE_ON: IsoDate = '2026-03-01';

/** Published closures beyond holidays (the standard: changes of opening hours are announced). */
export const DEMO_CLOSURES: readonly { office: OfficeId; from: IsoDate; to: IsoDate; reason: string }[] = [
  { office: 'cesis', from: '2026-08-17', to: '2026-08-21', reason: 'premises renovation' },
  { office: 'liepaja', from: '2026-02-12', to: '2026-02-12', reason: 'heating failure' },
  { office: 'daugavpils', from: '2025-12-29', to: '2025-12-31', reason: 'information system migration' },
];

/** Visits by weekday (Mon..Fri, and a worked Saturday like the weekday it replaces). */
export const WEEKDAY_FACTOR = [1.3, 1.05, 1, 0.95, 0.82] as const;

/**
 * Arrivals by half hour from opening (8:30): a morning peak, a lunch dip at 12:00–13:30, a smaller afternoon
 * bump, a quiet last hour.
 */
export const HALF_HOUR_WEIGHTS = [1.0, 1.6, 1.8, 1.6, 1.3, 1.1, 1.0, 0.55, 0.5, 0.6, 0.95, 1.0, 0.85, 0.7, 0.55, 0.4];

/** Seasonal demand: a spring/summer peak (early June), a winter low; about ±28 %. */
export function seasonFactor(date: IsoDate): number {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  const day = (Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000;
  return 1 + 0.28 * Math.cos((2 * Math.PI * (day - 158)) / 365);
}

export const REGULATION_REFS: Record<string, readonly string[]> = {
  documents_incomplete: ['MK noteikumi Nr. 363, 12. punkts', 'MK noteikumi Nr. 1032, 15. punkts'],
  identity_not_verified: ['Personu apliecinošu dokumentu likums, 5. pants'],
  fee_not_paid: ['MK noteikumi Nr. 1134, 3. punkts'],
  requirements_not_met: ['Autopārvadājumu likums, 35. pants', 'MK noteikumi Nr. 1032, 9. punkts'],
  outstanding_obligations: ['Autopārvadājumu likums, 36.1 pants'],
  not_atd_competence: ['Valsts pārvaldes iekārtas likums, 10. panta piektā daļa'],
  outside_working_hours: ['ATD klientu apkalpošanas standarts, 3. punkts'],
  other: ['Administratīvā procesa likums, 55. pants'],
};

export const FORWARD_TO = [
  'CSDD',
  'Valsts policija',
  'Rīgas pašvaldība',
  'VID',
  'Patērētāju tiesību aizsardzības centrs',
];
export const REDIRECT_TO = ['CSDD klientu centrs', 'Pilsonības un migrācijas lietu pārvalde', 'pašvaldības dome'];
