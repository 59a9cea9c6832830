import { describe, expect, it } from 'vitest';
import { commonRule, rulesDiffer } from './due.rule.ts';

const NEW = 'submissions-law-from-2026-03';
const OLD = 'submissions-law-until-2026-02';

describe("the deadline list's rule", () => {
  // Regression: every row of the due list repeated "10 working days (received from 1 March 2026)", five lines on paper.
  it('names the rule most complaints share, so the list says it once and a row only where it differs', () => {
    const rows = [{ rule: NEW }, { rule: OLD }, { rule: NEW }, { rule: null }];
    expect(commonRule(rows)).toBe(NEW);
    expect(rulesDiffer(rows, NEW)).toBe(true);
  });

  it('drops the rule column when every complaint has the same rule', () => {
    const rows = [{ rule: NEW }, { rule: NEW }];
    expect(rulesDiffer(rows, commonRule(rows))).toBe(false);
  });

  it('has no common rule for complaints without one', () => {
    expect(commonRule([{ rule: null }])).toBeNull();
    expect(commonRule([])).toBeNull();
  });
});
