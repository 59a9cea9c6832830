/**
 * Finds people's names in free text: Latvian, Russian and English given names in any case form, surnames by their
 * endings or by their place next to a given name, a title ("Bērziņa kungs", "inspektore Kalniņa", "госпожа
 * Петрова") or a cue ("mani sauc", "меня зовут", "Cien.", "Dear"). Places, offices, months and car makes are
 * never names. One pass over the words and a fixed amount of work per word, so the cost is linear in the text.
 */
import { getLexicon, type GivenKind, type Lexicon } from './lexicon.ts';
import { forEachWord } from './words.ts';

export interface NameSpan {
  start: number;
  end: number;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  capitalised: boolean;
  /** For a capitalised word: whether it is a case form of a given name, and of which kind. */
  kind: GivenKind | null;
  sentenceStart: boolean;
  /** What lies between the previous word and this one. */
  between: string;
  /** A capitalised word that context can make a name (see isNameable). */
  nameable: boolean;
  /** Only spaces between this word and the previous one (or the full stop of an initial: "J. Ozols"). */
  joinedToPrevious: boolean;
  /** The word is followed directly by a full stop ("Cien.", "J."). */
  dotAfter: boolean;
}

const SENTENCE_END = /[.!?…\n]/;

/** Surname endings distinctive enough to count alone (with a stem of three letters or more). */
const SURNAME_ANYWHERE =
  /^\p{L}{3,}(?:iņš|iņa|iņam|iņai|iņu|iņas|čuks|čuka|čukam|čuku|enko|енко|ович|овича|овичу|овичем|евич|евича|евичу|евичем|овна|овны|овне|овну|овной|евна|евны|евне|евну|евной|ична|ичны|ичне|ичну|ичной)$/u;
/** Endings that also end ordinary words, which a sentence may start with ("Документов"): only inside a sentence. */
const SURNAME_INSIDE =
  /^\p{L}{3,}(?:ovs|ova|ovam|ovai|ovu|ovas|evs|eva|evam|evai|evu|evas|skis|skim|ov|ev|ova|eva|ов|ова|ову|овым|ове|овой|ев|ева|еву|евым|еве|евой)$/u;

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** Letters with diacritics (Latin) and the Cyrillic letters that folding changes. */
const DIACRITIC = /[\u00c0-\u024fйё]/u;

function givenKind(lower: string, lex: Lexicon): GivenKind | null {
  for (const part of lower.includes('-') ? lower.split('-') : [lower]) {
    // A word typed without diacritics ("Janim") is also looked up among the folded forms.
    const kind = lex.given.get(part) ?? (DIACRITIC.test(part) ? undefined : lex.givenFolded.get(part));
    if (kind) return kind;
  }
  return null;
}

/** Any lower-case word that is not a cue or a title: never a name, and never makes its neighbour one. */
const OTHER_WORD: Word = {
  text: '',
  lower: '',
  start: 0,
  end: 0,
  capitalised: false,
  kind: null,
  sentenceStart: false,
  between: '',
  nameable: false,
  joinedToPrevious: false,
  dotAfter: false,
};

/** Whether a capitalised word of two letters or more starts at `from`, after at most one space ("J. Ozols"). */
function surnameAt(text: string, from: number): boolean {
  const at = text.charAt(from) === ' ' ? from + 1 : from;
  const first = text.charAt(at);
  const second = text.charAt(at + 1);
  return first !== first.toLowerCase() && second !== second.toUpperCase();
}

function tokenise(text: string, lex: Lexicon): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  forEachWord(text, (start, end) => {
    const word = text.slice(start, end);
    const capitalised = isCapitalised(word);
    const dotAfter = text.charCodeAt(end) === 46;
    // Most words are lower case and no cue, or a lone letter that is no initial of a surname: one shared
    // placeholder keeps their place without an allocation each.
    if (capitalised ? word.length === 1 && !(dotAfter && surnameAt(text, end + 1)) : !lex.context.has(word)) {
      words.push(OTHER_WORD);
      previousEnd = end;
      return;
    }
    const previous = words.at(-1);
    // Only the gap since the previous word is looked at, so every character is read a fixed number of times.
    const plain = previous !== undefined && start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32;
    const between = plain ? ' ' : text.slice(previousEnd, start);
    const lower = capitalised ? word.toLowerCase() : word;
    const kind = capitalised ? givenKind(lower, lex) : null;
    previousEnd = end;
    words.push({
      text: word,
      lower,
      start,
      end,
      capitalised,
      kind,
      sentenceStart: plain
        ? false
        : previous === undefined
          ? /^[\s"'«»„“”(]*$/.test(between)
          : SENTENCE_END.test(between) && !isInitial(previous),
      between,
      nameable: capitalised && isNameable(word, lower, kind, lex),
      joinedToPrevious:
        plain ||
        (previous !== undefined && (/^[ \t\u00a0]+$/.test(between) || (isInitial(previous) && /^\. ?$/.test(between)))),
      dotAfter,
    });
  });
  return words;
}

