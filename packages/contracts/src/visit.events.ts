/**
 * Visit lifecycle: booked → checked in → called → completed; or no-show, cancelled. `visit_id` links the events
 * of one visit and is the Kafka key, so they stay in order. An office always applies.
 */
import { z } from 'zod';
import { Desk, EntityId, envelope, expected, freeText, PersonRef, Ticket, Timestamp } from './envelope.ts';
import { code } from './field-kinds.ts';
import { ServiceLanguageId } from './reference/languages.ts';
import { OfficeId } from './reference/offices.ts';
import { RefusalReasonId } from './reference/refusals.ts';
import { ServiceId } from './reference/services.ts';

function visitFields<const T extends string>(type: T) {
  return { ...envelope(type), office_id: code(OfficeId), visit_id: EntityId };
}

export const VisitBooked = z.strictObject({
  ...visitFields('visit.booked'),
  service_id: code(ServiceId),
  slot_start: Timestamp,
  slot_minutes: z
    .int({ error: expected('expected whole minutes') })
    .min(1)
    .max(480)
    .optional(),
  customer_ref: PersonRef.optional(),
  service_language: code(ServiceLanguageId).optional(),
  special_needs: z.boolean().optional(),
});
export type VisitBooked = z.infer<typeof VisitBooked>;

export const VisitArrival = z.enum(['walk_in', 'appointment']);
export type VisitArrival = z.infer<typeof VisitArrival>;

export const VisitCheckedIn = z.strictObject({
  ...visitFields('visit.checked_in'),
  service_id: code(ServiceId),
  arrival: code(VisitArrival),
  ticket: Ticket,
  /** The customer said extra help is needed (the standard asks them to). */
  special_needs: z.boolean({ error: expected('expected true or false') }),
  customer_ref: PersonRef.optional(),
  service_language: code(ServiceLanguageId).optional(),
});
export type VisitCheckedIn = z.infer<typeof VisitCheckedIn>;

export const VisitCalled = z.strictObject({
  ...visitFields('visit.called'),
  desk: Desk,
  staff_ref: PersonRef,
});
export type VisitCalled = z.infer<typeof VisitCalled>;

export const VisitOutcome = z.enum(['served', 'refused', 'redirected']);
export type VisitOutcome = z.infer<typeof VisitOutcome>;

export const VisitCompleted = z
  .strictObject({
    ...visitFields('visit.completed'),
    outcome: code(VisitOutcome),
    service_language: code(ServiceLanguageId),
    service_id: code(ServiceId).optional(),
    staff_ref: PersonRef.optional(),
    /** Required when refused: why. */
    refusal_reason: code(RefusalReasonId).optional(),
    /** The regulation the refusal rests on, e.g. "MK noteikumi Nr. 1032, 15. punkts". */
    regulation_ref: freeText(200).optional(),
    /** Where the customer was sent, when redirected. */
    redirected_to: freeText(200).optional(),
    special_needs_help: z.boolean().optional(),
  })
  .superRefine((visit, ctx) => {
    if (visit.outcome === 'refused' && visit.refusal_reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['refusal_reason'], message: 'required when the outcome is refused' });
    }
    if (visit.outcome !== 'refused') {
      for (const field of ['refusal_reason', 'regulation_ref'] as const) {
        if (visit[field] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: 'allowed only when the outcome is refused' });
        }
      }
    }
    if (visit.outcome !== 'redirected' && visit.redirected_to !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['redirected_to'], message: 'allowed only when the outcome is redirected' });
    }
  });
export type VisitCompleted = z.infer<typeof VisitCompleted>;

export const VisitNoShow = z.strictObject({
  ...visitFields('visit.no_show'),
  slot_start: Timestamp.optional(),
});
export type VisitNoShow = z.infer<typeof VisitNoShow>;

export const VisitCanceller = z.enum(['customer', 'office']);
export type VisitCanceller = z.infer<typeof VisitCanceller>;

export const VisitCancelled = z.strictObject({
  ...visitFields('visit.cancelled'),
  cancelled_by: code(VisitCanceller),
});
export type VisitCancelled = z.infer<typeof VisitCancelled>;

export const VISIT_EVENT_SCHEMAS = [
  VisitBooked,
  VisitCheckedIn,
  VisitCalled,
  VisitCompleted,
  VisitNoShow,
  VisitCancelled,
] as const;
export type VisitEvent = z.infer<(typeof VISIT_EVENT_SCHEMAS)[number]>;
