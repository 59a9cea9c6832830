import { describe, expect, it } from 'vitest';
import { relayoutOf, trendOption } from './chart.options.ts';
import { periodNamesLayout, periodNamesShown, turnedName, wrapNote, yearOnceNames } from './period.labels.ts';

/** 6 px a character, as the charts' estimate. */
const measure = (text: string) => text.length * 6;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec\n(nepilns)'];

describe('period names on a narrow axis', () => {
  it('shows every name when they all fit', () => {
    expect(periodNamesShown(months, [], 1200, measure).every(Boolean)).toBe(true);
  });

  // Regression: on a 390 px phone the trend dropped the last name, "(nepilns)", with ECharts' hideOverlap.
  it('keeps the last (partial) period named on a phone, dropping evenly spaced names before it', () => {
    const shown = periodNamesShown(months, [...months.map(() => false).slice(1), true], 250, measure);
    expect(shown.at(-1)).toBe(true);
    const kept = shown.flatMap((s, i) => (s ? [i] : []));
    // The whole months' 18 px names (and 10 px of room) over periods 20.8 px wide: every second name, back from
    // the last. "(nepilns)" (54 px) lies a line below the names, so Oct's name, two periods from Dec's, stays.
    expect(kept).toEqual([1, 3, 5, 7, 9, 11]);
  });

  // Regression: the office's mean satisfaction by month named every other month where its CSAT chart, 8 px wider,
  // named all twelve: the widest name ("maijs") set the spacing of all, though it had room beside its neighbours.
  it('names every period whose neighbours leave it room, whatever the widest name would need beside itself', () => {
    const names = ['maijs', 'jūn.', 'jūl.', 'maijs', 'jūn.', 'jūl.'];
    // 30 px beside 24 px names: 27 + 10 px of room needed in 38 px bands, where two "maijs" would need 40.
    expect(periodNamesShown(names, [], 6 * 38, measure).every(Boolean)).toBe(true);
    expect(periodNamesShown(['maijs', 'maijs', 'maijs'], [], 3 * 38, measure)).toEqual([true, false, true]);
  });

  it('keeps a partial first period named too, its neighbour giving way', () => {
    const names = ['Jul\n(nepilns)', ...months.slice(7, 11), 'Dec\n(nepilns)'];
    const shown = periodNamesShown(names, [true, false, false, false, false, true], 120, measure);
    // Every second name from the last: Aug sits too close to Jul's name and gives way; Oct, two periods from each
    // partial end, keeps its name, which meets neither "(nepilns)" (on the line below).
    expect(shown).toEqual([true, false, false, true, false, true]);
  });

  // Regression: a 12-month trend's last month read "dec." over "(nepilns, par maz atbilžu)", one line 150 px wide
  // across three 45 px months, and October's and November's names were left out for it.
  it("names the months beside a partial end whose note is wrapped under it, and only a note's lines' neighbours give way", () => {
    const canvas = (text: string) => text.length * 6.2;
    const note = wrapNote('(nepilns, par maz atbilžu)', 45, canvas);
    expect(note.split('\n')).toEqual(['(nepilns,', 'par maz', 'atbilžu)']);
    const year = ['janv.', 'febr.', 'marts', 'apr.', 'maijs', 'jūn.', 'jūl.', 'aug.', 'sept.', 'okt.', 'nov.'];
    const names = [...year, `dec.\n${note}`];
    const shown = periodNamesShown(names, [...year.map(() => false), true], 12 * 45, canvas);
    expect(shown.every(Boolean)).toBe(true);
    // A withheld November has a note of its own on the same lines as December's: it gives way, October stays.
    const withheld = [...year.slice(0, 10), `nov.\n${wrapNote('(par maz atbilžu)', 45, canvas)}`, `dec.\n${note}`];
    const crowded = periodNamesShown(withheld, [...year.map(() => false), true], 12 * 45, canvas);
    expect(crowded.slice(9)).toEqual([true, false, true]);
  });

  it('tells the trend chart, at its drawn width, to name the last partial period', () => {
    const option = trendOption(
      months.map((m) => m.split('\n')[0]!),
      [{ name: 'All', values: months.map(() => 80), emphasis: true }],
      {
        unit: 'share',
        lang: 'lv',
        target: null,
        targetLabel: 'Mērķis',
        partial: [...months.map(() => false).slice(1), true],
        partialLabel: 'nepilns',
      },
    );
    const phone = relayoutOf(option)!(350, measure) as {
      xAxis: { axisLabel: { interval: (index: number) => boolean; hideOverlap: boolean } };
    };
    const { interval, hideOverlap } = phone.xAxis.axisLabel;
    expect(hideOverlap).toBe(false);
    expect(interval(11)).toBe(true);
    expect(months.filter((_, i) => interval(i)).length).toBeLessThan(months.length);
  });
});

