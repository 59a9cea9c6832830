/**
 * Reference lists for complaints and feedback: categories (what the complaint is about), outcomes of an answer,
 * reasons for an extended deadline (the cases the Law on Submissions lists) and how an answer was delivered.
 */
import { z } from 'zod';
export const COMPLAINT_CATEGORY_IDS = [
  'staff_conduct',
  'waiting',
  'refusal',
  'information',
  'e_service',
  'language',
  'accessibility',
  'confidentiality',
  'other',
] as const;
export const ComplaintCategoryId = z.enum(COMPLAINT_CATEGORY_IDS);
export type ComplaintCategoryId = z.infer<typeof ComplaintCategoryId>;

export const ComplaintCategories: Record<
  ComplaintCategoryId,
  { id: ComplaintCategoryId; name: { lv: string; en: string } }
> = {
  staff_conduct: { id: 'staff_conduct', name: { lv: 'Darbinieku rīcība', en: 'Staff conduct' } },
  waiting: { id: 'waiting', name: { lv: 'Gaidīšanas laiks', en: 'Waiting' } },
  refusal: { id: 'refusal', name: { lv: 'Atteikums sniegt pakalpojumu', en: 'Refusal of a service' } },
  information: { id: 'information', name: { lv: 'Informācija', en: 'Information' } },
  e_service: { id: 'e_service', name: { lv: 'E-pakalpojumi', en: 'E-services' } },
  language: { id: 'language', name: { lv: 'Apkalpošanas valoda', en: 'Service language' } },
  accessibility: {
    id: 'accessibility',
    name: { lv: 'Pieejamība, īpašas vajadzības', en: 'Accessibility, special needs' },
  },
  confidentiality: { id: 'confidentiality', name: { lv: 'Konfidencialitāte', en: 'Confidentiality' } },
  other: { id: 'other', name: { lv: 'Cits', en: 'Other' } },
};

export const COMPLAINT_OUTCOMES = ['upheld', 'partially_upheld', 'not_upheld', 'explained', 'withdrawn'] as const;
export const ComplaintOutcome = z.enum(COMPLAINT_OUTCOMES);
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

/** Why the answer deadline was extended; the first three are the cases the Law on Submissions names. */
export const EXTENSION_REASONS = ['additional_information', 'other_institutions', 'large_volume', 'other'] as const;
export const ExtensionReason = z.enum(EXTENSION_REASONS);
export type ExtensionReason = z.infer<typeof ExtensionReason>;

/** How an answer reaches the person. By post it counts as delivered days after sending (Law on Notification). */
export const DELIVERY_METHODS = ['post', 'email', 'e_address', 'latvija_lv', 'in_person', 'phone'] as const;
export const DeliveryMethod = z.enum(DELIVERY_METHODS);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

export const REOPEN_REASONS = ['customer_disagreed', 'new_information', 'handling_error', 'other'] as const;
export const ReopenReason = z.enum(REOPEN_REASONS);
export type ReopenReason = z.infer<typeof ReopenReason>;

export const FEEDBACK_KINDS = ['praise', 'suggestion'] as const;
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

/** Written (letter, e-mail, form) or verbal (at the desk, by phone). */
export const SUBMISSION_FORMS = ['written', 'verbal'] as const;
export const SubmissionForm = z.enum(SUBMISSION_FORMS);
export type SubmissionForm = z.infer<typeof SubmissionForm>;
