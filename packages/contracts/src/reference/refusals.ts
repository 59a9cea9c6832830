/**
 * Reason codes for refusing a service. The standard requires staff to tell the reason and ground it in the
 * regulations; the code says why, and `regulation_ref` on the visit says which norm, so the share of refusals
 * with a cited regulation can be measured.
 */
import { z } from 'zod';
export const REFUSAL_REASON_IDS = [
  'documents_incomplete',
  'identity_not_verified',
  'fee_not_paid',
  'requirements_not_met',
  'outstanding_obligations',
  'not_atd_competence',
  'outside_working_hours',
  'other',
] as const;
export const RefusalReasonId = z.enum(REFUSAL_REASON_IDS);
export type RefusalReasonId = z.infer<typeof RefusalReasonId>;

export const RefusalReasons: Record<RefusalReasonId, { id: RefusalReasonId; name: { lv: string; en: string } }> = {
  documents_incomplete: {
    id: 'documents_incomplete',
    name: { lv: 'Nav iesniegti visi nepieciešamie dokumenti', en: 'Required documents missing' },
  },
  identity_not_verified: {
    id: 'identity_not_verified',
    name: { lv: 'Nav uzrādīts personu apliecinošs dokuments', en: 'Identity document not shown' },
  },
  fee_not_paid: { id: 'fee_not_paid', name: { lv: 'Nav samaksāta nodeva vai maksa', en: 'Fee not paid' } },
  requirements_not_met: {
    id: 'requirements_not_met',
    name: { lv: 'Neatbilst normatīvo aktu prasībām', en: 'Regulatory requirements not met' },
  },
  outstanding_obligations: {
    id: 'outstanding_obligations',
    name: { lv: 'Nav izpildītas iepriekšējās saistības', en: 'Outstanding obligations' },
  },
  not_atd_competence: {
    id: 'not_atd_competence',
    name: { lv: 'Jautājums nav ATD kompetencē', en: 'Not within ATD competence' },
  },
  outside_working_hours: {
    id: 'outside_working_hours',
    name: { lv: 'Ārpus darba laika vai pieraksta laika', en: 'Outside working hours or the booked time' },
  },
  other: { id: 'other', name: { lv: 'Cits pamatojums', en: 'Other grounds' } },
};
