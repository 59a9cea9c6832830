import { describe, expect, it } from 'vitest';
import type { DriversAnswer } from '../api.types.ts';
import { relayoutOf } from './chart.options.ts';
import { driverAxes, driverQuadrants, driversOption, twoLines } from './drivers.chart.ts';
import { labelBox, type Placement } from './label.place.ts';

function answer(drivers: { importance: number; low: number; high: number; performance: number }[]): DriversAnswer {
  const dimensions = ['competence', 'courtesy', 'speed', 'clarity', 'identifiable'] as const;
  return {
    freshness: { newestEventAt: null, syncedAt: null, dataVersion: 1 },
    from: '2026-01-01',
    to: '2026-06-30',
    minSample: 30,
    satisfaction: { mean: 4.1, n: 900 },
    drivers: drivers.map((d, i) => ({
      dimension: dimensions[i] ?? 'competence',
      label: { lv: `a${i}`, en: `a${i}` },
      n: 900,
      suppressed: false,
      performance: d.performance,
      performanceInterval: { lower: d.performance - 0.04, upper: d.performance + 0.04 },
      importance: d.importance,
      importanceInterval: { lower: d.low, upper: d.high },
      p: 0.001,
    })),
  };
}

const words = { x: 'x', y: 'y', quadrants: { fix: 'F', keep: 'K', watch: 'W', ok: 'O' } };

describe('drivers chart axes', () => {
  it('starts importance at 0 and ends on a round step when no interval goes below 0', () => {
    const q = driverQuadrants(
      answer([
        { importance: 0.55, low: 0.5, high: 0.6123, performance: 3.6 },
        { importance: 0.05, low: 0.01, high: 0.09, performance: 4.4 },
      ]),
      'en',
    );
    const { y } = driverAxes(q);
    expect(y.min).toBe(0);
    expect(y.max).toBe(0.8);
    expect(String(y.max)).not.toContain('000000');
  });

  it('goes below 0 only when an interval really does', () => {
    const q = driverQuadrants(answer([{ importance: 0.02, low: -0.07, high: 0.11, performance: 4 }]), 'en');
    expect(driverAxes(q).y.min).toBeLessThan(0);
    expect(driverAxes(q).y.min).toBeGreaterThanOrEqual(-0.1);
  });

  it('keeps performance on round, evenly spaced steps inside 1–5', () => {
    const q = driverQuadrants(
      answer([
        { importance: 0.4, low: 0.35, high: 0.45, performance: 3.52 },
        { importance: 0.3, low: 0.25, high: 0.35, performance: 4.93 },
      ]),
      'en',
    );
    const { x } = driverAxes(q);
    expect(x.max).toBeLessThanOrEqual(5);
    expect(x.min).toBeGreaterThanOrEqual(1);
    expect(((x.max - x.min) / x.interval) % 1).toBeCloseTo(0, 9);
    expect([0.1, 0.2, 0.25, 0.5, 1]).toContain(x.interval);
  });

  it('labels ticks through the given formatter and names each quadrant in its corner', () => {
    const q = driverQuadrants(
      answer([
        { importance: 0.5, low: 0.45, high: 0.55, performance: 3.6 },
        { importance: 0.2, low: 0.15, high: 0.25, performance: 4.4 },
      ]),
      'lv',
    );
    const option = driversOption(q, { ...words, formatTick: (v, d) => v.toFixed(d).replace('.', ',') });
    const yAxis = option.yAxis as { axisLabel: { formatter: (v: number) => string }; interval: number };
    expect(yAxis.axisLabel.formatter(0.30000000000000004)).toBe('0,3');
    const series = option.series as { data: { name: string }[] }[];
    expect(series.at(-1)?.data.map((d) => d.name)).toEqual(['F', 'K', 'W', 'O']);
  });

  it('wraps a vertical axis name longer than the plot is tall, inside the chart, with the margin to hold it', () => {
    const q = driverQuadrants(answer([{ importance: 0.5, low: 0.45, high: 0.55, performance: 3.6 }]), 'lv');
    const y = 'Svarīgums: saistība ar kopējo apmierinātību (r)';
    const relayout = relayoutOf(driversOption(q, { ...words, y, formatTick: (v, d) => v.toFixed(d) }))!;
    // 7 px a character: about 330 px of name against a 286 px plot (340 px chart).
    const measure = (t: string) => t.length * 7;
    const phone = relayout(340, measure, 340) as { grid: { left: number }; yAxis: { name: string; nameGap: number } };
    const lines = phone.yAxis.name.split('\n');
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe(y);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(340 - 12 - 42 - 32);
    // Two lines: one line's width (14 px) more margin than a one-line name gets.
    const short = relayoutOf(driversOption(q, { ...words, y: 'Importance (r)', formatTick: (v, d) => v.toFixed(d) }))!(
      340,
      measure,
      340,
    ) as { grid: { left: number }; yAxis: { name: string; nameGap: number } };
    expect(short.yAxis.name).toBe('Importance (r)');
    expect(phone.grid.left - short.grid.left).toBe(14);
    expect(phone.yAxis.nameGap).toBeGreaterThan(short.yAxis.nameGap);
  });

  // Regression: on a phone "Informācijas skaidrība" was moved away from its point and read as naming another.
  it("draws a line in its point's colour from each name moved away from its point on a phone back to that point", () => {
    const crowded = answer([
      { importance: 0.5, low: 0.46, high: 0.54, performance: 4.2 },
      { importance: 0.48, low: 0.44, high: 0.52, performance: 4.22 },
      { importance: 0.46, low: 0.42, high: 0.5, performance: 4.19 },
      { importance: 0.44, low: 0.4, high: 0.48, performance: 4.21 },
      { importance: 0.1, low: 0.06, high: 0.14, performance: 3.6 },
    ]);
    crowded.drivers.forEach((d) => (d.label = { lv: 'Informācijas skaidrība', en: 'Clarity of information' }));
    const q = driverQuadrants(crowded, 'lv');
    const phone = relayoutOf(driversOption(q, { ...words, formatTick: (v, d) => v.toFixed(d) }))!(
      340,
      (t) => t.length * 7,
      340,
    ) as { series: { id: string; data: number[][] }[] };
    const leaders = phone.series.find((s) => s.id === 'drivers-leaders')!.data;
    const { x, y } = driverAxes(q);
    // The plot inside the chart's margins (58 left, 16 right, 12 top, 42 bottom; the y name fits on one line).
    const plot = { width: 340 - 58 - 16, height: 340 - 12 - 42 };
    expect(leaders.length).toBeGreaterThan(0);
    for (const [, , x2, y2, index] of leaders) {
      const own = q.points[index!]!;
      // The line ends at the rim of its own point's symbol, 8 px from its centre.
      const px = Math.hypot(
        ((x2! - own.performance) / (x.max - x.min)) * plot.width,
        ((y2! - own.importance) / (y.max - y.min)) * plot.height,
      );
      expect(px).toBeCloseTo(8, 0);
    }
  });
});

