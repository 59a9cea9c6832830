/**
 * ECharts options for the dashboard's three kinds of chart, built from shaped data (no DOM, no ECharts
 * runtime): trend lines, point-and-whisker comparisons, and bars. Kept pure so they can be tested and so the
 * chart module stays a thin mount/resize wrapper.
 */
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Unit } from './api.types.ts';
import type { ComparisonChart } from './compare.shape.ts';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | BarSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>;

export const COLOURS = {
  all: '#14213d',
  offices: ['#2b6cb0', '#d9822b', '#2f855a', '#805ad5', '#b83280', '#718096'],
  good: '#2f855a',
  bad: '#c53030',
  muted: '#a0aec0',
  target: '#c05621',
  point: '#2b6cb0',
  significant: '#c53030',
};

const FONT = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' };

export interface LineInput {
  name: string;
  values: (number | null)[];
  emphasis: boolean;
}

/** Lines over periods; gaps (null) stay gaps. The target, when there is one, is a dashed line. */
export function trendOption(
  periods: string[],
  lines: LineInput[],
  options: { unit: Unit; target: number | null; targetLabel: string; min?: number; max?: number },
): ChartOption {
  let officeIndex = 0;
  const series: LineSeriesOption[] = lines.map((line) => {
    const colour = line.emphasis ? COLOURS.all : (COLOURS.offices[officeIndex++ % COLOURS.offices.length] ?? '#000');
    return {
      type: 'line',
      name: line.name,
      data: line.values,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: line.emphasis ? 7 : 5,
      lineStyle: { width: line.emphasis ? 3.5 : 1.6, color: colour },
      itemStyle: { color: colour },
      z: line.emphasis ? 10 : 2,
    };
  });
  const first = series[0];
  if (first && options.target !== null) {
    first.markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: COLOURS.target, width: 1.5 },
      label: { formatter: options.targetLabel, position: 'insideEndTop', color: COLOURS.target },
      data: [{ yAxis: options.target }],
    };
  }
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 48, right: 24, top: 40, bottom: 32, containLabel: false },
    legend: { top: 0, left: 0, itemWidth: 18, textStyle: FONT },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? axisLabel(options.unit, v) : '—') },
    xAxis: { type: 'category', data: periods, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      scale: true,
      ...(options.min !== undefined ? { min: options.min } : {}),
      ...(options.max !== undefined ? { max: options.max } : {}),
      axisLabel: { formatter: (v: number) => axisLabel(options.unit, v) },
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    series,
  };
}

function axisLabel(unit: Unit, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (unit === 'share') return `${rounded}%`;
  if (unit === 'minutes') return `${rounded} min`;
  return String(rounded);
}

/**
 * A horizontal point-and-whisker chart: one row per group (the all-group row last, drawn as a square), the
 * 95% interval as whiskers with caps, a diamond marker only where the difference is significant, and nothing
 * but a "too few responses" label for suppressed groups.
 */
export function comparisonOption(
  chart: ComparisonChart,
  options: { unit: Unit; targetLabel: string; tooFew: string; allIndex: number; significantLabel: string },
): ChartOption {
  const categories = chart.categories.map((c, i) => (chart.suppressed.includes(i) ? `${c}\n(${options.tooFew})` : c));
  const bars = chart.errorBars.map((b) => [b.index, b.low, b.high]);
  const errorBars: CustomSeriesOption = {
    type: 'custom',
    name: 'ci',
    silent: true,
    z: 1,
    data: bars,
    encode: { x: [1, 2], y: 0 },
    renderItem: (_params, api) => {
      const index = api.value(0) as number;
      const low = api.coord([api.value(1), index]);
      const high = api.coord([api.value(2), index]);
      const size = api.size ? api.size([0, 1]) : [0, 20];
      const cap = Math.min(8, (Array.isArray(size) ? (size[1] ?? 20) : size) * 0.25);
      const [x1 = 0, y = 0] = low;
      const [x2 = 0] = high;
      const style = { stroke: '#4a5568', lineWidth: 1.5 };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
          { type: 'line', shape: { x1, y1: y - cap, x2: x1, y2: y + cap }, style },
          { type: 'line', shape: { x1: x2, y1: y - cap, x2, y2: y + cap }, style },
        ],
      };
    },
  };
  const points: ScatterSeriesOption = {
    type: 'scatter',
    name: 'value',
    z: 3,
    data: chart.values.flatMap((v, i) =>
      v === null
        ? []
        : [
            {
              value: [v, i],
              symbol: i === options.allIndex ? 'rect' : 'circle',
              symbolSize: i === options.allIndex ? 11 : 10,
              itemStyle: { color: i === options.allIndex ? COLOURS.all : COLOURS.point },
            },
          ],
    ),
  };
  if (chart.target !== null) {
    points.markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: COLOURS.target, width: 1.5 },
      label: { formatter: options.targetLabel, position: 'start', color: COLOURS.target, distance: 4 },
      data: [{ xAxis: chart.target }],
    };
  }
  const markers: ScatterSeriesOption = {
    type: 'scatter',
    name: options.significantLabel,
    z: 4,
    symbol: 'diamond',
    symbolSize: 14,
    itemStyle: { color: COLOURS.significant, borderColor: '#fff', borderWidth: 1 },
    data: chart.significant.flatMap((i) => {
      const v = chart.values[i];
      return v === null || v === undefined ? [] : [[v, i]];
    }),
  };
  const extent = [
    ...chart.values.filter((v): v is number => v !== null),
    ...chart.errorBars.flatMap((b) => [b.low, b.high]),
    ...(chart.target === null ? [] : [chart.target]),
  ];
  const max = extent.length > 0 ? Math.max(...extent) : 1;
  const min = extent.length > 0 ? Math.min(...extent) : 0;
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 32, top: 26, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', show: false },
    xAxis: {
      type: 'value',
      // Shares zoom to the populated part of 0–100 %, so intervals stay readable; durations start at zero.
      min: options.unit === 'share' ? shareAxisMin(min) : 0,
      max: options.unit === 'share' ? 100 : niceMax(max),
      axisLabel: { formatter: (v: number) => axisLabel(options.unit, v) },
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { color: '#2d3748', fontSize: 12, lineHeight: 15 },
    },
    series: [errorBars, points, markers],
  };
}

/** The lower end of a percent axis: 10 points below the lowest bound, on a multiple of 10, never below 0. */
export function shareAxisMin(lowest: number): number {
  return Math.max(0, Math.floor((lowest - 10) / 10) * 10);
}

/** A round upper bound a little above the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const padded = value * 1.1;
  const magnitude = 10 ** Math.floor(Math.log10(padded));
  const step = magnitude / 2;
  return Math.ceil(padded / step) * step;
}

/** Vertical bars (counts per week) or horizontal bars (a breakdown), one colour. */
export function barOption(
  categories: string[],
  values: number[],
  options: { horizontal?: boolean; colour?: string; name: string },
): ChartOption {
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    axisTick: { show: false },
    ...(options.horizontal ? { inverse: true } : { axisLabel: { hideOverlap: true } }),
  };
  const valueAxis = { type: 'value' as const, minInterval: 1, splitLine: { lineStyle: { color: '#edf2f7' } } };
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        name: options.name,
        data: values,
        barMaxWidth: 28,
        itemStyle: {
          color: options.colour ?? COLOURS.offices[0],
          borderRadius: options.horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0],
        },
        label: { show: Boolean(options.horizontal), position: 'right', color: '#4a5568' },
      },
    ],
  };
}
