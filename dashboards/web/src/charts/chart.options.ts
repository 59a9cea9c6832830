/**
 * ECharts options for the dashboard's three kinds of chart, built from shaped data (no DOM, no ECharts
 * runtime): trend lines, point-and-whisker comparisons, and bars. Kept pure so they can be tested and so the
 * chart module stays a thin mount/resize wrapper.
 */
import type {
  BarSeriesOption,
  CustomSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Lang, Unit } from '../api.types.ts';
import { axisUnitName, formatAxisValue, formatPlotted, stepDigits } from '../format.ts';
import {
  bandAxis,
  bandBarSeries,
  estimateText,
  nameBands,
  type BandSizes,
  type MeasureText,
  type NameBands,
} from './name.bands.ts';
import {
  periodNamesLayout,
  periodNamesShown,
  turnedName,
  wrapNote,
  yearOnceNames,
  type PeriodParts,
} from './period.labels.ts';
import type { ComparisonChart } from '../shapes/compare.shape.ts';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | BarSeriesOption
  | CustomSeriesOption
  | HeatmapSeriesOption
  | VisualMapComponentOption
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
  /** Significantly better / worse: green and a dark orange-red, told apart by shape as well as colour. */
  better: '#1f7a4d',
  worse: '#b42318',
  different: '#6b46c1',
};