describe('drivers chart names on a phone', () => {
  // Positions as the seeded demo data draws them; the aspects' Latvian names.
  const seeded = answer([
    { importance: 0.54, low: 0.51, high: 0.57, performance: 4.09 },
    { importance: 0.44, low: 0.41, high: 0.47, performance: 4.36 },
    { importance: 0.32, low: 0.29, high: 0.35, performance: 4.04 },
    { importance: 0.22, low: 0.18, high: 0.26, performance: 4.33 },
    { importance: 0.04, low: 0.0, high: 0.08, performance: 4.53 },
  ]);
  const labels = [
    'Ātrums',
    'Pieklājība',
    'Informācijas skaidrība',
    'Darbinieku kompetence',
    'Darbinieks identificējams',
  ];
  seeded.drivers.forEach((d, i) => (d.label = { lv: labels[i]!, en: labels[i]! }));
  seeded.satisfaction.mean = 4.27;
  const q = driverQuadrants(seeded, 'lv');
  const measure = (t: string) => t.length * 6.2;
  const drawn = (width: number) =>
    (
      relayoutOf(driversOption(q, { ...words, formatTick: (v, d) => v.toFixed(d) }))!(width, measure, 340) as {
        series: {
          id: string;
          data: { label: { position: Placement['position']; offset: number[]; formatter?: string } }[];
        }[];
      }
    ).series.find((s) => s.id === 'drivers-points')!.data;

  // Regression: at 390 px three of the five names crossed the dashed average line: on one line "Darbinieku
  // kompetence" was wider than the room either side of it.
  it('breaks a name wider than a third of the plot into two lines between words, and keeps every name clear of both average lines', () => {
    const points = drawn(340);
    expect(points.map((p) => p.label.formatter ?? null)).toEqual([
      null,
      null,
      'Informācijas\nskaidrība',
      'Darbinieku\nkompetence',
      'Darbinieks\nidentificējams',
    ]);
    const { x, y } = driverAxes(q);
    const plot = { width: 340 - 58 - 16, height: 340 - 12 - 42 };
    const px = (v: number) => ((v - x.min) / (x.max - x.min)) * plot.width;
    const py = (v: number) => (1 - (v - y.min) / (y.max - y.min)) * plot.height;
    const dividers = { x: px(q.performanceMid!), y: py(q.importanceMid!) };
    q.points.forEach((p, i) => {
      const lines = (points[i]!.label.formatter ?? p.label).split('\n');
      const box = labelBox(
        {
          x: px(p.performance),
          y: py(p.importance),
          width: Math.max(...lines.map(measure)) + 4,
          height: 16 + 14 * (lines.length - 1),
        },
        { position: points[i]!.label.position, dy: points[i]!.label.offset[1]!, leader: false },
      );
      const crosses =
        (box.left < dividers.x && box.right > dividers.x) || (box.top < dividers.y && box.bottom > dividers.y);
      expect({ name: p.label, crosses }).toEqual({ name: p.label, crosses: false });
    });
  });

  it('keeps every name on one line on a desktop', () => {
    expect(drawn(1100).every((p) => p.label.formatter === undefined)).toBe(true);
  });

  it('breaks a name where its two lines are most nearly equal', () => {
    expect(twoLines('Darbinieks identificējams', measure)).toEqual(['Darbinieks', 'identificējams']);
    expect(twoLines('Clarity of information', measure)).toEqual(['Clarity of', 'information']);
    expect(twoLines('Ātrums', measure)).toEqual(['Ātrums']);
  });
});
