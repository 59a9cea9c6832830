import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { COLOURS, relayoutOf, trendOption } from './chart.options.ts';
import {
  ageingOption,
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
  const names = { inTime: 'Termiņā', late: 'Pēc termiņa' };
  const shares = [null, 91.7, null, null, null];
  const build = () => {
    const trend = trendOption(
      periods,
      [{ name: 'Atbildētas likumā noteiktajā termiņā', values: shares, emphasis: true }],
      {
        unit: 'share',
        lang: 'lv',
        target: 100,
        targetLabel: 'Mērķis',
        moreLegend: [names.inTime, names.late],
      },
    );
    return { trend, option: complianceOption(trend, deadlineCounts(due, met), names, shares, 'lv') };
  };

  it('counts each period late as its complaints due less those answered in time, at any sample size', () => {
    expect(deadlineCounts(due, met)).toEqual({ inTime: [5, 11, 4, 5, 0], late: [1, 1, 0, 2, 0] });
  });

  // Regression: a small office saw one dot and a note listing "aug. 2026: n = 6, 5 no 6 atbildēti termiņā; …".
  it('draws every period with complaints due as stacked bars, in time and late in the past-deadline red, on a count axis of their own, named in the legend', () => {
    const { option } = build();
    const series = option.series as (BarSeriesOption | LineSeriesOption)[];
    const bars = series.filter((s) => s.type === 'bar' && s.stack === 'counts') as BarSeriesOption[];
    expect(bars.map((b) => b.name)).toEqual(['Termiņā', 'Pēc termiņa']);
    // December has none due: no bar, not a zero.
    expect(bars.map((b) => b.data)).toEqual([
      [5, 11, 4, 5, null],
      [1, 1, 0, 2, null],
    ]);
    expect(bars[1]?.itemStyle?.color).toBe(COLOURS.worse);
    expect(bars.every((b) => b.yAxisIndex === 1 && b.xAxisIndex === 1)).toBe(true);
    const legend = (option.legend as { data: (string | { name: string })[] }).data.map((d) =>
      typeof d === 'string' ? d : d.name,
    );
    expect(legend).toEqual(expect.arrayContaining(['Termiņā', 'Pēc termiņa']));
    // The share's line is still there, drawn over the bars.
    const line = series.find((s) => s.name === 'Atbildētas likumā noteiktajā termiņā') as LineSeriesOption;
    expect(line.z).toBeGreaterThan(bars[0]?.z ?? 0);
  });

  it('keeps the bars below the lowest share drawn, naming only the count ticks the bars reach', () => {
    const { trend, option } = build();
    const share = trend.yAxis as { min: number; max: number };
    const counts = (
      option.yAxis as { max: number; interval: number; axisLabel: { formatter: (v: number) => string } }[]
    )[1]!;
    // The tallest bar (12) as a fraction of the plot's height, under the 91,7 % point's.
    const tallest = 12 / counts.max;
    expect(tallest).toBeLessThan((91.7 - share.min) / (share.max - share.min));
    expect(counts.axisLabel.formatter(counts.max)).toBe('');
    expect(counts.axisLabel.formatter(0)).toBe('0');
  });

  it('starts the share axis lower where the lowest share sits near its foot, and names as many count ticks as the bars hold', () => {
    const low = [null, 35, null, null, null];
    const trend = trendOption(periods, [{ name: 'Iekšējā mērķa termiņā', values: low, emphasis: true }], {
      unit: 'share',
      lang: 'lv',
      target: 100,
      targetLabel: 'Mērķis',
    });
    const [share, counts] = complianceOption(trend, deadlineCounts([80, 60, 0, 0, 0], met), names, low, 'lv').yAxis as {
      min: number;
      max: number;
      interval: number;
    }[];
    const foot = (trend.yAxis as { min: number }).min;
    expect(share!.min).toBeLessThan(foot);
    // The 35 % point at a third of the plot or more, the tallest bar (80) below it.
    const point = (35 - share!.min) / (100 - share!.min);
    expect(point).toBeGreaterThanOrEqual(0.33);
    expect(80 / counts!.max).toBeLessThan(point);
    // 0 and 80 at least, never 0 / 20 / 40 / 60 / 80 crammed into the bars' 50 px.
    expect(80 / counts!.interval).toBeLessThanOrEqual(3);
  });

  it('names only the count axis where no share is drawn, so no bar is read against the share ticks', () => {
    const none = [null, null, null, null, null];
    const trend = trendOption(periods, [{ name: 'Atbildētas', values: none, emphasis: true }], {
      unit: 'share',
      lang: 'lv',
      target: 100,
      targetLabel: 'Mērķis',
    });
    const axes = complianceOption(trend, deadlineCounts(due, met), names, none, 'lv').yAxis as {
      axisLabel: { show?: boolean };
    }[];
    expect(axes.map((a) => a.axisLabel.show !== false)).toEqual([false, true]);
  });

  it("keeps the trend's relayout (period names at the drawn width)", () => {
    const { option } = build();
    expect(relayoutOf(option)).toBeDefined();
  });
});
