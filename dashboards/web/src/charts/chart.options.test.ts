import { describe, expect, it } from 'vitest';
import {
  barOption,
  COLOURS,
  countTicks,
  comparisonBands,
  comparisonOption,
  heightOf,
  legendRows,
  markRows,
  niceMax,
  placeMarks,
  type LegendSpacing,
  relayoutOf,
  tickStep,
  trendAxis,
  trendOption,
  VALUE_LABEL_GAP,
  valueTicks,
  wrappedBars,
  wrappedLines,
  wrapWords,
} from './chart.options.ts';
import type { ComparisonChart } from '../shapes/compare.shape.ts';

describe('trend chart options', () => {
  it('keeps an office its colour when an office before it has no line drawn', () => {
    const option = trendOption(['2026-11'], [{ name: 'Liepāja', values: [0.9], emphasis: false, slot: 1 }], {
      unit: 'share',
      lang: 'lv',
      target: null,
      targetLabel: 'Mērķis',
    });
    const line = (option.series as { name?: string; lineStyle?: { color?: string } }[]).find(
      (s) => s.name === 'Liepāja',
    );
    expect(line?.lineStyle?.color).toBe(COLOURS.offices[1]);
  });

  it('keeps a share axis inside 0–100 % even for one dot near the top', () => {
    const axis = trendAxis('share', [96], 85);
    expect(axis.min).toBeGreaterThanOrEqual(0);
    expect(axis.max).toBeLessThanOrEqual(100);
    expect(axis.min).toBeLessThanOrEqual(85);
    expect(axis.min % 5).toBe(0);
    expect(axis.max % 5).toBe(0);
  });

  it('puts both ends of a 1–5 axis on a tick, so no odd label (4.9 beside 4.8) crowds the top', () => {
    const axis = trendAxis('score_1_5', [4.23, 4.5, 4.66], 4.3);
    expect(axis.min).toBeLessThanOrEqual(4.23);
    expect(axis.max).toBeGreaterThanOrEqual(4.66);
    expect(axis.max).toBeLessThanOrEqual(5);
    for (const end of [axis.min, axis.max])
      expect(Math.abs(end / axis.interval - Math.round(end / axis.interval))).toBeLessThan(1e-6);
  });

  it('extends the axis to include a target far from the data', () => {
    const axis = trendAxis('minutes', [4, 5, 6], 30);
    expect(axis.max).toBeGreaterThanOrEqual(30);
    expect(axis.min).toBeLessThanOrEqual(4);
  });

  it('keeps the line solid through partial periods: hollow points, a hatched shade behind, labelled', () => {
    const option = trendOption(['Oct', 'Nov', 'Dec'], [{ name: 'All', values: [80, 81, 60], emphasis: true }], {
      unit: 'share',
      lang: 'en',
      target: 85,
      targetLabel: 'Target',
      partial: [true, false, true],
      partialLabel: 'partial',
    });
    const series = option.series as {
      type: string;
      name: string;
      data: (number | null | { value: number; symbol: string })[];
      lineStyle?: { type?: string };
    }[];
    expect(series.map((s) => `${s.type}:${s.name}`)).toEqual(['bar:partial', 'line:All', 'line:Target 85.0\u00a0%']);
    const [shade, line] = series;
    expect(shade?.data.map((d) => d !== null)).toEqual([true, false, true]);
    expect(line?.lineStyle?.type).toBeUndefined();
    expect(line?.data.map((d) => (typeof d === 'object' && d !== null ? `${d.value} ${d.symbol}` : d))).toEqual([
      '80 emptyCircle',
      81,
      '60 emptyCircle',
    ]);
    expect((option.xAxis as { data: string[] }).data[2]).toBe('Dec\n(partial)');
  });

  // Regression: an office's months with too few responses were bare gaps in its line, read as missing data.
  it('names a withheld period under its name, beside "partial" when it is both', () => {
    const option = trendOption(['Oct', 'Nov', 'Dec'], [{ name: 'Cēsis', values: [null, 81, null], emphasis: false }], {
      unit: 'share',
      lang: 'en',
      target: 85,
      targetLabel: 'Target',
      partial: [false, false, true],
      partialLabel: 'partial',
      periodNotes: ['too few responses', undefined, 'too few responses'],
    });
    expect((option.xAxis as { data: string[] }).data).toEqual([
      'Oct\n(too few responses)',
      'Nov',
      'Dec\n(partial, too few responses)',
    ]);
  });

  it('draws no shade when every period is whole', () => {
    const option = trendOption(['Oct', 'Nov'], [{ name: 'All', values: [80, 81], emphasis: true }], {
      unit: 'share',
      lang: 'en',
      target: null,
      targetLabel: 'Target',
      partial: [false, false],
    });
    expect((option.series as { type: string }[]).map((s) => s.type)).toEqual(['line']);
  });
});

