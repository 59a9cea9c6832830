import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { COLOURS, PARTIAL_BAR_DECAL, relayoutOf, trendOption } from './chart.options.ts';
import {
  ageingOption,
  COMPLIANCE_HEIGHT,
  complianceHeight,
  complianceOption,
  deadlineCounts,
  PAST_DEADLINE_ZONE,
  segmentLabels,
} from './complaints.charts.ts';

const bands = ['0–5 darba dienas', '6–10 darba dienas', '11–20 darba dienas', '21+ darba dienas'];
const parts = [
  { name: 'Termiņā', values: [17, 2, 0, 0], colour: '#2b6cb0' },
  { name: 'Pēc termiņa', values: [0, 1, 0, 8], colour: COLOURS.worse },
];

describe('open complaints by age', () => {
  // Regression: every age band looked alike, so 21+ working days read as one more age among four.
  it('sets the bands past the legal deadline apart: red bold names, a pale red zone from the deadline down, named in the legend', () => {
    const option = ageingOption(bands, parts, [false, false, true, true], 'Vecākas par likumā noteikto termiņu');
    const names = (option.yAxis as { data: unknown[] }).data;
    expect(names.slice(0, 2)).toEqual(bands.slice(0, 2));
    expect(names.slice(2)).toEqual(
      bands.slice(2).map((value) => ({ value, textStyle: { color: COLOURS.worse, fontWeight: 'bold' } })),
    );
    const series = option.series as (BarSeriesOption | CustomSeriesOption)[];
    // The bars themselves are unchanged; the zone is a series of its own with no bars, so the legend names it.
    expect(series.slice(0, 2).map((s) => s.data)).toEqual(parts.map((p) => p.values));
    const zone = series[2]!;
    expect(zone.name).toBe('Vecākas par likumā noteikto termiņu');
    // Drawn behind the bands from 11–20 on, in the legend's pale red.
    expect(zone.data).toEqual([
      [0, 2],
      [0, 3],
    ]);
    expect(zone.itemStyle?.color).toBe(PAST_DEADLINE_ZONE);
  });

  it('draws no zone when no band is past the deadline', () => {
    const option = ageingOption(bands.slice(0, 2), parts, [false, false], 'zone');
    expect((option.series as BarSeriesOption[]).length).toBe(2);
  });
});

describe("a stacked segment's figure", () => {
  const measure = (text: string) => text.length * 7;
  // Regression: on a phone the "6–10 darba dienas" bar's "2" (in time) and "1" (overdue) ran together.
  it('stays inside a segment wide enough, moves past the bar where the last segment is too narrow, and is left out where a middle one is', () => {
    const stacked = [
      { name: 'in time', values: [17, 2, 1, 0], colour: '#2b6cb0' },
      { name: 'overdue', values: [0, 1, 3, 2], colour: COLOURS.worse },
    ];
    // 200 px for 20: 10 px a complaint; a one-digit figure needs 7 + 2 × 3 = 13 px.
    expect(segmentLabels(stacked, 20, 200, measure)).toEqual([
      ['inside', 'inside', 'none', 'none'],
      ['none', 'right', 'inside', 'inside'],
    ]);
  });

  it("places the figures at the chart's drawn width, leaving none to crowd its neighbour on a phone", () => {
    const option = ageingOption(bands, parts, [false, false, true, true], 'zone');
    const at = (width: number) =>
      ((relayoutOf(option)?.(width, (text) => text.length * 7).series ?? []) as BarSeriesOption[]).map((s) =>
        (s.data as { label: { show: boolean; position: string } }[]).map((d) =>
          d.label.show ? d.label.position : 'none',
        ),
      );
    // The overdue "1" of 6–10 fits on a desktop, and moves past its bar's end on a phone.
    expect(at(1200)[1]).toEqual(['none', 'inside', 'none', 'inside']);
    expect(at(340)[1]).toEqual(['none', 'right', 'none', 'inside']);
  });
});

