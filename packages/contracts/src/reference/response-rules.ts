/**
 * How long ATD has to answer a submission (a complaint), as data effective by the date of receipt. The outer
 * limits are the Law on Submissions (Iesniegumu likums), as amended by the Saeima on 5 February 2026 with effect
 * from 1 March 2026; the rule in force on the day of receipt applies to the whole case. ATD's own internal target
 * is stricter and configurable.
 */
import type { IsoDate } from '../dates.ts';

/** A period counted either in calendar months (ending on a day off moves to the next working day) or working days. */
export type Period = { unit: 'months'; amount: number } | { unit: 'working_days'; amount: number };

export interface ResponseRule {
  id: string;
  /** How the rule reads in a legend: the answer period and the receipts it covers. */
  name: { lv: string; en: string };
  /** First Riga date of receipt the rule applies to. */
  effectiveFrom: IsoDate;
  /** First Riga date it no longer applies to (exclusive); absent while in force. */
  effectiveUntil?: IsoDate;
  /** Answer on the merits. */
  answer: Period;
  /** The longest allowed answer time when the deadline is extended (with notice to the person), from receipt. */
  extendedAnswer: Period;
  /** Forwarding to the competent institution when the matter is not ATD's. */
  forward: Period;
  legalBasis: string;
}

export const RESPONSE_RULES: readonly ResponseRule[] = [
  {
    id: 'submissions-law-until-2026-02',
    name: { lv: '1 mēnesis (saņemtas līdz 28.02.2026)', en: '1 month (received before 1 March 2026)' },
    effectiveFrom: '2008-01-01',
    effectiveUntil: '2026-03-01',
    answer: { unit: 'months', amount: 1 },
    extendedAnswer: { unit: 'months', amount: 4 },
    forward: { unit: 'working_days', amount: 7 },
    legalBasis: 'Iesniegumu likums, 5. panta otrā daļa un 5. panta ceturtā daļa (redakcija līdz 28.02.2026)',
  },
  {
    id: 'submissions-law-from-2026-03',
    name: { lv: '10 darba dienas (saņemtas no 01.03.2026)', en: '10 working days (received from 1 March 2026)' },
    effectiveFrom: '2026-03-01',
    answer: { unit: 'working_days', amount: 10 },
    extendedAnswer: { unit: 'months', amount: 1 },
    forward: { unit: 'working_days', amount: 5 },
    legalBasis: 'Iesniegumu likums, grozījumi 05.02.2026, spēkā no 01.03.2026',
  },
];

/**
 * ATD's internal answer target. Placeholder value until management sets it: half the statutory 10 working days.
 * Callers pass their configured target to `complaintDeadline`; this is only the default.
 */
export const DEFAULT_INTERNAL_TARGET: Period = { unit: 'working_days', amount: 5 };

export function responseRuleOn(
  date: IsoDate,
  rules: readonly ResponseRule[] = RESPONSE_RULES,
): ResponseRule | undefined {
  return rules.find((r) => r.effectiveFrom <= date && (r.effectiveUntil === undefined || date < r.effectiveUntil));
}