describe('trend chart layout', () => {
  const lines = ['All offices', 'Cesis regional office', 'Daugavpils regional office', 'Liepaja regional office'].map(
    (name, i) => ({ name, values: [80 + i, 82 + i], emphasis: i === 0 }),
  );

  it('wraps the legend instead of paging it, and starts the plot below the legend at every width', () => {
    const option = trendOption(['Oct', 'Nov'], lines, {
      unit: 'share',
      lang: 'en',
      target: 85,
      targetLabel: 'Target ≥',
    });
    const legend = option.legend as { type: string; data: (string | { name: string })[] };
    expect(legend.type).toBe('plain');
    const names = legend.data.map((d) => (typeof d === 'string' ? d : d.name));
    expect(names).toEqual([...lines.map((l) => l.name), 'Target ≥ 85.0\u00a0%']);
    const relayout = relayoutOf(option);
    const narrow = relayout?.(300).grid as { top: number };
    const wide = relayout?.(1100).grid as { top: number };
    // Under 480 px the legend takes its narrow spacing (14 px icons, 8 px gaps), so its rows are counted with it.
    expect(narrow.top).toBeGreaterThanOrEqual(legendRows(names, 300, undefined, { itemWidth: 14, itemGap: 8 }) * 22);
    expect(narrow.top).toBeGreaterThan(wide.top);
    expect(legendRows(names, 300)).toBeGreaterThan(legendRows(names, 1100));
  });

  it("names the offices by their short names in a phone's legend, in two rows instead of five, and in full on a desktop", () => {
    const offices = [
      ['All offices', 'All offices'],
      ['Cēsis regional office', 'Cēsis'],
      ['Daugavpils regional office', 'Daugavpils'],
      ['Liepāja regional office', 'Liepāja'],
      ['Riga customer service centre, Vaļņu iela 30', 'Riga, Vaļņu 30'],
    ].map(([name, short], i) => ({ name: name!, short: short!, values: [80 + i, 82 + i], emphasis: i === 0 }));
    const option = trendOption(['Oct', 'Nov'], offices, {
      unit: 'share',
      lang: 'en',
      target: 85,
      targetLabel: 'Target',
      targetText: '85.0\u00a0%',
      band: { label: '95 % interval (All offices)', short: '95 % interval', low: [78, 80], high: [82, 84] },
    });
    const relayout = relayoutOf(option)!;
    // A 390 px phone leaves the chart 340 px.
    const phone = relayout(340);
    const shown = (phone.legend as { formatter: (name: string) => string }).formatter;
    expect(offices.map((o) => shown(o.name))).toEqual(offices.map((o) => o.short));
    expect(shown('95 % interval (All offices)')).toBe('95 % interval');
    expect(shown('Target 85.0\u00a0%')).toBe('Target 85.0\u00a0%');
    const full = [...offices.map((o) => o.name), '95 % interval (All offices)', 'Target 85.0\u00a0%'];
    expect(legendRows(full, 340)).toBeGreaterThanOrEqual(5);
    expect(legendRows(full.map(shown), 340, undefined, phone.legend as LegendSpacing)).toBe(2);
    expect((phone.grid as { top: number }).top).toBeLessThan(5 + 3 * 22 + 8);
    const desktop = (relayout(1100).legend as { formatter: (name: string) => string }).formatter;
    expect(full.map(desktop)).toEqual(full);
  });

  it('counts the legend rows a width needs, with the text measure it is given', () => {
    expect(legendRows(['a', 'b'], 1000)).toBe(1);
    // Two 100 px names need 2 × (18 + 5 + 100) + 10 = 256 px in a row, inside 5 px padding on each side.
    expect(legendRows(['x', 'y'], 266, () => 100)).toBe(1);
    expect(legendRows(['x', 'y'], 265, () => 100)).toBe(2);
    expect(legendRows(['Daugavpils regional office', 'Daugavpils regional office'], 250)).toBe(2);
    expect(legendRows([], 500)).toBe(0);
  });

  it('puts the target value in the right margin (not over the lines) and the target in the legend', () => {
    const option = trendOption(['Oct', 'Nov'], lines, {
      unit: 'share',
      lang: 'en',
      target: 85,
      targetLabel: 'Target ≥',
    });
    const target = (option.series as { name: string; markLine?: { label: { position: string; formatter: string } } }[])
      .filter((s) => s.name === 'Target ≥ 85.0\u00a0%')
      .at(0);
    expect(target?.markLine?.label.position).toBe('end');
    expect(target?.markLine?.label.formatter).toBe('85.0\u00a0%');
    const axis = option.yAxis as { min: number; max: number };
    expect(axis.min).toBeLessThanOrEqual(85);
  });

  it("writes the target's value the same on its line and in the legend, with room for it in the margin", () => {
    const option = trendOption(['Oct', 'Nov'], [{ name: 'All', values: [4.1, 4.2], emphasis: true }], {
      unit: 'score_1_5',
      lang: 'lv',
      target: 4.3,
      targetLabel: 'Mērķis',
      targetText: '4,30 / 5',
    });
    const series = option.series as { name: string; markLine?: { label: { formatter: string } } }[];
    const target = series.find((s) => s.markLine?.label.formatter !== undefined && s.name.startsWith('Mērķis'));
    expect(target?.name).toBe('Mērķis 4,30 / 5');
    expect(target?.markLine?.label.formatter).toBe('4,30 / 5');
    const legend = (option.legend as { data: (string | { name: string })[] }).data;
    expect(legend.map((d) => (typeof d === 'string' ? d : d.name))).toContain('Mērķis 4,30 / 5');
    // Eight characters at about 7 px each, and the gap to the plot.
    expect((option.grid as { right: number }).right).toBeGreaterThanOrEqual(8 * 7);
  });

  it('draws a 95 % band around the line as a stacked area that stays out of the tooltip and widens the axis', () => {
    const option = trendOption(['Oct', 'Nov', 'Dec'], [lines[0]!], {
      unit: 'share',
      lang: 'en',
      target: null,
      targetLabel: '',
      band: { label: '95 % interval', low: [70, null, 79], high: [90, null, 85] },
    });
    const series = option.series as {
      name: string;
      stack?: string;
      data: (number | null)[];
      areaStyle?: object;
      tooltip?: { show: boolean };
    }[];
    const band = series.filter((s) => s.stack === 'band');
    expect(band.map((s) => s.data)).toEqual([
      [70, null, 79],
      [20, null, 6],
    ]);
    expect(band[1]?.areaStyle).toBeDefined();
    expect(band.every((s) => s.tooltip?.show === false)).toBe(true);
    // Its legend entry is a block of the band's colour, not a dot.
    const entry = (option.legend as { data: (string | { name: string; icon?: string })[] }).data.find(
      (d) => typeof d === 'object' && d.name === '95 % interval',
    );
    expect(entry).toMatchObject({ icon: 'rect' });
    expect((option.yAxis as { min: number }).min).toBeLessThanOrEqual(70);
  });

  it('names annotations in horizontal text above the plot, anchored away from the nearer edge', () => {
    const option = trendOption(['Jan', 'Feb', 'Mar', 'Apr'], [lines[0]!], {
      unit: 'share',
      lang: 'en',
      target: null,
      targetLabel: '',
      annotations: [
        { index: 0, label: 'Closure', kind: 'closure' },
        { index: 3, label: 'Law on Submissions', kind: 'law' },
      ],
    });
    const first = (option.series as { markLine?: { data: { label: { position: string; align: string } }[] } }[])[0];
    const labels = first?.markLine?.data.map((d) => d.label);
    expect(labels?.map((l) => l.position)).toEqual(['end', 'end']);
    expect(labels?.map((l) => l.align)).toEqual(['left', 'right']);
  });

  // Regression: on a 12-month chart at half a 1440 px screen the law change's name was cut at a fixed 260 px
  // ("Iesniegumu likuma grozījumi: atbild…") where Līgo's line stands, with the chart's room to spare.
  it("gives an annotation's name the chart's room at its drawn width, in a row of its own where names would meet", () => {
    const months = [
      'janv.',
      'febr.',
      'marts',
      'apr.',
      'maijs',
      'jūn.',
      'jūl.',
      'aug.',
      'sept.',
      'okt.',
      'nov.',
      'dec.',
    ];
    const law = 'Iesniegumu likuma grozījumi: atbilde 10 darbdienās';
    const ligo = 'Līgo un Jāņi: nodaļas slēgtas';
    const option = trendOption(months, [{ name: 'Cēsis', values: months.map(() => 88), emphasis: true }], {
      unit: 'share',
      lang: 'lv',
      target: 85,
      targetLabel: 'Mērķis',
      annotations: [
        { index: 2, label: law, kind: 'law' },
        { index: 5, label: ligo, kind: 'closure' },
      ],
    });
    const canvas = (text: string) => Math.ceil(text.length * 6.2);
    type Marked = {
      id?: string;
      markLine?: { data: { label: { width: number; align: string; distance: number[] } }[] };
    };
    const at = (width: number) =>
      (relayoutOf(option)!(width, canvas).series as Marked[])
        .find((s) => s.id === 'annotated')!
        .markLine!.data.map((d) => d.label);
    const desktop = at(650);
    // Each name whole (room for the law's bold text to be a fifth wider than measured), the two in different rows.
    expect(desktop[0]!.width).toBeGreaterThanOrEqual(Math.ceil(canvas(law) * 1.2));
    expect(desktop[1]!.width).toBeGreaterThanOrEqual(canvas(ligo));
    expect(desktop.map((l) => l.align)).toEqual(['left', 'left']);
    expect(new Set(desktop.map((l) => l.distance[1])).size).toBe(2);
    // On a phone the law's name has less room than its length on either side: cut at the wider side's edge.
    const phone = at(360);
    const x = 48 + (2.5 * (360 - 48 - 56)) / 12;
    expect(phone[0]).toMatchObject({ align: 'left', width: Math.floor(360 - 4 - x) });
  });

  it('places names in one row where they do not meet, each box reaching to the next name or the edge', () => {
    const canvas = (text: string) => text.length * 6;
    const chart = { left: 48, plot: 600, width: 704 };
    const far = placeMarks(
      [
        { index: 0, label: 'A'.repeat(10), kind: 'closure' },
        { index: 9, label: 'B'.repeat(10), kind: 'closure' },
      ],
      12,
      chart,
      canvas,
    );
    // A's line at 73 px, B's at 523 px: A's box ends 12 px before B's name, B's 4 px before the edge.
    expect(far).toEqual([
      { align: 'left', row: 0, width: 523 - 12 - 73 },
      { align: 'left', row: 0, width: 704 - 4 - 523 },
    ]);
  });

  // Regression: in Cēsis's report the year starts in December, whose two closures took both rows, and the law
  // change's name in March was left no room and not drawn.
  it("places the law's change first, and a closure that meets it in every row goes to the row leaving it most room", () => {
    const canvas = (text: string) => text.length * 6;
    const chart = { left: 48, plot: 600, width: 704 };
    const places = placeMarks(
      [
        { index: 0, label: 'C'.repeat(30), kind: 'closure' },
        { index: 0, label: 'N'.repeat(40), kind: 'closure' },
        { index: 2, label: 'L'.repeat(40), kind: 'law' },
      ],
      12,
      chart,
      canvas,
    );
    // The law (at 173 px, 288 px bold) takes the first row whole; the closures (at 73 px) the next two rows.
    expect(places[2]).toMatchObject({ row: 0, width: 704 - 4 - 173 });
    expect(places.slice(0, 2).map((p) => p.row)).toEqual([1, 2]);
    expect(places.slice(0, 2).map((p) => p.width >= 180)).toEqual([true, true]);
    expect(markRows(places)).toBe(3);
    // A fourth name meeting one in each row goes where it is left the most room, cut before the name there.
    const crowded = placeMarks(
      [
        { index: 6, label: 'A'.repeat(10), kind: 'closure' },
        { index: 7, label: 'B'.repeat(10), kind: 'closure' },
        { index: 6, label: 'D'.repeat(10), kind: 'closure' },
        { index: 2, label: 'C'.repeat(60), kind: 'closure' },
      ],
      12,
      chart,
      canvas,
    );
    // A and D at 373 px, B at 423 px, C at 173 px: 188 px before A and D, 238 px before B; C takes B's row, cut.
    expect(crowded.map((p) => p.row)).toEqual([0, 1, 2, 1]);
    expect(crowded[3]).toMatchObject({ row: 1, width: 423 - 12 - 173 });
  });
});