const FONT = { fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif', color: '#2d3748' };

export interface LineInput {
  name: string;
  /** A shorter name for the legend of a narrow chart (an office's short name); the tooltip keeps `name`. */
  short?: string;
  values: (number | null)[];
  emphasis: boolean;
  /**
   * The line's place among the offices' colours, when lines before it are left out (an office with no point
   * drawn): each office keeps the colour it has in the other trends. Its place in `lines` otherwise.
   */
  slot?: number;
}

/** A 95 % interval around one line, drawn as a pale band (periods without an interval are gaps). */
export interface BandInput {
  label: string;
  /** Its legend name on a narrow chart. */
  short?: string;
  low: (number | null)[];
  high: (number | null)[];
}

/** An event drawn as a vertical line at a period, named at the top of the plot. */
export interface MarkInput {
  index: number;
  label: string;
  kind: string;
}

/** One wrapped legend row as ECharts draws it (measured: 21 px for 12 px text and 18 × 14 icons). */
const LEGEND_ROW = 22;
const ANNOTATION_ROW = 20;
/** ECharts' legend padding on each side. */
const LEGEND_PADDING = 5;

export type { MeasureText } from './name.bands.ts';
export { wrappedLines, wrapWords } from './name.bands.ts';

/**
 * Below this chart width (a phone) a trend's legend uses the short names: full office names wrapped onto five or
 * six rows and left the plot a strip; short ones fit in two or three.
 */
export const NARROW_CHART = 480;

/** A legend's icon width and the gap between entries: the usual, and a narrow chart's tighter ones. */
export interface LegendSpacing {
  itemWidth: number;
  itemGap: number;
}
const LEGEND_SPACING: LegendSpacing = { itemWidth: 18, itemGap: 10 };
const NARROW_LEGEND_SPACING: LegendSpacing = { itemWidth: 14, itemGap: 8 };

/**
 * How many rows a plain (wrapping) legend needs at a chart width, laid out as ECharts does: each entry is its
 * icon (18 px), 5 px, its text, then a gap (10 px); an entry that would pass the right edge starts a new row.
 */
export function legendRows(
  names: readonly string[],
  width: number,
  measure: MeasureText = estimateText,
  spacing: LegendSpacing = LEGEND_SPACING,
): number {
  const room = width - 2 * LEGEND_PADDING;
  let rows = names.length > 0 ? 1 : 0;
  let used = 0;
  for (const name of names) {
    const item = spacing.itemWidth + 5 + measure(name);
    if (used > 0 && used + item > room) {
      rows += 1;
      used = 0;
    }
    used += item + spacing.itemGap;
  }
  return rows;
}

/** Where a plot starts below a trend's wrapping legend of `names` at a chart `width` (tighter on a phone). */
export function legendTop(names: readonly string[], width: number, measure?: MeasureText): number {
  const spacing = width < NARROW_CHART ? NARROW_LEGEND_SPACING : LEGEND_SPACING;
  return LEGEND_PADDING + legendRows(names, width, measure, spacing) * LEGEND_ROW + 8;
}

/**
 * What a chart changes when its width changes (the trend's plot starts below its legend, whose rows depend on
 * the width). Kept beside the option, not in it, so the option stays plain ECharts.
 */
export type Relayout = (width: number, measure?: MeasureText, height?: number) => ChartOption;
const relayouts = new WeakMap<ChartOption, Relayout>();

/**
 * The height a chart needs at a width, for charts whose height follows their wrapped names (bars beside names
 * wrapped at a width the view chooses for the window): a phone's rotation re-wraps them, and the chart's box
 * takes the new height before the relayout draws into it.
 */
export type HeightAt = (width: number, measure?: MeasureText) => number;
const heights = new WeakMap<ChartOption, HeightAt>();

/** Registers what `option` changes at a new size (called on mount and on every resize), and its height there. */
export function withRelayout(option: ChartOption, relayout: Relayout, height?: HeightAt): ChartOption {
  relayouts.set(option, relayout);
  if (height) heights.set(option, height);
  return option;
}

export function relayoutOf(option: ChartOption): Relayout | undefined {
  return relayouts.get(option);
}

export function heightOf(option: ChartOption): HeightAt | undefined {
  return heights.get(option);
}

/**
 * Lines over periods; gaps (null) stay gaps. Partial periods (the first and last of a range that cuts a period)
 * are shaded behind the lines, labelled "partial" on the axis and drawn as hollow points, so a short period is
 * not read as a jump; the lines stay solid (dashes on every segment of a short range read as a broken chart).
 * The target, when there is one, is a dashed line that is always inside the axis, named in the legend and
 * marked by its value in the right margin (never on top of the lines). The legend wraps (every series visible,
 * on screen and on paper), in short names on a phone; the plot starts below it at the chart's own width (see
 * `relayoutOf`). Annotations are vertical lines named horizontally above the plot, anchored away from the nearer
 * edge so their names are not cut.
 */
export function trendOption(
  periods: string[],
  lines: LineInput[],
  options: {
    unit: Unit;
    /** The page's language, for the axis's, the tooltip's and the target's numbers. */
    lang: Lang;
    target: number | null;
    /** The target's name alone ("Target"); the legend adds its value, written as on the line. */
    targetLabel: string;
    /**
     * The target's value as the page writes it elsewhere (the tiles' "85,0 %"), shown both on the line and in
     * the legend so the two never read differently; the axis's own format when not given.
     */
    targetText?: string;
    partial?: readonly boolean[];
    partialLabel?: string;
    /**
     * Each period's name without its year and its year (months, quarters): a phone then names more periods,
     * writing the year only where it starts or changes (see `yearOnceNames`).
     */
    periodParts?: readonly PeriodParts[] | undefined;
    band?: BandInput;
    annotations?: readonly MarkInput[];
    /**
     * A word under a period's name where it says something of its own (an office's withheld month: "too few
     * responses"), in the partial period's brackets beside "partial" when the period is both.
     */
    periodNotes?: readonly (string | undefined)[];
    /**
     * Names of series a caller adds after the lines (the compliance chart's count bars), listed last in the legend
     * so its rows, and the plot's top below them, are counted with them.
     */
    moreLegend?: readonly string[];
  },
): ChartOption {
  const partial = options.partial ?? periods.map(() => false);
  const partialLines = periods.map((_, i) => {
    const words = [partial[i] ? options.partialLabel : undefined, options.periodNotes?.[i]].filter(Boolean);
    return words.length > 0 ? `(${words.join(', ')})` : undefined;
  });
  const labels = periods.map((p, i) => [p, partialLines[i]].filter(Boolean).join('\n'));
  let officeIndex = 0;
  const series: LineSeriesOption[] = lines.map((line) => {
    const slot = line.slot ?? officeIndex++;
    const colour = line.emphasis ? COLOURS.all : (COLOURS.offices[slot % COLOURS.offices.length] ?? '#000');
    const width = line.emphasis ? 3.5 : 1.6;
    const symbolSize = line.emphasis ? 7 : 5;
    return {
      type: 'line',
      name: line.name,
      data: partialPoints(line.values, partial, colour, symbolSize),
      connectNulls: false,
      symbol: 'circle',
      symbolSize,
      lineStyle: { width, color: colour },
      itemStyle: { color: colour },
      z: line.emphasis ? 10 : 2,
    };
  });
  const band = options.band ? bandSeries(options.band) : [];
  // One text for the target's value, on its line and in its legend entry, at the unit's precision as on the tiles.
  const targetText =
    options.target === null ? '' : (options.targetText ?? formatPlotted(options.unit, options.target, options.lang));
  const target =
    options.target === null ? [] : [targetSeries(options.target, `${options.targetLabel} ${targetText}`, targetText)];
  // The right margin holds the target's value ("4,30 / 5" is wider than "85 %").
  const grid = { ...TREND_GRID, right: Math.max(TREND_GRID.right, Math.ceil(targetText.length * 7) + 8) };
  const marks = options.annotations ?? [];
  if (marks.length > 0) {
    const first = series[0];
    // Named, so a relayout's new label room reaches this series' marks and no other series.
    if (first) Object.assign(first, { id: ANNOTATED, markLine: annotationLines(marks, periods.length) });
  }
  const values = [
    ...lines.flatMap((line) => line.values),
    ...(options.band ? [...options.band.low, ...options.band.high] : []),
  ].filter((v): v is number => v !== null);
  const axis = trendAxis(options.unit, values, options.target);
  const shade = partial.some(Boolean) ? [partialShade(partial, axis.max)] : [];
  const legendNames = [
    ...new Set([
      ...lines.map((l) => l.name),
      ...(options.band ? [options.band.label] : []),
      ...target.map((t) => String(t.name)),
      ...(options.moreLegend ?? []),
    ]),
  ];
  // A narrow chart's legend shows the short names (the tooltip, the table and the CSV keep the full ones).
  const shortNames = new Map<string, string>([
    ...lines.filter((l) => l.short).map((l): [string, string] => [l.name, l.short!]),
    ...(options.band?.short ? [[options.band.label, options.band.short] as [string, string]] : []),
  ]);
  const narrow = (width: number) => width < NARROW_CHART;
  const legendText = (width: number) => (name: string) => (narrow(width) ? (shortNames.get(name) ?? name) : name);
  const spacing = (width: number) => (narrow(width) ? NARROW_LEGEND_SPACING : LEGEND_SPACING);
  // Annotation names sit in rows between the legend and the plot: before the chart's width is known, a row for one
  // annotation and two for several; at the drawn width as many as `placeMarks` fills.
  const markRowsAt = (width: number, measure?: MeasureText) =>
    marks.length <= 1
      ? marks.length
      : measure === undefined
        ? 2
        : markRows(placeMarks(marks, periods.length, plotOf(width), measure));
  const plotOf = (width: number) => ({ left: grid.left, plot: width - grid.left - grid.right, width });
  const top = (width: number, measure?: MeasureText) =>
    legendTop(legendNames.map(legendText(width)), width, measure) + markRowsAt(width, measure) * ANNOTATION_ROW;
  const option: ChartOption = {
    textStyle: FONT,
    animation: false,
    grid: { ...grid, top: top(700), bottom: axisNamesRoom(2) },
    legend: {
      type: 'plain',
      top: 0,
      left: 0,
      right: 0,
      padding: LEGEND_PADDING,
      ...LEGEND_SPACING,
      textStyle: FONT,
      data: legendNames.map((name) =>
        // The target's entry is drawn as a dash, like its line; the band's as a pale block, like the band.
        target.some((t) => t.name === name)
          ? { name, icon: 'path://M0,4h6v2h-6z M9,4h6v2h-6z M18,4h6v2h-6z' }
          : options.band?.label === name
            ? { name, icon: 'rect', itemStyle: { color: BAND_COLOUR, opacity: 1 } }
            : name,
      ),
    },
    tooltip: {
      trigger: 'axis',
      // Each line's figure at the unit's one precision, so one tooltip never mixes "85 %" with "82,1 %".
      valueFormatter: (v) => (typeof v === 'number' ? formatPlotted(options.unit, v, options.lang) : '—'),
    },
    xAxis: {
      type: 'category',
      data: labels,
      // Each period is a band with its point in the middle (a partial period's shade fills its band; ECharts
      // draws bars that way whatever this says, so the lines keep the same layout with or without one).
      boundaryGap: true,
      // Every period's name is tried (ECharts' own spacing guess drops the partial ends on a phone); only names
      // that really collide are left out, and at the drawn width the relayout below chooses which, keeping the
      // partial ends' names (ECharts' hideOverlap drops the last one).
      axisLabel: { interval: 0, hideOverlap: true, lineHeight: 14 },
    },
    yAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      axisLabel: {
        formatter: (v: number) => formatAxisValue(options.unit, v, options.lang, stepDigits(axis.interval)),
      },
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    series: [...shade, ...band, ...series, ...target],
  };
  return withRelayout(option, (width, measure = estimateText) => {
    // The names that fit at this width, the last (partial) period's always among them (see period.labels.ts).
    const plot = width - grid.left - grid.right;
    const count = (shown: readonly boolean[]) => shown.filter(Boolean).length;
    // Each period's note wrapped to about its band, so it does not stand under its neighbours' names.
    const band = plot / Math.max(1, periods.length);
    const notes = partialLines.map((note) => (note === undefined ? undefined : wrapNote(note, band, measure)));
    const labelsAt = periods.map((p, i) => [p, notes[i]].filter(Boolean).join('\n'));
    let shown = periodNamesShown(labelsAt, partial, plot, measure);
    let names = labelsAt;
    // Where the full names leave gaps (three of a year's months on a phone), names without the year fit closer.
    const parts = options.periodParts;
    if (parts && parts.length === labels.length) {
      const shorter = periodNamesShown(yearOnceNames(parts, notes), partial, plot, measure);
      if (count(shorter) > count(shown)) {
        shown = shorter;
        names = yearOnceNames(parts, notes, shorter);
      }
    }
    const lines = Math.max(1, ...names.filter((_, i) => shown[i]).map((name) => name.split('\n').length));
    return {
      ...(marks.length > 0
        ? {
            series: [
              {
                id: ANNOTATED,
                markLine: annotationLines(
                  marks,
                  periods.length,
                  placeMarks(marks, periods.length, plotOf(width), measure),
                ),
              },
            ],
          }
        : {}),
      grid: { top: top(width, measure), bottom: axisNamesRoom(lines) },
      legend: { formatter: legendText(width), ...spacing(width) },
      xAxis: {
        axisLabel: {
          interval: (index: number) => shown[index] ?? true,
          hideOverlap: false,
          formatter: (_value: string, index: number) => names[index] ?? '',
        },
      },
    };
  });
}

/** Room under a trend's plot for period names of `lines` lines (14 px each, ECharts' 8 px margin and a little more). */
const axisNamesRoom = (lines: number) => 16 + lines * 14;

/** The trend's plot margins: the value axis's names on the left, the target's value on the right. */
const TREND_GRID = { left: 48, right: 56 };

/** The band as it shows on white (the all-offices colour at 0.14 opacity), for its legend icon. */
export const BAND_COLOUR = '#dee0e4';

/** A line's values with each partial period's point drawn hollow (and a little larger), the rest as they are. */
export function partialPoints(
  values: readonly (number | null)[],
  partial: readonly boolean[],
  colour: string,
  symbolSize: number,
): NonNullable<LineSeriesOption['data']> {
  return values.map((value, i) =>
    partial[i] && value !== null
      ? {
          value,
          symbol: 'emptyCircle',
          symbolSize: symbolSize + 3,
          // ECharts fills an empty circle white and strokes it in the item's colour.
          itemStyle: { color: colour, borderColor: colour, borderWidth: 2 },
        }
      : value,
  );
}

/**
 * A partial period's shading: a bar as wide as the period's band, behind everything, silent and out of the
 * tooltip and legend. The chart's category axis must keep its boundary gap (ECharts draws bars in bands).
 */
export function partialShade(partial: readonly boolean[], top: number): BarSeriesOption {
  return {
    type: 'bar',
    name: 'partial',
    data: partial.map((p) => (p ? top : null)),
    barWidth: '100%',
    silent: true,
    clip: true,
    tooltip: { show: false },
    // Pale diagonal hatching: "not a whole period", told apart from the band by its stripes.
    itemStyle: { color: '#f7f8fa', decal: { ...HATCHING, color: 'rgba(74, 85, 104, 0.12)' } },
    // Below the axes (ECharts draws them at z 0): a shade reaching the plot's edge covered the axis line there.
    z: -1,
  };
}

/** The partial periods' diagonal stripes, in the colour each use gives them. */
const HATCHING = { dashArrayX: [1, 0], dashArrayY: [2, 6], rotation: -Math.PI / 4 };

/**
 * The same stripes, pale, over a bar of a partial period: where the bar fills most of its band (a phone's channel
 * mix) the shade behind it shows as a thin strip at best, so the bar itself carries the hatching.
 */
export const PARTIAL_BAR_DECAL = { ...HATCHING, color: 'rgba(255, 255, 255, 0.45)' };

/**
 * The band as two stacked, invisible-edged lines: the low bound, then the width up to the high bound as a
 * filled area. Both stay out of the tooltip (the width is no figure); the upper one names the band in the legend.
 */
function bandSeries(band: BandInput): LineSeriesOption[] {
  const both = band.low.map((low, i) => {
    const high = band.high[i];
    return low === null || high === null || high === undefined ? null : { low, high };
  });
  const common = {
    type: 'line' as const,
    stack: 'band',
    symbol: 'none',
    silent: true,
    connectNulls: false,
    tooltip: { show: false },
    lineStyle: { opacity: 0 },
    z: 1,
  };
  return [
    { ...common, name: `${band.label} `, data: both.map((b) => (b ? b.low : null)) },
    {
      ...common,
      name: band.label,
      data: both.map((b) => (b ? b.high - b.low : null)),
      areaStyle: { color: COLOURS.all, opacity: 0.14 },
      itemStyle: { color: BAND_COLOUR },
    },
  ];
}

/** The target: a dashed line across the plot, named in the legend, its value in the right margin. */
function targetSeries(target: number, label: string, value: string): LineSeriesOption {
  return {
    type: 'line',
    name: label,
    data: [],
    symbol: 'none',
    lineStyle: { type: 'dashed', color: COLOURS.target, width: 1.5 },
    itemStyle: { color: COLOURS.target },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: COLOURS.target, width: 1.5 },
      label: {
        formatter: value,
        position: 'end',
        distance: 4,
        color: COLOURS.target,
        fontWeight: 'bold',
      },
      data: [{ yAxis: target }],
    },
  };
}