describe('deadline compliance with its counts', () => {
  const periods = ['aug. 2026', 'sept. 2026', 'okt. 2026', 'nov. 2026', 'dec. 2026'];
  // A small office: one month of 12 due (its share shown), the others below the minimum of 10, December none due.
  const due = [6, 12, 4, 7, 0];
  const met = [5, 11, 4, 5, 0];
  const names = { inTime: 'Termiņā', late: 'Pēc termiņa', axis: 'Sūdzību skaits' };
  const shares = [null, 91.7, null, null, null];
  const trendOf = (values: (number | null)[]) =>
    trendOption(periods, [{ name: 'Atbildētas likumā noteiktajā termiņā', values, emphasis: true }], {
      unit: 'share',
      lang: 'lv',
      target: 100,
      targetLabel: 'Mērķis',
      partial: [false, false, false, false, true],
      partialLabel: 'nepilns',
      moreLegend: [names.inTime, names.late],
    });
  const build = (values = shares) => {
    const trend = trendOf(values);
    const partial = [false, false, false, false, true];
    return { trend, option: complianceOption(trend, deadlineCounts(due, met), names, values, 'lv', partial) };
  };
  type Axis = {
    gridIndex?: number;
    min: number;
    max: number;
    interval: number;
    name?: string;
    axisLabel: { show?: boolean; formatter: (v: number) => string };
  };
  const countBars = (option: ReturnType<typeof build>['option']) =>
    (option.series as BarSeriesOption[]).filter((s) => s.type === 'bar' && s.stack === 'counts');

  it('counts each period late as its complaints due less those answered in time, at any sample size', () => {
    expect(deadlineCounts(due, met)).toEqual({ inTime: [5, 11, 4, 5, 0], late: [1, 1, 0, 2, 0] });
  });

  // Regression: a small office saw one dot and a note listing "aug. 2026: n = 6, 5 no 6 atbildēti termiņā; …".
  it('draws every period with complaints due as stacked bars, in time and late in the past-deadline red, named in the legend', () => {
    const { option } = build();
    const bars = countBars(option);
    expect(bars.map((b) => b.name)).toEqual(['Termiņā', 'Pēc termiņa']);
    // December has none due: no bar, not a zero.
    const values = bars.map((b) =>
      (b.data as unknown[]).map((d) => (d !== null && typeof d === 'object' ? (d as { value: number }).value : d)),
    );
    expect(values).toEqual([
      [5, 11, 4, 5, null],
      [1, 1, 0, 2, null],
    ]);
    expect(bars[1]?.itemStyle?.color).toBe(COLOURS.worse);
    const legend = (option.legend as { data: (string | { name: string })[] }).data.map((d) =>
      typeof d === 'string' ? d : d.name,
    );
    expect(legend).toEqual(expect.arrayContaining(['Termiņā', 'Pēc termiņa']));
  });

  // Regression: the counts were bars in the share's plot, against its 0–100 % axis, so a bar of 3 read as "30 %".
  it('draws the counts in a plot of their own below the share, on a named count axis whose ticks are counts, not percent', () => {
    const { trend, option } = build();
    const axes = option.yAxis as Axis[];
    const [share, count] = axes;
    // The share keeps the trend's own axis and target line.
    expect(share).toBe(trend.yAxis);
    expect((option.series as LineSeriesOption[]).some((s) => String(s.name).startsWith('Mērķis'))).toBe(true);
    // Every bar stands on the count axis, in the second plot; no line is on it.
    const bars = countBars(option);
    expect(bars.map((b) => [b.xAxisIndex, b.yAxisIndex])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(count?.gridIndex).toBe(1);
    expect(count?.name).toBe('Sūdzību skaits');
    expect([0, 5, 10, 15].map((v) => count!.axisLabel.formatter(v))).toEqual(['0', '5', '10', '15']);
    expect(count!.max).toBeGreaterThanOrEqual(12);
    // The lines and the target stay in the share's plot.
    const others = (option.series as LineSeriesOption[]).filter((s) => s.type === 'line');
    expect(others.every((s) => (s.yAxisIndex ?? 0) === 0 && (s.xAxisIndex ?? 0) === 0)).toBe(true);
  });

  it('stacks the two plots without overlap at any width, the period names under the lower one only', () => {
    const { option } = build();
    for (const width of [340, 560, 1200]) {
      const laid = relayoutOf(option)!(width, (text) => text.length * 7, 390);
      const [upper, lower] = laid.grid as { top?: number; bottom: number; height?: number }[];
      // The share's plot ends above the count axis's name, which sits above the counts' plot.
      expect(upper!.bottom).toBeGreaterThanOrEqual(lower!.bottom + lower!.height! + 24);
      expect(upper!.top).toBeGreaterThan(20);
      const xAxes = laid.xAxis as { axisLabel?: { formatter?: unknown } }[];
      expect(xAxes[1]?.axisLabel?.formatter).toBeTypeOf('function');
    }
    const xAxes = option.xAxis as { gridIndex?: number; axisLabel?: { show?: boolean }; data: string[] }[];
    expect(xAxes.map((a) => a.axisLabel?.show !== false)).toEqual([false, true]);
    expect(xAxes[1]?.data).toEqual(xAxes[0]?.data);
  });

  it("names only as many count ticks as the counts' plot holds a line of text apart", () => {
    const trend = trendOf(shares);
    const many = complianceOption(trend, deadlineCounts([80, 60, 0, 0, 0], met), names, shares, 'lv');
    const count = (many.yAxis as Axis[])[1]!;
    // 0 / 40 / 80, never 0 / 20 / 40 / 60 / 80 crammed into 76 px.
    expect(count.max / count.interval).toBeLessThanOrEqual(3);
    expect(count.max).toBeGreaterThanOrEqual(80);
  });

  it("hatches a partial period's bars, as its share's band is shaded", () => {
    const partialDue = [6, 12, 4, 7, 3];
    const partialMet = [5, 11, 4, 5, 2];
    const trend = trendOf(shares);
    const option = complianceOption(trend, deadlineCounts(partialDue, partialMet), names, shares, 'lv', [
      false,
      false,
      false,
      false,
      true,
    ]);
    for (const bar of countBars(option)) {
      const data = bar.data as unknown[];
      expect(data.slice(0, 4).every((d) => typeof d === 'number')).toBe(true);
      expect((data[4] as { itemStyle: { decal: unknown } }).itemStyle.decal).toBe(PARTIAL_BAR_DECAL);
    }
  });

  it('draws the counts alone where no share is drawn: one plot, its count axis named, the legend naming the bars', () => {
    const none = [null, null, null, null, null];
    const { option } = build(none);
    const axis = option.yAxis as Axis;
    expect(axis.name).toBe('Sūdzību skaits');
    expect(axis.axisLabel.formatter(5)).toBe('5');
    expect((option.series as BarSeriesOption[]).map((s) => s.name)).toEqual(['Termiņā', 'Pēc termiņa']);
    expect((option.legend as { data: string[] }).data).toEqual(['Termiņā', 'Pēc termiņa']);
    // The plot's height is the chart's: its ticks follow it, a line of text apart at least.
    const laid = relayoutOf(option)!(560, (text) => text.length * 7, COMPLIANCE_HEIGHT.countsOnly);
    const grid = laid.grid as { top: number; bottom: number };
    const ticks = laid.yAxis as { max: number; interval: number };
    const plot = COMPLIANCE_HEIGHT.countsOnly - grid.top - grid.bottom;
    expect(plot / (ticks.max / ticks.interval)).toBeGreaterThanOrEqual(24);
    expect(ticks.max).toBeGreaterThanOrEqual(12);
  });

  it('is taller with the share above the counts than with the counts alone', () => {
    expect(complianceHeight(shares)).toBe(COMPLIANCE_HEIGHT.withShare);
    expect(complianceHeight([null, null])).toBe(COMPLIANCE_HEIGHT.countsOnly);
  });

  it("keeps the trend's relayout (period names at the drawn width)", () => {
    const { option } = build();
    expect(relayoutOf(option)).toBeDefined();
  });
});
