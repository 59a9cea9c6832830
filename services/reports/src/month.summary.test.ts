import type { Figure, MetricInfo } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { offTarget } from './month.summary.ts';

const metric = (id: string, over: Partial<MetricInfo>): MetricInfo => ({
  id,
  label: { lv: id, en: id },
  description: { lv: '', en: '' },
  model: 'surveys',
  measure: { kind: 'count' } as unknown as MetricInfo['measure'],
  unit: 'share',
  direction: 'higher_is_better',
  target: { default: null, byOffice: {} },
  minSample: 30,
  ...over,
});

const figure = (value: number, target: number | null, interval?: [number, number]): Figure => ({
  value,
  n: 500,
  target,
  suppressed: false,
  ...(interval ? { interval: { low: interval[0], high: interval[1] } } : {}),
});

const catalogue = [
  metric('csat', { label: { lv: 'Klientu apmierinātība (CSAT)', en: 'Customer satisfaction (CSAT)' }, unit: 'share' }),
  metric('satisfaction_mean', { label: { lv: 'Vidējā apmierinātība', en: 'Mean satisfaction' }, unit: 'score_1_5' }),
  metric('wait_p50', {
    label: { lv: 'Gaidīšanas laika mediāna', en: 'Wait time, median' },
    unit: 'minutes',
    direction: 'lower_is_better',
  }),
  metric('legal_deadline_share', {
    label: { lv: 'Atbildēts likumā noteiktajā termiņā', en: 'Answered within the legal deadline' },
    unit: 'share',
  }),
  metric('surveys_answered', { unit: 'count', direction: 'neutral' }),
];

describe("the report e-mail's figures off target", () => {
  it('names each headline figure whose whole interval misses its target, with figure and target, in the tiles’ order', () => {
    const row = {
      // Within noise: the interval reaches the target.
      csat: figure(0.875, 0.85, [0.84, 0.9]),
      // Off: the whole interval is below.
      satisfaction_mean: figure(4.22, 4.3, [4.15, 4.28]),
      // Off, lower is better: the whole interval is above.
      wait_p50: figure(12.5, 10, [11, 14]),
      // Every complaint in time is the rule: 42 of 43 misses it, whatever the interval.
      legal_deadline_share: figure(0.977, 1, [0.88, 0.996]),
      surveys_answered: figure(591, null),
    };
    const ids = ['surveys_answered', 'csat', 'satisfaction_mean', 'wait_p50', 'legal_deadline_share'];
    expect(offTarget(ids, row, catalogue, 'en').map((o) => o.line)).toEqual([
      'Mean satisfaction: 4.22 / 5 (target ≥ 4.30 / 5)',
      'Wait time, median: 12.5 min (target ≤ 10.0 min)',
      'Answered within the legal deadline: 97.7 % (target ≥ 100.0 %)',
    ]);
    expect(offTarget(ids, row, catalogue, 'lv').map((o) => o.line)).toEqual([
      'Vidējā apmierinātība: 4,22 / 5 (mērķis ≥ 4,30 / 5)',
      'Gaidīšanas laika mediāna: 12,5 min (mērķis ≤ 10,0 min)',
      'Atbildēts likumā noteiktajā termiņā: 97,7 % (mērķis ≥ 100,0 %)',
    ]);
  });

  it('leaves out figures withheld for too few responses and metrics the catalogue lacks', () => {
    const row = {
      csat: { value: null, n: 5, target: 0.85, suppressed: true },
      unknown: figure(0.1, 0.9, [0.05, 0.2]),
    };
    expect(offTarget(['csat', 'unknown'], row, catalogue, 'en')).toEqual([]);
  });
});
