/**
 * The deadline list's rule, said once: most open complaints fall under the same legal rule, whose long name
 * ("10 working days (received from 1 March 2026)") repeated on every row wrapped over five lines on paper. The
 * list names the rule most rows share in its note and keeps a row's rule only where it differs.
 */

/** The rule most of `rows` share (the earlier-listed on a tie), or null when no row has a rule. */
export function commonRule(rows: readonly { rule: string | null }[]): string | null {
  const counts = new Map<string, number>();
  for (const { rule } of rows) if (rule !== null) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  let best: string | null = null;
  for (const [rule, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = rule;
  return best;
}

/** Whether any row's rule differs from the common one, so the list still needs its rule column. */
export function rulesDiffer(rows: readonly { rule: string | null }[], common: string | null): boolean {
  return rows.some((r) => r.rule !== common);
}
