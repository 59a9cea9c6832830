/**
 * Chart options of the complaints screen that the shared builders lack: bars stacked by deadline status (the
 * open complaints' ages) and the backlog's open and overdue counts over time, with received and answered bars.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
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

/** A null is a period before the data starts: a gap, not zero. */
export interface BacklogSeries {
  periods: string[];
  open: (number | null)[];
  overdue: (number | null)[];
  received: (number | null)[];
  answered: (number | null)[];
}

/** Open and overdue at each period's end as lines; received and answered in the period as pale bars. */
export function backlogOption(
  data: BacklogSeries,
  names: { open: string; overdue: string; received: string; answered: string },
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
    data: values,
    barMaxWidth: 14,
    itemStyle: { color: colour, opacity: 0.55 },
  });
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 16, top: 56, bottom: 24, containLabel: true },
    legend: { top: 0, left: 0, textStyle: FONT },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.periods, axisLabel: { hideOverlap: true } },
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