describe('comparison axis ticks', () => {
  it('divides a duration axis so its end is a tick (35 min in steps of 5, not 30 then 35)', () => {
    expect(niceMax(31)).toBe(35);
    expect(tickStep(35)).toBe(5);
    expect(tickStep(15)).toBe(5);
    expect(tickStep(40)).toBe(10);
    for (const max of [1.5, 4.5, 7.5, 15, 35, 45, 60, 150]) {
      const step = tickStep(max);
      expect({ max, divides: step !== undefined && Number.isInteger(Math.round((max / step) * 1e9) / 1e9) }).toEqual({
        max,
        divides: true,
      });
    }
  });
});

describe('comparison share axis', () => {
  const chart = (values: number[], lows: number[], highs: number[], target: number | null): ComparisonChart => ({
    categories: values.map((_, i) => `g${i}`),
    values,
    errorBars: values.map((_, i) => ({ index: i, low: lows[i]!, high: highs[i]! })),
    target,
    significant: [],
    suppressed: [],
    better: [],
    worse: [],
    different: [],
  });
  const options = {
    unit: 'share' as const,
    lang: 'en' as const,
    targetLabel: 'Target',
    tooFew: 'too few',
    allIndex: 0,
    betterLabel: 'better',
    worseLabel: 'worse',
    differentLabel: 'different',
    labelWidth: 130,
  };
  const axis = ({ option }: ReturnType<typeof comparisonOption>) => option.xAxis as { min: number; max: number };

  // Regression: Equal service's refusal shares (4–6 %, intervals up to 22.7 %) sat squeezed on a 0–100 % axis.
  it('ends a low share axis 10 points above the highest interval instead of at 100 %', () => {
    const option = comparisonOption(chart([5.1, 4.8], [4.4, 0.8], [5.8, 22.7], null), options);
    expect(axis(option)).toMatchObject({ min: 0, max: 40 });
  });

  it('keeps a target and high shares on the axis, never past 100 %', () => {
    expect(axis(comparisonOption(chart([5], [4], [6], 80), options))).toMatchObject({ min: 0, max: 90 });
    expect(axis(comparisonOption(chart([96], [93], [99], 85), options))).toMatchObject({ min: 70, max: 100 });
  });
});

