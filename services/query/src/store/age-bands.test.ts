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

  it('moves the cuts with the deadline, so the deadline stays a band edge and the last two bands are past it', () => {
    expect(openAgeBands(15).map((b) => b.id)).toEqual(['0-7', '8-15', '16-30', '31+']);
    expect(pastOf(15)).toEqual(['16-30', '31+']);
    expect(pastOf(20)).toEqual(['21-40', '41+']);
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
    expect(openAgeBandSql('d', 15)).toBe(
      "CASE WHEN d <= 7 THEN '0-7' WHEN d <= 15 THEN '8-15' WHEN d <= 30 THEN '16-30' WHEN d >= 31 THEN '31+' END",
    );
  });
});
