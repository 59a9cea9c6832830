import { describe, expect, it } from 'vitest';
import { comparisonOption } from '../charts/chart.options.ts';
import { ALL_KEY, comparisonChart, comparisonRows } from './compare.shape.ts';
import { compareAnswer, group, labels } from '../test.fixtures.ts';

const answer = compareAnswer([
  group('liepaja', { suppressed: true, value: null, n: 12, interval: null, pValue: null, significant: false }),
  group('cesis', { value: 0.7, interval: { low: 0.62, high: 0.77 }, pValue: 0.001, significant: true }),
  group('riga-valnu-30', { value: 0.86, interval: { low: 0.83, high: 0.89 } }),
]);
const metric = answer.metrics[0]!;
const order = ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'];

describe('comparison rows and error bars from /v1/compare', () => {
  it('orders groups as asked and puts the all-group row last', () => {
    const rows = comparisonRows(metric, 'office', 'en', labels, order, 'All offices');
    expect(rows.map((r) => r.key)).toEqual(['riga-valnu-30', 'cesis', 'liepaja', ALL_KEY]);
    expect(rows.map((r) => r.label)).toEqual(['Riga, Vaļņu 30', 'Cēsis', 'Liepāja', 'All offices']);
  });

  it('keeps a suppressed group without value, interval, marker or verdict', () => {
    const liepaja = comparisonRows(metric, 'office', 'en', labels, order).find((r) => r.key === 'liepaja');
    expect(liepaja).toMatchObject({
      value: null,
      interval: null,
      suppressed: true,
      significant: false,
      status: 'none',
      n: 12,
    });
  });

  it('draws error bars in percent for shares, and a marker only where the difference is significant', () => {
    const rows = comparisonRows(metric, 'office', 'en', labels, order);
    const chart = comparisonChart(rows, 'share');
    expect(chart.values).toEqual([86, 70, null, 80]);
    expect(chart.errorBars).toEqual([
      { index: 0, low: 83, high: 89 },
      { index: 1, low: 62, high: 77 },
      { index: 3, low: 72, high: 86 },
    ]);
    expect(chart.significant).toEqual([1]);
    expect(chart.worse).toEqual([1]);
    expect(chart.better).toEqual([]);
    expect(chart.suppressed).toEqual([2]);
    expect(chart.target).toBe(85);
  });

  // Regression: complaints with no office stood among the offices as one more office to rank.
  it('shows the records with no office after every office and before the all-group row, named by the API and never ranked', () => {
    const withNone = compareAnswer([
      group(null, { value: 0.5, interval: { low: 0.3, high: 0.7 }, pValue: 0.001, significant: true }),
      group('cesis', { value: 0.7, interval: { low: 0.62, high: 0.77 } }),
      group('riga-valnu-30', { value: 0.86, interval: { low: 0.83, high: 0.89 } }),
    ]);
    const rows = comparisonRows(withNone.metrics[0]!, 'office', 'lv', labels, order, 'Visas nodaļas');
    expect(rows.map((r) => [r.label, r.noOffice])).toEqual([
      ['Rīga, Vaļņu 30', false],
      ['Cēsis', false],
      ['Nodaļa nav piešķirta', true],
      ['Visas nodaļas', false],
    ]);
    expect(rows[2]).toMatchObject({ value: 0.5, significant: false, effect: null });
    expect(comparisonChart(rows, 'share')).toMatchObject({ significant: [], noOffice: [2] });
  });

  it('never marks the all-group row as significant', () => {
    const flagged = compareAnswer([group('cesis')]);
    flagged.metrics[0]!.all = group(null, { significant: true });
    const rows = comparisonRows(flagged.metrics[0]!, 'office', 'en', labels);
    expect(rows.at(-1)?.significant).toBe(false);
  });

  it('labels suppressed groups "too few responses" on the chart axis and places markers on their points', () => {
    const rows = comparisonRows(metric, 'office', 'en', labels, order);
    const { option } = comparisonOption(comparisonChart(rows, 'share'), {
      unit: 'share',
      lang: 'en',
      targetLabel: 'Target',
      tooFew: 'too few responses',
      allIndex: 3,
      betterLabel: 'significantly better',
      worseLabel: 'significantly worse',
      differentLabel: 'significantly different',
      labelWidth: 130,
    });
    // The groups sit at the middles of their bands, each name a label there.
    const yAxis = option.yAxis as { axisLabel: { customValues: number[]; formatter: (value: number) => string } };
    const [, second, third] = yAxis.axisLabel.customValues;
    expect(yAxis.axisLabel.formatter(third!)).toBe('Liepāja\n(too few responses)');
    const series = option.series as { name: string; data: unknown[] }[];
    expect(series.find((s) => s.name === 'significantly worse')?.data).toEqual([[70, second]]);
    expect(series.find((s) => s.name === 'significantly better')?.data).toEqual([]);
    expect(series.find((s) => s.name === 'ci')?.data).toHaveLength(3);
    expect((option.xAxis as { min: number }).min).toBe(50);
  });

  it("words a significant difference by the metric's direction: a shorter wait is better, a lower CSAT worse", () => {
    const waits = compareAnswer(
      [
        group('cesis', { value: 6, interval: { low: 5, high: 7 }, pValue: 0.001, significant: true }),
        group('riga-valnu-30', { value: 14, interval: { low: 13, high: 15 }, pValue: 0.001, significant: true }),
      ],
      { direction: 'lower_is_better', unit: 'minutes' },
    );
    waits.metrics[0]!.all = group(null, { value: 10, interval: { low: 9, high: 11 } });
    const rows = comparisonRows(waits.metrics[0]!, 'office', 'en', labels, order);
    expect(rows.map((r) => [r.key, r.effect])).toEqual([
      ['riga-valnu-30', 'worse'],
      ['cesis', 'better'],
      [ALL_KEY, null],
    ]);
    const csat = comparisonRows(metric, 'office', 'en', labels, order).find((r) => r.key === 'cesis');
    expect(csat?.effect).toBe('worse');
  });
});
