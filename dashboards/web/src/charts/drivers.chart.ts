/**
 * The drivers quadrant: each service aspect at (performance, importance) with both 95 % intervals as whiskers,
 * split by the aspects' average performance and importance. Pure ECharts options from a /v1/drivers answer.
 */
import type { DriversAnswer } from '../api.types.ts';
import { COLOURS, type ChartOption } from './chart.options.ts';

export type Quadrant = 'fix' | 'keep' | 'watch' | 'ok';

export interface DriverPoint {
  dimension: string;
  label: string;
  performance: number;
  importance: number;
  performanceInterval: { lower: number; upper: number } | null;
  importanceInterval: { lower: number; upper: number } | null;
  p: number | null;
  n: number;
  quadrant: Quadrant;
}

export interface DriverQuadrants {
  points: DriverPoint[];
  /** The dividing lines: the shown aspects' mean performance and mean importance. */
  performanceMid: number | null;
  importanceMid: number | null;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function driverQuadrants(answer: DriversAnswer, lang: 'lv' | 'en'): DriverQuadrants {
  const shown = answer.drivers.filter(
    (d): d is typeof d & { performance: number; importance: number } =>
      !d.suppressed && d.performance !== null && d.importance !== null,
  );
  const performanceMid = mean(shown.map((d) => d.performance));
  const importanceMid = mean(shown.map((d) => d.importance));
  const points = shown.map((d) => {
    const important = importanceMid !== null && d.importance >= importanceMid;
    const good = performanceMid !== null && d.performance >= performanceMid;
    const quadrant: Quadrant = important ? (good ? 'keep' : 'fix') : good ? 'ok' : 'watch';
    return {
      dimension: d.dimension,
      label: d.label[lang],
      performance: d.performance,
      importance: d.importance,
      performanceInterval: d.performanceInterval,
      importanceInterval: d.importanceInterval,
      p: d.p,
      n: d.n,
      quadrant,
    };
  });
  return { points, performanceMid, importanceMid };
}

const QUADRANT_COLOURS: Record<Quadrant, string> = {
  fix: COLOURS.worse,
  keep: COLOURS.better,
  watch: '#975a16',
  ok: '#2b6cb0',
};

export function driversOption(q: DriverQuadrants, axes: { x: string; y: string }): ChartOption {
  const whiskers = q.points.flatMap((p) => [
    ...(p.performanceInterval
      ? [
          [
            [p.performanceInterval.lower, p.importance],
            [p.performanceInterval.upper, p.importance],
          ],
        ]
      : []),
    ...(p.importanceInterval
      ? [
          [
            [p.performance, p.importanceInterval.lower],
            [p.performance, p.importanceInterval.upper],
          ],
        ]
      : []),
  ]);
  const xs = q.points.flatMap((p) => [
    p.performanceInterval?.lower ?? p.performance,
    p.performanceInterval?.upper ?? p.performance,
  ]);
  const ys = q.points.flatMap((p) => [
    p.importanceInterval?.lower ?? p.importance,
    p.importanceInterval?.upper ?? p.importance,
  ]);
  const pad = (lo: number, hi: number, step: number) => ({
    min: Math.floor((lo - step / 2) / step) * step,
    max: Math.ceil((hi + step / 2) / step) * step,
  });
  const xr = pad(Math.min(...xs, 5), Math.max(...xs, 1), 0.5);
  const yr = pad(Math.min(...ys, 0), Math.max(...ys, 0), 0.1);
  const midLines = [
    ...(q.performanceMid !== null ? [{ xAxis: q.performanceMid }] : []),
    ...(q.importanceMid !== null ? [{ yAxis: q.importanceMid }] : []),
  ];
  return {
    animation: false,
    textStyle: { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' },
    grid: { left: 56, right: 24, top: 16, bottom: 48 },
    xAxis: {
      type: 'value',
      name: axes.x,
      nameLocation: 'middle',
      nameGap: 28,
      min: Math.max(1, xr.min),
      max: Math.min(5, xr.max),
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    yAxis: {
      type: 'value',
      name: axes.y,
      nameLocation: 'middle',
      nameGap: 40,
      min: Math.max(-1, yr.min),
      max: Math.min(1, yr.max),
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    series: [
      ...whiskers.map((segment) => ({
        type: 'line' as const,
        data: segment,
        silent: true,
        symbol: 'none',
        lineStyle: { color: '#4a5568', width: 1.5 },
        z: 1,
      })),
      {
        type: 'scatter',
        z: 3,
        symbolSize: 14,
        data: q.points.map((p) => ({
          value: [p.performance, p.importance],
          name: p.label,
          itemStyle: { color: QUADRANT_COLOURS[p.quadrant], borderColor: '#fff', borderWidth: 1 },
        })),
        label: { show: true, position: 'right', formatter: '{b}', color: '#1a202c', fontSize: 12 },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { type: 'dashed', color: '#718096', width: 1 },
          data: midLines,
        },
      },
    ],
  };
}
