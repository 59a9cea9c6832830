/**
 * Chart options of the complaints screen that the shared builders lack: bars stacked by deadline status (the
 * open complaints' ages) and the backlog's open and overdue counts over time, with received and answered bars.
 */
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import { COLOURS, countTicks, type ChartOption } from './chart.options.ts';

const FONT = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' };

export interface StackPart {
  name: string;
  values: number[];
  colour: string;
}

/** Horizontal bars, one per category, each split into stacked parts (e.g. within the deadline, overdue). */
export function stackedBarOption(categories: string[], parts: StackPart[]): ChartOption {
  const series: BarSeriesOption[] = parts.map((part) => ({
    type: 'bar',
    name: part.name,
    stack: 'total',
    data: part.values,
    barMaxWidth: 28,
    itemStyle: { color: part.colour },
    label: {
      show: true,
      position: 'inside',
      color: '#ffffff',
      formatter: (p) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
    },
  }));
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
    legend: { top: 0, left: 0, textStyle: FONT },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'value',
      minInterval: 1,
      // The bars' totals: whole steps of 1, 2 or 5 × 10^n (ECharts drew 0 / 3 / … / 18 for 17 open complaints).
      ...countTicks(categories.map((_, i) => parts.reduce((sum, part) => sum + (part.values[i] ?? 0), 0))),
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    yAxis: { type: 'category', data: categories, inverse: true, axisTick: { show: false } },
    series,
  };
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
  const option = stackedBarOption(categories, parts);
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
  return {
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
