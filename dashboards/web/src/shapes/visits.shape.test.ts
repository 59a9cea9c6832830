import { describe, expect, it } from 'vitest';
import type { TodayAnswer } from '../api.types.ts';
import { answer, fig, freshness, reference } from '../test.fixtures.ts';
import {
  bandFigures,
  compareToUsual,
  groupsOf,
  hourGrid,
  longestSatisfiedWait,
  movedSaturdays,
  openHours,
  todayRows,
} from './visits.shape.ts';

describe('visits shapes', () => {
  it('marks the hours that overlap the opening hours in force on the date (08:30–16:30 covers 8 to 16)', () => {
    const before = openHours(reference, 'cesis', '2026-05-31');
    expect([...(before.get(1) ?? [])]).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(before.has(2)).toBe(false);
    // The schedule effective from 1 June 2026 opens Tuesdays 09:00–13:00 only.
    const after = openHours(reference, 'cesis', '2026-06-15');
    expect(after.has(1)).toBe(false);
    expect([...(after.get(2) ?? [])]).toEqual([9, 10, 11, 12]);
  });

  it('opens the Saturday row for a moved working Saturday in the range, with the hours of the weekday it replaces', () => {
    // 17 January 2026 was worked in place of Friday 2 January; this office works Mondays only, so the
    // Saturday keeps no hours of its own here: a Monday-for-Saturday move would.
    expect(movedSaturdays(reference, '2026-01-01', '2026-01-31')).toEqual([
      { workedOn: '2026-01-17', dayOff: '2026-01-02', weekdayOff: 5 },
    ]);
    expect(movedSaturdays(reference, '2026-02-01', '2026-02-28')).toEqual([]);
    const withFriday = {
      ...reference,
      officeHours: [
        {
          office: 'daugavpils',
          schedules: [
            {
              effectiveFrom: '2020-01-01',
              weekly: { fri: [{ open: '08:30', close: '15:00' }], mon: [{ open: '08:30', close: '16:30' }] },
            },
          ],
        },
      ],
    };
    const january = openHours(withFriday, 'daugavpils', '2026-01-31', '2026-01-01');
    expect([...(january.get(6) ?? [])]).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(openHours(withFriday, 'daugavpils', '2026-02-28', '2026-02-01').has(6)).toBe(false);
    expect(openHours(withFriday, '', '2026-01-31', '2026-01-01').has(6)).toBe(true);
  });

  it('lays out every open hour and every hour with visits, leaving missing cells empty', () => {
    const open = openHours(reference, 'cesis', '2026-05-31');
    const grid = hourGrid(
      answer([
        { weekday: 1, hour: 7, visits: fig(3, 3) },
        { weekday: 1, hour: 9, visits: fig(40, 40) },
        { weekday: 6, hour: 10, visits: fig(1, 1) },
      ]),
      'visits',
      open,
    );
    expect(grid.weekdays).toEqual([1, 6]);
    expect(grid.hours).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const cell = (weekday: number, hour: number) => grid.cells.find((c) => c.weekday === weekday && c.hour === hour);
    expect(cell(1, 7)).toMatchObject({ open: false, figure: { value: 3 } });
    expect(cell(1, 9)).toMatchObject({ open: true, figure: { value: 40 } });
    expect(cell(1, 12)).toMatchObject({ open: true, figure: { value: null, n: 0 } });
    expect(cell(6, 10)?.open).toBe(false);
  });

  it('finds the longest wait whose satisfaction still meets the target, counting from the shortest', () => {
    const bands = (values: (number | null)[]) =>
      bandFigures(
        answer(['0-10', '10-20', '20-30', '30+'].map((b, i) => ({ wait_band: b, csat: fig(values[i] ?? null, 50) }))),
        'csat',
      );
    expect(longestSatisfiedWait(bands([0.93, 0.88, 0.8, 0.6]), 0.85)).toBe('10-20');
    expect(longestSatisfiedWait(bands([0.8, 0.9, 0.9, 0.9]), 0.85)).toBeNull();
    expect(longestSatisfiedWait(bands([0.9, 0.9, 0.9, 0.86]), 0.85)).toBe('30+');
    // A band too small to show is skipped, not read as meeting or missing the target.
    expect(longestSatisfiedWait(bands([0.9, null, 0.86, 0.7]), 0.85)).toBe('20-30');
  });

  it('keeps groups with any rows, with each metric’s figure', () => {
    const groups = groupsOf(
      answer([
        { arrival: 'appointment', visits: fig(10, 10), wait_p50: fig(null, 5, null, true) },
        { arrival: 'walk_in', visits: fig(0, 0), wait_p50: fig(null, 0) },
      ]),
      'arrival',
      ['visits', 'wait_p50'],
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: 'appointment', figures: { wait_p50: { suppressed: true, n: 5 } } });
  });

  it('says whether each of today’s figures is above, below or as the usual, and none without a usual', () => {
    const today: TodayAnswer = {
      freshness,
      office: 'cesis',
      date: '2026-03-09',
      asOf: '2026-03-09T09:00:00.000Z',
      timeOfDay: '11:00',
      hours: [{ open: '08:30', close: '16:30' }],
      today: { arrivals: 5, waitingNow: 1, waitP50: 12, waitN: 4 },
      usual: { arrivals: 4, waitingNow: 1, waitP50: null, waitN: null },
      usualDays: ['2026-03-02'],
    };
    expect(todayRows(today).map((r) => [r.key, r.comparison])).toEqual([
      ['arrivals', 'above'],
      ['waitingNow', 'same'],
      ['waitP50', 'none'],
    ]);
    // 70 against a usual of 69.5, or 42 against 40: as usual, not above.
    expect(compareToUsual(70, 69.5)).toBe('same');
    expect(compareToUsual(42, 40)).toBe('same');
    expect(compareToUsual(3, 4.9)).toBe('below');
  });
});