/** How much wider bold text may be than the regular text `MeasureText` measures. */
const BOLD_WIDER = 1.2;

/** The id of the trend's line that carries the annotations' marks. */
const ANNOTATED = 'annotated';

/** Where an annotation's name is drawn: which side of its line, how wide at most, and in which row above the plot. */
export interface MarkPlace {
  align: 'left' | 'right';
  width: number;
  row: number;
}

/** The rows of annotation names above a trend's plot, at most. */
const MARK_ROWS = 3;

/**
 * The annotations' names at a chart `width` px wide whose plot starts at `left` and is `plot` px wide. A law's
 * change is placed first (it explains a step in the figures; a closure a dip), then the rest in order. Each name
 * runs from its line towards the side with room for it whole (right first), in the first of three rows where it
 * meets no name placed before it; where every row is taken, it goes to the row leaving it the most room. Its box
 * then reaches to the next name in its row or the chart's edge, so a name is cut (with "…") only where the chart
 * has no room for it. A fixed 260 px had cut the law change's name ("Iesniegumu likuma grozījumi: atbild…") with
 * room to spare, and two closures in December had left it no row at all.
 */
export function placeMarks(
  marks: readonly MarkInput[],
  periods: number,
  chart: { left: number; plot: number; width: number },
  measure: MeasureText = estimateText,
): MarkPlace[] {
  const edge = 4;
  const gap = 12;
  const xOf = (mark: MarkInput) => chart.left + ((mark.index + 0.5) * chart.plot) / Math.max(1, periods);
  type Placed = { align: 'left' | 'right'; x: number; span: [number, number]; row: number };
  const rows: Placed[][] = Array.from({ length: MARK_ROWS }, () => []);
  const order = marks
    .map((_, i) => i)
    .sort((i, j) => Number(marks[j]!.kind === 'law') - Number(marks[i]!.kind === 'law'));
  const placed: Placed[] = [];
  for (const i of order) {
    const mark = marks[i]!;
    const x = xOf(mark);
    // The law's name is bold, wider than the regular 12 px text measured.
    const text = Math.ceil(measure(mark.label) * (mark.kind === 'law' ? BOLD_WIDER : 1));
    const roomRight = chart.width - edge - x;
    const roomLeft = x - edge;
    const align = text <= roomRight || roomRight >= roomLeft ? 'left' : 'right';
    const length = Math.min(text, align === 'left' ? roomRight : roomLeft);
    const span: [number, number] = align === 'left' ? [x, x + length] : [x - length, x];
    // How much of the name's length a row leaves it before the nearest name there (all of it where none is near).
    const roomIn = (row: Placed[]) =>
      Math.min(
        length,
        ...row.map(({ span: [c, d] }) =>
          span[1] + gap <= c || d + gap <= span[0]
            ? length
            : align === 'left'
              ? Math.max(0, c - gap - x)
              : Math.max(0, x - d - gap),
        ),
      );
    const free = rows.findIndex((row) => roomIn(row) >= length);
    const row = free >= 0 ? free : rows.reduce((best, r, k) => (roomIn(r) > roomIn(rows[best]!) ? k : best), 0);
    const room = roomIn(rows[row]!);
    const one: Placed = { align, x, span: align === 'left' ? [x, x + room] : [x - room, x], row };
    rows[row]!.push(one);
    placed[i] = one;
  }
  // Each box as wide as its row leaves it: to the next name's start (or the chart's edge) on its side.
  return placed.map(({ align, x, span, row }) => {
    // A name left no room at all is not drawn (the chart's note lists every event), so it takes none from others.
    if (span[1] - span[0] <= 0) return { align, width: 0, row };
    const others = rows[row]!.filter((o) => o.span !== span && o.span[1] - o.span[0] > 0);
    const reach =
      align === 'left'
        ? Math.min(chart.width - edge, ...others.filter((o) => o.span[0] >= x).map((o) => o.span[0] - gap)) - x
        : x - Math.max(edge, ...others.filter((o) => o.span[1] <= x).map((o) => o.span[1] + gap));
    return { align, width: Math.floor(Math.max(span[1] - span[0], reach)), row };
  });
}

