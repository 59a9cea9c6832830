/**
 * Complaint lifecycle: received → acknowledged → (forwarded | extended) → responded → closed; reopened. And
 * feedback (praise, suggestions), which travels with complaints. `complaint_id` / `feedback_id` are the keys.
 */
import { z } from 'zod';
import { CalendarDate, EntityId, envelope, expected, FreeText, freeText, PersonRef } from './envelope.ts';
import { code } from './field-kinds.ts';
import {
  ComplaintCategoryId,
  ComplaintOutcome,
  DeliveryMethod,
  ExtensionReason,
  FeedbackKind,
  ReopenReason,
  SubmissionForm,
} from './reference/complaints.ts';
import { ServiceLanguageId } from './reference/languages.ts';
import { OfficeId } from './reference/offices.ts';
import { ServiceId } from './reference/services.ts';

function complaintFields<const T extends string>(type: T) {
  return { ...envelope(type), office_id: code(OfficeId).optional(), complaint_id: EntityId };
}

export const ComplaintReceived = z.strictObject({
  ...complaintFields('complaint.received'),
  form: code(SubmissionForm),
  category: code(ComplaintCategoryId),
  /** The language the complaint is written or spoken in. */
  language: code(ServiceLanguageId),
  service_id: code(ServiceId).optional(),
  visit_id: EntityId.optional(),
  customer_ref: PersonRef.optional(),
  /** The staff member the complaint is about, if named. */
  staff_ref: PersonRef.optional(),
  summary: FreeText.optional(),
});
export type ComplaintReceived = z.infer<typeof ComplaintReceived>;

export const ComplaintAcknowledged = z.strictObject({
  ...complaintFields('complaint.acknowledged'),
  staff_ref: PersonRef.optional(),
});
export type ComplaintAcknowledged = z.infer<typeof ComplaintAcknowledged>;

export const ComplaintForwarded = z.strictObject({
  ...complaintFields('complaint.forwarded'),
  /** The competent institution, e.g. "CSDD". */
  forwarded_to: freeText(200),
  person_notified: z.boolean({ error: expected('expected true or false') }),
});
export type ComplaintForwarded = z.infer<typeof ComplaintForwarded>;

export const ComplaintExtended = z.strictObject({
  ...complaintFields('complaint.extended'),
  extension_reason: code(ExtensionReason),
  new_due_date: CalendarDate,
  /** How the person was told of the extension. */
  notice_method: code(DeliveryMethod),
});
export type ComplaintExtended = z.infer<typeof ComplaintExtended>;

export const ComplaintResponded = z.strictObject({
  ...complaintFields('complaint.responded'),
  outcome: code(ComplaintOutcome),
  delivery_method: code(DeliveryMethod),
  staff_ref: PersonRef.optional(),
});
export type ComplaintResponded = z.infer<typeof ComplaintResponded>;

export const ComplaintClosed = z.strictObject({
  ...complaintFields('complaint.closed'),
});
export type ComplaintClosed = z.infer<typeof ComplaintClosed>;

export const ComplaintReopened = z.strictObject({
  ...complaintFields('complaint.reopened'),
  reopen_reason: code(ReopenReason),
});
export type ComplaintReopened = z.infer<typeof ComplaintReopened>;

export const FeedbackReceived = z.strictObject({
  ...envelope('feedback.received'),
  office_id: code(OfficeId).optional(),
  feedback_id: EntityId,
  feedback_kind: code(FeedbackKind),
  form: code(SubmissionForm),
  language: code(ServiceLanguageId).optional(),
  service_id: code(ServiceId).optional(),
  visit_id: EntityId.optional(),
  customer_ref: PersonRef.optional(),
  /** The staff member praised, if named. */
  staff_ref: PersonRef.optional(),
  text: FreeText.optional(),
});
export type FeedbackReceived = z.infer<typeof FeedbackReceived>;

export const COMPLAINT_EVENT_SCHEMAS = [
  ComplaintReceived,
  ComplaintAcknowledged,
  ComplaintForwarded,
  ComplaintExtended,
  ComplaintResponded,
  ComplaintClosed,
  ComplaintReopened,
  FeedbackReceived,
] as const;
export type ComplaintEvent = z.infer<(typeof COMPLAINT_EVENT_SCHEMAS)[number]>;
