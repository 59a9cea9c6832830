/**
 * The open complaints' age bands (the complaints model's `open_age_band`), defined once: the SQL that cuts them
 * and the list GET /v1/reference serves with each band's bounds and whether it lies past the legal deadline, so a
 * client never keeps its own copy of where the deadline falls. The bands are cut at half the statutory deadline,
 * the deadline and twice it (0-5, 6-10, 11-20, 21+ for 10 working days), so the deadline is always a band's edge
 * and a band is either wholly within it or wholly past it, whatever the law sets.
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

/** The bands in order of age for a deadline of `deadline` working days, each flagged against it. */
export function openAgeBands(deadline: number = legalDeadlineWorkingDays()): OpenAgeBand[] {
  const bands: OpenAgeBand[] = [];
  let from = 0;
  // Upper bounds (inclusive) of every band but the last.
  for (const to of [Math.floor(deadline / 2), deadline, 2 * deadline]) {
    bands.push({ id: `${from}-${to}`, from, to, pastLegalDeadline: from > deadline });
    from = to + 1;
  }
  bands.push({ id: `${from}+`, from, to: null, pastLegalDeadline: from > deadline });
  return bands;
}

/** A SQL CASE giving the band of `column` (working days; null stays null). */
export function openAgeBandSql(column: string, deadline: number = legalDeadlineWorkingDays()): string {
  const whens = openAgeBands(deadline).map((b) =>
    b.to === null ? `WHEN ${column} >= ${b.from} THEN '${b.id}'` : `WHEN ${column} <= ${b.to} THEN '${b.id}'`,
  );
  return `CASE ${whens.join(' ')} END`;
}
