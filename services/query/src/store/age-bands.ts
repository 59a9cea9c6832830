/**
 * The open complaints' age bands (the complaints model's `open_age_band`), defined once: the SQL that cuts them
 * and the list GET /v1/reference serves with each band's bounds and whether it lies past the legal deadline, so a
 * client never keeps its own copy of where the deadline falls. The bands are cut at the statutory 10 working days
 * (half of it, and twice it, either side), and a band counts as past the deadline only when its youngest age is.
 */
import { RESPONSE_RULES, type ResponseRule } from '../contracts.adapter.ts';

export interface OpenAgeBand {
  /** The value of `open_age_band`, e.g. "11-20" or "21+". */
  id: string;
  /** Working days since receipt, inclusive; `to` is null for the open-ended last band. */
  from: number;
  to: number | null;
  /** Every complaint in the band is older than the legal deadline (unless its deadline was extended). */
  pastLegalDeadline: boolean;
}

/** Upper bounds (inclusive) of every band but the last, in working days. */
const BAND_UPPER_BOUNDS = [5, 10, 20] as const;

/**
 * The answer period, in working days, of the Law on Submissions rule in force now (the one without an end): the
 * deadline the bands are read against. A rule counted in months has no working-day figure, so it is an error.
 */
export function legalDeadlineWorkingDays(rules: readonly ResponseRule[] = RESPONSE_RULES): number {
  const current = rules.find((r) => r.effectiveUntil === undefined);
  if (current?.answer.unit !== 'working_days') {
    throw new Error('the response rule in force must give its answer period in working days');
  }
  return current.answer.amount;
}

/** The bands in order of age, each flagged against a deadline of `deadline` working days. */
export function openAgeBands(deadline: number = legalDeadlineWorkingDays()): OpenAgeBand[] {
  const bands: OpenAgeBand[] = [];
  let from = 0;
  for (const to of BAND_UPPER_BOUNDS) {
    bands.push({ id: `${from}-${to}`, from, to, pastLegalDeadline: from > deadline });
    from = to + 1;
  }
  bands.push({ id: `${from}+`, from, to: null, pastLegalDeadline: from > deadline });
  return bands;
}

/** A SQL CASE giving the band of `column` (working days; null stays null). */
export function openAgeBandSql(column: string): string {
  const whens = openAgeBands().map((b) =>
    b.to === null ? `WHEN ${column} >= ${b.from} THEN '${b.id}'` : `WHEN ${column} <= ${b.to} THEN '${b.id}'`,
  );
  return `CASE ${whens.join(' ')} END`;
}
