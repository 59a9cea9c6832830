import { describe, expect, it } from 'vitest';
import { heatmapOption, HEAT_COLOURS } from './visits.charts.ts';
import type { HourGrid } from '../shapes/visits.shape.ts';

const empty = { value: null, n: 0, target: null, suppressed: false };

describe('heatmapOption', () => {
  it('frames working-hour cells, and keeps cells without a figure visible as blank framed cells', () => {
    const grid: HourGrid = {
      weekdays: [1],
      hours: [8, 9],
      cells: [
        { weekday: 1, hour: 8, figure: { ...empty, value: 4, n: 30 }, open: false },
        { weekday: 1, hour: 9, figure: { ...empty, n: 5, suppressed: true }, open: true },
      ],
    };
    const option = heatmapOption(grid, {
      weekdayNames: ['Mon'],
      value: (i) => grid.cells[i]?.figure.value ?? null,
      colours: HEAT_COLOURS.waits,
      name: 'wait',
      format: String,
    });
    const [shown, blank] = option.series as { data: { value: number[]; itemStyle: Record<string, unknown> }[] }[];
    expect(shown?.data).toEqual([expect.objectContaining({ value: [0, 0, 4] })]);
    expect(shown?.data[0]?.itemStyle.borderColor).not.toBe(HEAT_COLOURS.open);
    expect(blank?.data).toHaveLength(1);
    expect(blank?.data[0]?.value.slice(0, 2)).toEqual([1, 0]);
    expect(blank?.data[0]?.itemStyle).toMatchObject({ borderColor: HEAT_COLOURS.open, color: HEAT_COLOURS.blank });
  });
});

describe('heatmapOption legend', () => {
  const grid: HourGrid = {
    weekdays: [1],
    hours: [8],
    cells: [{ weekday: 1, hour: 8, figure: { ...empty, value: 9, n: 30 }, open: true }],
  };
  const base = { weekdayNames: ['Mon'], value: () => 9, colours: HEAT_COLOURS.waits, name: 'wait', format: String };

  // Regression: the median wait heatmap's scale read "0 … 9" with no unit anywhere near it.
  it("writes the colour scale's ends with the legend's format when one is given, the cells' otherwise", () => {
    const withUnit = heatmapOption(grid, { ...base, legend: (v) => `${v} min` });
    expect((withUnit.visualMap as { text: string[] }).text).toEqual(['9 min', '0 min']);
    expect((heatmapOption(grid, base).visualMap as { text: string[] }).text).toEqual(['9', '0']);
  });
});