/** The rows `placeMarks` fills with a drawn name, for the room above the plot. */
export function markRows(places: readonly MarkPlace[]): number {
  return Math.max(0, ...places.filter((p) => p.width > 0).map((p) => p.row + 1));
}

/**
 * Vertical lines at the annotations' periods, named in horizontal text above the plot (see `placeMarks`; before a
 * chart's width is known, a name in the left half starts at its line and one in the right half ends at it, rows
 * alternating). Names are cut with an ellipsis only where the chart has no room for them.
 */
function annotationLines(
  marks: readonly MarkInput[],
  periods: number,
  places?: readonly MarkPlace[],
): MarkLineComponentOption {
  return {
    silent: true,
    symbol: 'none',
    data: marks.map((mark, i) => {
      const law = mark.kind === 'law';
      const rightHalf = periods > 1 && mark.index / (periods - 1) > 0.5;
      const place = places?.[i] ?? { align: rightHalf ? 'right' : 'left', width: 260, row: i % 2 };
      return {
        xAxis: mark.index,
        label: {
          show: place.width > 0,
          formatter: mark.label,
          position: 'end' as const,
          align: place.align,
          distance: [0, 4 + place.row * ANNOTATION_ROW],
          color: law ? '#553c9a' : '#2d3748',
          fontSize: 12,
          fontWeight: law ? ('bold' as const) : ('normal' as const),
          width: place.width,
          overflow: 'truncate' as const,
        },
        lineStyle: {
          type: law ? ('solid' as const) : ('dotted' as const),
          color: law ? '#6b46c1' : '#4a5568',
          width: 1.5,
        },
      };
    }),
  };
}

const UNIT_BOUNDS: Partial<Record<Unit, { min: number; max: number }>> = {
  share: { min: 0, max: 100 },
  score_1_5: { min: 1, max: 5 },
  nps: { min: -100, max: 100 },
};

/** Tick steps an axis may use: every bound is a multiple of one, so no odd label (4.8 beside 4.9) crowds an end. */
const NICE_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * The value axis of a trend: the data and the target, padded by a tenth of their spread (at least a few units,
 * so one dot is not a 40–140 % axis), on ticks of a nice step (about five of them) with both ends on a tick,
 * and never outside the unit's own range (0–100 %, 1–5).
 */
export function trendAxis(
  unit: Unit,
  values: readonly number[],
  target: number | null,
): { min: number; max: number; interval: number } {
  const bounds = UNIT_BOUNDS[unit] ?? { min: 0, max: Number.POSITIVE_INFINITY };
  const points = [...values, ...(target === null ? [] : [target])];
  if (points.length === 0) {
    const max = Number.isFinite(bounds.max) ? bounds.max : 1;
    return { min: bounds.min, max, interval: niceStep((max - bounds.min) / 5) };
  }
  const low = Math.min(...points);
  const high = Math.max(...points);
  const minPad = unit === 'share' ? 5 : unit === 'score_1_5' ? 0.2 : unit === 'nps' ? 5 : 1;
  const pad = Math.max((high - low) * 0.1, minPad);
  // Durations and counts start at zero unless that would squash the data.
  const zeroBased = !(unit in UNIT_BOUNDS) && low - pad < high * 0.5;
  const from = Math.max(bounds.min, zeroBased ? 0 : low - pad);
  const to = Math.min(bounds.max, high + pad);
  const step = niceStep((to - from) / 5);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const min = round(Math.max(bounds.min, Math.floor(round(from / step)) * step));
  const max = round(Math.min(bounds.max, Math.ceil(round(to / step)) * step));
  return { min, max, interval: step };
}

