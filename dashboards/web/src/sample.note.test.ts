import { describe, expect, it } from 'vitest';
import { earlierGap, nothingPlotted, sampleNote, samplePlace, sharedGap } from './sample.note.ts';

describe('the note over a chart with groups below the minimum sample', () => {
  it('says nothing when every group with data is plotted', () => {
    expect(
      sampleNote(
        'en',
        [
          { label: 'Riga', n: 40, suppressed: false },
          { label: 'Cēsis', n: 0, suppressed: true },
        ],
        10,
      ),
    ).toBeUndefined();
  });

  it('explains an empty chart with the sample, the minimum and the count that can still be read', () => {
    expect(sampleNote('en', [{ label: '', n: 3, suppressed: true, count: '3 of 3 answered in time' }], 10)).toBe(
      'Nothing plotted: too few cases to estimate (n = 3, minimum 10) — 3 of 3 answered in time.',
    );
    expect(
      sampleNote(
        'lv',
        [
          { label: 'okt. 2026', n: 4, suppressed: true, count: '4 no 4 atbildētas termiņā' },
          { label: 'nov. 2026', n: 7, suppressed: true },
        ],
        10,
      ),
    ).toBe(
      'Grafikā nav punktu: par maz gadījumu, lai novērtētu (vajag ≥ 10) — okt. 2026: n = 4, 4 no 4 atbildētas termiņā; nov. 2026: n = 7.',
    );
  });

  it('sums up many groups left out by the range of their sizes instead of listing each', () => {
    const year = Array.from({ length: 13 }, (_, i) => ({ label: `m${i}`, n: 8 + i, suppressed: true }));
    expect(sampleNote('en', year, 30)).toBe(
      'Nothing plotted: too few cases to estimate (minimum 30) — n = 8–20 in each of 13.',
    );
    expect(
      sampleNote(
        'lv',
        year.slice(0, 5).map((g) => ({ ...g, n: 9 })),
        30,
      ),
    ).toBe('Grafikā nav punktu: par maz gadījumu, lai novērtētu (vajag ≥ 30) — n = 9 katrā no 5.');
    // Four are still named, and counts that can be read are never summed away.
    expect(sampleNote('en', year.slice(0, 4), 30)).toContain('m0: n = 8; m1: n = 9; m2: n = 10; m3: n = 11');
    const counted = year.map((g) => ({ ...g, count: `${g.n} of ${g.n} answered in time` }));
    expect(sampleNote('en', counted, 30)).toContain('m12: n = 20, 20 of 20 answered in time');
  });

  it('names the groups left out of a chart that still has points', () => {
    expect(
      sampleNote(
        'en',
        [
          { label: 'Russian', n: 40, suppressed: false },
          { label: 'other', n: 3, suppressed: true },
        ],
        30,
      ),
    ).toBe('Not plotted, too few cases to estimate (minimum 30): other: n = 3.');
  });

  it('says when there is no data at all', () => {
    expect(sampleNote('en', [{ label: 'x', n: 0, suppressed: false }], 10)).toBe(
      'No data for these filters in the range.',
    );
  });
});

describe('why a change against an earlier period is not stated', () => {
  it('says an earlier period without any data has no data, not too few responses, in both languages', () => {
    const empty = { value: null, n: 0, suppressed: true };
    expect(earlierGap('en', empty)).toBe('no data for that period');
    expect(earlierGap('lv', empty)).toBe('par to periodu nav datu');
  });

  it('says an earlier period below the minimum sample had too few responses, with its n', () => {
    const thin = { value: null, n: 3, suppressed: true };
    expect(earlierGap('en', thin)).toBe('too few responses in that period (n = 3)');
    expect(earlierGap('lv', thin)).toBe('tajā periodā par maz atbilžu (n = 3)');
  });

  it('says nothing when the earlier figure can carry a change', () => {
    expect(earlierGap('en', { value: 0.8, n: 120, suppressed: false })).toBeNull();
  });
});

describe('a chart with nothing to plot', () => {
  it("is one whose every group with data is below the minimum, so its note takes the chart's place", () => {
    // An office head's complaints: 11 of 11 in time, but every month below the minimum sample.
    const months = [
      { label: 'okt.', n: 5, suppressed: true },
      { label: 'nov.', n: 6, suppressed: true },
      { label: 'dec.', n: 0, suppressed: false },
    ];
    expect(nothingPlotted(months)).toBe(true);
    expect(nothingPlotted([...months, { label: 'jan.', n: 40, suppressed: false }])).toBe(false);
    expect(nothingPlotted([])).toBe(true);
  });
});

describe('a reason shared by several changes not stated', () => {
  it('is said once when every change lacks its earlier period for the same reason', () => {
    const none = earlierGap('en', { value: null, n: 0, suppressed: false });
    expect(none).toBe('no data for that period');
    expect(sharedGap([none, none])).toBe(none);
    expect(sharedGap([none, none, none, none])).toBe(none);
  });

  it('is not merged when a change is stated, the reasons differ, or there is only one', () => {
    expect(sharedGap(['no data for that period', null])).toBeNull();
    expect(sharedGap(['no data for that period', 'too few responses in that period (n = 4)'])).toBeNull();
    expect(sharedGap(['no data for that period'])).toBeNull();
    expect(sharedGap([])).toBeNull();
  });
});

describe("where a chart's sample note goes", () => {
  const months = [
    { label: 'okt.', n: 5, suppressed: true },
    { label: 'nov.', n: 6, suppressed: true },
  ];

  it("takes the chart's place when every group with data is below the minimum, so no empty axis is drawn", () => {
    const place = samplePlace('en', months, 30);
    expect(place.note).toBeUndefined();
    expect(place.empty).toBe(sampleNote('en', months, 30));
    expect(place.empty).toContain('Nothing plotted');
  });

  it('stays over the chart while any group is plotted, and is absent when every group is', () => {
    const some = [...months, { label: 'dec.', n: 40, suppressed: false }];
    expect(samplePlace('en', some, 30)).toEqual({ note: sampleNote('en', some, 30), empty: undefined });
    expect(samplePlace('en', [{ label: 'dec.', n: 40, suppressed: false }], 30)).toEqual({
      note: undefined,
      empty: undefined,
    });
  });
});
