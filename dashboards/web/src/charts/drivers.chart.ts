/**
 * The drivers quadrant: each service aspect at (performance, importance) with both 95 % intervals as whiskers,
 * split by the aspects' average performance and importance. A name moved away from its point (where the
 * aspects crowd) gets a thin line in the point's colour back to it. Pure ECharts options from a /v1/drivers answer.
 */
import type { DriversAnswer } from '../api.types.ts';
import { COLOURS, withRelayout, type ChartOption, type MeasureText } from './chart.options.ts';
import { leaderLine, placeLabels, LABEL_LIFT, type PlacedPoint, type Placement } from './label.place.ts';
import { niceAxis, type NiceAxis } from './nice.axis.ts';

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

/** Darker shades of the quadrant colours for text on white (contrast of at least 4.5 : 1). */
const QUADRANT_TEXT: Record<Quadrant, string> = {
  fix: '#9b1c1c',
  keep: '#1a5e3c',
  watch: '#7b4a12',
  ok: '#1e4e8c',
};

export interface DriversAxes {
  /** The axes' names, saying what each measures. */
  x: string;
  y: string;
  /** The quadrants' names, written in their corners. */
  quadrants: Record<Quadrant, string>;
  /** Tick labels in the page's number format. */
  formatTick: (value: number, digits: number) => string;
}

/**
 * The axes' extent: performance on the 1–5 scale around the shown scores and their intervals; importance from
 * 0 (an aspect that does not move satisfaction) unless an interval really reaches below it, never beyond ±1.
 */
export function driverAxes(q: DriverQuadrants): { x: NiceAxis; y: NiceAxis } {
  const xs = q.points.flatMap((p) => [
    p.performanceInterval?.lower ?? p.performance,
    p.performanceInterval?.upper ?? p.performance,
  ]);
  const ys = q.points.flatMap((p) => [
    p.importanceInterval?.lower ?? p.importance,
    p.importanceInterval?.upper ?? p.importance,
  ]);
  const x =
    xs.length === 0
      ? niceAxis(1, 5, { ticks: 4 })
      : niceAxis(Math.min(...xs), Math.max(...xs), { ticks: 5, pad: 0.05, limits: { min: 1, max: 5 } });
  const yLow = ys.length === 0 ? 0 : Math.min(0, ...ys);
  const yHigh = ys.length === 0 ? 1 : Math.max(...ys);
  const y = niceAxis(yLow, yHigh, { ticks: 5, limits: { min: -1, max: 1 } });
  return { x, y };
}

/** Where each quadrant's name goes: its outer corner of the plot, clear of the dividing lines. */
const CORNERS: Record<Quadrant, { x: 'min' | 'max'; y: 'min' | 'max' }> = {
  fix: { x: 'min', y: 'max' },
  keep: { x: 'max', y: 'max' },
  watch: { x: 'min', y: 'min' },
  ok: { x: 'max', y: 'min' },
};

