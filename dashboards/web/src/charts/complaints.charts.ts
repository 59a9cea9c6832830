/**
 * Chart options of the complaints screen that the shared builders lack: bars stacked by deadline status (the
 * open complaints' ages) and the backlog's open and overdue counts over time, with received and answered bars.
 */
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { Lang } from '../api.types.ts';
import { formatCount } from '../format.ts';
import { COLOURS, countTicks, relayoutOf, withRelayout, type ChartOption, type MeasureText } from './chart.options.ts';
import { estimateText } from './name.bands.ts';

const FONT = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' };

export interface StackPart {
  name: string;
  values: number[];
  colour: string;
}

/** The space a segment's figure needs on each side of it inside its segment, in px. */
const SEGMENT_LABEL_PADDING = 3;
/** The stacked bars' grid and the gap ECharts leaves between the category names and the plot. */
const STACK_GRID = { left: 8, right: 24, top: 36, bottom: 24 };
const CATEGORY_LABEL_MARGIN = 8;
/** Bold names (the bands past the deadline) are wider than the 12 px regular text `measure` counts. */
const BOLD_WIDTH = 1.1;

/**
 * Where each segment's figure goes at a plot `plot` px wide: inside its segment where it fits there; just past the
 * bar's end where it is the bar's last segment and does not fit; nowhere where it is a middle segment that does not
 * fit (the tooltip and the data table keep it). Pure, so the layout is tested without a canvas.
 */
export function segmentLabels(
  parts: readonly StackPart[],
  axisMax: number,
  plot: number,
  measure: MeasureText = estimateText,
): ('inside' | 'right' | 'none')[][] {
  return parts.map((part, p) =>
    part.values.map((value, i) => {
      if (value <= 0) return 'none';
      const fits = measure(String(value)) + 2 * SEGMENT_LABEL_PADDING <= (value / axisMax) * plot;
      if (fits) return 'inside';
      const last = parts.slice(p + 1).every((later) => (later.values[i] ?? 0) <= 0);
      return last ? 'right' : 'none';
    }),
  );
}

/**
 * Horizontal bars, one per category, each split into stacked parts (e.g. within the deadline, overdue). A segment
 * too narrow for its figure does not crowd it against its neighbour's: at the drawn width (`segmentLabels`) it moves
 * past the bar's end, or is left out. On a phone the "6–10 darba dienas" bar's "2" and "1" had run together.
 */
export function stackedBarOption(
  categories: string[],
  parts: StackPart[],
  categoryText: (name: string, index: number) => number = () => 1,
): ChartOption {
  const label = (part: StackPart, where: 'inside' | 'right' | 'none') =>
    where === 'right'
      ? { show: true, position: 'right' as const, color: part.colour, fontWeight: 'bold' as const }
      : { show: where === 'inside', position: 'inside' as const, color: '#ffffff', fontWeight: 'normal' as const };
  // Before the chart knows its width every figure sits inside its segment, as ECharts places it.
  const seriesAt = (places?: ('inside' | 'right' | 'none')[][]): BarSeriesOption[] =>
    parts.map((part, p) => ({
      type: 'bar',
      name: part.name,
      stack: 'total',
      data: places
        ? part.values.map((value, i) => ({ value, label: label(part, places[p]?.[i] ?? 'inside') }))
        : part.values,
      barMaxWidth: 28,
      itemStyle: { color: part.colour },
      label: {
        show: true,
        position: 'inside',
        color: '#ffffff',
        formatter: (v) => (typeof v.value === 'number' && v.value > 0 ? String(v.value) : ''),
      },
    }));
  // The bars' totals: whole steps of 1, 2 or 5 × 10^n (ECharts drew 0 / 3 / … / 18 for 17 open complaints).
  const ticks = countTicks(categories.map((_, i) => parts.reduce((sum, part) => sum + (part.values[i] ?? 0), 0)));
  const option: ChartOption = {
    textStyle: FONT,
    animation: false,
    grid: { ...STACK_GRID, containLabel: true },
    legend: { top: 0, left: 0, textStyle: FONT },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      minInterval: 1,
      ...ticks,
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    yAxis: { type: 'category', data: categories, inverse: true, axisTick: { show: false } },
    series: seriesAt(),
  };
  return withRelayout(option, (width, measure = estimateText) => {
    const names = Math.max(0, ...categories.map((name, i) => measure(name) * categoryText(name, i)));
    const tickText = measure(String(ticks.max)) / 2;
    const plot = width - STACK_GRID.left - STACK_GRID.right - names - CATEGORY_LABEL_MARGIN - tickText;
    return { series: seriesAt(segmentLabels(parts, ticks.max, plot, measure)) };
  });
}