/** The smallest nice step at least `raw`. */
function niceStep(raw: number): number {
  return NICE_STEPS.find((s) => s >= raw - 1e-9) ?? NICE_STEPS[NICE_STEPS.length - 1]!;
}

/**
 * Where a comparison's group names wrap: a number, or a function read again at every relayout (the view's choice
 * for the window's width, which a phone's rotation changes).
 */
export type LabelWidth = number | (() => number);
const widthOf = (labelWidth: LabelWidth) => (typeof labelWidth === 'number' ? labelWidth : labelWidth());

/** Each group's name in lines and its band: the shared banded rows of name.bands.ts. */
export type ComparisonBands = NameBands;

/**
 * Each group's band as tall as its own wrapped name (a line of 15 px, 8 px between neighbours, at least 46 px for
 * the point and its whiskers), "(too few responses)" on a line of its own (see `nameBands`).
 */
export function comparisonBands(
  categories: readonly string[],
  labelWidth: number,
  measure: MeasureText = estimateText,
): ComparisonBands {
  return nameBands(categories, labelWidth, COMPARISON_SIZES, measure);
}

/**
 * A horizontal point-and-whisker chart: one row per group (the all-group row last, drawn as a square), the
 * 95% interval as whiskers with caps, a marker only where the difference is significant (▲ better, ▼ worse in the
 * metric's direction, ◆ different for neutral metrics), and nothing
 * but a "too few responses" label for suppressed groups.
 *
 * ECharts gives every category of a category axis the same band, so the groups sit on a value axis counted in
 * pixels from the top instead, each at the middle of its own band (`comparisonBands`), its name a custom label
 * there. The chart's height follows the bands, so `heightOf` gives it at every relayout: a phone's rotation
 * re-wraps the names at the view's new `labelWidth`.
 */
export function comparisonOption(
  chart: ComparisonChart,
  options: {
    unit: Unit;
    lang: Lang;
    targetLabel: string;
    tooFew: string;
    allIndex: number;
    betterLabel: string;
    worseLabel: string;
    differentLabel: string;
    /** Where group names wrap, chosen by the view for the screen (the band heights are counted from it). */
    labelWidth: LabelWidth;
    measure?: MeasureText;
    /** The reader's own group (an office head's office), marked so it is found at a glance: its row shaded and named. */
    own?: { index: number; label: string };
  },
): { option: ChartOption; height: number } {
  const categories = chart.categories
    .map((c, i) => (chart.suppressed.includes(i) ? `${c}\n(${options.tooFew})` : c))
    .map((c, i) => (i === options.own?.index ? `${c}\n(${options.own.label})` : c));
  const bandsAt = (measure: MeasureText) => comparisonBands(categories, widthOf(options.labelWidth), measure);
  const bands = bandsAt(options.measure ?? estimateText);
  // At its drawn width the value axis also gets the ticks that fit beside the names' column.
  const relayout: Relayout = (width, measure = options.measure ?? estimateText) => {
    const now = bandsAt(measure);
    const column = Math.max(0, ...now.lines.flat().map((line) => measure(line)));
    const plot = width - COMPARISON_GRID.left - COMPARISON_GRID.right - column - AXIS_LABEL_MARGIN;
    return comparisonLayout(chart, options, now, { plot, measure });
  };
  const option = withRelayout(
    comparisonLayout(chart, options, bands),
    relayout,
    (_width, measure = options.measure ?? estimateText) => comparisonHeight(bandsAt(measure), options.unit),
  );
  return { option, height: comparisonHeight(bands, options.unit) };
}

const comparisonHeight = (bands: ComparisonBands, unit: Unit) =>
  COMPARISON_FRAME + bands.total + (axisUnitName(unit, 'en') === null ? 0 : COMPARISON_AXIS_NAME);

