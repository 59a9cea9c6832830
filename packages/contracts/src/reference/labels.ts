/**
 * Every reference value's id with its Latvian and English name, in one answer: what the query API serves at
 * GET /v1/reference and what the dashboard labels its figures with. Outcomes are plain enums elsewhere, so
 * their names live here, typed so that a new outcome does not compile until it has one.
 */
import type { VisitArrival, VisitOutcome } from '../visit.events.ts';
import { MOVED_WORKING_DAYS, type MovedWorkingDay } from './calendar.ts';
import { Channels } from './channels.ts';
import { ComplaintCategories, type ComplaintOutcome } from './complaints.ts';
import { ServiceLanguages } from './languages.ts';
import { NO_OFFICE_FILTER, NO_OFFICE_NAME, Offices, type OfficeSchedule } from './offices.ts';
import { RefusalReasons } from './refusals.ts';
import { RESPONSE_RULES } from './response-rules.ts';
import { Services } from './services.ts';

export interface Label {
  id: string;
  name: { lv: string; en: string };
  /** A short name for tight places, where a value has one (offices). */
  short?: { lv: string; en: string };
}

const OutcomeNames: Record<ComplaintOutcome | VisitOutcome, Label['name']> = {
  upheld: { lv: 'Atzīta par pamatotu', en: 'Upheld' },
  partially_upheld: { lv: 'Daļēji pamatota', en: 'Partially upheld' },
  not_upheld: { lv: 'Nepamatota', en: 'Not upheld' },
  explained: { lv: 'Sniegts skaidrojums', en: 'Explained' },
  withdrawn: { lv: 'Atsaukta', en: 'Withdrawn' },
  served: { lv: 'Apkalpots', en: 'Served' },
  refused: { lv: 'Atteikts', en: 'Refused' },
  redirected: { lv: 'Pāradresēts', en: 'Redirected' },
};

const ArrivalNames: Record<VisitArrival, Label['name']> = {
  appointment: { lv: 'Ar pierakstu', en: 'Appointment' },
  walk_in: { lv: 'Bez pieraksta', en: 'Walk-in' },
};

/** An office's weekly opening hours, each schedule effective from a date (the last one not after a day applies). */
export interface OfficeHoursReference {
  office: string;
  schedules: OfficeSchedule[];
}

const labelsOf = (record: Record<string, Label>): Label[] =>
  Object.values(record).map(({ id, name, short }) => ({
    id,
    name: { lv: name.lv, en: name.en },
    ...(short ? { short: { lv: short.lv, en: short.en } } : {}),
  }));

export function referenceLabels(): Record<
  | 'offices'
  | 'channels'
  | 'services'
  | 'languages'
  | 'categories'
  | 'outcomes'
  | 'refusalReasons'
  | 'arrivals'
  | 'legalRules',
  Label[]
> & {
  noOffice: Label['name'];
  noOfficeFilter: string;
  officeHours: OfficeHoursReference[];
  movedWorkingDays: MovedWorkingDay[];
} {
  return {
    offices: labelsOf(Offices),
    noOffice: { ...NO_OFFICE_NAME },
    noOfficeFilter: NO_OFFICE_FILTER,
    channels: labelsOf(Channels),
    services: labelsOf(Services),
    languages: labelsOf(ServiceLanguages),
    categories: labelsOf(ComplaintCategories),
    outcomes: Object.entries(OutcomeNames).map(([id, name]) => ({ id, name })),
    refusalReasons: labelsOf(RefusalReasons),
    arrivals: Object.entries(ArrivalNames).map(([id, name]) => ({ id, name })),
    legalRules: RESPONSE_RULES.map((r) => ({ id: r.id, name: { ...r.name } })),
    officeHours: Object.values(Offices).map((o) => ({
      office: o.id,
      schedules: o.schedules.map((s) => ({ ...s, weekly: { ...s.weekly } })),
    })),
    movedWorkingDays: MOVED_WORKING_DAYS.map((m) => ({ ...m })),
  };
}
