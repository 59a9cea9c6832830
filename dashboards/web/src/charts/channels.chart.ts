/**
 * ECharts options for the channel mix (each period's contacts as 100 % stacked bars, one colour per channel) and
 * digital take-up (the share per period with its 95 % interval as a band). Pure, from shaped data.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { ChannelMix, DigitalPoint } from '../shapes/channels.shape.ts';
import {
  COLOURS,
  legendRows,
  PARTIAL_BAR_DECAL,
  partialPoints,
  partialShade,
  withRelayout,
  type ChartOption,
  type MeasureText,
} from './chart.options.ts';
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

const LEGEND_ROW = 22;
/** A channel drawn on its own needs at least this share of the range's contacts; smaller ones are drawn together. */
export const OWN_SEGMENT_SHARE = 0.03;
/** A segment is labelled with its percent when it is at least this many points wide. */
const LABEL_MIN_PERCENT = 7;
/** Height of one period's bar row, px. */
export const MIX_ROW = 30;

/** Percent with one decimal, for plotting. */
const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

export interface MixSegments {
  /** Drawn series: a channel's index in the mix, or 'other' for the small channels together. */
  keys: (number | 'other')[];
  /** The small channels drawn together (indexes in the mix); empty when none were grouped. */
  grouped: number[];
}

/**
 * Which channels get a segment of their own: those with at least `OWN_SEGMENT_SHARE` of the range's contacts.
 * Two or more smaller ones are drawn as one "other channels" segment (a single small one keeps its own), so no
 * segment is a sliver nobody can read or point at; the table and the tooltip still give every channel.
 */
export function mixSegments(mix: ChannelMix): MixSegments {
  const totals = mix.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const all = totals.reduce((a, b) => a + b, 0);
  const small = mix.channels.map((_, c) => all > 0 && (totals[c] ?? 0) / all < OWN_SEGMENT_SHARE);
  const grouped = small.filter(Boolean).length >= 2 ? mix.channels.flatMap((_, c) => (small[c] ? [c] : [])) : [];
  const keys: (number | 'other')[] = mix.channels.flatMap((_, c) => (grouped.includes(c) ? [] : [c]));
  return { keys: grouped.length > 0 ? [...keys, 'other'] : keys, grouped };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Each period's contacts as a horizontal 100 % bar (periods top to bottom, so small channels get the chart's
 * width rather than its height), segments labelled with their percent where they are wide enough, small
 * channels drawn together (see `mixSegments`); the tooltip lists every channel of the period with its count.
 * A partial period (the first or last, cut by the range or the data) is hatched as digital take-up and the
 * trends hatch theirs (`partialShade`): the shade fills the period's band behind its bar, on a hidden second
 * category axis so that ECharts does not set the shade beside the bar as a second column.
 */