// Regression: an office head's report drew their office's row like every other, to be found by reading each name.
describe("comparison chart: the reader's own office", () => {
  const chart: ComparisonChart = {
    categories: ['Rīga', 'Cēsis', 'All offices'],
    values: [6, 3, 5],
    errorBars: [0, 1, 2].map((index) => ({ index, low: 2, high: 7 })),
    target: 10,
    significant: [],
    suppressed: [],
    better: [],
    worse: [],
    different: [],
  };
  const options = {
    unit: 'minutes' as const,
    lang: 'en' as const,
    targetLabel: 'Target',
    tooFew: 'too few',
    allIndex: 2,
    betterLabel: 'better',
    worseLabel: 'worse',
    differentLabel: 'different',
    labelWidth: 130,
  };
  const names = ({ option }: ReturnType<typeof comparisonOption>) => {
    const axis = option.yAxis as { axisLabel: { customValues: number[]; formatter: (v: number) => string } };
    return axis.axisLabel.customValues.map((v) => axis.axisLabel.formatter(v));
  };
  const shaded = ({ option }: ReturnType<typeof comparisonOption>) =>
    (option.series as { name: string; data: number[][] }[]).filter((s) => s.name === 'own');

  it('names its row "your office" and shades that row alone', () => {
    const marked = comparisonOption(chart, { ...options, own: { index: 1, label: 'your office' } });
    expect(names(marked)).toEqual(['Rīga', 'Cēsis\n(your office)', 'All offices']);
    const [row] = shaded(marked);
    expect(shaded(marked)).toHaveLength(1);
    // Placed at the middle of the second band, where Cēsis's point sits.
    const points = (marked.option.series as { name: string; data: { value: number[] }[] }[]).find(
      (s) => s.name === 'value',
    )!;
    expect(row!.data[0]![1]).toBe(points.data[1]!.value[1]);
  });

  it('marks no row when the report is the whole agency', () => {
    const plain = comparisonOption(chart, options);
    expect(names(plain)).toEqual(['Rīga', 'Cēsis', 'All offices']);
    expect(shaded(plain)).toEqual([]);
  });
});