/** Room above the ageing chart's plot for its legend of three names, in two rows on a phone. */
export const AGEING_LEGEND_ROOM = 58;

/** The pale red of the bands past the legal deadline, behind the bars, and the red their names are written in. */
export const PAST_DEADLINE_ZONE = 'rgba(180, 35, 24, 0.1)';

/**
 * The open complaints' ages (`stackedBarOption`'s parts, within and past the deadline) with the bands older than
 * the legal deadline set apart: their names bold in red, a pale red zone behind their bars under a dashed red line
 * where the deadline falls, and the zone named in the legend (`zoneName`) as a series of its own. Each band had
 * looked alike, so 21+ working days read as one more age among four.
 */
export function ageingOption(
  categories: string[],
  parts: StackPart[],
  pastDeadline: readonly boolean[],
  zoneName: string,
): ChartOption {
  const option = stackedBarOption(categories, parts, (_, i) => (pastDeadline[i] ? BOLD_WIDTH : 1));
  const first = pastDeadline.indexOf(true);
  if (first < 0) return option;
  const yAxis = option.yAxis as { data: string[] };
  const series = option.series as BarSeriesOption[];
  // A custom series draws the zone: a pale red band across the plot behind each band past the deadline, and a
  // dashed red line along the top of the first of them, where the deadline falls. (ECharts' mark area on this
  // inverted category axis collapsed to a line between two bands.)
  const zone: CustomSeriesOption = {
    type: 'custom',
    name: zoneName,
    silent: true,
    z: 0,
    itemStyle: { color: PAST_DEADLINE_ZONE, borderColor: COLOURS.worse, borderType: 'dashed', borderWidth: 1 },
    tooltip: { show: false },
    data: categories.flatMap((_, i) => (pastDeadline[i] ? [[0, i]] : [])),
    encode: { x: 0, y: 1 },
    renderItem: (params, api) => {
      const band = api.value(1) as number;
      const [, middle = 0] = api.coord([0, band]);
      const [, height = 0] = api.size?.([0, 1]) as number[];
      const plot = params.coordSys as unknown as { x: number; width: number };
      const top = middle - height / 2;
      const rect = { x: plot.x, y: top, width: plot.width, height };
      const edge = { x1: plot.x, y1: top, x2: plot.x + plot.width, y2: top };
      const line = { stroke: COLOURS.worse, lineWidth: 1.5, lineDash: [6, 4] };
      const children = [
        { type: 'rect' as const, shape: rect, style: { fill: PAST_DEADLINE_ZONE } },
        ...(band === first ? [{ type: 'line' as const, shape: edge, style: line }] : []),
      ];
      return { type: 'group', children };
    },
  };
  const zoned: ChartOption = {
    ...option,
    // The zone's name makes the legend two rows on a phone: the plot starts below them (the view adds the height).
    grid: { ...(option.grid as object), top: AGEING_LEGEND_ROOM },
    yAxis: {
      ...yAxis,
      data: categories.map((value, i) =>
        pastDeadline[i] ? { value, textStyle: { color: COLOURS.worse, fontWeight: 'bold' as const } } : value,
      ),
    },
    series: [...series, zone],
  };
  // The segments' figures are placed at the drawn width as before; the zone (the last series) stays as it is.
  const relayout = relayoutOf(option);
  return relayout ? withRelayout(zoned, relayout) : zoned;
}

/** A partial period's received and answered bars: fainter than a whole period's (0.55), as the weekly bars' are. */
const PARTIAL_BAR_OPACITY = 0.2;

