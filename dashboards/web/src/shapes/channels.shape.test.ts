import { describe, expect, it } from 'vitest';
import type { ChannelsAnswer } from '../api.types.ts';
import { channelMix, digitalPoints } from './channels.shape.ts';

const share = (successes: number, n: number) => ({
  value: successes / n,
  successes,
  n,
  interval: { low: successes / n - 0.05, high: successes / n + 0.05 },
  suppressed: false,
});

const answer: ChannelsAnswer = {
  freshness: { newestEventAt: null, syncedAt: null, dataVersion: 3 },
  from: '2026-04-01',
  to: '2026-05-31',
  grain: 'month',
  contacts: {
    metrics: ['visits', 'complaints_received', 'feedback_received', 'e_service_cases_rated'],
    filters: {},
    skipped: [],
    rows: [
      { period: '2026-04-01', channel: 'in_person', metric: 'visits', n: 60 },
      { period: '2026-04-01', channel: 'in_person', metric: 'complaints_received', n: 2 },
      { period: '2026-04-01', channel: 'e_services_portal', metric: 'e_service_cases_rated', n: 30 },
      { period: '2026-04-01', channel: 'email', metric: 'complaints_received', n: 8 },
      { period: '2026-05-01', channel: 'in_person', metric: 'visits', n: 50 },
      { period: '2026-05-01', channel: 'pigeon', metric: 'feedback_received', n: 50 },
    ],
    minSample: 25,
  },
  digital: {
    metric: 'digital_share',
    filters: {},
    minSample: 30,
    unavailable: null,
    periods: [
      { period: '2026-04-01', ...share(30, 90) },
      { period: '2026-06-01', ...share(10, 40) },
    ],
    all: share(40, 130),
    trend: null,
  },
};

describe('channelMix', () => {
  // Regression: a month's last partial week, a Sunday's 4 contacts, read "100 % other channels" in the channel mix.
  it('withholds the split of a period with fewer contacts than the minimum sample, keeping its counts', () => {
    const few: ChannelsAnswer = {
      ...answer,
      contacts: {
        ...answer.contacts,
        rows: [
          ...answer.contacts.rows,
          { period: '2026-06-01', channel: 'post', metric: 'complaints_received', n: 4 },
          // Under the digital share's 30 but not under the contacts' own 25: split.
          { period: '2026-07-01', channel: 'email', metric: 'complaints_received', n: 27 },
        ],
      },
    };
    const mix = channelMix(few, ['in_person', 'e_services_portal', 'email', 'post']);
    expect(mix.totals).toEqual([100, 100, 4, 27]);
    expect(mix.suppressed).toEqual([false, false, true, false]);
    // The contacts' own minimum, not the digital share's (30).
    expect(mix.minSample).toBe(25);
    expect(mix.shares.map((row) => row[2])).toEqual([null, null, null, null, null]);
    expect(mix.counts[mix.channels.indexOf('post')]?.[2]).toBe(4);
  });

  it('sums each channel over its sources, orders channels as the reference does and shares out each period', () => {
    const mix = channelMix(answer, ['in_person', 'e_services_portal', 'latvija_lv', 'email', 'post']);
    expect(mix.periods).toEqual(['2026-04-01', '2026-05-01', '2026-06-01']);
    // Channels without contacts (latvija_lv, post) are left out; one the reference lacks comes last.
    expect(mix.channels).toEqual(['in_person', 'e_services_portal', 'email', 'pigeon']);
    expect(mix.counts).toEqual([
      [62, 50, 0],
      [30, 0, 0],
      [8, 0, 0],
      [0, 50, 0],
    ]);
    expect(mix.totals).toEqual([100, 100, 0]);
    expect(mix.shares.map((row) => row[0])).toEqual([0.62, 0.3, 0.08, 0]);
    expect(mix.shares.map((row) => row[2])).toEqual([null, null, null, null]);
    for (let p = 0; p < 2; p++) expect(mix.shares.reduce((s, row) => s + (row[p] ?? 0), 0)).toBeCloseTo(1, 12);
  });
});

describe('digitalPoints', () => {
  it('gives each period of the mix its share and interval, and an empty point where none was measured', () => {
    const points = digitalPoints(answer, ['2026-04-01', '2026-05-01']);
    expect(points[0]).toMatchObject({ value: 30 / 90, successes: 30, n: 90, suppressed: false });
    expect(points[0]?.low).toBeCloseTo(30 / 90 - 0.05, 12);
    expect(points[1]).toEqual({
      period: '2026-05-01',
      value: null,
      low: null,
      high: null,
      successes: 0,
      n: 0,
      suppressed: false,
    });
  });
});