describe('comparison axis unit', () => {
  const chart: ComparisonChart = {
    categories: ['Rīga', 'Cēsis'],
    values: [4, 6],
    errorBars: [
      { index: 0, low: 3, high: 5 },
      { index: 1, low: 5, high: 8 },
    ],
    target: null,
    significant: [],
    suppressed: [],
    better: [],
    worse: [],
    different: [],
  };
  const options = {
    lang: 'lv' as const,
    targetLabel: 'Mērķis',
    tooFew: 'par maz',
    allIndex: 0,
    betterLabel: 'labāk',
    worseLabel: 'sliktāk',
    differentLabel: 'atšķiras',
    labelWidth: 130,
  };
  const named = ({ option }: ReturnType<typeof comparisonOption>) => (option.xAxis as { name?: string }).name;

  // Regression: the Offices screen's response-time comparison read "0 2 4 6 8" along its axis, with no unit.
  it('names the value axis in working days where its ticks carry no unit, and gives the name room', () => {
    const days = comparisonOption(chart, { ...options, unit: 'working_days' });
    expect(named(days)).toBe('darba dienas');
    expect(named(comparisonOption(chart, { ...options, unit: 'working_days', lang: 'en' }))).toBe('working days');
    const minutes = comparisonOption(chart, { ...options, unit: 'minutes' });
    expect(named(minutes)).toBeUndefined();
    expect(days.height).toBeGreaterThan(minutes.height);
  });
});