/** The whole option of a comparison chart with its groups in `bands`, its value axis fitted to `drawn` when known. */
function comparisonLayout(
  chart: ComparisonChart,
  options: Parameters<typeof comparisonOption>[1],
  bands: ComparisonBands,
  drawn?: { plot: number; measure: MeasureText },
): ChartOption {
  // A group's place on the vertical axis: the middle of its band.
  const at = (index: number) => bands.centres[index] ?? 0;
  const bars = chart.errorBars.map((b) => [at(b.index), b.low, b.high]);
  const errorBars: CustomSeriesOption = {
    type: 'custom',
    name: 'ci',
    silent: true,
    z: 1,
    data: bars,
    encode: { x: [1, 2], y: 0 },
    renderItem: (_params, api) => {
      const place = api.value(0) as number;
      const low = api.coord([api.value(1), place]);
      const high = api.coord([api.value(2), place]);
      // Every band is at least 46 px, so the caps keep one size.
      const cap = 8;
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
              value: [v, at(i)],
              symbol: i === options.allIndex ? 'rect' : 'circle',
              symbolSize: i === options.allIndex ? 11 : 10,
              // The records with no office are no office: a hollow point, set apart from the offices' filled ones.
              itemStyle: chart.noOffice?.includes(i)
                ? { color: '#fff', borderColor: COLOURS.point, borderWidth: 2 }
                : { color: i === options.allIndex ? COLOURS.all : COLOURS.point },
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
  // Better points up, worse points down, a plain difference (neutral metrics) is a diamond.
  const marker = (indexes: number[], name: string, symbol: string, color: string): ScatterSeriesOption => ({
    type: 'scatter',
    name,
    z: 4,
    symbol,
    symbolSize: 15,
    itemStyle: { color, borderColor: '#fff', borderWidth: 1 },
    data: indexes.flatMap((i) => {
      const v = chart.values[i];
      return v === null || v === undefined ? [] : [[v, at(i)]];
    }),
  });
  const markers = [
    marker(chart.better, options.betterLabel, 'triangle', COLOURS.better),
    marker(chart.worse, options.worseLabel, 'path://M0,0 L10,0 L5,10 Z', COLOURS.worse),
    marker(chart.different, options.differentLabel, 'diamond', COLOURS.different),
  ];
  const extent = [
    ...chart.values.filter((v): v is number => v !== null),
    ...chart.errorBars.flatMap((b) => [b.low, b.high]),
    ...(chart.target === null ? [] : [chart.target]),
  ];
  const max = extent.length > 0 ? Math.max(...extent) : 1;
  const min = extent.length > 0 ? Math.min(...extent) : 0;
  const own = options.own?.index ?? -1;
  // The reader's own row: its whole band shaded behind its point and whiskers, the plot's full width (a custom
  // series: the chart registers no mark areas).
  const ownRow: CustomSeriesOption[] =
    own < 0
      ? []
      : [
          {
            type: 'custom',
            name: 'own',
            silent: true,
            z: 0,
            data: [[min, at(own)]],
            encode: { x: 0, y: 1 },
            renderItem: (params, api) => {
              const half = Math.max(COMPARISON_BAND, (bands.lines[own]?.length ?? 1) * COMPARISON_LINE + 8) / 2;
              const [, top = 0] = api.coord([min, at(own) - half]);
              const [, bottom = 0] = api.coord([min, at(own) + half]);
              const plot = params.coordSys as unknown as { x: number; width: number };
              return {
                type: 'rect',
                shape: { x: plot.x, y: top, width: plot.width, height: bottom - top },
                style: { fill: OWN_ROW, stroke: OWN_ROW_EDGE, lineWidth: 1 },
              };
            },
          },
        ];
  const axisText = (v: number) => formatAxisValue(options.unit, v, options.lang);
  // Ticks in (working) days carry no unit, so the axis is named under them: Offices' response times read "0 5 10".
  const unitName = axisUnitName(options.unit, options.lang);
  // Durations: ticks that land on the axis's end (no "30 min 35 min" crowding at the right). At the drawn width,
  // the first round end at or above the data that splits into steps that fit: on a phone 0–35 min in seven steps
  // of 5 kept only 10, 20 and 30 min, hiding the axis's "0 min"; 0 / 10 / 20 / 30 min fits.
  const durationAxis = (): { max: number; interval?: number } => {
    const fits = drawn && ((end: number) => stepThatFits(end, drawn.plot, (v) => drawn.measure(axisText(v))));
    for (const end of fits ? axisEnds(max) : []) {
      const interval = fits?.(end);
      if (interval !== undefined) return { max: end, interval };
    }
    const end = niceMax(max);
    const interval = tickStep(end);
    return interval === undefined ? { max: end } : { max: end, interval };
  };
  return {
    textStyle: FONT,
    animation: false,
    grid: {
      ...COMPARISON_GRID,
      top: 26,
      bottom: 8 + (unitName === null ? 0 : COMPARISON_AXIS_NAME),
      containLabel: true,
    },
    tooltip: { trigger: 'item', show: false },
    xAxis: {
      type: 'value',
      // Shares zoom to the populated part of 0–100 %, at both ends, so intervals stay readable; 1–5 scores keep
      // their own scale (never 0 or 5.5); durations start at zero.
      min: options.unit === 'share' ? shareAxisMin(min) : options.unit === 'score_1_5' ? 1 : 0,
      ...(options.unit === 'share'
        ? { max: shareAxisMax(max) }
        : options.unit === 'score_1_5'
          ? { max: 5 }
          : durationAxis()),
      // On a phone's narrow plot a label that would touch its neighbour is left out, not printed over it.
      axisLabel: { formatter: axisText, hideOverlap: true },
      ...(unitName === null
        ? {}
        : { name: unitName, nameLocation: 'middle' as const, nameGap: 26, nameTextStyle: { color: '#2d3748' } }),
      // At the bottom of the plot: on zero it followed the vertical axis's 0, the top of the inverted bands.
      axisLine: { onZero: false },
      splitLine: { lineStyle: { color: '#edf2f7' } },
    },
    yAxis: bandAxis(bands, COMPARISON_LINE),
    series: [...ownRow, errorBars, points, ...markers],
  };
}

/**
 * A comparison chart's name line height; the least band a group gets (its point, whiskers and marker); and the
 * height around the bands (the grid's top and bottom margins and the value axis's labels).
 */
const COMPARISON_LINE = 15;
const COMPARISON_BAND = 46;
const COMPARISON_FRAME = 56;
/** The room under the value axis's ticks for its name, where the ticks carry no unit. */
const COMPARISON_AXIS_NAME = 18;
const COMPARISON_SIZES: BandSizes = { line: COMPARISON_LINE, least: COMPARISON_BAND };
const COMPARISON_GRID = { left: 8, right: 32 };
/** The reader's own row in a comparison: a pale amber band with a darker edge, apart from every mark's colour. */
export const OWN_ROW = '#fdf3d8';
const OWN_ROW_EDGE = '#e5b94e';

/**
 * The upper end of a percent axis: 10 points above the highest bound, on a multiple of 10, never above 100. A
 * refusal share of about 5 % drew every group's point and interval in the first twentieth of a 0–100 % axis.
 */
export function shareAxisMax(highest: number): number {
  return Math.min(100, Math.ceil((highest + 10) / 10) * 10);
}

/** The lower end of a percent axis: 10 points below the lowest bound, on a multiple of 10, never below 0. */
export function shareAxisMin(lowest: number): number {
  return Math.max(0, Math.floor((lowest - 10) / 10) * 10);
}

/** Steps a duration axis may use, plain ones first (2.5 or 1.5 only when nothing plain divides the axis). */
const TICK_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0.5, 0.25, 2.5, 25, 250, 1.5, 15, 150];

/** A tick step that divides `max` into 3 to 7 equal parts, so the axis's end is a tick. */
export function tickStep(max: number): number | undefined {
  return TICK_STEPS.find((step) => {
    const parts = max / step;
    return Math.abs(parts - Math.round(parts)) < 1e-9 && parts >= 3 && parts <= 7;
  });
}

/** A round upper bound a little above the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const padded = value * 1.1;
  const magnitude = 10 ** Math.floor(Math.log10(padded));
  const step = magnitude / 2;
  return Math.ceil(padded / step) * step;
}

/** Vertical bars (counts per week) or horizontal bars (a breakdown), one colour; a null is a gap (no data yet). */
/** The least space between two value-axis labels, in px. */
export const VALUE_LABEL_GAP = 12;

export function barOption(
  categories: string[],
  values: (number | null)[],
  options: {
    horizontal?: boolean;
    colour?: string;
    name: string;
    partial?: readonly boolean[];
    /**
     * Under vertical bars, the periods' short names the axis draws ("ned. 49"), laid out at the drawn width
     * (`periodNamesLayout`); `categories` stay the tooltip's full names.
     */
    names?: readonly string[];
  },
): ChartOption {
  const categoryAxis = {
    type: 'category' as const,
    data: categories,
    axisTick: { show: false },
    // Under vertical bars the first and last labels (dates) are wider than their bar: centred, the first reached
    // left under the value axis's "0". Aligned inwards they start and end inside the plot; shown always (a
    // partial first or last week is named there), a neighbour that would overlap them gives way instead.
    ...(options.horizontal
      ? { inverse: true }
      : {
          axisLabel: {
            hideOverlap: true,
            // A partial week's "(nepilns)" is a second line under its date: ECharts' own line height for the
            // axis's 12 px text drew the two lines into each other, on screen and in print.
            lineHeight: CATEGORY_LINE,
            alignMinLabel: 'left' as const,
            alignMaxLabel: 'right' as const,
            showMinLabel: true,
            showMaxLabel: true,
          },
        }),
  };
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    // Along a narrow horizontal axis unit labels ("10 min", "12 min") met end to end: about three steps (0, 5, 10,
    // 15 min) leave each label room at a half-width card or a phone, and a clear gap (ECharts' textMargin is per
    // side) with hiding is the guarantee where even those would touch.
    // Vertical bars count (complaints per week): ECharts' own steps include 3 (0 / 3 / … / 18).
    ...(options.horizontal ? { splitNumber: 3 } : countTicks(values)),
    axisLabel: { hideOverlap: true, textMargin: [0, VALUE_LABEL_GAP / 2] },
    splitLine: { lineStyle: { color: '#edf2f7' } },
  };
  const option: ChartOption = {
    textStyle: FONT,
    animation: false,
    grid: { ...BAR_GRID, top: 16, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: [
      {
        type: 'bar',
        name: options.name,
        // A partial period is a pale bar with a dashed outline, so a short week is not read as a drop.
        data: values.map((value, i) =>
          options.partial?.[i]
            ? {
                value,
                itemStyle: {
                  opacity: 0.4,
                  borderType: 'dashed' as const,
                  borderColor: options.colour ?? COLOURS.offices[0],
                  borderWidth: 1.5,
                },
              }
            : value,
        ),
        barMaxWidth: 28,
        itemStyle: {
          color: options.colour ?? COLOURS.offices[0],
          borderRadius: options.horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0],
        },
        label: { show: Boolean(options.horizontal), position: 'right', color: '#4a5568' },
      },
    ],
  };
  return options.names && !options.horizontal
    ? withPeriodNames(option, options.names, options.partial ?? [], countTicks(values).max)
    : option;
}

