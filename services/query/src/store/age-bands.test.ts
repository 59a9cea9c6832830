import { describe, expect, it } from 'vitest';
import { RESPONSE_RULES } from '../contracts.adapter.ts';
import { legalDeadlineWorkingDays, openAgeBands, openAgeBandSql } from './age-bands.ts';

const pastOf = (deadline: number) =>
  openAgeBands(deadline)
    .filter((b) => b.pastLegalDeadline)
    .map((b) => b.id);

describe('open complaint age bands', () => {
  it('marks 11-20 and 21+ working days as past the statutory 10-working-day deadline', () => {
    expect(legalDeadlineWorkingDays()).toBe(10);
    expect(openAgeBands()).toEqual([
      { id: '0-5', from: 0, to: 5, pastLegalDeadline: false },
      { id: '6-10', from: 6, to: 10, pastLegalDeadline: false },
      { id: '11-20', from: 11, to: 20, pastLegalDeadline: true },
      { id: '21+', from: 21, to: null, pastLegalDeadline: true },
    ]);
  });

  it('moves the flags with the deadline: a band is past it only when its youngest age is', () => {
    expect(pastOf(5)).toEqual(['6-10', '11-20', '21+']);
    expect(pastOf(15)).toEqual(['21+']);
    expect(pastOf(20)).toEqual(['21+']);
    expect(pastOf(25)).toEqual([]);
  });

  it('reads the deadline from the rule in force, and refuses one counted in months', () => {
    const current = RESPONSE_RULES.find((r) => r.effectiveUntil === undefined)!;
    const amended = { ...current, answer: { unit: 'working_days' as const, amount: 15 } };
    expect(legalDeadlineWorkingDays([RESPONSE_RULES[0]!, amended])).toBe(15);
    const monthly = { ...current, answer: { unit: 'months' as const, amount: 1 } };
    expect(() => legalDeadlineWorkingDays([monthly])).toThrow(/working days/);
  });

  it('cuts the SQL at the same bounds it serves', () => {
    expect(openAgeBandSql('d')).toBe(
      "CASE WHEN d <= 5 THEN '0-5' WHEN d <= 10 THEN '6-10' WHEN d <= 20 THEN '11-20' WHEN d >= 21 THEN '21+' END",
    );
  });
});