describe('comparison chart names', () => {
  // About the browser tests' 12 px DejaVu Sans: "Daugavpils" is 70 px, wider than the estimate's 62.
  const measure = (text: string) => text.length * 7;
  const offices = [
    'Rīgas klientu apkalpošanas centrs, Vaļņu iela 30',
    'Cēsu reģionālā nodaļa',
    'Daugavpils reģionālā nodaļa',
    'Liepājas reģionālā nodaļa',
    'Visas nodaļas',
  ];
  const chart: ComparisonChart = {
    categories: offices,
    values: [6, 3, 4, null, 5],
    errorBars: [0, 1, 2, 4].map((index) => ({ index, low: 2, high: 8 })),
    target: 10,
    significant: [],
    suppressed: [3],
    better: [],
    worse: [],
    different: [],
  };
  const options = {
    unit: 'minutes' as const,
    lang: 'lv' as const,
    targetLabel: 'Mērķis',
    allIndex: 4,
    betterLabel: 'better',
    worseLabel: 'worse',
    differentLabel: 'different',
    measure,
  };
  // The chart's height around its bands: the grid's top and bottom margins and the value axis's labels.
  const frame = 56;

  /** Each band's top and bottom: it runs from where the one above ends to twice its centre's distance from there. */
  const bandEdges = (centres: readonly number[]) => {
    let top = 0;
    return centres.map((centre) => {
      const edges = [top, 2 * centre - top] as const;
      top = edges[1];
      return edges;
    });
  };

  // Regression: names wrapped by ECharts into a fixed 46 px band; on a phone "Liepājas reģionālā nodaļa (par maz
  // atbilžu)" took five lines and was drawn over "Daugavpils reģionālā nodaļa".
  it('gives every office name, "(too few responses)" included, room for its lines on a phone and a desktop', () => {
    for (const labelWidth of [96, 130]) {
      for (const tooFew of ['par maz atbilžu', 'too few responses']) {
        const { option, height } = comparisonOption(chart, { ...options, tooFew, labelWidth });
        const bands = comparisonBands(
          chart.categories.map((c, i) => (i === 3 ? `${c}\n(${tooFew})` : c)),
          labelWidth,
          measure,
        );
        expect(height).toBe(frame + bands.total);
        const axis = option.yAxis as {
          type: string;
          min: number;
          max: number;
          axisLabel: { customValues: number[]; formatter: (value: number) => string; lineHeight: number };
        };
        expect(axis).toMatchObject({ type: 'value', min: 0, max: bands.total });
        expect(axis.axisLabel.customValues).toEqual(bands.centres);
        const drawn = bands.centres.map((centre) => axis.axisLabel.formatter(centre).split('\n'));
        for (const [i, lines] of drawn.entries()) {
          // A name centred on its place reaches half its lines up and down: never out of its own band, so two
          // names never meet.
          const reach = (lines.length * axis.axisLabel.lineHeight) / 2;
          const [above, below] = bandEdges(bands.centres)[i]!;
          const context = { labelWidth, tooFew, name: offices[i], lines };
          expect({
            ...context,
            fits: bands.centres[i]! - reach >= above && bands.centres[i]! + reach <= below,
          }).toEqual({ ...context, fits: true });
          // Whole words on each line, and a line wider than the column only for a word that is.
          expect(lines.join(' ')).toBe(chart.categories[i]! + (i === 3 ? ` (${tooFew})` : ''));
          for (const line of lines) if (line.includes(' ')) expect(measure(line)).toBeLessThanOrEqual(labelWidth);
        }
        // The suffix starts a line of its own, under the office's name.
        const suppressed = drawn[3]!;
        expect(suppressed.slice(suppressed.findIndex((line) => line.startsWith('('))).join(' ')).toBe(`(${tooFew})`);
        // Every point sits at its group's place.
        const points = (option.series as { name?: string; data?: { value: number[] }[] }[]).find(
          (one) => one.name === 'value',
        )!;
        expect(points.data!.map((d) => d.value[1])).toEqual([0, 1, 2, 4].map((i) => bands.centres[i]));
      }
    }
  });

  // Regression: every band was as tall as the longest name, so one three-line office name on a phone ("Rīgas klientu
  // apkalpošanas centrs") stretched every band and left the chart mostly white space.
  it("makes each office's band only as tall as its own name", () => {
    const names = ['Rīgas klientu apkalpošanas centrs', 'Cēsis', 'Liepājas reģionālā nodaļa\n(par maz atbilžu)'];
    const bands = comparisonBands(names, 96, measure);
    expect(bands.lines.map((lines) => lines.length)).toEqual([3, 1, 5]);
    // Lines of 15 px and 8 px between neighbours; a short name keeps the least band (46 px), not Liepāja's 83.
    expect(bandEdges(bands.centres).map(([top, bottom]) => bottom - top)).toEqual([53, 46, 83]);
    expect(bands.total).toBe(53 + 46 + 83);
  });

  // Regression: on the real stack's phone page the 90th percentile's axis had seven steps of 5 min (0–30) in about
  // 190 px; hiding the labels that met kept 10, 20 and 30 min and dropped the axis's "0 min".
  it('gives a duration axis as many round steps as fit the drawn plot beside the names, on a phone and a desktop', () => {
    const waits: ComparisonChart = {
      ...chart,
      values: [21.9, 9.9, 15.7, 13.8, 18.6],
      errorBars: [0, 1, 2, 3, 4].map((index) => ({ index, low: 8.7, high: 23.1 })),
      suppressed: [],
      target: 30,
    };
    const { option } = comparisonOption(waits, { ...options, tooFew: 'too few', labelWidth: 96 });
    const at = (width: number) =>
      (relayoutOf(option)!(width, measure) as { xAxis: { max: number; interval: number } }).xAxis;
    expect(at(326)).toMatchObject({ max: 30, interval: 10 });
    expect(at(900)).toMatchObject({ max: 30, interval: 5 });
  });

  it('keeps the least band for short names', () => {
    const short = { ...chart, categories: ['Cēsis', 'Visas'], values: [3, 5], suppressed: [], errorBars: [] };
    expect(comparisonOption(short, { ...options, tooFew: 'too few', labelWidth: 130 }).height).toBe(frame + 2 * 46);
  });

  // Regression: the wrap width was read once, when the page loaded, so a rotated phone kept its portrait names.
  it("re-wraps the names and gives the new height at every relayout, reading the view's wrap width again", () => {
    let labelWidth = 96;
    const { option, height } = comparisonOption(chart, { ...options, tooFew: 'too few', labelWidth: () => labelWidth });
    labelWidth = 400;
    const wide = comparisonBands(
      chart.categories.map((c, i) => (i === 3 ? `${c}\n(too few)` : c)),
      400,
      measure,
    );
    expect(heightOf(option)!(700, measure)).toBe(frame + wide.total);
    expect(frame + wide.total).toBeLessThan(height);
    const relaid = relayoutOf(option)!(700, measure) as { yAxis: { axisLabel: { formatter: (v: number) => string } } };
    expect(relaid.yAxis.axisLabel.formatter(wide.centres[0]!)).toBe(offices[0]);
  });
});

