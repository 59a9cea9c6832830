import { describe, expect, it } from 'vitest';
import { answer, fig } from '../test.fixtures.ts';
import { drawnSeries, trendOf } from './trend.shape.ts';

describe('trend series from /v1/query answers', () => {
  const all = answer([
    { period: '2026-04-01', csat: fig(0.82, 120) },
    { period: '2026-03-01', csat: fig(0.8, 100) },
  ]);
  const byOffice = answer([
    { period: '2026-03-01', office: 'riga-valnu-30', csat: fig(0.79, 80) },
    { period: '2026-04-01', office: 'riga-valnu-30', csat: fig(0.83, 90) },
    { period: '2026-03-01', office: 'liepaja', csat: fig(null, 12, 0.85, true) },
  ]);

  it('aligns the all-office line and one line per office on sorted periods', () => {
    const trend = trendOf('csat', all, byOffice);
    expect(trend.periods).toEqual(['2026-03-01', '2026-04-01']);
    expect(trend.series.map((s) => s.key)).toEqual(['all', 'liepaja', 'riga-valnu-30']);
    expect(trend.series[0]?.points.map((p) => p.value)).toEqual([0.8, 0.82]);
    expect(trend.series[2]?.points.map((p) => p.value)).toEqual([0.79, 0.83]);
  });

  it('leaves a suppressed period as a gap that keeps its sample size, and a missing one as an empty gap', () => {
    const liepaja = trendOf('csat', all, byOffice).series[1];
    expect(liepaja?.points).toEqual([
      { value: null, n: 12, suppressed: true, interval: null },
      { value: null, n: 0, suppressed: false, interval: null },
    ]);
  });

  it("keeps each period's 95 % interval for the band, and none for a suppressed period", () => {
    const withBand = answer([
      { period: '2026-03-01', csat: { ...fig(0.8, 100), interval: { low: 0.71, high: 0.87 } } },
      { period: '2026-04-01', csat: fig(null, 12, 0.85, true) },
    ]);
    const points = trendOf('csat', withBand, null).series[0]?.points;
    expect(points?.map((p) => p.interval)).toEqual([{ low: 0.71, high: 0.87 }, null]);
  });

  it('draws only the offices when there is no all-office answer (an office token)', () => {
    const trend = trendOf('csat', null, byOffice);
    expect(trend.series.map((s) => s.key)).toEqual(['liepaja', 'riga-valnu-30']);
  });
});

describe('drawn trend lines', () => {
  // Regression: Cēsis' monthly report listed "Cēsu reģionālā nodaļa" in the CSAT trend's legend, but every week of
  // the office was below the minimum sample, so only the all-offices line was drawn.
  it('leaves out of the chart an office whose every period is suppressed, keeping its sample sizes for the note', () => {
    const all = answer([
      { period: '2026-11-02', csat: fig(0.9, 140) },
      { period: '2026-11-09', csat: fig(0.88, 150) },
    ]);
    const byOffice = answer([
      { period: '2026-11-02', office: 'cesis', csat: fig(null, 9, 0.9, true) },
      { period: '2026-11-09', office: 'cesis', csat: fig(null, 14, 0.95, true) },
      { period: '2026-11-02', office: 'riga-valnu-30', csat: fig(0.91, 60) },
      { period: '2026-11-09', office: 'riga-valnu-30', csat: fig(null, 20, 0.9, true) },
    ]);
    const { drawn, undrawn } = drawnSeries(trendOf('csat', all, byOffice));
    expect(drawn.map((s) => s.key)).toEqual(['all', 'riga-valnu-30']);
    expect(undrawn).toEqual([{ key: 'cesis', low: 9, high: 14 }]);
  });
});
