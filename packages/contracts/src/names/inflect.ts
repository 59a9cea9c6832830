/**
 * Case forms of Latvian and Russian names, generated from the nominative so that "Jānis" also finds "Jāņa",
 * "Jānim", "Jāni" and "Иван" finds "Ивана", "Ивану", "Иваном". The locative is left out on purpose: names are
 * almost never in it, and its forms are month names ("martā", "maijā"). Everything is lower case.
 */

/** The consonant alternation of the Latvian 2nd declension genitive (Jānis → Jāņa, Kārlis → Kārļa). */
const LV_ALTERNATION: readonly [string, string][] = [
  ['sn', 'šņ'],
  ['zn', 'žņ'],
  ['ln', 'ļņ'],
  ['ll', 'ļļ'],
  ['n', 'ņ'],
  ['l', 'ļ'],
  ['s', 'š'],
  ['t', 'š'],
  ['d', 'ž'],
  ['z', 'ž'],
  ['c', 'č'],
  ['p', 'pj'],
  ['b', 'bj'],
  ['m', 'mj'],
  ['v', 'vj'],
  ['f', 'fj'],
];

function alternated(stem: string): string {
  const rule = LV_ALTERNATION.find(([from]) => stem.endsWith(from));
  return rule ? stem.slice(0, -rule[0].length) + rule[1] : stem;
}

/** Latvian case forms (nominative, genitive, dative, accusative, vocative) of a nominative name or title. */
export function latvianForms(lemma: string): string[] {
  const stem = (n: number) => lemma.slice(0, lemma.length - n);
  if (lemma.endsWith('is')) {
    const s = stem(2);
    // Names in -dis and -tis keep the consonant in the genitive (Valdis → Valda); others alternate.
    return [lemma, `${s}a`, `${alternated(s)}a`, `${s}im`, `${s}i`];
  }
  if (lemma.endsWith('us')) return [lemma, `${stem(2)}um`, `${stem(2)}u`];
  if (lemma.endsWith('s') || lemma.endsWith('š')) {
    const s = stem(1);
    return [lemma, `${s}a`, `${s}am`, `${s}u`, s];
  }
  if (lemma.endsWith('a')) return [lemma, `${stem(1)}as`, `${stem(1)}ai`, `${stem(1)}u`];
  if (lemma.endsWith('e')) return [lemma, `${stem(1)}es`, `${stem(1)}ei`, `${stem(1)}i`];
  // Foreign names: Latvian adds -s to a man's name (Ivan → Ivans), English adds 's.
  return [lemma, ...latvianForms(`${lemma}s`), `${lemma}'s`, `${lemma}’s`];
}

const RU_HARD_AFTER = /[гкхжшчщ]$/;

/**
 * Russian case forms. `oblique` is the stem of the other cases where a vowel drops (Павел → Павла).
 */
export function russianForms(lemma: string, oblique?: string): string[] {
  const s = lemma.slice(0, -1);
  if (lemma.endsWith('й')) return [lemma, `${s}я`, `${s}ю`, `${s}ем`, `${s}е`, `${s}и`];
  if (lemma.endsWith('ь')) return [lemma, `${s}я`, `${s}ю`, `${s}ем`, `${s}е`, `${s}и`, `${s}ью`];
  if (lemma.endsWith('а')) {
    const genitive = RU_HARD_AFTER.test(s) ? `${s}и` : `${s}ы`;
    return [lemma, genitive, `${s}е`, `${s}у`, `${s}ой`, `${s}ою`];
  }
  if (lemma.endsWith('я')) return [lemma, `${s}и`, `${s}е`, `${s}ю`, `${s}ей`, `${s}ею`];
  const o = oblique ?? lemma;
  return [lemma, `${o}а`, `${o}у`, `${o}ом`, `${o}ем`, `${o}е`];
}

/** Whether a word is written in Cyrillic. */
export const isCyrillic = (word: string): boolean => /\p{Script=Cyrillic}/u.test(word);

/** The forms of a lemma in its own script; `a/b` gives an oblique stem. */
export function formsOf(entry: string): string[] {
  const [lemma = '', oblique] = entry.split('/');
  return isCyrillic(lemma) ? russianForms(lemma, oblique) : latvianForms(lemma);
}

/** Lower case without diacritics, so "Janim" written without them still matches "Jānim". */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
