/** Small API answers for the unit tests, in the query service's shapes. */
import type { CompareAnswer, Figure, GroupFigure, MetricInfo, QueryAnswer, ReferenceAnswer } from './api.types.ts';
import { Labels } from './labels.ts';

export const freshness = {
  newestEventAt: '2026-05-12T07:00:00.000Z',
  syncedAt: '2026-05-12T07:05:00.000Z',
  dataVersion: 3,
};

export const fig = (value: number | null, n: number, target: number | null = null, suppressed = false): Figure => ({
  value: suppressed ? null : value,
  n,
  target,
  suppressed,
});

export function answer(rows: QueryAnswer['rows'], query: Partial<QueryAnswer['query']> = {}): QueryAnswer {
  return {
    freshness,
    query: { metrics: [], dimensions: [], filters: {}, from: '2026-03-01', to: '2026-05-31', grain: null, ...query },
    rows,
  };
}

export function metric(id: string, overrides: Partial<MetricInfo> = {}): MetricInfo {
  return {
    id,
    label: { lv: `${id} lv`, en: `${id} en` },
    description: { lv: '', en: '' },
    model: 'surveys',
    measure: { kind: 'share', success: 'satisfaction >= 4', among: 'satisfaction IS NOT NULL' },
    unit: 'share',
    direction: 'higher_is_better',
    target: { default: 0.85, byOffice: {} },
    minSample: 30,
    ...overrides,
  };
}

export function group(groupId: string | null, overrides: Partial<GroupFigure> = {}): GroupFigure {
  return {
    group: groupId,
    value: 0.8,
    n: 100,
    interval: { low: 0.72, high: 0.86 },
    suppressed: false,
    target: 0.85,
    pValue: 0.4,
    significant: false,
    previous: { value: 0.78, n: 90, suppressed: false },
    change: 0.02,
    changePValue: 0.5,
    changeSignificant: false,
    ...overrides,
  };
}

export function compareAnswer(
  groups: GroupFigure[],
  metricOverrides: Partial<Pick<CompareAnswer['metrics'][number], 'direction' | 'unit'>> = {},
): CompareAnswer {
  return {
    freshness,
    by: 'office',
    from: '2026-03-01',
    to: '2026-03-31',
    previous: { from: '2026-01-29', to: '2026-02-28' },
    alpha: 0.05,
    metrics: [
      {
        id: 'csat',
        unit: 'share',
        direction: 'higher_is_better',
        minSample: 30,
        all: group(null),
        groups,
        ...metricOverrides,
      },
    ],
  };
}

/** A /v1/reference answer with the names the tests read. */
export const reference: ReferenceAnswer = {
  offices: [
    { id: 'riga-valnu-30', name: { lv: 'Rīga, Vaļņu 30', en: 'Riga, Vaļņu 30' } },
    { id: 'cesis', name: { lv: 'Cēsis', en: 'Cēsis' } },
    { id: 'daugavpils', name: { lv: 'Daugavpils', en: 'Daugavpils' } },
    { id: 'liepaja', name: { lv: 'Liepāja', en: 'Liepāja' } },
  ],
  noOffice: { lv: 'Nodaļa nav piešķirta', en: 'No office assigned' },
  noOfficeFilter: 'no-office',
  channels: [{ id: 'in_person', name: { lv: 'Klātienē', en: 'In person' } }],
  services: [],
  languages: [{ id: 'ru', name: { lv: 'Krievu', en: 'Russian' } }],
  categories: [],
  outcomes: [],
  refusalReasons: [],
  legalRules: [],
  ageBands: [
    { id: '0-5', from: 0, to: 5, pastLegalDeadline: false },
    { id: '6-10', from: 6, to: 10, pastLegalDeadline: false },
    { id: '11-20', from: 11, to: 20, pastLegalDeadline: true },
    { id: '21+', from: 21, to: null, pastLegalDeadline: true },
  ],
  arrivals: [
    { id: 'appointment', name: { lv: 'Ar pierakstu', en: 'Appointment' } },
    { id: 'walk_in', name: { lv: 'Bez pieraksta', en: 'Walk-in' } },
  ],
  officeHours: [
    {
      office: 'cesis',
      schedules: [
        { effectiveFrom: '2020-01-01', weekly: { mon: [{ open: '08:30', close: '16:30' }] } },
        { effectiveFrom: '2026-06-01', weekly: { tue: [{ open: '09:00', close: '13:00' }] } },
      ],
    },
  ],
  movedWorkingDays: [{ dayOff: '2026-01-02', workedOn: '2026-01-17', source: 'MK rīkojums' }],
};

export const labels = new Labels(reference);
