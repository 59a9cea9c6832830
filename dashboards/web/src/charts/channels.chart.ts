/**
 * ECharts options for the channel mix (each period's contacts as 100 % stacked bars, one colour per channel) and
 * digital take-up (the share per period with its 95 % interval as a band). Pure, from shaped data.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { ChannelMix, DigitalPoint } from '../shapes/channels.shape.ts';
import { COLOURS, legendRows, type ChartOption } from './chart.options.ts';
import { niceAxis } from './nice.axis.ts';

const FONT = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' };

/** Digital channels in greens, paper and voice in warm colours, social media in purple and grey. */
const CHANNEL_COLOURS: Record<string, string> = {
  in_person: '#2b6cb0',
  e_services_portal: '#22543d',
  latvija_lv: '#38a169',
  email_esignature: '#2c7a7b',
  e_address: '#81e6d9',
  email: '#d69e2e',
  post: '#975a16',
  phone: '#c53030',
  facebook: '#805ad5',
  x_twitter: '#4a5568',
};

export function channelColour(channel: string, index: number): string {
  return CHANNEL_COLOURS[channel] ?? COLOURS.offices[index % COLOURS.offices.length] ?? '#718096';
}

/** Chart widths at which the wrapping legend's rows are estimated again (as the trend charts do), and a row's height. */
const LEGEND_WIDTHS = [1100, 860, 700, 560, 460, 380, 320] as const;
const LEGEND_ROW = 22;

/** Percent with one decimal, for plotting. */
const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

export function channelMixOption(
  periods: readonly string[],
  mix: ChannelMix,
  options: { names: readonly string[]; formatPercent: (value: number) => string },
): ChartOption {
  const top = (width: number) => legendRows(options.names, width) * LEGEND_ROW + 12;
  const series: BarSeriesOption[] = mix.channels.map((channel, c) => ({
    type: 'bar',
    name: options.names[c] ?? channel,
    stack: 'mix',
    barMaxWidth: 36,
    itemStyle: { color: channelColour(channel, c) },
    data: (mix.shares[c] ?? []).map(percent),
  }));
  return {
    textStyle: FONT,
    animation: false,
    // The legend wraps (every channel in view, also on a phone); the plot starts below its rows at each width.
    grid: {
      left: 8,
      right: 12,
      top: top(LEGEND_WIDTHS[0]),
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    legend: { type: 'plain', top: 0, left: 0, right: 0, itemWidth: 14, itemGap: 10, textStyle: FONT },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? options.formatPercent(v) : '—'),
    },
    xAxis: { type: 'category', data: [...periods], axisTick: { show: false }, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { formatter: (v: number) => options.formatPercent(v) },
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    series,
    media: LEGEND_WIDTHS.map((width, i) => ({
      query: { maxWidth: width },
      option: { grid: { top: top(LEGEND_WIDTHS[i + 1] ?? 300) } },
    })),
  };
}

export function digitalShareOption(
  periods: readonly string[],
  points: readonly DigitalPoint[],
  options: { name: string; intervalName: string; formatPercent: (value: number, digits: number) => string },
): ChartOption {
  const lows = points.map((p) => percent(p.low));
  const highs = points.map((p) => percent(p.high));
  const values = points.map((p) => percent(p.value));
  const extent = [...lows, ...highs, ...values].filter((v): v is number => v !== null);
  const axis =
    extent.length === 0
      ? { min: 0, max: 100, interval: 25, digits: 0 }
      : niceAxis(Math.min(...extent), Math.max(...extent), { ticks: 5, pad: 2, limits: { min: 0, max: 100 } });
  // The band: an invisible line at the interval's low end, and the interval's width stacked on it as an area.
  const base: LineSeriesOption = {
    type: 'line',
    name: options.intervalName,
    stack: 'interval',
    data: lows,
    symbol: 'none',
    lineStyle: { opacity: 0 },
    silent: true,
    tooltip: { show: false },
  };
  const band: LineSeriesOption = {
    type: 'line',
    name: options.intervalName,
    stack: 'interval',
    data: highs.map((h, i) => {
      const low = lows[i];
      return h === null || low === null || low === undefined ? null : Math.round((h - low) * 10) / 10;
    }),
    symbol: 'none',
    lineStyle: { opacity: 0 },
    areaStyle: { color: 'rgba(34, 84, 61, 0.18)' },
    silent: true,
    tooltip: { show: false },
  };
  const line: LineSeriesOption = {
    type: 'line',
    name: options.name,
    data: values,
    connectNulls: false,
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { width: 3, color: CHANNEL_COLOURS.e_services_portal },
    itemStyle: { color: CHANNEL_COLOURS.e_services_portal },
    z: 5,
  };
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 16, top: 12, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? options.formatPercent(v, 1) : '—'),
    },
    xAxis: { type: 'category', data: [...periods], boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      axisLabel: { formatter: (v: number) => options.formatPercent(v, axis.digits) },
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    series: [base, band, line],
  };
}
