import { describe, expect, it } from 'vitest';
import { answer, fig, reference } from '../test.fixtures.ts';
import { ageingOf } from './complaints.ageing.shape.ts';

const rows = answer([
  { open_age_band: '21+', open_complaints: fig(3, 3), open_overdue: fig(2, 3) },
  { open_age_band: '0-5', open_complaints: fig(4, 4), open_overdue: fig(0, 4) },
  { open_age_band: '41+', open_complaints: fig(1, 1), open_overdue: fig(1, 1) },
]);

describe('open complaints by age band', () => {
  it('orders the bands as the API lists them, with zeros for empty ones and unknown bands last', () => {
    expect(ageingOf(rows, reference.ageBands).map((b) => [b.band, b.open, b.inTime, b.overdue])).toEqual([
      ['0-5', 4, 4, 0],
      ['6-10', 0, 0, 0],
      ['11-20', 0, 0, 0],
      ['21+', 3, 1, 2],
      ['41+', 1, 0, 1],
    ]);
  });

  it('marks past the legal deadline exactly the bands the API marks, and no others', () => {
    const late = (bands: typeof reference.ageBands) =>
      ageingOf(rows, bands)
        .filter((b) => b.pastDeadline)
        .map((b) => b.band);
    expect(late(reference.ageBands)).toEqual(['11-20', '21+']);
    // A deadline moved to 5 working days: the page follows the API, it keeps no list of its own.
    expect(late(reference.ageBands.map((b) => ({ ...b, pastLegalDeadline: b.from > 5 })))).toEqual([
      '6-10',
      '11-20',
      '21+',
    ]);
    expect(late(reference.ageBands.map((b) => ({ ...b, pastLegalDeadline: false })))).toEqual([]);
  });
});
