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