/** A null is a period before the data starts: a gap, not zero. */
export interface BacklogSeries {
  periods: string[];
  open: (number | null)[];
  overdue: (number | null)[];
  received: (number | null)[];
  answered: (number | null)[];
}

/**
 * Open and overdue at each period's end as lines; received and answered in the period as pale bars, paler still
 * with a dashed outline in a partial period (`partial`), so five days of December are not read as a drop.
 */
export function backlogOption(
  data: BacklogSeries,
  names: { open: string; overdue: string; received: string; answered: string },
  partial: readonly boolean[] = [],
): ChartOption {
  const line = (name: string, values: (number | null)[], colour: string, width: number): LineSeriesOption => ({
    type: 'line',
    name,
    data: values,
    symbol: 'circle',
    symbolSize: 6,
    lineStyle: { width, color: colour },
    itemStyle: { color: colour },
    z: 10,
  });
  const bar = (name: string, values: (number | null)[], colour: string): BarSeriesOption => ({
    type: 'bar',
    name,
    data: values.map((value, i) =>
      partial[i]
        ? {
            value,
            itemStyle: {
              opacity: PARTIAL_BAR_OPACITY,
              borderType: 'dashed' as const,
              borderColor: colour,
              borderWidth: 1.5,
            },
          }
        : value,
    ),
    barMaxWidth: 14,
    itemStyle: { color: colour, opacity: 0.55 },
  });
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 16, top: 56, bottom: 24, containLabel: true },
    legend: { top: 0, left: 0, textStyle: FONT },
    tooltip: { trigger: 'axis' },
    // A partial period's "(partial)" is a second line: ECharts' own line height for 12 px text drew the two into
    // each other.
    xAxis: { type: 'category', data: data.periods, axisLabel: { hideOverlap: true, lineHeight: 14 } },
    yAxis: {
      type: 'value',
      minInterval: 1,
      ...countTicks([...data.open, ...data.overdue, ...data.received, ...data.answered]),
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    series: [
      bar(names.received, data.received, COLOURS.offices[0] ?? '#2b6cb0'),
      bar(names.answered, data.answered, COLOURS.offices[2] ?? '#2f855a'),
      line(names.open, data.open, COLOURS.all, 3),
      line(names.overdue, data.overdue, COLOURS.worse, 2.5),
    ],
  };
}

/** Each period's complaints due, answered within the legal deadline and not: the counts behind the share. */
export interface DeadlineCounts {
  inTime: number[];
  late: number[];
}

/**
 * The counts behind each period's share: `n` complaints due, `met` of them answered within the deadline, the rest
 * late. A count is no estimate, so it is drawn whatever the sample; a period with none due has no bar.
 */
export function deadlineCounts(due: readonly number[], met: readonly number[]): DeadlineCounts {
  return {
    inTime: due.map((n, i) => (n > 0 ? Math.min(n, met[i] ?? 0) : 0)),
    late: due.map((n, i) => (n > 0 ? Math.max(0, n - (met[i] ?? 0)) : 0)),
  };
}

/** The share of the plot's height the tallest count bar may take where no share is drawn, and its least. */
const COUNT_BARS_ALONE = 0.6;
const COUNT_BARS_LEAST = 0.15;
/** The least height of the lowest share in the plot (a share axis starts lower to give it), leaving the bars room. */
const SHARE_ABOVE = 0.35;
/** The compliance plot's height in px, about (a 300 px chart less its legend and period names), and a count tick's. */
const PLOT_HEIGHT = 190;
const COUNT_TICK_ROOM = 16;

/**
 * The compliance trend (`trendOption`'s, the share lines and the target) with the counts behind the share as bars
 * stacked per period, within the deadline and late, on a count axis of their own on the right. The bars stay below
 * the lowest share drawn (`shares`, as plotted) and the lines are drawn over them, so the share still reads at a
 * glance; where no share is drawn (a small office's months below the minimum sample) the bars alone say "5 in
 * time, 1 late". The trend should list `names` in its legend (`moreLegend`) so its rows are counted.
 */