export function channelMixOption(
  periods: readonly string[],
  mix: ChannelMix,
  options: {
    names: readonly string[];
    otherName: string;
    formatPercent: (value: number) => string;
    formatCount: (value: number) => string;
    partial?: readonly boolean[];
  },
): ChartOption {
  const partial = options.partial ?? periods.map(() => false);
  const segments = mixSegments(mix);
  const grouped = new Set(segments.grouped);
  const nameOf = (key: number | 'other') =>
    key === 'other' ? options.otherName : (options.names[key] ?? mix.channels[key] ?? '');
  const legendNames = segments.keys.map(nameOf);
  const top = (width: number, measure?: MeasureText) => legendRows(legendNames, width, measure) * LEGEND_ROW + 10;
  const sharesOf = (key: number | 'other'): (number | null)[] =>
    key === 'other'
      ? periods.map((_, p) => {
          const values = segments.grouped.map((c) => mix.shares[c]?.[p] ?? null);
          return values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
        })
      : (mix.shares[key] ?? []);
  const textColour = (key: number | 'other') =>
    key === 'other' || ['e_address', 'email', 'latvija_lv'].includes(mix.channels[key] ?? '') ? '#1a202c' : '#fff';
  // A segment carries its percent when the text fits inside it with a little room (at the drawn width).
  const segmentData = (key: number | 'other', fits: (value: number, text: string) => boolean) =>
    sharesOf(key).map((share, p) => {
      const value = percent(share);
      const text = value === null ? '' : options.formatPercent(Math.round(value));
      return {
        value,
        // A partial period's bar is hatched itself: on a phone it fills nearly all of its band and hid the shade.
        ...(partial[p] ? { itemStyle: { decal: PARTIAL_BAR_DECAL } } : {}),
        label: {
          show: value !== null && fits(value, text),
          formatter: () => text,
          color: textColour(key),
          fontSize: 11,
        },
      };
    });
  const series: BarSeriesOption[] = segments.keys.map((key, s) => ({
    type: 'bar',
    name: legendNames[s] ?? '',
    stack: 'mix',
    barMaxWidth: 26,
    barCategoryGap: '30%',
    itemStyle: {
      color: key === 'other' ? OTHER_COLOUR : channelColour(mix.channels[key] ?? '', key),
      borderColor: '#fff',
      borderWidth: 0.5,
    },
    data: segmentData(key, (value) => value >= LABEL_MIN_PERCENT),
  }));
  const tooltip = (index: number): string => {
    const rows = mix.channels
      .map((channel, c) => ({ c, channel, n: mix.counts[c]?.[index] ?? 0, share: mix.shares[c]?.[index] ?? null }))
      .filter((row) => row.n > 0)
      .sort((a, b) => b.n - a.n)
      .map(
        (row) =>
          `<span style="display:inline-block;width:9px;height:9px;margin-right:5px;background:${grouped.has(row.c) ? OTHER_COLOUR : channelColour(row.channel, row.c)}"></span>` +
          `${escapeHtml(options.names[row.c] ?? row.channel)}: ${options.formatCount(row.n)} (${row.share === null ? '—' : options.formatPercent(percent(row.share) ?? 0)})`,
      );
    return [`<strong>${escapeHtml((periods[index] ?? '').replace('\n', ' '))}</strong>`, ...rows].join('<br>');
  };
  return withRelayout(
    {
      textStyle: FONT,
      animation: false,
      grid: { left: 8, right: 16, top: top(700), bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
      legend: {
        type: 'plain',
        // The channels only: the partial shade is no series a reader toggles.
        data: legendNames,
        top: 0,
        left: 0,
        right: 0,
        padding: 5,
        itemWidth: 14,
        itemGap: 10,
        textStyle: FONT,
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          return tooltip(first?.dataIndex ?? 0);
        },
      },
      yAxis: [
        {
          type: 'category',
          data: [...periods],
          inverse: true,
          axisTick: { show: false },
          axisLabel: { lineHeight: 14 },
        },
        { type: 'category', data: [...periods], inverse: true, show: false },
      ],
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { formatter: (v: number) => options.formatPercent(v) },
        splitLine: { lineStyle: { color: '#edf2f7' } },
      },
      // The shade comes last: the relayout below updates the channels' series by their index.
      series: partial.some(Boolean) ? [...series, { ...partialShade(partial, 100), yAxisIndex: 1 }] : series,
    },
    (width, measure = (t) => t.length * 6.2) => {
      // The plot is the chart less its margins and the period names (their longer line) on the left.
      const names = Math.max(0, ...periods.map((p) => Math.max(...p.split('\n').map((line) => measure(line)))));
      const plot = width - 8 - 16 - names - 8;
      return {
        grid: { top: top(width, measure) },
        series: segments.keys.map((key) => ({
          data: segmentData(key, (value, text) => (value / 100) * plot >= measure(text) + 8),
        })),
      };
    },
  );
}

/** The chart's height for its periods: a row each, the legend (up to four rows on a phone) and the axis. */
export function mixHeight(periods: number): number {
  return Math.max(220, periods * MIX_ROW + 4 * LEGEND_ROW + 40);
}

const OTHER_COLOUR = '#a0aec0';

/**
 * The digital share per period with its 95 % band. A partial period (the first or last, cut by the range or the
 * data) is marked as the trends mark theirs: a hatched band behind it and a hollow point (see trendOption).
 */
export function digitalShareOption(
  periods: readonly string[],
  points: readonly DigitalPoint[],
  options: {
    name: string;
    intervalName: string;
    formatPercent: (value: number, digits: number) => string;
    partial?: readonly boolean[];
  },
): ChartOption {
  const partial = options.partial ?? periods.map(() => false);
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
    data: partialPoints(values, partial, CHANNEL_COLOURS.e_services_portal!, 7),
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
    xAxis: {
      type: 'category',
      data: [...periods],
      // Each period is a band with its point in the middle, as on the trends: a partial period's hatching fills
      // its band, and the end periods' names sit inside the plot's width, clear of the value axis.
      boundaryGap: true,
      axisLabel: { interval: 0, hideOverlap: true, lineHeight: 14 },
    },
    yAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      axisLabel: { formatter: (v: number) => options.formatPercent(v, axis.digits) },
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    series: [...(partial.some(Boolean) ? [partialShade(partial, axis.max)] : []), base, band, line],
  };
}
