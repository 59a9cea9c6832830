import { describe, expect, it } from 'vitest';
import { relayoutOf, trendOption } from './chart.options.ts';
import { periodNamesShown } from './period.labels.ts';

/** 6 px a character, as the charts' estimate. */
const measure = (text: string) => text.length * 6;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec\n(nepilns)'];

describe('period names on a narrow axis', () => {
  it('shows every name when they all fit', () => {
    expect(periodNamesShown(months, [], 1200, measure).every(Boolean)).toBe(true);
  });

  // Regression: on a 390 px phone the trend dropped the last name, "(nepilns)", with ECharts' hideOverlap.
  it('keeps the last (partial) period named on a phone, dropping evenly spaced names before it', () => {
    const shown = periodNamesShown(months, [...months.map(() => false).slice(1), true], 250, measure);
    expect(shown.at(-1)).toBe(true);
    const kept = shown.flatMap((s, i) => (s ? [i] : []));
    // "(nepilns)" is 54 px (and 10 px of room) over periods 20.8 px wide: every fourth name, back from the last.
    expect(kept).toEqual([3, 7, 11]);
  });

  it('keeps a partial first period named too, its neighbour giving way', () => {
    const names = ['Jul\n(nepilns)', ...months.slice(7, 11), 'Dec\n(nepilns)'];
    const shown = periodNamesShown(names, [true, false, false, false, false, true], 120, measure);
    // Every fourth name from the last is Aug; it sits too close to Jul and gives way.
    expect(shown).toEqual([true, false, false, false, false, true]);
  });

  it('tells the trend chart, at its drawn width, to name the last partial period', () => {
    const option = trendOption(
      months.map((m) => m.split('\n')[0]!),
      [{ name: 'All', values: months.map(() => 80), emphasis: true }],
      {
        unit: 'share',
        lang: 'lv',
        target: null,
        targetLabel: 'Mērķis',
        partial: [...months.map(() => false).slice(1), true],
        partialLabel: 'nepilns',
      },
    );
    const phone = relayoutOf(option)!(350, measure) as {
      xAxis: { axisLabel: { interval: (index: number) => boolean; hideOverlap: boolean } };
    };
    const { interval, hideOverlap } = phone.xAxis.axisLabel;
    expect(hideOverlap).toBe(false);
    expect(interval(11)).toBe(true);
    expect(months.filter((_, i) => interval(i)).length).toBeLessThan(months.length);
  });
});
