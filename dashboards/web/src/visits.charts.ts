/**
 * The Visits screen's chart: an hour × weekday heatmap whose cells inside the office's working hours are
 * framed, so load outside opening hours (queues at the door, late services) stands out. Pure ECharts options.
 */
import type { ChartOption } from './chart.options.ts';
import type { HourGrid } from './visits.shape.ts';

const FONT = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' };

export const HEAT_COLOURS = {
  arrivals: ['#eef4fb', '#9cc1e8', '#2b6cb0', '#173f6d'],
  waits: ['#fdf3e7', '#f3c08a', '#d9822b', '#8a3b00'],
  /** The frame of a cell inside working hours. */
  open: '#14213d',
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
  },
): ChartOption {
  const values = grid.cells.map((_, i) => options.value(i)).filter((v): v is number => v !== null);
  const max = values.length > 0 ? Math.max(...values) : 1;
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 4, right: 4, top: 4, bottom: 48, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const data = p?.data as { value?: [number, number, number | string] } | undefined;
        const [x, y, v] = data?.value ?? [0, 0, '-'];
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
      text: [options.format(max), '0'],
      inRange: { color: [...options.colours] },
      textStyle: FONT,
    },
    series: [
      {
        type: 'heatmap',
        name: options.name,
        data: grid.cells.map((cell, i) => {
          const value = options.value(i);
          // Dark cells take white figures, light cells dark ones, for contrast.
          const dark = value !== null && value > max * 0.55;
          return {
            value: [grid.hours.indexOf(cell.hour), grid.weekdays.indexOf(cell.weekday), value ?? '-'],
            label: { color: dark ? '#ffffff' : '#111827' },
            itemStyle: cell.open
              ? { borderColor: HEAT_COLOURS.open, borderWidth: 2 }
              : { borderColor: '#ffffff', borderWidth: 1 },
          };
        }),
        label: {
          show: true,
          fontSize: 10,
          formatter: (p) => {
            const v = (p.data as { value: [number, number, number | string] }).value[2];
            return typeof v === 'number' ? options.format(v) : '';
          },
        },
        emphasis: { disabled: true },
      },
    ],
  };
}
