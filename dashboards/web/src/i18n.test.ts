import { describe, expect, it } from 'vitest';
import { t } from './i18n.ts';

describe('page strings', () => {
  // Regression: the Offices and Equal service intro ran on with "… periodā. iepriekšējais periods …".
  it("starts the comparison header's sentences with a capital letter in both languages", () => {
    for (const lang of ['lv', 'en'] as const) {
      const sentences = [
        t(lang, 'officesIntro'),
        t(lang, 'equalIntro'),
        t(lang, 'previousPeriod', { from: '03.08.2026', to: '03.10.2026' }),
        t(lang, 'significantMarker', { alpha: '0.05' }),
        t(lang, 'whiskers'),
      ];
      for (const sentence of sentences)
        expect({ lang, sentence, capital: /^\p{Lu}/u.test(sentence) }).toMatchObject({ capital: true });
    }
  });
});

describe('counted strings', () => {
  // Regression: one result row read "1 rows, 4 ms" ("1 rindas"), a complaint due tomorrow "due in 1 working days".
  it('writes a count of one in the singular, as each language counts', () => {
    expect(t('en', 'rows', { n: 1, ms: 4 })).toBe('1 row, 4 ms');
    expect(t('en', 'rows', { n: 5, ms: 4 })).toBe('5 rows, 4 ms');
    expect(t('lv', 'rows', { n: 21, ms: 4 })).toBe('21 rinda, 4 ms');
    expect(t('lv', 'rows', { n: 11, ms: 4 })).toBe('11 rindas, 4 ms');
    expect(t('en', 'dueIn', { n: 1 })).toBe('due in 1\u00a0working\u00a0day');
    expect(t('en', 'overdueBy', { n: 2 })).toBe('overdue by 2\u00a0working\u00a0days');
  });

  // Regression: the complaints due list abbreviated working days as "d. d." in Latvian ("nokavēta par 26 d. d.").
  it("writes the due list's working days in full Latvian words, declined and counted, never apart from the number", () => {
    const nb = (s: string) => s.replaceAll(' ', '\u00a0');
    expect(t('lv', 'overdueBy', { n: 1 })).toBe(`nokavēta par ${nb('1 darba dienu')}`);
    expect(t('lv', 'overdueBy', { n: 21 })).toBe(`nokavēta par ${nb('21 darba dienu')}`);
    expect(t('lv', 'overdueBy', { n: 11 })).toBe(`nokavēta par ${nb('11 darba dienām')}`);
    expect(t('lv', 'overdueBy', { n: 3 })).toBe(`nokavēta par ${nb('3 darba dienām')}`);
    expect(t('lv', 'dueIn', { n: 1 })).toBe(`termiņš pēc ${nb('1 darba dienas')}`);
    expect(t('lv', 'dueIn', { n: 4 })).toBe(`termiņš pēc ${nb('4 darba dienām')}`);
    expect(t('en', 'dueIn', { n: 1 })).toBe(`due in ${nb('1 working day')}`);
  });

  // Regression: the deadline list's Latvian heading read "1 nokavētas" for one overdue complaint.
  it("counts the deadline list's overdue complaints by their own number, not the window's", () => {
    const heading = (lang: 'lv' | 'en', overdue: number) =>
      t(lang, 'dueCounts', { overdue: t(lang, 'overdueCount', { n: overdue }), due: 3, n: 5 });
    expect(heading('lv', 1)).toBe('1 nokavēta, 3 ar termiņu 5 darba dienu laikā');
    expect(heading('lv', 21)).toBe('21 nokavēta, 3 ar termiņu 5 darba dienu laikā');
    expect(heading('lv', 2)).toBe('2 nokavētas, 3 ar termiņu 5 darba dienu laikā');
    expect(heading('lv', 11)).toBe('11 nokavētas, 3 ar termiņu 5 darba dienu laikā');
    expect(heading('en', 1)).toBe('1 overdue, 3 due within 5 working days');
  });
});