export function complianceOption(
  trend: ChartOption,
  counts: DeadlineCounts,
  names: { inTime: string; late: string },
  shares: readonly (number | null)[],
  lang: Lang,
): ChartOption {
  const trendAxis = trend.yAxis as { min: number; max: number; interval: number };
  const drawn = shares.filter((v): v is number => v !== null);
  const low = Math.min(...drawn);
  // Where the lowest share sits near the axis's foot (an internal target share of 35 % on a 20–100 % axis), the
  // share axis starts lower, at a whole step, so the bars have room beneath the lines.
  const wanted = low - (SHARE_ABOVE / (1 - SHARE_ABOVE)) * (trendAxis.max - low);
  const shareMin =
    drawn.length > 0 && (low - trendAxis.min) / (trendAxis.max - trendAxis.min) < SHARE_ABOVE
      ? Math.max(0, Math.floor(wanted / trendAxis.interval) * trendAxis.interval)
      : trendAxis.min;
  const shareAxis = { ...(trend.yAxis as object), min: shareMin };
  // The lowest share's height in the plot; the bars reach to 80 % of it.
  const lowest = drawn.length === 0 ? 1 : (low - shareMin) / (trendAxis.max - shareMin);
  const room = drawn.length === 0 ? COUNT_BARS_ALONE : Math.max(COUNT_BARS_LEAST, Math.min(0.45, lowest * 0.8));
  const ticks = countTicks(counts.inTime.map((k, i) => k + (counts.late[i] ?? 0)));
  // As many count ticks as the bars' height holds (a tick a line of text apart); 0 and the top one at least.
  const steps = ticks.max / ticks.interval;
  const fit = Math.max(1, Math.floor((room * PLOT_HEIGHT) / COUNT_TICK_ROOM));
  const every = Array.from({ length: steps }, (_, i) => i + 1).find((f) => steps % f === 0 && steps / f <= fit);
  const countAxis = {
    type: 'value' as const,
    position: 'right' as const,
    min: 0,
    // Taller than the bars need, so the tallest fills `room` of the plot; ticks above the bars' own are not named.
    max: ticks.max / room,
    interval: ticks.interval * (every ?? steps),
    splitLine: { show: false },
    axisLabel: {
      color: '#718096',
      formatter: (v: number) => (v <= ticks.max + 1e-9 ? formatCount(v, lang) : ''),
    },
  };
  const bar = (name: string, values: number[], colour: string): BarSeriesOption => ({
    type: 'bar',
    name,
    xAxisIndex: 1,
    yAxisIndex: 1,
    stack: 'counts',
    // A period without complaints due has no bar (rather than a zero-height one in the tooltip).
    data: values.map((v, i) => (counts.inTime[i] || counts.late[i] ? v : null)),
    barMaxWidth: 22,
    itemStyle: { color: colour, opacity: 0.75 },
    tooltip: { valueFormatter: (v) => (typeof v === 'number' ? formatCount(v, lang) : '—') },
    z: 1,
  });
  const periods = trend.xAxis as { data: string[] };
  const option: ChartOption = {
    ...trend,
    // The bars on a hidden copy of the period axis, so ECharts does not set them beside a partial period's shade
    // (a bar as wide as the band) as a second column; one pointer on both names the period's lines and bars.
    xAxis: [trend.xAxis as object, { type: 'category', data: periods.data, boundaryGap: true, show: false }],
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    // With no share drawn the share's ticks would be read against the bars ("98 %" beside a bar of 6): the count
    // axis alone is named then, with its grid lines.
    yAxis:
      drawn.length === 0
        ? [
            { ...(trend.yAxis as object), axisLabel: { show: false }, splitLine: { show: false } },
            { ...countAxis, splitLine: { show: true, lineStyle: { color: '#edf2f7' } } },
          ]
        : [shareAxis, countAxis],
    series: [
      bar(names.inTime, counts.inTime, COLOURS.offices[0] ?? '#2b6cb0'),
      bar(names.late, counts.late, COLOURS.worse),
      ...(trend.series as object[]),
    ] as ChartOption['series'],
  };
  const relayout = relayoutOf(trend);
  return relayout ? withRelayout(option, relayout) : option;
}
