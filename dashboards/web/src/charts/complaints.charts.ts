/**
 * Chart options of the complaints screen that the shared builders lack: bars stacked by deadline status (the
 * open complaints' ages) and the backlog's open and overdue counts over time, with received and answered bars.
 */
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { Lang } from '../api.types.ts';
import { formatCount } from '../format.ts';
import {
  COLOURS,
  countTicks,
  legendTop,
  PARTIAL_BAR_DECAL,
  relayoutOf,
  withRelayout,
  type ChartOption,
  type MeasureText,
} from './chart.options.ts';
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

/**
 * The counts' plot under the share's: its height in px (three or four count ticks a line of text apart), and the gap
 * above it, which holds the count axis's name. Both in px, so the share's plot takes whatever height is left.
 */
const COUNT_PLOT = 76;
const PLOTS_GAP = 30;
/** A count tick label's height along the axis, and the least room between two (`countTicks`' gap adds to it). */
const COUNT_LABEL = 12;
/** The chart's height with the share's plot above the counts', and with the counts' alone. */
export const COMPLIANCE_HEIGHT = { withShare: 390, countsOnly: 280 };

/** The chart's height: the counts' plot alone is shorter where no period's share is drawn. */
export function complianceHeight(shares: readonly (number | null)[]): number {
  return shares.some((v) => v !== null) ? COMPLIANCE_HEIGHT.withShare : COMPLIANCE_HEIGHT.countsOnly;
}

/**
 * The compliance trend (`trendOption`'s: the share lines, the target and the partial periods' shade) with the counts
 * behind the share in a plot of their own below it: bars stacked per period, within the deadline and late, on a count
 * axis named as such (`names.axis`), the two plots sharing the period names under the lower one. The counts had been
 * bars inside the share's plot, against its 0–100 % axis, where a bar of 3 complaints read as "30 %". Where no share
 * is drawn (a small office's months below the minimum sample) the counts' plot is the chart, and the legend names the
 * bars alone. The trend should list the bars' names in its legend (`moreLegend`) so its rows are counted.
 */
export function complianceOption(
  trend: ChartOption,
  counts: DeadlineCounts,
  names: { inTime: string; late: string; axis: string },
  shares: readonly (number | null)[],
  lang: Lang,
  partial: readonly boolean[] = [],
): ChartOption {
  const withShare = shares.some((v) => v !== null);
  const totals = counts.inTime.map((k, i) => k + (counts.late[i] ?? 0));
  const ticksAlong = (plot: number) => countTicks(totals, { plot, label: COUNT_LABEL });
  const ticks = ticksAlong(COUNT_PLOT);
  const countAxis = (grid: number) => ({
    type: 'value' as const,
    gridIndex: grid,
    min: 0,
    max: ticks.max,
    interval: ticks.interval,
    name: names.axis,
    nameLocation: 'end' as const,
    nameGap: 10,
    // Written from the axis rightwards, above the plot it names, not centred over the axis line and cut at the edge.
    nameTextStyle: { align: 'left' as const, color: '#4a5568' },
    axisLabel: { formatter: (v: number) => formatCount(v, lang) },
    splitLine: { lineStyle: { color: '#edf2f7' } },
  });
  const bar = (name: string, values: number[], colour: string, grid: number): BarSeriesOption => ({
    type: 'bar',
    name,
    xAxisIndex: grid,
    yAxisIndex: grid,
    stack: 'counts',
    // A period without complaints due has no bar (rather than a zero-height one in the tooltip); a partial period's
    // bar is hatched, as its share's band is shaded above it.
    data: values.map((v, i) =>
      totals[i] ? (partial[i] ? { value: v, itemStyle: { decal: PARTIAL_BAR_DECAL } } : v) : null,
    ),
    barMaxWidth: 22,
    itemStyle: { color: colour, opacity: 0.75 },
    tooltip: { valueFormatter: (v) => (typeof v === 'number' ? formatCount(v, lang) : '—') },
  });
  const bars = (grid: number) => [
    bar(names.inTime, counts.inTime, COLOURS.offices[0] ?? '#2b6cb0', grid),
    bar(names.late, counts.late, COLOURS.worse, grid),
  ];
  const trendX = trend.xAxis as { data: string[]; axisLabel?: object };
  const relayout = relayoutOf(trend);
  const laid = (width: number, measure?: MeasureText, height?: number) =>
    relayout?.(width, measure, height) as { grid?: { top: number; bottom: number }; xAxis?: object } | undefined;

  if (!withShare) {
    const legend = trend.legend as { data?: unknown[] };
    // No target's value in the right margin: the plot keeps only a little of it.
    const right = 16;
    const option: ChartOption = {
      ...trend,
      grid: { ...(trend.grid as object), right },
      legend: { ...legend, data: [names.inTime, names.late] },
      yAxis: countAxis(0),
      series: bars(0),
    };
    return withRelayout(option, (width, measure = estimateText, height) => {
      const r = laid(width, measure, height);
      const top = legendTop([names.inTime, names.late], width, measure) + PLOTS_GAP - 8;
      const bottom = r?.grid?.bottom ?? 0;
      // The one plot is as tall as the chart leaves it: as many count ticks as its height holds.
      const fit = height === undefined ? ticks : ticksAlong(height - top - bottom);
      return {
        ...r,
        grid: { top, bottom, right },
        yAxis: { max: fit.max, interval: fit.interval },
      };
    });
  }

  // Both plots as wide as the trend's (its margins hold the share's ticks and the target's value), so the periods
  // line up; the counts' plot is placed from the bottom by its height, the share's takes the rest.
  const grid = trend.grid as { left: number; right: number; top: number; bottom: number };
  const plots = (top: number, bottom: number) => [
    { left: grid.left, right: grid.right, top, bottom: bottom + COUNT_PLOT + PLOTS_GAP },
    { left: grid.left, right: grid.right, bottom, height: COUNT_PLOT },
  ];
  const option: ChartOption = {
    ...trend,
    grid: plots(grid.top, grid.bottom),
    // The share's plot keeps its period axis, unnamed; the counts' plot below names the periods for both.
    xAxis: [
      { ...trendX, axisLabel: { ...trendX.axisLabel, show: false } },
      { ...trendX, gridIndex: 1 },
    ],
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    yAxis: [trend.yAxis as object, countAxis(1)],
    series: [...(trend.series as object[]), ...bars(1)] as ChartOption['series'],
  };
  return withRelayout(option, (width, measure, height) => {
    const r = laid(width, measure, height);
    if (!r?.grid) return {};
    return { ...r, grid: plots(r.grid.top, r.grid.bottom), xAxis: [{}, r.xAxis ?? {}] };
  });
}
