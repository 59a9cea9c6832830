import { describe, expect, it } from 'vitest';
import { legendRows, trendAxis, trendOption } from './chart.options.ts';

describe('trend chart options', () => {
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

  it('draws partial periods as a dashed, hollow series under the same name, and labels them', () => {
    const option = trendOption(['Oct', 'Nov', 'Dec'], [{ name: 'All', values: [80, 81, 60], emphasis: true }], {
      unit: 'share',
      target: 85,
      targetLabel: 'Target',
      partial: [false, false, true],
      partialLabel: 'partial',
    });
    const series = option.series as {
      name: string;
      data: (number | null)[];
      symbol: string;
      lineStyle: { type?: string };
    }[];
    expect(series.map((s) => s.name)).toEqual(['All', 'All', 'Target']);
    expect(series[0]?.data).toEqual([80, 81, null]);
    expect(series[1]?.data).toEqual([null, 81, 60]);
    expect(series[1]?.symbol).toBe('emptyCircle');
    expect(series[1]?.lineStyle.type).toBe('dashed');
    expect((option.xAxis as { data: string[] }).data[2]).toBe('Dec\n(partial)');
  });
});

describe('trend chart layout', () => {
  const lines = ['All offices', 'Cesis regional office', 'Daugavpils regional office', 'Liepaja regional office'].map(
    (name, i) => ({ name, values: [80 + i, 82 + i], emphasis: i === 0 }),
  );

  it('wraps the legend instead of paging it, and starts the plot below the legend at every width', () => {
    const option = trendOption(['Oct', 'Nov'], lines, { unit: 'share', target: 85, targetLabel: 'Target ≥ 85 %' });
    const legend = option.legend as { type: string; data: (string | { name: string })[] };
    expect(legend.type).toBe('plain');
    const names = legend.data.map((d) => (typeof d === 'string' ? d : d.name));
    expect(names).toEqual([...lines.map((l) => l.name), 'Target ≥ 85 %']);
    const media = (option as { media: { query: { maxWidth: number }; option: { grid: { top: number } } }[] }).media;
    const narrowest = media.at(-1);
    expect(narrowest?.option.grid.top).toBeGreaterThanOrEqual(legendRows(names, 300) * 22);
    expect(legendRows(names, 300)).toBeGreaterThan(legendRows(names, 1100));
  });

  it('counts the legend rows a width needs', () => {
    expect(legendRows(['a', 'b'], 1000)).toBe(1);
    expect(legendRows(['Daugavpils regional office', 'Daugavpils regional office'], 250)).toBe(2);
    expect(legendRows([], 500)).toBe(0);
  });

  it('puts the target value in the right margin (not over the lines) and the target in the legend', () => {
    const option = trendOption(['Oct', 'Nov'], lines, { unit: 'share', target: 85, targetLabel: 'Target ≥ 85 %' });
    const target = (option.series as { name: string; markLine?: { label: { position: string; formatter: string } } }[])
      .filter((s) => s.name === 'Target ≥ 85 %')
      .at(0);
    expect(target?.markLine?.label.position).toBe('end');
    expect(target?.markLine?.label.formatter).toBe('85%');
    const axis = option.yAxis as { min: number; max: number };
    expect(axis.min).toBeLessThanOrEqual(85);
  });

  it('draws a 95 % band around the line as a stacked area that stays out of the tooltip and widens the axis', () => {
    const option = trendOption(['Oct', 'Nov', 'Dec'], [lines[0]!], {
      unit: 'share',
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
    expect((option.legend as { data: string[] }).data).toContain('95 % interval');
    expect((option.yAxis as { min: number }).min).toBeLessThanOrEqual(70);
  });

  it('names annotations in horizontal text above the plot, anchored away from the nearer edge', () => {
    const option = trendOption(['Jan', 'Feb', 'Mar', 'Apr'], [lines[0]!], {
      unit: 'share',
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
});