describe('bar chart labels', () => {
  const axes = (option: ReturnType<typeof barOption>) => ({
    x: option.xAxis as { axisLabel?: Record<string, unknown> },
    y: option.yAxis as { axisLabel?: Record<string, unknown> },
  });

  it('keeps the first and last dates under vertical bars inside the plot, not under the value axis', () => {
    const { x } = axes(barOption(['05/10/2026', '12/10/2026', '19/10/2026'], [3, 5, 4], { name: 'Complaints' }));
    // Aligned inwards and always shown: a neighbour that would overlap gives way, never the first or last.
    expect(x.axisLabel).toMatchObject({
      alignMinLabel: 'left',
      alignMaxLabel: 'right',
      showMinLabel: true,
      showMaxLabel: true,
    });
  });

  // Regression: a partial week's "(nepilns)" line was drawn into its date above it (ECharts' default line height).
  it("puts a partial week's second label line a full line under its date", () => {
    const { x } = axes(
      barOption(['23.11.2026', '30.11.2026\n(nepilns)'], [10, 4], { name: 'Complaints', partial: [false, true] }),
    );
    // 12 px text: a line of 14 px leaves the lines 2 px apart.
    expect(x.axisLabel?.lineHeight).toBe(14);
  });

  it('never lets two value labels touch along a horizontal bar chart ("10 min12 min")', () => {
    const { x } = axes(barOption(['Appointment', 'Walk-in'], [10.4, 12.6], { horizontal: true, name: 'Wait' }));
    expect(x.axisLabel).toMatchObject({ hideOverlap: true, textMargin: [0, VALUE_LABEL_GAP / 2] });
    // Fewer steps than ECharts' five, so at a half-width card the labels fit without any being hidden.
    expect((x as { splitNumber?: number }).splitNumber).toBe(3);
    expect(VALUE_LABEL_GAP).toBeGreaterThanOrEqual(8);
  });
});

describe('value ticks of horizontal bars', () => {
  // Regression: on a 390 px phone the service-time chart's value axis kept one label of four ("10 min").
  it('gives a phone-wide plot at least three minute labels with room between them, ending above the longest bar', () => {
    const measure = (text: string) => text.length * 6.5;
    const names = ['Speciālā atļauja (licence) komercpārvadājumiem', 'Transportlīdzekļa reģistrācija', 'Cits'];
    const base = barOption(names, [24.5, 12, 7], { horizontal: true, name: 'min' });
    const minutes = {
      ...base,
      xAxis: { ...(base.xAxis as object), axisLabel: { formatter: (v: number) => `${v} min` } },
    };
    const bars = wrappedBars(minutes, names, 129, measure);
    const axis = relayoutOf(bars.option)!(326, measure) as { xAxis: { min: number; max: number; interval: number } };
    const { min, max, interval } = axis.xAxis;
    const labels = Array.from(
      { length: Math.round((max - min) / interval) + 1 },
      (_, i) => `${min + i * interval} min`,
    );
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(max).toBeGreaterThanOrEqual(24.5);
    // The plot: the chart less its margins (8 + 24), the widest name line and the labels' 8 px gap.
    const column = Math.max(...names.flatMap((n) => wrapWords(n, 129, measure)).map(measure));
    const step = (326 - 32 - column - 8) / (labels.length - 1);
    for (const label of labels) expect(measure(label) + VALUE_LABEL_GAP).toBeLessThanOrEqual(step);
  });

  // Regression: on the real stack's phone page the service times' axis ran to 40 min (0 / 20 / 40) for a longest
  // bar of 26.8 min: the step was chosen first (20, the round step for two) and the end from it.
  it('ends the axis at the round number just above the longest bar, 30 min for 26.8, on a phone and a desktop', () => {
    const measure = (text: string) => text.length * 6.5;
    const base = barOption(['a', 'b', 'c'], [26.8, 14.2, 9.1], { horizontal: true, name: 'min' });
    const minutes = {
      ...base,
      xAxis: { ...(base.xAxis as object), axisLabel: { formatter: (v: number) => `${v} min` } },
    };
    // "30 min" is 39 px, 51 with its gap: a 130 px plot has room for two steps, not three.
    expect(valueTicks(130, minutes, measure)).toEqual({ min: 0, max: 30, interval: 15 });
    expect(valueTicks(600, minutes, measure)).toEqual({ min: 0, max: 30, interval: 5 });
    // An end that splits only into fives (25) gives way to the next one when five steps do not fit.
    const just = { ...minutes, series: [{ type: 'bar' as const, data: [24.5] }] };
    expect(valueTicks(130, just, measure)).toEqual({ min: 0, max: 30, interval: 15 });
    expect(valueTicks(600, just, measure)).toEqual({ min: 0, max: 25, interval: 5 });
  });

  it('ends each count axis at most half as much again above its longest bar, with two whole steps or more', () => {
    for (const high of [1, 3, 7, 9.3, 12, 26.8, 31, 47, 55, 99, 110, 333]) {
      const option = barOption(['a'], [high], { horizontal: true, name: 'n' });
      const { max, interval } = valueTicks(300, option);
      expect({ high, ok: max >= high && max <= high * 1.5 }).toEqual({ high, ok: true });
      expect({ high, steps: high === 1 || max / interval >= 2, whole: Number.isInteger(interval) }).toEqual({
        high,
        steps: true,
        whole: true,
      });
    }
  });

  // Regression: complaint categories of 12 each read 0 / 3 / 6 / 9 / 12 / 15.
  it('steps a count axis by 1, 2 or 5 times a power of ten where such a step fits: 0 / 5 / 10 / 15 for 12', () => {
    const counts = barOption(['a', 'b'], [12, 12], { horizontal: true, name: 'n' });
    expect(valueTicks(300, counts)).toEqual({ min: 0, max: 15, interval: 5 });
    for (const high of [7, 12, 17, 21, 26.8, 38, 53, 140]) {
      const { interval } = valueTicks(300, barOption(['a'], [high], { horizontal: true, name: 'n' }));
      const mantissa = interval / 10 ** Math.floor(Math.log10(interval));
      expect({ high, plain: [1, 2, 5].includes(mantissa) }).toEqual({ high, plain: true });
    }
  });

  // Regression: complaints per week (17 at most) and open complaints by age read 0 / 3 / … / 18 (ECharts' steps).
  it('steps vertical count bars by 1, 2 or 5 × 10^n from 0 to a round end above the largest count', () => {
    const weekly = barOption(['a', 'b', 'c'], [17, 8, null], { name: 'n' });
    expect(weekly.yAxis).toMatchObject({ min: 0, max: 20, interval: 5 });
    expect(countTicks([12, 12])).toEqual({ min: 0, max: 15, interval: 5 });
    expect(countTicks([4, 3])).toEqual({ min: 0, max: 4, interval: 1 });
    expect(countTicks([55])).toEqual({ min: 0, max: 60, interval: 10 });
    expect(countTicks([null])).toEqual({ min: 0, max: 1, interval: 1 });
  });

  it('keeps whole steps for counts and takes more steps on a wide plot', () => {
    const counts = barOption(['a', 'b'], [3, 2], { horizontal: true, name: 'n' });
    expect(valueTicks(600, counts).interval).toBe(1);
    const wide = valueTicks(900, barOption(['a'], [48], { horizontal: true, name: 'n' }));
    expect(wide.max / wide.interval).toBeGreaterThanOrEqual(4);
  });
});