/**
 * Vertical bars whose axis names every period that fits at the drawn width: ECharts' own interval named only every
 * second week on a desktop when each bar was named by its date ("23.11.2026"). The short names fit level; where
 * they would not, a desktop turns them and a phone thins them (`periodNamesLayout`), the last period always named.
 */
function withPeriodNames(option: ChartOption, names: readonly string[], partial: readonly boolean[], top: number) {
  // barOption's category axis under vertical bars.
  const axis = option.xAxis as { type: 'category'; data: string[]; axisTick: { show: boolean } };
  const named: ChartOption = {
    ...option,
    xAxis: {
      ...axis,
      axisLabel: { interval: 0, lineHeight: CATEGORY_LINE, formatter: (_: string, i: number) => names[i] ?? '' },
    },
  };
  return withRelayout(named, (width, measure = estimateText) => {
    // The value axis's widest label ("25") with its margins (barOption's textMargin) stands left of the plot.
    const plot = width - BAR_GRID.left - BAR_GRID.right - measure(String(top)) - VALUE_LABEL_GAP - AXIS_LABEL_MARGIN;
    const { rotate, shown } = periodNamesLayout(names, partial, plot, measure, {
      turn: width >= NARROW_CHART,
      lineHeight: CATEGORY_LINE,
    });
    return {
      xAxis: {
        axisLabel: {
          rotate,
          // Every period keeps its place and a name left out is empty: with an interval other than 0 ECharts
          // checks the end names against their neighbours by boxes wider than the text (a turned two-line name's
          // box by its longer line) and hid the week beside each partial end, which had room.
          interval: 0,
          formatter: (_: string, i: number) =>
            shown[i] === false ? '' : rotate === 0 ? (names[i] ?? '') : turnedName(names[i] ?? ''),
          hideOverlap: false,
          showMinLabel: true,
          showMaxLabel: true,
          // Level, each name is centred under its bar (the short names fit their bands); turned, it ends there.
          align: rotate === 0 ? 'center' : 'right',
          alignMinLabel: rotate === 0 ? 'center' : 'right',
          alignMaxLabel: rotate === 0 ? 'center' : 'right',
        },
      },
    };
  });
}

/** The line height of a wrapped category name beside horizontal bars, and the least band a bar gets. */
const CATEGORY_LINE = 14;
const BAR_SIZES: BandSizes = { line: CATEGORY_LINE, least: 34 };
/** A bar's thickness, whatever its band: ECharts' bar in the least band of a category axis. */
const BAR_THICKNESS = 24;
/**
 * The chart's height around the bands: the grid's top (16) and bottom (8) margins and the value axis's labels
 * (22, as the comparison's), so the plot is the bands' total and a px of the axis is a px on screen.
 */
const BAR_FRAME = 46;

/**
 * Horizontal bars (`option`, from barOption) each in a band as tall as its own category name wrapped at
 * `labelWidth`: every name is shown and broken only between words, a one-line name's bar keeps a 34 px band and a
 * three-line name's gets 50 px, as the Offices chart's groups do (`nameBands`). One band per bar at the height of
 * the longest name stretched a whole chart for one long Latvian refusal reason. Returns the option and the chart
 * height that gives the bands that room; both are counted again at every relayout (`heightOf`), so a phone's
 * rotation re-wraps the names at the view's new `labelWidth`.
 */
