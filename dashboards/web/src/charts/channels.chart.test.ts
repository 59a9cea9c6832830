import { describe, expect, it } from 'vitest';
import type { ChannelMix, DigitalPoint } from '../shapes/channels.shape.ts';
import { relayoutOf, trendOption } from './chart.options.ts';
import { channelMixOption, digitalShareOption, mixSegments } from './channels.chart.ts';

/** Two months of two channels, the second month partial in the tests that say so. */
const twoMonths: ChannelMix = {
  periods: ['2026-11-01', '2026-12-01'],
  channels: ['in_person', 'email'],
  counts: [
    [6, 2],
    [4, 1],
  ],
  totals: [10, 3],
  shares: [
    [0.6, 2 / 3],
    [0.4, 1 / 3],
  ],
  suppressed: [false, false],
  minSample: 0,
};

describe('channel charts', () => {
  it('stacks each period’s channel shares to 100 % on a 0–100 % axis', () => {
    const mix: ChannelMix = {
      periods: ['2026-04-01'],
      channels: ['in_person', 'email'],
      counts: [[2], [1]],
      totals: [3],
      shares: [[2 / 3], [1 / 3]],
      suppressed: [false],
      minSample: 0,
    };
    const option = channelMixOption(['Apr'], mix, {
      names: ['in person', 'e-mail'],
      otherName: 'other',
      formatPercent: (v) => `${v} %`,
      formatCount: String,
    });
    const series = option.series as { stack: string; data: { value: number }[]; name: string }[];
    expect(series.map((s) => [s.name, s.stack, s.data[0]?.value])).toEqual([
      ['in person', 'mix', 66.7],
      ['e-mail', 'mix', 33.3],
    ]);
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('draws channels under 3 % of the range together as "other", labelling only wide segments', () => {
    // In person 90 %, e-services 6 %, then three channels of 1–2 % each.
    const counts = [[90], [6], [2], [1], [1]];
    const mix: ChannelMix = {
      periods: ['2026-04-01'],
      channels: ['in_person', 'e_services_portal', 'post', 'email', 'phone'],
      counts,
      totals: [100],
      shares: counts.map(([n]) => [n! / 100]),
      suppressed: [false],
      minSample: 0,
    };
    expect(mixSegments(mix)).toEqual({ keys: [0, 1, 'other'], grouped: [2, 3, 4] });
    const option = channelMixOption(['Apr'], mix, {
      names: ['in person', 'e-services', 'post', 'e-mail', 'phone'],
      otherName: 'other',
      formatPercent: (v) => `${v} %`,
      formatCount: String,
    });
    const series = option.series as { name: string; data: { value: number; label: { show: boolean } }[] }[];
    expect(series.map((s) => [s.name, s.data[0]?.value, s.data[0]?.label.show])).toEqual([
      ['in person', 90, true],
      ['e-services', 6, false],
      ['other', 4, false],
    ]);
  });

  it('keeps a single small channel as itself (nothing to group it with)', () => {
    const mix: ChannelMix = {
      periods: ['2026-04-01'],
      channels: ['in_person', 'post'],
      counts: [[99], [1]],
      totals: [100],
      shares: [[0.99], [0.01]],
      suppressed: [false],
      minSample: 0,
    };
    expect(mixSegments(mix)).toEqual({ keys: [0, 1], grouped: [] });
  });

  it('draws the interval as a band from its low end to its high end, on a round axis that holds it', () => {
    const point = (value: number, low: number, high: number): DigitalPoint => ({
      period: '',
      value,
      low,
      high,
      successes: 1,
      n: 10,
      suppressed: false,
    });
    const option = digitalShareOption(['a', 'b'], [point(0.12, 0.1, 0.143), point(0.2, 0.17, 0.2333)], {
      name: 'share',
      intervalName: '95 %',
      formatPercent: (v, d) => v.toFixed(d),
    });
    const [base, band, line] = option.series as { data: (number | null)[] }[];
    expect(base?.data).toEqual([10, 17]);
    expect(band?.data).toEqual([4.3, 6.3]);
    expect(line?.data).toEqual([12, 20]);
    const y = option.yAxis as { min: number; max: number; interval: number };
    expect(y.min).toBeLessThanOrEqual(10);
    expect(y.max).toBeGreaterThanOrEqual(23.3);
    expect(Number.isInteger(Math.round(((y.max - y.min) / y.interval) * 1e9) / 1e9)).toBe(true);
  });

  // Regression: the overview's digital take-up drew its partial current month like a whole one.
  it('marks a partial period as the trends do: hatched shade behind it and a hollow point', () => {
    const point = (value: number): DigitalPoint => ({
      period: '',
      value,
      low: value - 0.02,
      high: value + 0.02,
      successes: 1,
      n: 10,
      suppressed: false,
    });
    const option = digitalShareOption(['Oct', 'Nov', 'Dec\n(partial)'], [point(0.2), point(0.21), point(0.3)], {
      name: 'share',
      intervalName: '95 %',
      formatPercent: (v, d) => v.toFixed(d),
      partial: [false, false, true],
    });
    const trend = trendOption(['Oct', 'Nov', 'Dec'], [{ name: 'All', values: [20, 21, 30], emphasis: true }], {
      unit: 'share',
      lang: 'en',
      target: null,
      targetLabel: 'Target',
      partial: [false, false, true],
    });
    const series = option.series as { type: string; name: string; data: unknown[]; itemStyle?: unknown }[];
    const [shade, , , line] = series;
    // The same shade as the trends' (the hatching, its place behind the lines), over the partial period only.
    const trendShade = (trend.series as { type: string }[])[0];
    expect(shade).toEqual({ ...trendShade, data: [null, null, expect.any(Number)] });
    expect(line?.data.map((d) => (typeof d === 'object' && d !== null ? (d as { symbol: string }).symbol : d))).toEqual(
      [20, 21, 'emptyCircle'],
    );
    // Periods are bands, so the shade covers the partial period's width, as on the trends.
    expect((option.xAxis as { boundaryGap: boolean }).boundaryGap).toBe(true);
  });

  // Regression: the channel mix marked its partial current month by the axis label only.
  it('hatches a partial period of the channel mix behind its bar as digital take-up does, out of the legend', () => {
    const periods = ['Nov', 'Dec\n(partial)'];
    const option = channelMixOption(periods, twoMonths, {
      names: ['In person', 'E-mail'],
      otherName: 'Other channels',
      formatPercent: (v) => `${v} %`,
      formatCount: String,
      partial: [false, true],
    });
    const digital = digitalShareOption(periods, [], {
      name: 'share',
      intervalName: '95 %',
      formatPercent: (v, d) => v.toFixed(d),
      partial: [false, true],
    });
    const series = option.series as { name: string; yAxisIndex?: number; itemStyle?: unknown; data: unknown[] }[];
    const shade = series.at(-1);
    // The same hatching as digital take-up's, across the whole 0–100 % row of the partial period only.
    expect(shade?.itemStyle).toEqual((digital.series as { itemStyle?: unknown }[])[0]?.itemStyle);
    expect(shade?.data).toEqual([null, 100]);
    // On its own (hidden) period axis, so the shade sits behind the bar instead of beside it.
    const axes = option.yAxis as { data: string[]; show?: boolean }[];
    expect(shade?.yAxisIndex).toBe(1);
    expect(axes[1]).toMatchObject({ data: periods, show: false });
    expect((option.legend as { data: string[] }).data).toEqual(['In person', 'E-mail']);
  });

  // Regression: on a 390 px phone the bar filled nearly all of its row and the shade showed as a faint strip, and
  // on the partial rows the shade was drawn over the period axis's line.
  it("hatches a partial period's bar itself and keeps the shade below the axis line", () => {
    const option = channelMixOption(['Nov', 'Dec\n(partial)'], twoMonths, {
      names: ['In person', 'E-mail'],
      otherName: 'Other channels',
      formatPercent: (v) => `${v} %`,
      formatCount: String,
      partial: [false, true],
    });
    const relaid = relayoutOf(option)!(350) as { series: { data: { itemStyle?: { decal?: unknown } }[] }[] };
    for (const segments of [option.series as { data: { itemStyle?: { decal?: unknown } }[] }[], relaid.series]) {
      for (const channel of segments.slice(0, 2)) {
        expect(channel.data[0]?.itemStyle?.decal).toBeUndefined();
        expect(channel.data[1]?.itemStyle?.decal).toMatchObject({ rotation: -Math.PI / 4 });
      }
    }
    // ECharts draws its axes at z 0; the shade goes beneath them.
    const shade = (option.series as { z?: number }[]).at(-1);
    expect(shade?.z).toBeLessThan(0);
  });

  it('draws no partial shade when every period is whole', () => {
    const option = digitalShareOption(['Oct'], [], {
      name: 'share',
      intervalName: '95 %',
      formatPercent: (v, d) => v.toFixed(d),
      partial: [false],
    });
    expect((option.series as { type: string }[]).map((s) => s.type)).toEqual(['line', 'line', 'line']);
  });
});
