/**
 * Guarantees of name detection beyond the corpus: places and offices are never names whatever surrounds them, and
 * every case form of every listed given name is found inside a sentence.
 */
import { describe, expect, it } from 'vitest';
import { findNames } from './detect.ts';
import { formsOf, latvianForms, russianForms } from './inflect.ts';
import { getLexicon } from './lexicon.ts';
import { PLACE_WORDS } from './not-names.data.ts';

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Contexts that make a capitalised word a name if anything does. */
const CONTEXTS = [
  (w: string) => `${w} bija rinda.`,
  (w: string) => `Vakar ${w} bija rinda.`,
  (w: string) => `Paldies Jānim ${w}.`,
  (w: string) => `Mani sauc ${w}.`,
  (w: string) => `${w} kundze palīdzēja.`,
  (w: string) => `Inspektore ${w} palīdzēja.`,
  (w: string) => `Меня зовут ${w}.`,
  (w: string) => `Dear ${w}, thanks.`,
  (w: string) => `J. ${w} palīdzēja.`,
];

describe('name detection', () => {
  it('never takes a place or office for a name, in any context', () => {
    const places = PLACE_WORDS.split(/\s+/).filter((w) => w.length > 1 && !w.includes("'"));
    expect(places.length).toBeGreaterThan(100);
    for (const place of places) {
      for (const context of CONTEXTS) {
        const text = context(capitalise(place));
        const start = text.indexOf(capitalise(place));
        const covering = findNames(text).filter((s) => s.start <= start && start < s.end);
        expect(covering, text).toEqual([]);
      }
    }
  });

  it('finds every case form of every listed given name inside a sentence', () => {
    const lex = getLexicon();
    expect(lex.given.size).toBeGreaterThan(3000);
    for (const form of lex.given.keys()) {
      if (lex.never.has(form)) continue;
      const text = `Vakar ${capitalise(form)} palīdzēja.`;
      expect(findNames(text), text).toEqual([{ start: 6, end: 6 + form.length }]);
    }
  });

  it('declines Latvian and Russian names', () => {
    expect(latvianForms('jānis')).toEqual(expect.arrayContaining(['jāņa', 'jānim', 'jāni']));
    expect(latvianForms('valdis')).toEqual(expect.arrayContaining(['valda', 'valdim']));
    expect(latvianForms('mārtiņš')).toEqual(expect.arrayContaining(['mārtiņa', 'mārtiņam', 'mārtiņu']));
    expect(latvianForms('anna')).toEqual(expect.arrayContaining(['annas', 'annai', 'annu']));
    expect(latvianForms('alise')).toEqual(expect.arrayContaining(['alises', 'alisei', 'alisi']));
    expect(russianForms('иван')).toEqual(expect.arrayContaining(['ивана', 'ивану', 'иваном', 'иване']));
    expect(russianForms('ольга')).toEqual(expect.arrayContaining(['ольги', 'ольге', 'ольгу', 'ольгой']));
    expect(russianForms('дмитрий')).toEqual(expect.arrayContaining(['дмитрия', 'дмитрию', 'дмитрием']));
    expect(formsOf('павел/павл')).toEqual(expect.arrayContaining(['павел', 'павла', 'павлу']));
  });

  it('leaves out the locative, whose forms are month names (martā, maijā)', () => {
    expect(latvianForms('marta')).not.toContain('martā');
    expect(findNames('Martā biju Rīgā, maijā Cēsīs.')).toEqual([]);
  });
});
