import { describe, expect, it } from 'vitest';
import { isSingular } from './plural.ts';

const singularOf = (lang: 'lv' | 'en', counts: number[], digits = 0) =>
  counts.filter((n) => isSingular(lang, n, digits));

describe('the singular rule', () => {
  it('reads Latvian counts ending in 1 as singular, except those ending in 11', () => {
    const counts = [0, 1, 2, 3, 9, 10, 11, 12, 19, 20, 21, 22, 31, 91, 101, 111, 121, 211, 1001, 1011];
    expect(singularOf('lv', counts)).toEqual([1, 21, 31, 91, 101, 121, 1001]);
  });

  it('reads only 1 as singular in English', () => {
    expect(singularOf('en', [0, 1, 2, 11, 21, 101, 111])).toEqual([1]);
  });

  // A decimal reads with the number as shown: "4,1 darba diena" and "11,1 darba diena" but "1.0 working days".
  it('reads a shown decimal by its last digit in Latvian and as plural in English', () => {
    expect(singularOf('lv', [0.5, 1.0, 1.5, 2.1, 4.1, 10.5, 11.1, 21.5], 1)).toEqual([1.0, 2.1, 4.1, 11.1]);
    expect(singularOf('en', [1.0, 1.5, 2.1], 1)).toEqual([]);
  });

  it('keeps a rule per number of decimals, so 4.1 shown whole reads as the plural "4"', () => {
    expect(isSingular('lv', 4.1, 1)).toBe(true);
    expect(isSingular('lv', 4.1)).toBe(false);
    expect(isSingular('en', 1, 1)).toBe(false);
    expect(isSingular('en', 1)).toBe(true);
  });
});
