/**
 * The Visits screen's chart: an hour × weekday heatmap whose cells inside the office's working hours are
 * framed, so load outside opening hours (queues at the door, late services) stands out. Pure ECharts options.
 */
import type { ChartOption } from './chart.options.ts';
import type { HourGrid } from '../shapes/visits.shape.ts';

const FONT = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' };

export const HEAT_COLOURS = {
  arrivals: ['#eef4fb', '#9cc1e8', '#2b6cb0', '#173f6d'],
  waits: ['#fdf3e7', '#f3c08a', '#d9822b', '#8a3b00'],
  /** The frame of a cell inside working hours. */
  open: '#14213d',
  /** A cell without a figure. */
  blank: '#f1f3f5',
};

/**
 * One cell per weekday and hour; `value(cell)` is what the cell shows (null: nothing or too few, left blank).
 * Cells inside working hours get a dark frame.
 */
export function heatmapOption(
  grid: HourGrid,
  options: {
    weekdayNames: string[];
    value: (index: number) => number | null;
    colours: readonly string[];
    name: string;
    format: (value: number) => string;
    /** The colour scale's ends when they need a unit the cells leave out ("9 min"); the cells' format otherwise. */
    legend?: (value: number) => string;
  },
): ChartOption {
  const legend = options.legend ?? options.format;
  const shown = grid.cells.flatMap((cell, i) => {
    const value = options.value(i);
    return value === null ? [] : [{ cell, value }];
  });
  const blank = grid.cells.filter((_, i) => options.value(i) === null);
  const max = shown.length > 0 ? Math.max(...shown.map((s) => s.value)) : 1;
  const frame = (open: boolean) =>
    open ? { borderColor: HEAT_COLOURS.open, borderWidth: 2 } : { borderColor: '#ffffff', borderWidth: 1 };
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 4, right: 4, top: 4, bottom: 48, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const data = p?.data as { value?: [number, number, number | null] } | undefined;
        const [x, y, v] = data?.value ?? [0, 0, null];
        const label = `${options.weekdayNames[y] ?? ''} ${grid.hours[x] ?? ''}:00`;
        return `${label}<br>${options.name}: ${typeof v === 'number' ? options.format(v) : '—'}`;
      },
    },
    xAxis: {
      type: 'category',
      data: grid.hours.map((h) => String(h)),
      splitArea: { show: false },
      axisTick: { show: false },
      axisLabel: { color: '#2d3748' },
    },
    yAxis: {
      type: 'category',
      data: options.weekdayNames,
      inverse: true,
      axisTick: { show: false },
      axisLabel: { color: '#2d3748' },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: max > 0 ? max : 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 140,
      itemWidth: 12,
      calculable: false,
      text: [legend(max), legend(0)],
      inRange: { color: [...options.colours] },
      seriesIndex: 0,
      textStyle: FONT,
    },
    series: [
      {
        type: 'heatmap',
        name: options.name,
        data: shown.map(({ cell, value }) => {
          // Dark cells take white figures, light cells dark ones, for contrast.
          const dark = value > max * 0.55;
          return {
            value: [grid.hours.indexOf(cell.hour), grid.weekdays.indexOf(cell.weekday), value],
            label: { color: dark ? '#ffffff' : '#111827' },
            itemStyle: frame(cell.open),
          };
        }),
        label: {
          show: true,
          fontSize: 10,
          formatter: (p) => {
            const v = (p.data as { value: [number, number, number] }).value[2];
            return options.format(v);
          },
        },
        emphasis: { disabled: true },
      },
      {
        // Cells without a figure (no visits, or too few for a median) stay visible, framed in working hours.
        type: 'heatmap',
        name: options.name,
        data: blank.map((cell) => ({
          value: [grid.hours.indexOf(cell.hour), grid.weekdays.indexOf(cell.weekday), 0],
          itemStyle: { ...frame(cell.open), color: HEAT_COLOURS.blank },
        })),
        label: { show: false },
        emphasis: { disabled: true },
        tooltip: { show: false },
      },
    ],
  };
}
