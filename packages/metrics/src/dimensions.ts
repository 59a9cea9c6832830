/**
 * Dimensions a metric can be broken down by. Each maps to one column of the models that have it; asking for a
 * dimension on a metric whose model lacks it is an error, never a silent total.
 */
import type { ModelId } from './models.ts';

export interface DimensionDefinition {
  id: string;
  label: { lv: string; en: string };
  column: string;
  models: readonly ModelId[];
  /**
   * The models whose rows may lack a value of this dimension, so that a filter may ask for the rows without one
   * (a null filter value). Elsewhere every row has one, and asking for none is refused rather than answered empty.
   */
  missingIn?: readonly ModelId[];
}

export const Dimensions = {
  office: {
    id: 'office',
    label: { lv: 'Nodaļa', en: 'Office' },
    column: 'office_id',
    models: ['visits', 'complaints', 'surveys', 'feedback'],
    // A complaint or feedback not yet assigned to an office, a survey after an e-service case; a visit always has one.
    missingIn: ['complaints', 'surveys', 'feedback'],
  },
  channel: {
    id: 'channel',
    label: { lv: 'Kanāls', en: 'Channel' },
    column: 'channel',
    models: ['visits', 'complaints', 'surveys', 'feedback'],
  },
  // The channel a survey's service went through, not where the answer came in: a visit's survey is in person
  // whether answered at the kiosk or by e-mail. Visits have none: every visit is served in person (their
  // `channel` is how it was booked), so a channel comparison of waits would set appointments against walk-ins.
  service_channel: {
    id: 'service_channel',
    label: { lv: 'Apkalpošanas kanāls', en: 'Channel of the service' },
    column: 'service_channel',
    models: ['surveys'],
  },
  service: {
    id: 'service',
    label: { lv: 'Pakalpojums', en: 'Service' },
    column: 'service_id',
    models: ['visits', 'surveys'],
  },
  language: {
    id: 'language',
    label: { lv: 'Valoda', en: 'Language' },
    column: 'language',
    models: ['visits', 'complaints', 'surveys', 'feedback'],
  },
  category: {
    id: 'category',
    label: { lv: 'Sūdzības kategorija', en: 'Complaint category' },
    column: 'category',
    models: ['complaints'],
  },
  hour: {
    id: 'hour',
    label: { lv: 'Stunda', en: 'Hour of day' },
    column: 'event_hour',
    models: ['visits', 'complaints', 'surveys', 'feedback'],
  },
  weekday: {
    id: 'weekday',
    label: { lv: 'Nedēļas diena', en: 'Weekday' },
    column: 'event_weekday',
    models: ['visits', 'complaints', 'surveys', 'feedback'],
  },
  wait_band: {
    id: 'wait_band',
    label: { lv: 'Gaidīšanas laiks', en: "Linked visit's wait" },
    column: 'wait_band',
    models: ['surveys'],
  },
  arrival: {
    id: 'arrival',
    label: { lv: 'Ierašanās veids', en: 'Appointment or walk-in' },
    column: 'arrival',
    models: ['visits'],
  },
  refusal_reason: {
    id: 'refusal_reason',
    label: { lv: 'Atteikuma iemesls', en: 'Refusal reason' },
    column: 'refusal_reason',
    models: ['visits'],
  },
  legal_rule: {
    id: 'legal_rule',
    label: { lv: 'Termiņa noteikums', en: 'Deadline rule' },
    column: 'legal_rule',
    models: ['complaints'],
  },
  open_age_band: {
    id: 'open_age_band',
    label: { lv: 'Atvērtās sūdzības vecums (darba dienas)', en: 'Open complaint age (working days)' },
    column: 'open_age_band',
    models: ['complaints'],
  },
  outcome: {
    id: 'outcome',
    label: { lv: 'Iznākums', en: 'Outcome' },
    column: 'outcome',
    models: ['visits', 'complaints'],
  },
} as const satisfies Record<string, DimensionDefinition>;

export type DimensionId = keyof typeof Dimensions;
export const DimensionIds = Object.keys(Dimensions) as DimensionId[];

export function isDimensionId(value: string): value is DimensionId {
  return Object.hasOwn(Dimensions, value);
}
