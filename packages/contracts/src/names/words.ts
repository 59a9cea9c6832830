/**
 * The words of a text as name detection reads them: runs of letters and combining marks (`\p{L}`, `\p{M}`), with
 * an apostrophe or hyphen between two letters kept inside the word ("O'Brien", "Kalniņa-Ozola") — exactly the
 * matches of WORD_PATTERN, found by a scan over a table of which characters are letters. V8 runs Unicode property
 * classes slowly: a 2,000-character comment took about 50 µs through the pattern and 11–15 µs through the table
 * (Latvian and Russian text alike), and words are read for every free-text field of every event.
 */

/** The definition; `words.test.ts` checks the scan against it on arbitrary text. */
export const WORD_PATTERN = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

let bmpLetters: Uint8Array | undefined;

/** 1 for each character of the Basic Multilingual Plane that is a letter or mark; built on first use (~65k tests). */
function letterTable(): Uint8Array {
  if (!bmpLetters) {
    const letter = /^[\p{L}\p{M}]$/u;
    bmpLetters = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (c < 0xd800 || c > 0xdfff) bmpLetters[c] = letter.test(String.fromCharCode(c)) ? 1 : 0;
    }
  }
  return bmpLetters;
}

/** For the rare letter outside the BMP (a surrogate pair), read at its position. */
const ASTRAL_LETTER = /[\p{L}\p{M}]/uy;

/** How many code units the letter at `i` takes (1 or 2), or 0 when no letter starts there. */
function letterAt(text: string, i: number, table: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return table[c]!;
  // Past the end (NaN), a low half, or a high half without its pair: no letter.
  if (c > 0xdbff || (text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return 0;
  ASTRAL_LETTER.lastIndex = i;
  return ASTRAL_LETTER.test(text) ? 2 : 0;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 45;

/** Calls `visit(start, end)` for each word, left to right. */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const table = letterTable();
  const length = text.length;
  let i = 0;
  while (i < length) {
    let size = letterAt(text, i, table);
    if (size === 0) {
      // Stepping into a pair that is no letter is harmless: a low half starts nothing.
      i += 1;
      continue;
    }
    const start = i;
    i += size;
    for (;;) {
      while (i < length && (size = letterAt(text, i, table)) !== 0) i += size;
      const c = text.charCodeAt(i);
      if ((c === APOSTROPHE || c === RIGHT_QUOTE || c === HYPHEN) && (size = letterAt(text, i + 1, table)) !== 0) {
        i += 1 + size;
        continue;
      }
      break;
    }
    visit(start, i);
  }
}