export function wrappedBars(
  option: ChartOption,
  categories: readonly string[],
  labelWidth: LabelWidth,
  measure: MeasureText = estimateText,
): { option: ChartOption; height: number } {
  const series = (Array.isArray(option.series) ? option.series : [option.series]).find(
    (one): one is BarSeriesOption => one?.type === 'bar',
  );
  // Each bar's length, colour and figure, as barOption (and a view's own label formatter) would draw it.
  const value = (d: unknown) => (typeof d === 'number' ? d : ((d as { value?: number | null })?.value ?? null));
  const formatter = series?.label?.formatter;
  const colour = (series?.itemStyle?.color as string | undefined) ?? COLOURS.offices[0] ?? '#2b6cb0';
  const bars = categories.map((name, i) => {
    const v = value(series?.data?.[i]);
    const text = v === null ? '' : typeof formatter === 'function' ? formatter({ value: v, name } as never) : String(v);
    return { value: v, colour, text };
  });
  const bandsAt = (measureAt: MeasureText) => nameBands(categories, widthOf(labelWidth), BAR_SIZES, measureAt);
  const banded = (bands: NameBands) => ({
    yAxis: bandAxis(bands, CATEGORY_LINE),
    series: [bandBarSeries(String(series?.name ?? ''), bands, bars, BAR_THICKNESS)],
  });
  const bands = bandsAt(measure);
  const xAxis = Array.isArray(option.xAxis) ? undefined : option.xAxis;
  const wrapped: ChartOption = {
    ...option,
    grid: { ...BAR_GRID, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    // At the bottom of the plot: on zero it followed the vertical axis's 0, the top of the inverted bands.
    xAxis: { ...xAxis, axisLine: { onZero: false } },
    ...banded(bands),
  };
  // The label column as the grid will hold it: the widest line drawn (a word wider than `labelWidth` widens it).
  const column = (now: NameBands, measureAt: MeasureText) =>
    Math.max(0, ...now.lines.flat().map((line) => measureAt(line)));
  const relayout: Relayout = (width, measureAt = measure) => {
    const now = bandsAt(measureAt);
    return {
      ...banded(now),
      xAxis: valueTicks(
        width - BAR_GRID.left - BAR_GRID.right - column(now, measureAt) - AXIS_LABEL_MARGIN,
        option,
        measureAt,
      ),
    };
  };
  return {
    option: withRelayout(wrapped, relayout, (_width, measureAt = measure) => BAR_FRAME + bandsAt(measureAt).total),
    height: BAR_FRAME + bands.total,
  };
}

/** barOption's grid margins, and ECharts' default gap between an axis and its labels. */
const BAR_GRID = { left: 8, right: 24 };
const AXIS_LABEL_MARGIN = 8;

/**
 * The value axis of horizontal bars: it ends at the first round number at or above the longest bar (`axisEnd`:
 * 26.8 min → 30), split into as many equal steps as fit `plot` px, each label (as the axis's own formatter writes
 * it, "20 min") with `VALUE_LABEL_GAP` of room. Left to ECharts (three steps) and its overlap hiding, a phone's
 * narrow plot kept one label of four ("10 min"); choosing the step first and the end from it ran a 26.8 min bar's
 * axis to 40 min on a phone (two steps of 20) where 0 / 15 / 30 fit. Whole steps for counts (the axis's
 * `minInterval`).
 */
export function valueTicks(
  plot: number,
  option: ChartOption,
  measure: MeasureText = estimateText,
): { min: number; max: number; interval: number } {
  const axis = (Array.isArray(option.xAxis) ? undefined : option.xAxis) as
    | { minInterval?: number; axisLabel?: { formatter?: string | ((value: number, index: number) => string) } }
    | undefined;
  const formatter = axis?.axisLabel?.formatter;
  const text = (v: number) => (typeof formatter === 'function' ? String(formatter(v, 0)) : String(v));
  const least = axis?.minInterval ?? 0;
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  const values = series.flatMap((one) =>
    ((one as { data?: unknown[] }).data ?? []).map((d) =>
      typeof d === 'number'
        ? d
        : typeof (d as { value?: unknown })?.value === 'number'
          ? (d as { value: number }).value
          : 0,
    ),
  );
  const high = Math.max(least || 1, ...values);
  // The first end above the bars that splits into two or more steps that fit; 25 splits only into fives, so a
  // phone's 24.5 min goes to 30 (0 / 15 / 30) rather than to 25 with no tick between its ends.
  const ends = axisEnds(high);
  for (const max of ends) {
    const interval = stepThatFits(max, plot, (v) => measure(text(v)), least);
    if (interval !== undefined) return { min: 0, max, interval };
  }
  const max = ends[0] ?? high;
  return { min: 0, max, interval: max };
}

/**
 * A count axis whose length does not limit its labels (vertical bars, short numbers beside horizontal ones): it
 * ends at the first round number at or above the largest count, in whole steps of 1, 2 or 5 × 10^n where one
 * divides it (17 → 0 / 5 / 10 / 15 / 20, where ECharts drew 0 / 3 / … / 18). `along`: an axis `plot` px long whose
 * labels take `label` px each along it (a short vertical count axis), in only as many steps as keep them apart.
 */
export function countTicks(
  values: readonly (number | null)[],
  along?: { plot: number; label: number },
): { min: number; max: number; interval: number } {
  const high = Math.max(1, ...values.filter((v): v is number => v !== null));
  const ends = axisEnds(high);
  for (const max of ends) {
    const interval = stepThatFits(max, along?.plot ?? Number.POSITIVE_INFINITY, () => along?.label ?? 0, 1);
    if (interval !== undefined) return { min: 0, max, interval };
  }
  const max = ends[0] ?? high;
  return { min: 0, max, interval: max };
}

/**
 * The round step that splits 0–`max` into the most parts (two to six) whose labels, `width(value)` px each, keep
 * `VALUE_LABEL_GAP` between them along `plot` px; a multiple of `least` when it is set (counts). None if none fits.
 * A step of 1, 2 or 5 times a power of ten comes first when one fits: 0 / 5 / 10 / 15 reads at a glance where
 * 0 / 3 / 6 / 9 / 12 / 15 (more steps, but of 3) made a reader count; 3 or 1.5 only where no plain step fits.
 */
function stepThatFits(max: number, plot: number, width: (value: number) => number, least = 0): number | undefined {
  for (const plain of [true, false]) {
    for (let steps = 6; steps >= 2; steps--) {
      const interval = Number((max / steps).toPrecision(12));
      if (!isRoundStep(interval, plain) || (least > 0 && !Number.isInteger(interval / least))) continue;
      const widest = Math.max(width(0), width(max), width(max - interval));
      if (plot / steps >= widest + VALUE_LABEL_GAP) return interval;
    }
  }
  return undefined;
}

/**
 * Ends an axis may take, times a power of ten: each splits into two or three round steps (1.5 = 3 × 0.5, 6 = 2 × 3,
 * 8 = 2 × 4), and no end is more than half as much again as the value just below it.
 */
const AXIS_ENDS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

/** The first few of `AXIS_ENDS` (times a power of ten) at or above `high`, smallest first: at most 1.5 × `high`. */
export function axisEnds(high: number): number[] {
  if (!(high > 0) || !Number.isFinite(high)) return [1];
  const magnitude = 10 ** Math.floor(Math.log10(high));
  const ends = [1, 10].flatMap((times) => AXIS_ENDS.map((e) => Number((e * times * magnitude).toPrecision(12))));
  const above = ends.filter((end) => end >= high - 1e-9);
  return above.filter((end, i) => i === 0 || end <= high * 1.5);
}

/**
 * A step of 1, 1.5, 2, 2.5, 3, 4 or 5 times a power of ten: ticks that read as round numbers (0, 15, 30);
 * `plain`, only 1, 2 or 5 times one.
 */
function isRoundStep(step: number, plain = false): boolean {
  const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(12));
  return (plain ? [1, 2, 5] : [1, 1.5, 2, 2.5, 3, 4, 5]).includes(mantissa);
}
