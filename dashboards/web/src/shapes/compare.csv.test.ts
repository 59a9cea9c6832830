import { describe, expect, it } from 'vitest';
import { compareAnswer, group, labels } from '../test.fixtures.ts';
import { comparisonCsv } from './compare.csv.ts';
import { comparisonRows } from './compare.shape.ts';

// Regression: the comparison's CSV wrote its own unit word and left the change out; a withheld group's p-value stood.
describe("a comparison's CSV", () => {
  const metric = compareAnswer([
    group('cesis', { value: 0.71234, n: 45, interval: { low: 0.6, high: 0.81 }, pValue: 0.012, change: -0.031 }),
    group('liepaja', { value: null, n: 8, interval: null, suppressed: true, pValue: null, change: null }),
  ]).metrics[0]!;
  const rows = comparisonRows(metric, 'office', 'lv', labels, ['cesis', 'liepaja'], 'Visas nodaļas');

  it('holds each group raw: the share in percent with its n and 95 % bounds, p, the change in percentage points', () => {
    const data = comparisonCsv('lv', { name: 'CSAT', unit: 'share' }, rows, () => 'x');
    expect(data.columns).toEqual([
      'Grupa',
      'CSAT (%)',
      'CSAT n',
      'CSAT 95 % low (%)',
      'CSAT 95 % high (%)',
      'p',
      'Izmaiņas pret iepriekšējo periodu (pp)',
      'Atšķirība no pārējām',
    ]);
    expect(data.rows[0]).toEqual(['Cēsis', 71.23, 45, 60, 81, 0.012, -3.1, 'x']);
  });

  it('keeps a group below the minimum sample to its n', () => {
    const data = comparisonCsv('lv', { name: 'CSAT', unit: 'share' }, rows, () => '');
    expect(data.rows[1]).toEqual(['Liepāja', null, 8, null, null, null, null, '']);
  });

  it('writes minutes and their change in minutes', () => {
    const minutes = comparisonRows(
      compareAnswer([group('cesis', { value: 12.25, interval: { low: 10, high: 14.5 }, change: 1.5 })], {
        unit: 'minutes',
      }).metrics[0]!,
      'office',
      'en',
      labels,
    );
    const data = comparisonCsv('en', { name: 'Wait', unit: 'minutes' }, minutes, () => '');
    expect(data.columns[1]).toBe('Wait (minutes)');
    expect(data.columns[6]).toBe('Change vs previous period (minutes)');
    expect(data.rows[0]?.slice(1, 7)).toEqual([12.25, 100, 10, 14.5, 0.4, 1.5]);
  });
});
