import { describe, expect, it } from 'vitest';
import { trendAxis, trendOption } from './chart.options.ts';

describe('trend chart options', () => {
  it('keeps a share axis inside 0–100 % even for one dot near the top', () => {
    const axis = trendAxis('share', [96], 85);
    expect(axis.min).toBeGreaterThanOrEqual(0);
    expect(axis.max).toBeLessThanOrEqual(100);
    expect(axis.min).toBeLessThanOrEqual(85);
    expect(axis.min % 5).toBe(0);
    expect(axis.max % 5).toBe(0);
  });

  it('extends the axis to include a target far from the data', () => {
    const axis = trendAxis('minutes', [4, 5, 6], 30);
    expect(axis.max).toBeGreaterThanOrEqual(30);
    expect(axis.min).toBeLessThanOrEqual(4);
  });

  it('draws partial periods as a dashed, hollow series under the same name, and labels them', () => {
    const option = trendOption(['Oct', 'Nov', 'Dec'], [{ name: 'All', values: [80, 81, 60], emphasis: true }], {
      unit: 'share',
      target: 85,
      targetLabel: 'Target',
      partial: [false, false, true],
      partialLabel: 'partial',
    });
    const series = option.series as {
      name: string;
      data: (number | null)[];
      symbol: string;
      lineStyle: { type?: string };
    }[];
    expect(series.map((s) => s.name)).toEqual(['All', 'All']);
    expect(series[0]?.data).toEqual([80, 81, null]);
    expect(series[1]?.data).toEqual([null, 81, 60]);
    expect(series[1]?.symbol).toBe('emptyCircle');
    expect(series[1]?.lineStyle.type).toBe('dashed');
    expect((option.xAxis as { data: string[] }).data[2]).toBe('Dec\n(partial)');
  });
});
