/**
 * The word lists of name detection, built once from the data modules: every case form of every given name, the
 * words that are never names, titles and cues. Lookups are by exact lower-case word (and, for words typed without
 * diacritics, by their folded form).
 */
import { BRAND_WORDS, COMMON_CAPITALISED, MONTH_WORDS, PLACE_WORDS } from './not-names.data.ts';
import { CUE_PHRASES, CUE_WORDS, LV_TITLES, RU_TITLES } from './cues.data.ts';
import { fold, formsOf } from './inflect.ts';
import { LV_GIVEN_NAMES } from './lv-given.data.ts';
import { AMBIGUOUS_GIVEN_NAMES, EN_GIVEN_NAMES, RU_GIVEN_NAMES } from './ru-given.data.ts';

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);
const lower = (text: string): string[] => words(text).map((w) => w.toLocaleLowerCase('lv'));

export type GivenKind = 'clear' | 'ambiguous';

export interface Lexicon {
  /** Case forms of given names, exact and folded, to whether the name is also an everyday word. */
  given: ReadonlyMap<string, GivenKind>;
  givenFolded: ReadonlyMap<string, GivenKind>;
  /** Places, offices and car makes: never a name, whatever the context. */
  never: ReadonlySet<string>;
  /** Months, greetings, sentence starters, titles: not a name by themselves. */
  common: ReadonlySet<string>;
  /** Case forms of titles and roles ("kungs", "inspektorei", "инспектору"). */
  titles: ReadonlySet<string>;
  /** Case forms of "kungs" and "kundze", which may also follow the name. */
  honorifics: ReadonlySet<string>;
  cues: ReadonlySet<string>;
  /** "first+second" for a two-word cue. */
  cuePhrases: ReadonlySet<string>;
  /** Lower-case words that matter to a neighbour: cues, the words of cue phrases, titles. */
  context: ReadonlySet<string>;
}

function buildLexicon(): Lexicon {
  const ambiguous = new Set(lower(AMBIGUOUS_GIVEN_NAMES));
  const given = new Map<string, GivenKind>();
  const givenFolded = new Map<string, GivenKind>();
  for (const entry of lower(`${LV_GIVEN_NAMES} ${RU_GIVEN_NAMES} ${EN_GIVEN_NAMES}`)) {
    const kind: GivenKind = ambiguous.has(entry.split('/')[0] ?? entry) ? 'ambiguous' : 'clear';
    for (const form of formsOf(entry)) {
      // A form shared by a clear and an ambiguous name is ambiguous.
      if (given.get(form) !== 'ambiguous') given.set(form, kind);
      if (givenFolded.get(fold(form)) !== 'ambiguous') givenFolded.set(fold(form), kind);
    }
  }
  const titles = new Set(lower(`${LV_TITLES} ${RU_TITLES}`).flatMap(formsOf));
  const honorifics = new Set([...formsOf('kungs'), ...formsOf('kundze'), 'k-gs', 'k-dze', 'kgs']);
  const cues = new Set(lower(CUE_WORDS));
  const cuePhrases = new Set(lower(CUE_PHRASES));
  return {
    given,
    givenFolded,
    never: new Set(lower(`${PLACE_WORDS} ${BRAND_WORDS}`)),
    common: new Set([...lower(`${MONTH_WORDS} ${COMMON_CAPITALISED}`), ...titles]),
    titles,
    honorifics,
    cues,
    cuePhrases,
    context: new Set([...titles, ...honorifics, ...cues, ...[...cuePhrases].flatMap((p) => p.split('+'))]),
  };
}

let lexicon: Lexicon | undefined;

/** The lexicon, built on first use (not on import, so importing the contracts costs nothing). */
export function getLexicon(): Lexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}
