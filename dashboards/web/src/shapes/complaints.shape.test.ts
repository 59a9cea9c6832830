import { describe, expect, it } from 'vitest';
import { backlogFromData, backlogLines, breakdown, mondaysBetween, weeklyCounts } from './complaints.shape.ts';
import { answer, fig, freshness } from '../test.fixtures.ts';

describe('complaints data', () => {
  it('lists the Mondays of every week the range touches', () => {
    expect(mondaysBetween('2026-03-04', '2026-03-23')).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
  });

  it('fills quiet weeks with zero received', () => {
    const weekly = answer([{ period: '2026-03-09', complaints_received: fig(5, 5) }], {
      from: '2026-03-02',
      to: '2026-03-22',
      grain: 'week',
    });
    expect(weeklyCounts(weekly, 'complaints_received')).toEqual([
      { week: '2026-03-02', count: 0 },
      { week: '2026-03-09', count: 5 },
      { week: '2026-03-16', count: 0 },
    ]);
  });

  // Regression: a year's range over four months of data drew 35 empty weeks before the data, the bars squeezed
  // into the last third, while the compliance trend beside it spans the data only.
  it('leaves out the weeks before the data starts (never zero), and keeps a quiet week inside the data as zero', () => {
    const weekly = {
      ...answer([{ period: '2026-03-16', complaints_received: fig(5, 5) }], {
        from: '2026-03-02',
        to: '2026-03-29',
        grain: 'week',
      }),
      freshness: { ...freshness, oldestEventAt: '2026-02-20T08:00:00.000Z', dataStart: { complaints: '2026-03-11' } },
    };
    expect(weeklyCounts(weekly, 'complaints_received')).toEqual([
      { week: '2026-03-09', count: 0 },
      { week: '2026-03-16', count: 5 },
      { week: '2026-03-23', count: 0 },
    ]);
  });

  it('sorts a breakdown by size with shares, keeping open complaints (no outcome) as their own slice', () => {
    const slices = breakdown(
      answer([
        { outcome: 'upheld', complaints_received: fig(2, 2) },
        { outcome: null, complaints_received: fig(6, 6) },
        { outcome: 'explained', complaints_received: fig(0, 0) },
      ]),
      'outcome',
      'complaints_received',
    );
    expect(slices).toEqual([
      { key: null, count: 6, share: 0.75 },
      { key: 'upheld', count: 2, share: 0.25 },
    ]);
  });
});

describe('the backlog over time', () => {
  it('draws months before the data starts as gaps, not as an empty backlog', () => {
    const point = (period: string, open: number) => ({
      period,
      asOf: period,
      open,
      overdue: 0,
      received: open,
      answered: 0,
    });
    const lines = backlogLines({
      freshness: { ...freshness, dataStart: { complaints: '2026-10-05' } },
      from: '2026-07-01',
      to: '2026-11-30',
      grain: 'month',
      filters: {},
      points: [point('2026-08-01', 0), point('2026-09-01', 0), point('2026-10-01', 12), point('2026-11-01', 20)],
    });
    expect(lines.open).toEqual([null, null, 12, 20]);
    expect(lines.received).toEqual([null, null, 12, 20]);
  });

  // Regression: a year's range over four months of data drew eight empty months before the backlog's data.
  it('starts the backlog at the first period the data reaches, as the trends do', () => {
    const point = (period: string, n: number) => ({
      period,
      asOf: period,
      open: n,
      overdue: 0,
      received: n,
      answered: 0,
    });
    const backlog = backlogFromData({
      freshness: { ...freshness, dataStart: { complaints: '2026-10-05' } },
      from: '2026-07-01',
      to: '2026-11-30',
      grain: 'month',
      filters: {},
      points: [point('2026-08-01', 0), point('2026-09-01', 0), point('2026-10-01', 12), point('2026-11-01', 20)],
    });
    expect(backlog.points.map((p) => p.period)).toEqual(['2026-10-01', '2026-11-01']);
  });
});