function surnameByEnding(word: Word): boolean {
  // A stem of three letters and an ending of at least two.
  if (word.lower.length < 5) return false;
  const parts = word.lower.includes('-') ? word.lower.split('-') : [word.lower];
  return parts.some((part) => SURNAME_ANYWHERE.test(part) || (!word.sentenceStart && SURNAME_INSIDE.test(part)));
}

/**
 * A capitalised word that is a name if its context says so: not a place, a car or a cue, and not an everyday
 * word unless it is also a given name ("Marta" is a month's genitive too).
 */
function isNameable(text: string, lower: string, kind: GivenKind | null, lex: Lexicon): boolean {
  return (
    text.length > 1 &&
    // Not in capitals: abbreviations and our own placeholders ("[PHONE]") are not names.
    text !== text.toUpperCase() &&
    !lex.never.has(lower) &&
    !lex.cues.has(lower) &&
    (!lex.common.has(lower) || kind !== null)
  );
}

function isInitial(word: Word | undefined): boolean {
  return word !== undefined && word.text.length === 1 && word.capitalised && word.dotAfter;
}

/** Abbreviated cues, which a full stop follows. */
const ABBREVIATIONS = new Set(['cien', 'god', 'mr', 'mrs', 'ms', 'dr', 'k-gs', 'k-dze', 'kgs']);

/** Whether word i follows a cue ("mani sauc", "Cien.", "Dear", "Labdien,") or a title ("inspektore"). */
function cuedAt(words: readonly Word[], i: number, lex: Lexicon): boolean {
  const word = words[i];
  const prev = words[i - 1];
  if (!word || !prev || !lex.context.has(prev.lower)) return false;
  const beforePrev = words[i - 2];
  const cued =
    lex.cues.has(prev.lower) ||
    lex.titles.has(prev.lower) ||
    (beforePrev !== undefined && lex.cuePhrases.has(`${beforePrev.lower}+${prev.lower}`));
  if (!cued) return false;
  const gap = word.between.replace(/[\s"'«»„“”]/g, '');
  return gap === '' || gap === ',' || (gap === '.' && ABBREVIATIONS.has(prev.lower));
}

function nameIndexes(words: readonly Word[], lex: Lexicon): Set<number> {
  const names = new Set<number>();
  words.forEach((word, i) => {
    if (!word.capitalised || lex.never.has(word.lower)) return;
    const kind = word.kind;
    const common = lex.common.has(word.lower);
    const next = words[i + 1];
    const beforeName = next !== undefined && next.joinedToPrevious && next.nameable;
    if (kind === 'clear' && !common) names.add(i);
    // Inside a sentence a capitalised month or everyday word is a name ("paldies Martai", "vakar Marta teica").
    else if (kind !== null && !word.sentenceStart) names.add(i);
    // At a sentence's start, such a word is a name when a capitalised word follows ("Augusts Ozols", "Ilga Ozola").
    else if (kind !== null && beforeName) names.add(i);
    else if (!common && surnameByEnding(word)) names.add(i);
    else if (word.nameable && cuedAt(words, i, lex)) names.add(i);
  });
  // Left to right: the word after a name (a surname), and an initial with the surname after it.
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i];
    const prev = words[i - 1];
    if (!word || !prev || !word.joinedToPrevious) continue;
    if (!names.has(i) && word.nameable && (names.has(i - 1) || isInitial(prev))) names.add(i);
    if (names.has(i) && isInitial(prev)) names.add(i - 1);
  }
  // Right to left: the word before a name ("Ozols Jānis") or before "kungs"/"kundze" ("Ozola kundze"). A sentence's
  // first word counts only when it looks like a name itself.
  for (let i = words.length - 2; i >= 0; i -= 1) {
    const word = words[i];
    const next = words[i + 1];
    if (!word || !next || names.has(i) || !next.joinedToPrevious || !word.nameable) continue;
    const likely = !word.sentenceStart || word.kind !== null || surnameByEnding(word);
    if ((names.has(i + 1) && likely) || lex.honorifics.has(next.lower)) names.add(i);
  }
  return names;
}

/** The spans of names in the text; neighbouring names ("Jānis Bērziņš") are one span. */
export function findNames(text: string): NameSpan[] {
  const lex = getLexicon();
  const words = tokenise(text, lex);
  const names = nameIndexes(words, lex);
  const spans: NameSpan[] = [];
  words.forEach((word, i) => {
    if (!names.has(i)) return;
    const last = spans.at(-1);
    if (last && names.has(i - 1) && word.joinedToPrevious) last.end = word.end;
    else spans.push({ start: word.start, end: word.end });
  });
  return spans;
}