export function driversOption(q: DriverQuadrants, axes: DriversAxes): ChartOption {
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
  const { x, y } = driverAxes(q);
  const midLines = [
    ...(q.performanceMid !== null ? [{ xAxis: q.performanceMid }] : []),
    ...(q.importanceMid !== null ? [{ yAxis: q.importanceMid }] : []),
  ];
  const corners = q.points.length === 0 ? [] : (Object.keys(CORNERS) as Quadrant[]);
  // Before the chart knows its size: names to the side away from the nearer edge, above or below the whisker
  // away from the importance line; at its size, `relayout` places them clear of lines, points and each other.
  const xMid = (x.min + x.max) / 2;
  const initial: Placement[] = q.points.map((p) => ({
    position: p.performance > xMid ? 'left' : 'right',
    dy: q.importanceMid === null || p.importance >= q.importanceMid ? -LABEL_LIFT : LABEL_LIFT,
    leader: false,
  }));
  const relayout = (width: number, measure: MeasureText = (t) => t.length * 6.2, height = 340): ChartOption => {
    const yName = verticalName(axes.y, height - GRID.top - GRID.bottom, measure);
    const left = GRID.left + yName.extra;
    const plot = { width: width - left - GRID.right, height: height - GRID.top - GRID.bottom };
    const px = (v: number) => ((v - x.min) / (x.max - x.min)) * plot.width;
    const py = (v: number) => (1 - (v - y.min) / (y.max - y.min)) * plot.height;
    // A name wider than a third of the plot (a phone's) is broken into two lines: on one line "Darbinieku
    // kompetence" was wider than the room either side of the average line, so three of five names crossed it.
    const names = q.points.map((p) => (measure(p.label) > plot.width / 3 ? twoLines(p.label, measure) : [p.label]));
    const placed: PlacedPoint[] = q.points.map((p, i) => ({
      x: px(p.performance),
      y: py(p.importance),
      ...(p.performanceInterval
        ? { whiskerX: [px(p.performanceInterval.lower), px(p.performanceInterval.upper)] as const }
        : {}),
      ...(p.importanceInterval
        ? { whiskerY: [py(p.importanceInterval.upper), py(p.importanceInterval.lower)] as const }
        : {}),
      width: Math.max(...names[i]!.map((line) => measure(line))) + 4,
      height: 16 + NAME_LINE * (names[i]!.length - 1),
    }));
    const placements = placeLabels(
      placed,
      plot,
      {
        x: q.performanceMid === null ? null : px(q.performanceMid),
        y: q.importanceMid === null ? null : py(q.importanceMid),
      },
      // The quadrants' names in the corners: on a phone "Ātrums" was placed over "Prioritāte".
      corners.map((quadrant) => {
        const width = measure(axes.quadrants[quadrant]) + 2;
        const left = CORNERS[quadrant].x === 'max' ? plot.width - 4 - width : 4;
        const top = CORNERS[quadrant].y === 'max' ? 4 : plot.height - 4 - QUADRANT_LINE;
        return { left, right: left + width, top, bottom: top + QUADRANT_LINE };
      }),
    );
    // Leader lines in data coordinates (the custom series draws them where the axes put them), with the
    // point's index to colour each like its point.
    const dataX = (v: number) => x.min + (v / plot.width) * (x.max - x.min);
    const dataY = (v: number) => y.min + (1 - v / plot.height) * (y.max - y.min);
    const leaders = placed.flatMap((point, i) => {
      const line = placements[i] ? leaderLine(point, placements[i]) : null;
      return line ? [[dataX(line.x1), dataY(line.y1), dataX(line.x2), dataY(line.y2), i]] : [];
    });
    return {
      grid: { left },
      yAxis: { name: yName.text, nameGap: Y_NAME_GAP + yName.extra / 2 },
      series: [
        { id: 'drivers-points', data: pointData(q, placements, names) },
        { id: 'drivers-leaders', data: leaders },
      ],
    };
  };
  return withRelayout(
    {
      animation: false,
      textStyle: { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' },
      // Fixed margins hold the tick labels and axis names (nothing clipped at 390 px) and tell the names' placement
      // where the plot is.
      grid: { left: GRID.left, right: GRID.right, top: GRID.top, bottom: GRID.bottom },
      xAxis: {
        type: 'value',
        name: axes.x,
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { color: '#2d3748', fontSize: 12 },
        min: x.min,
        max: x.max,
        interval: x.interval,
        axisLabel: { formatter: (v: number) => axes.formatTick(v, x.digits), hideOverlap: true },
        splitLine: { lineStyle: { color: '#edf2f7' } },
      },
      yAxis: {
        type: 'value',
        name: axes.y,
        nameLocation: 'middle',
        nameGap: Y_NAME_GAP,
        nameTextStyle: { color: '#2d3748', fontSize: 12, lineHeight: NAME_LINE },
        min: y.min,
        max: y.max,
        interval: y.interval,
        axisLabel: { formatter: (v: number) => axes.formatTick(v, y.digits) },
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
          id: 'drivers-points',
          type: 'scatter',
          z: 3,
          symbolSize: 14,
          data: pointData(q, initial),
          label: {
            show: true,
            formatter: '{b}',
            color: '#1a202c',
            fontSize: 12,
            backgroundColor: 'rgba(255,255,255,0.85)',
            padding: [1, 2],
          },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { type: 'dashed', color: '#718096', width: 1 },
            data: midLines,
          },
        },
        {
          id: 'drivers-leaders',
          type: 'custom' as const,
          silent: true,
          z: 2,
          data: [] as number[][],
          encode: { x: [0, 2], y: [1, 3] },
          renderItem: (_params, api) => {
            const [x1 = 0, y1 = 0] = api.coord([api.value(0), api.value(1)]);
            const [x2 = 0, y2 = 0] = api.coord([api.value(2), api.value(3)]);
            const quadrant = q.points[api.value(4) as number]?.quadrant;
            const stroke = quadrant ? QUADRANT_COLOURS[quadrant] : '#718096';
            return { type: 'line' as const, shape: { x1, y1, x2, y2 }, style: { stroke, lineWidth: 1 } };
          },
        },
        {
          // The quadrants' names, each in its corner, as text without a symbol.
          type: 'scatter',
          silent: true,
          z: 2,
          symbolSize: 0,
          data: corners.map((quadrant) => {
            const corner = CORNERS[quadrant];
            const right = corner.x === 'max';
            const top = corner.y === 'max';
            return {
              value: [x[corner.x], y[corner.y]],
              name: axes.quadrants[quadrant],
              label: {
                show: true,
                formatter: '{b}',
                position: [right ? -4 : 4, top ? 4 : -4],
                align: right ? ('right' as const) : ('left' as const),
                verticalAlign: top ? ('top' as const) : ('bottom' as const),
                color: QUADRANT_TEXT[quadrant],
                fontSize: 11,
                fontWeight: 'bold' as const,
              },
            };
          }),
        },
      ],
    },
    relayout,
  );
}

