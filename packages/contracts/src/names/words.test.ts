/** The word scan finds exactly what its defining pattern finds, on any text (surrogates, marks and joiners included). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWord, WORD_PATTERN } from './words.ts';

const spansOf = (text: string): [number, number][] => {
  const spans: [number, number][] = [];
  forEachWord(text, (start, end) => spans.push([start, end]));
  return spans;
};

const PIECES = [
  'a',
  'Z',
  'ā',
  'Ļ',
  'Ж',
  'й',
  "'",
  '’',
  '-',
  ' ',
  '.',
  'e\u0301',
  '\u0301',
  '1',
  '𝐀',
  '😀',
  '\ud835',
  '\udc00',
];

describe('word scan', () => {
  it('finds the same words as WORD_PATTERN', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((parts) => parts.join('')),
      // Any UTF-16 code units, lone surrogates included.
      fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 16 }).map((units) => String.fromCharCode(...units)),
    );
    fc.assert(
      fc.property(text, (t) => {
        const expected = [...t.matchAll(WORD_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
        expect(JSON.stringify(spansOf(t))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps apostrophes and hyphens between letters inside a word', () => {
    expect(spansOf("O'Brien, Kalniņa-Ozola - 'x")).toEqual([
      [0, 7],
      [9, 22],
      [26, 27],
    ]);
  });
});