describe('wrappedBars', () => {
  // A character is 6 px, a space too: "aaaa bbbb" is 54 px.
  const measure = (text: string) => text.length * 6;

  it('counts the lines a name wraps onto, whole words first and a word wider than the line on a line of its own', () => {
    expect(wrappedLines('aaaa bbbb', 60, measure)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc', 60, measure)).toBe(2);
    expect(wrappedLines('a'.repeat(25), 60, measure)).toBe(1);
  });

  it('breaks names only between words, keeping a word wider than the column whole', () => {
    // At 6 px a character "komercpārvadājumiem" is 114 px, wider than a 96 px column: ECharts' own break cut it
    // into "komercpārvadājumie" and "m" on a 390 px phone.
    const names = ['Speciālā atļauja (licence) komercpārvadājumiem', 'Cits'];
    expect(wrapWords(names[0]!, 96, measure)).toEqual(['Speciālā atļauja', '(licence)', 'komercpārvadājumiem']);
    expect(wrapWords('aaaa bbbb cccc', 60, measure)).toEqual(['aaaa bbbb', 'cccc']);
    const option = barOption(names, [12, 3], { horizontal: true, name: 'min' });
    const bars = wrappedBars(option, names, 96, measure);
    const axis = bars.option.yAxis as {
      axisLabel: { customValues: number[]; formatter: (value: number) => string; overflow?: string };
    };
    const label = (i: number) => axis.axisLabel.formatter(axis.axisLabel.customValues[i]!);
    expect(axis.axisLabel.overflow).toBeUndefined();
    expect(label(0).split('\n')).toEqual(wrapWords(names[0]!, 96, measure));
    expect(label(1)).toBe('Cits');
    names.forEach((name, i) => expect(label(i).split(/[ \n]/)).toEqual(name.split(' ')));
    // A three-line name's band and a one-line name's, with the frame around them.
    expect(bars.height).toBe(46 + (3 * 14 + 8) + 34);
  });

  // Regression: every bar's band was as tall as the longest name, so one three-line refusal reason stretched the
  // whole chart; the bands are now counted per name, as the Offices chart's are.
  it("gives each bar a band as tall as its own name, a one-line name's bar 34 px and a three-line name's 50 px", () => {
    const names = ['Cits', 'Nav izpildītas iepriekšējās saistības', 'Nav'];
    const option = barOption(names, [3, 44, 1], { horizontal: true, name: 'n' });
    const bars = wrappedBars(option, names, 130, measure);
    expect(wrappedLines(names[1]!, 130, measure)).toBe(3);
    const axis = bars.option.yAxis as {
      type: string;
      inverse: boolean;
      max: number;
      axisLabel: { customValues: number[] };
    };
    expect(axis).toMatchObject({ type: 'value', inverse: true, max: 34 + 50 + 34 });
    // Each name at the middle of its own band: 17, then 34 + 25, then 84 + 17.
    expect(axis.axisLabel.customValues).toEqual([17, 59, 101]);
    expect(bars.height).toBe(46 + 118);
    // The bars sit at those middles, each figure written at its end.
    const series = (bars.option.series as { type: string; data: number[][] }[])[0]!;
    expect(series.type).toBe('custom');
    expect(series.data).toEqual([
      [17, 3, 0],
      [59, 44, 1],
      [101, 1, 2],
    ]);
    // The relayout re-wraps at the view's width and keeps the bands per name.
    const relaid = relayoutOf(bars.option)!(600, measure) as { yAxis: { axisLabel: { customValues: number[] } } };
    expect(relaid.yAxis.axisLabel.customValues).toEqual([17, 59, 101]);
  });
});
