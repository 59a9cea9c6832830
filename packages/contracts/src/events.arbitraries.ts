/**
 * fast-check arbitraries of valid events, one per type, for property tests here and in other packages (the
 * demo generator can draw from them too). Every value they produce satisfies `ServqEvent`.
 */
import fc from 'fast-check';
import { SERVICE_LANGUAGE_IDS } from './reference/languages.ts';
import { CHANNEL_IDS } from './reference/channels.ts';
import {
  COMPLAINT_CATEGORY_IDS,
  COMPLAINT_OUTCOMES,
  DELIVERY_METHODS,
  EXTENSION_REASONS,
  FEEDBACK_KINDS,
  REOPEN_REASONS,
  SUBMISSION_FORMS,
} from './reference/complaints.ts';
import { OFFICE_IDS } from './reference/offices.ts';
import { REFUSAL_REASON_IDS } from './reference/refusals.ts';
import { SERVICE_IDS } from './reference/services.ts';
import { EntityId, Source } from './envelope.ts';
import type { ServqEvent } from './events.ts';

const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);

const instant = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2027-12-31T23:59:59Z'),
  noInvalidDate: true,
});

/** An ISO-8601 date-time with an offset: UTC `Z` or the Riga offset written out. */
export const timestampArb = fc.tuple(instant, fc.constantFrom(0, 120, 180)).map(([d, offset]) => {
  if (offset === 0) return d.toISOString();
  const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}+0${offset / 60}:00`;
});

/** Ids of the documented shape: the character set, without the personal-number shapes EntityId refuses. */
export const entityIdArb = fc
  .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,30}$/)
  .filter((id) => EntityId.safeParse(id).success);
const refArb = fc.string({ minLength: 1, maxLength: 40 });
const textArb = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: Math.min(max, 300) }),
    fc.constantFrom('Ļoti laipna apkalpošana, paldies!', 'Очень долго ждал в очереди.', 'Rinda bija gara.'),
  );
const score = (max: number, min = 1) => fc.integer({ min, max });

function envelopeArb<T extends string>(type: T) {
  return {
    event_id: fc.uuid({ version: 4 }),
    type: fc.constant(type),
    schema_version: fc.constant(1 as const),
    occurred_at: timestampArb,
    source: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/).filter((s) => Source.safeParse(s).success),
    channel: oneOf(CHANNEL_IDS),
    backfill: fc.boolean(),
  };
}

const ENVELOPE_KEYS = ['event_id', 'type', 'schema_version', 'occurred_at', 'source', 'channel'] as const;

function eventArb<T extends string, R extends Record<string, fc.Arbitrary<unknown>>>(
  type: T,
  fields: R,
  required: readonly (keyof R)[],
) {
  return fc.record({ ...envelopeArb(type), ...fields }, { requiredKeys: [...ENVELOPE_KEYS, ...required] as never[] });
}

const visit = { office_id: oneOf(OFFICE_IDS), visit_id: entityIdArb };

const completedArb = fc.oneof(
  eventArb(
    'visit.completed',
    {
      ...visit,
      outcome: fc.constant('refused'),
      service_language: oneOf(SERVICE_LANGUAGE_IDS),
      refusal_reason: oneOf(REFUSAL_REASON_IDS),
      regulation_ref: textArb(200),
      staff_ref: refArb,
      service_id: oneOf(SERVICE_IDS),
    },
    ['office_id', 'visit_id', 'outcome', 'service_language', 'refusal_reason'],
  ),
  eventArb(
    'visit.completed',
    {
      ...visit,
      outcome: fc.constant('redirected'),
      service_language: oneOf(SERVICE_LANGUAGE_IDS),
      redirected_to: textArb(200),
      special_needs_help: fc.boolean(),
    },
    ['office_id', 'visit_id', 'outcome', 'service_language'],
  ),
  eventArb(
    'visit.completed',
    { ...visit, outcome: fc.constant('served'), service_language: oneOf(SERVICE_LANGUAGE_IDS), staff_ref: refArb },
    ['office_id', 'visit_id', 'outcome', 'service_language'],
  ),
);

const complaint = { office_id: oneOf(OFFICE_IDS), complaint_id: entityIdArb };

/** One arbitrary per event type, keyed by type. */
export const eventArbs = {
  'visit.booked': eventArb(
    'visit.booked',
    {
      ...visit,
      service_id: oneOf(SERVICE_IDS),
      slot_start: timestampArb,
      slot_minutes: fc.integer({ min: 1, max: 480 }),
      customer_ref: refArb,
      service_language: oneOf(SERVICE_LANGUAGE_IDS),
      special_needs: fc.boolean(),
    },
    ['office_id', 'visit_id', 'service_id', 'slot_start'],
  ),
  'visit.checked_in': eventArb(
    'visit.checked_in',
    {
      ...visit,
      service_id: oneOf(SERVICE_IDS),
      arrival: fc.constantFrom('walk_in', 'appointment'),
      ticket: fc.stringMatching(/^[A-Z]\d{3}$/),
      special_needs: fc.boolean(),
      customer_ref: refArb,
      service_language: oneOf(SERVICE_LANGUAGE_IDS),
    },
    ['office_id', 'visit_id', 'service_id', 'arrival', 'ticket', 'special_needs'],
  ),
  'visit.called': eventArb('visit.called', { ...visit, desk: fc.stringMatching(/^\d{1,2}$/), staff_ref: refArb }, [
    'office_id',
    'visit_id',
    'desk',
    'staff_ref',
  ]),
  'visit.completed': completedArb,
  'visit.no_show': eventArb('visit.no_show', { ...visit, slot_start: timestampArb }, ['office_id', 'visit_id']),
  'visit.cancelled': eventArb('visit.cancelled', { ...visit, cancelled_by: fc.constantFrom('customer', 'office') }, [
    'office_id',
    'visit_id',
    'cancelled_by',
  ]),
  'survey.submitted': eventArb(
    'survey.submitted',
    {
      office_id: oneOf(OFFICE_IDS),
      survey_id: entityIdArb,
      visit_id: entityIdArb,
      case_id: entityIdArb,
      service_id: oneOf(SERVICE_IDS),
      satisfaction: score(5),
      competence: score(5),
      courtesy: score(5),
      speed: score(5),
      clarity: score(5),
      identifiable: score(5),
      recommend: score(10, 0),
      service_language: oneOf(SERVICE_LANGUAGE_IDS),
      comment: textArb(2000),
    },
    ['survey_id', 'satisfaction'],
  ),
  'complaint.received': eventArb(
    'complaint.received',
    {
      ...complaint,
      form: oneOf(SUBMISSION_FORMS),
      category: oneOf(COMPLAINT_CATEGORY_IDS),
      language: oneOf(SERVICE_LANGUAGE_IDS),
      service_id: oneOf(SERVICE_IDS),
      visit_id: entityIdArb,
      customer_ref: refArb,
      staff_ref: refArb,
      summary: textArb(2000),
    },
    ['complaint_id', 'form', 'category', 'language'],
  ),
  'complaint.acknowledged': eventArb('complaint.acknowledged', { ...complaint, staff_ref: refArb }, ['complaint_id']),
  'complaint.forwarded': eventArb(
    'complaint.forwarded',
    { ...complaint, forwarded_to: fc.constantFrom('CSDD', 'Rīgas pašvaldība', 'VID'), person_notified: fc.boolean() },
    ['complaint_id', 'forwarded_to', 'person_notified'],
  ),
  'complaint.extended': eventArb(
    'complaint.extended',
    {
      ...complaint,
      extension_reason: oneOf(EXTENSION_REASONS),
      new_due_date: instant.map((d) => d.toISOString().slice(0, 10)),
      notice_method: oneOf(DELIVERY_METHODS),
    },
    ['complaint_id', 'extension_reason', 'new_due_date', 'notice_method'],
  ),
  'complaint.responded': eventArb(
    'complaint.responded',
    { ...complaint, outcome: oneOf(COMPLAINT_OUTCOMES), delivery_method: oneOf(DELIVERY_METHODS), staff_ref: refArb },
    ['complaint_id', 'outcome', 'delivery_method'],
  ),
  'complaint.closed': eventArb('complaint.closed', complaint, ['complaint_id']),
  'complaint.reopened': eventArb('complaint.reopened', { ...complaint, reopen_reason: oneOf(REOPEN_REASONS) }, [
    'complaint_id',
    'reopen_reason',
  ]),
  'feedback.received': eventArb(
    'feedback.received',
    {
      office_id: oneOf(OFFICE_IDS),
      feedback_id: entityIdArb,
      feedback_kind: oneOf(FEEDBACK_KINDS),
      form: oneOf(SUBMISSION_FORMS),
      language: oneOf(SERVICE_LANGUAGE_IDS),
      service_id: oneOf(SERVICE_IDS),
      visit_id: entityIdArb,
      customer_ref: refArb,
      staff_ref: refArb,
      text: textArb(2000),
    },
    ['feedback_id', 'feedback_kind', 'form'],
  ),
} as const;

/** Any valid event. */
export const anyEventArb: fc.Arbitrary<ServqEvent> = fc.oneof(
  ...Object.values(eventArbs).map((a) => a as fc.Arbitrary<unknown> as fc.Arbitrary<ServqEvent>),
);