describe('a year of months on a phone', () => {
  const lv = [
    'dec.',
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
  const years = lv.map((_, i) => (i === 0 ? '2025' : '2026'));
  const partial = lv.map((_, i) => i === 0 || i === lv.length - 1);

  it('writes the year beneath the first name shown and where it changes, the partial line last', () => {
    const parts = lv.map((name, i) => ({ name, year: years[i]! }));
    const lines = partial.map((p) => (p ? '(nepilns)' : undefined));
    const shown = lv.map((_, i) => i % 3 === 0);
    const names = yearOnceNames(parts, lines, shown);
    expect(names[0]).toBe('dec.\n2025\n(nepilns)');
    expect(names[3]).toBe('marts\n2026');
    expect(names[6]).toBe('jūn.');
    expect(names[12]).toBe('dec.\n(nepilns)');
  });

  // Regression: at 390 px the full names ("marts 2026") left three of thirteen months named.
  it('names at least five of thirteen months at 350 px, none touching its neighbour, the year readable', () => {
    const option = trendOption(
      lv.map((m, i) => `${m} ${years[i]}`),
      [{ name: 'Visas nodaļas', values: lv.map(() => 85), emphasis: true }],
      {
        unit: 'share',
        lang: 'lv',
        target: 85,
        targetLabel: 'Mērķis',
        partial,
        partialLabel: 'nepilns',
        periodParts: lv.map((name, i) => ({ name, year: years[i]! })),
      },
    );
    const phone = relayoutOf(option)!(350, measure) as {
      grid: { left?: number; right?: number; bottom: number };
      xAxis: { axisLabel: { interval: (index: number) => boolean; formatter: (v: string, i: number) => string } };
    };
    const { interval, formatter } = phone.xAxis.axisLabel;
    const kept = lv.flatMap((_, i) => (interval(i) ? [i] : []));
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(formatter('', 12)).toContain('(nepilns)');
    const drawn = kept.map((i) => formatter('', i));
    expect(drawn.filter((name) => /\b2026\b/.test(name)).length).toBeGreaterThanOrEqual(1);
    expect(drawn[0]).toContain('2025');
    // Each line of a name fits beside the same line of its neighbours' at the drawn width (48 + 56 px of margins).
    const band = (350 - 48 - 56) / lv.length;
    for (let k = 1; k < kept.length; k++) {
      const room = (kept[k]! - kept[k - 1]!) * band;
      const [left, right] = [drawn[k - 1]!.split('\n'), drawn[k]!.split('\n')];
      left.forEach((line, row) => {
        const beside = right[row];
        if (beside !== undefined) expect(room).toBeGreaterThanOrEqual((measure(line) + measure(beside)) / 2);
      });
    }
    // Three lines under the partial first month ("dec.", "2025", "(nepilns)") get their room under the plot.
    expect(phone.grid.bottom).toBeGreaterThanOrEqual(16 + 3 * 14);
  });
});

describe('periodNamesLayout', () => {
  // 6 px a character: "ned. 49" is 42 px.
  const measure = (text: string) => text.length * 6;
  const weeks = Array.from({ length: 9 }, (_, i) => `ned. ${40 + i}`);
  const none = weeks.map(() => false);

  // Regression: a desktop's weekly complaints chart named every second week (ECharts' interval for dates).
  it('names every week level where the short names fit, as on a desktop card', () => {
    expect(periodNamesLayout(weeks, none, 590, measure, { turn: true, lineHeight: 14 })).toEqual({
      rotate: 0,
      shown: weeks.map(() => true),
    });
  });

  it('turns the names 45° on a desktop where level ones would collide, naming every week that fits so', () => {
    // 20 weeks: bands of 29.5 px leave turned names 20.9 px apart, room for a line of 14 px and a gap of 2.
    const year = Array.from({ length: 20 }, (_, i) => `ned. ${i + 1}`);
    const turned = periodNamesLayout(
      year,
      year.map(() => false),
      590,
      measure,
      { turn: true, lineHeight: 14 },
    );
    expect(turned).toEqual({ rotate: 45, shown: year.map(() => true) });
    // 52 weeks: a band of 11 px leaves turned names 8 px apart, so every second, the last among them.
    const long = Array.from({ length: 52 }, (_, i) => `ned. ${i + 1}`);
    const thinned = periodNamesLayout(
      long,
      long.map(() => false),
      590,
      measure,
      { turn: true, lineHeight: 14 },
    );
    expect(thinned.rotate).toBe(45);
    expect(thinned.shown.filter(Boolean).length).toBe(26);
    expect(thinned.shown.at(-1)).toBe(true);
  });

  // Regression: a turned partial first week's two lines were centred on its tick, which drew "ned. 32" up the
  // value axis over its "0". Its first line now sits on the tick as every name's does and "(nepilns)" lies below,
  // towards the next name: the week after a partial first one gives way, the week before a partial last one not.
  it("makes room on the side a turned partial end's second line lies, by leaving out that neighbour alone", () => {
    // 23 weeks at 560 px: turned names 17.2 px apart, room for one line but not for two.
    const names = Array.from({ length: 23 }, (_, i) =>
      i === 0 || i === 22 ? `ned. ${i + 1}\n(nepilns)` : `ned. ${i + 1}`,
    );
    const partial = names.map((_, i) => i === 0 || i === 22);
    const turned = periodNamesLayout(names, partial, 560, measure, { turn: true, lineHeight: 14 });
    expect(turned.rotate).toBe(45);
    expect(turned.shown).toEqual(names.map((_, i) => i !== 1));
  });

  it("puts a turned name's first line on its tick: a blank line above it for each line below it", () => {
    expect(turnedName('ned. 32\n(nepilns)')).toBe('\nned. 32\n(nepilns)');
    expect(turnedName('ned. 33')).toBe('ned. 33');
  });

  it('thins level names on a phone only where they would overlap, keeping the partial last week', () => {
    const partial = [...none.slice(0, -1), true];
    const names = weeks.map((w, i) => (partial[i] ? `${w}\n(nepilns)` : w));
    const phone = periodNamesLayout(names, partial, 290, measure, { turn: false, lineHeight: 14 });
    expect(phone.rotate).toBe(0);
    expect(phone.shown.at(-1)).toBe(true);
    expect(phone.shown.filter(Boolean).length).toBeLessThan(weeks.length);
    // Shown neighbours are far enough apart not to touch.
    const band = 290 / weeks.length;
    const at = phone.shown.flatMap((s, i) => (s ? [i] : []));
    for (let k = 1; k < at.length; k++) {
      const [a, b] = [at[k - 1]!, at[k]!];
      const half = (i: number) => Math.max(...names[i]!.split('\n').map(measure)) / 2;
      expect((b - a) * band).toBeGreaterThanOrEqual(half(a) + half(b));
    }
    // Where they fit, a phone names every week too.
    expect(
      periodNamesLayout(weeks.slice(0, 4), none.slice(0, 4), 290, measure, { turn: false, lineHeight: 14 }),
    ).toEqual({
      rotate: 0,
      shown: [true, true, true, true],
    });
  });
});
