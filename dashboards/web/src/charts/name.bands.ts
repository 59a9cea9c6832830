/**
 * Rows of a horizontal chart, each in a band as tall as its own wrapped name, for every chart with names beside
 * its rows (the Offices comparisons, the service-time and category bars). ECharts gives every category of a
 * category axis the same band, so one three-line name stretched every row to its height, the chart mostly white
 * space; here the rows sit on a value axis counted in pixels from the top (`bandAxis`), each at the middle of its
 * own band, its name a custom label there. Pure: no DOM, no ECharts runtime.
 */
import type { CustomSeriesOption } from 'echarts/charts';

/** The width of a text in px (12 px sans-serif); the page passes the canvas's own measure. */
export type MeasureText = (text: string) => number;

/** An estimate for tests and before a canvas exists: 6.2 px a character (measured: 5.7 for the office names). */
export const estimateText: MeasureText = (text) => Math.ceil(text.length * 6.2);

/**
 * `text` broken into lines of at most `width` px, only between words: whole words while they fit, and a word wider
 * than the line kept whole on a line of its own. ECharts' own `overflow: 'break'` cuts such a word mid-way, and on
 * a phone Latvian service names read "komercpārvadājumie / m".
 */
export function wrapWords(text: string, width: number, measure: MeasureText = estimateText): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [text];
}

/** How many lines `wrapWords` puts `text` on at `width` px. */
export function wrappedLines(text: string, width: number, measure: MeasureText = estimateText): number {
  return wrapWords(text, width, measure).length;
}

/** Each row's name in lines, and its band along the axis (in px from the top), as tall as its own lines. */
export interface NameBands {
  lines: string[][];
  /** The middle of each row's band, where its mark sits and its name is centred. */
  centres: number[];
  /** The bands' total height. */
  total: number;
}

/** A name's line height, and the least band a row gets (room for its mark: a point and whiskers, a bar). */
export interface BandSizes {
  line: number;
  least: number;
}

/**
 * Each row's band: its wrapped name's lines and 8 px between neighbours, at least `least`. A name is broken between
 * words at `labelWidth`, and a line break already in it ("(too few responses)") starts a line of its own, so a band
 * counts the lines drawn.
 */
export function nameBands(
  categories: readonly string[],
  labelWidth: number,
  sizes: BandSizes,
  measure: MeasureText = estimateText,
): NameBands {
  const lines = categories.map((name) => name.split('\n').flatMap((part) => wrapWords(part, labelWidth, measure)));
  const centres: number[] = [];
  let total = 0;
  for (const nameLines of lines) {
    const band = Math.max(sizes.least, nameLines.length * sizes.line + 8);
    centres.push(total + band / 2);
    total += band;
  }
  return { lines, centres, total: Math.max(total, sizes.least) };
}

/**
 * The vertical axis of banded rows: pixels from the top, one per px of the bands (the chart's height gives the plot
 * exactly `bands.total`), with the axis line a category axis would draw and no grid lines. Every name is shown,
 * centred on its band (custom labels are never hidden for overlap), in the lines `nameBands` broke it into.
 */
export function bandAxis(bands: NameBands, line: number) {
  const names = new Map(bands.centres.map((centre, i) => [centre, (bands.lines[i] ?? []).join('\n')]));
  return {
    type: 'value' as const,
    inverse: true,
    min: 0,
    max: bands.total,
    axisLine: { show: true },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: {
      customValues: bands.centres,
      color: '#2d3748',
      fontSize: 12,
      lineHeight: line,
      formatter: (value: number) => names.get(value) ?? '',
    },
  };
}

/** What a banded bar shows: its length, its colour and the figure written at its end. */
export interface BandBar {
  value: number | null;
  colour: string;
  text: string;
}

/**
 * Horizontal bars, one at the middle of each band, all of one thickness (`thickness`, ECharts' bar of a 34 px band),
 * their figures after their ends as barOption writes them. A custom series: ECharts lays bars out in equal bands
 * of a category axis only.
 */
export function bandBarSeries(name: string, bands: NameBands, bars: readonly BandBar[], thickness: number) {
  return {
    type: 'custom',
    name,
    data: bars.flatMap((bar, i) => (bar.value === null ? [] : [[bands.centres[i] ?? 0, bar.value, i]])),
    encode: { x: 1, y: 0, tooltip: 1 },
    tooltip: {
      formatter: (p: { data?: unknown }) => {
        const index = (p.data as number[] | undefined)?.[2] ?? 0;
        return `${(bands.lines[index] ?? []).join(' ')}<br>${name}: ${bars[index]?.text ?? ''}`;
      },
    },
    renderItem: (_params, api) => {
      const index = api.value(2) as number;
      const [x0 = 0, y = 0] = api.coord([0, api.value(0)]);
      const [x1 = 0] = api.coord([api.value(1), api.value(0)]);
      const bar = bars[index];
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: { x: x0, y: y - thickness / 2, width: Math.max(0, x1 - x0), height: thickness, r: [0, 3, 3, 0] },
            style: { fill: bar?.colour ?? '#2b6cb0' },
          },
          {
            type: 'text',
            style: {
              text: bar?.text ?? '',
              x: x1 + 5,
              y,
              align: 'left',
              verticalAlign: 'middle',
              fill: '#4a5568',
              font: '12px Inter, "Segoe UI", system-ui, sans-serif',
            },
          },
        ],
      };
    },
  } satisfies CustomSeriesOption;
}
