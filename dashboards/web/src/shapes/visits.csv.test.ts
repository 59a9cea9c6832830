import { describe, expect, it } from 'vitest';
import { fig } from '../test.fixtures.ts';
import { arrivalsCsv, hourGridCsv, waitBandsCsv } from './visits.csv.ts';
import type { HourGrid } from './visits.shape.ts';

const grid: HourGrid = {
  weekdays: [1, 2],
  hours: [9, 10],
  cells: [
    { weekday: 1, hour: 9, figure: fig(12.5, 40), open: true },
    { weekday: 1, hour: 10, figure: fig(null, 3, null, true), open: true },
    { weekday: 2, hour: 9, figure: fig(7, 21), open: true },
  ],
};
const names = (weekday: number) => ['P', 'O'][weekday - 1] ?? '';

describe("the Visits screen's heatmap and wait band CSVs", () => {
  it('the waits grid: a row per weekday and hour with the median in minutes and its n, empty where withheld', () => {
    const data = hourGridCsv('lv', grid, names, { name: 'Gaidīšanas mediāna', unit: 'minutes' });
    expect(data.columns).toEqual([
      'weekday',
      'Nedēļas diena',
      'hour',
      'Gaidīšanas mediāna (minutes)',
      'Gaidīšanas mediāna n',
    ]);
    expect(data.rows).toEqual([
      [1, 'P', 9, 12.5, 40],
      [1, 'P', 10, null, 3],
      [2, 'O', 9, 7, 21],
    ]);
  });

  it('the arrivals grid: the visits, the days of that weekday and their mean per day at full precision', () => {
    const data = arrivalsCsv(
      'en',
      grid,
      names,
      'Visits',
      new Map([
        [1, 3],
        [2, 4],
      ]),
    );
    expect(data.rows[0]).toEqual([1, 'P', 9, 12.5, 3, 12.5 / 3]);
    expect(data.rows[2]).toEqual([2, 'O', 9, 7, 4, 1.75]);
  });

  it('the wait bands: the band in minutes, the share in percent with its n, the answers counted', () => {
    const data = waitBandsCsv(
      'en',
      [
        { band: '0-5', figure: fig(0.9312, 120) },
        { band: '30+', figure: fig(null, 9, null, true) },
      ],
      [
        { band: '0-5', figure: fig(120, 120) },
        { band: '30+', figure: fig(9, 9) },
      ],
      { share: 'CSAT', answered: 'Answers' },
    );
    expect(data.columns).toEqual(['Wait (minutes)', 'CSAT (%)', 'CSAT n', 'Answers']);
    expect(data.rows).toEqual([
      ['0-5', 93.12, 120, 120],
      ['30+', null, 9, 9],
    ]);
  });
});