/** The plot's margins in px: tick labels and the axis names sit in them. */
const GRID = { left: 58, right: 16, top: 12, bottom: 42 };
const Y_NAME_GAP = 36;
const NAME_LINE = 14;
/** The height of a quadrant's name (11 px bold) in its corner. */
const QUADRANT_LINE = 14;

/**
 * The vertical axis's name, centred on the plot, broken into lines when it is longer than the plot is tall:
 * unbroken, the Latvian name (about 280–300 px) ran past the ends of a 286 px plot and its start was cut off at
 * the chart's top on a phone. ECharts truncates an axis name rather than wrapping it, so the breaks are put in
 * the text. Each extra line takes a line's width more of the left margin (and moves the name out by half of it).
 */
function verticalName(name: string, plotHeight: number, measure: MeasureText): { text: string; extra: number } {
  // A clear margin at each end: the canvas's measure and the drawn text differ by a few px between fonts.
  const room = plotHeight - 32;
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return { text: lines.join('\n'), extra: (Math.max(1, lines.length) - 1) * NAME_LINE };
}

/** A name of several words as two lines of about equal width, broken between words. */
export function twoLines(name: string, measure: MeasureText): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [name];
  let best = [name];
  let widest = Infinity;
  for (let at = 1; at < words.length; at++) {
    const lines = [words.slice(0, at).join(' '), words.slice(at).join(' ')];
    const width = Math.max(...lines.map((line) => measure(line)));
    if (width < widest) [best, widest] = [lines, width];
  }
  return best;
}

/** The aspects as scatter points, each name where `placements` puts it, on its lines (`names`) when given. */
function pointData(q: DriverQuadrants, placements: readonly Placement[], names?: readonly (readonly string[])[]) {
  return q.points.map((p, i) => {
    const placement = placements[i] ?? { position: 'right', dy: -LABEL_LIFT, leader: false };
    const lines = names?.[i];
    return {
      value: [p.performance, p.importance],
      name: p.label,
      itemStyle: { color: QUADRANT_COLOURS[p.quadrant], borderColor: '#fff', borderWidth: 1 },
      label: {
        position: placement.position,
        offset: [0, placement.dy],
        ...(lines && lines.length > 1 ? { formatter: lines.join('\n'), lineHeight: NAME_LINE } : {}),
      },
    };
  });
}
