import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IngestError } from './errors.ts';
import { checkedJson, depthExceeds, itemsFromJson, parseNdjson } from './body.ts';

describe('parseNdjson', () => {
  it('reads one event per line, skipping blank lines and CRLF endings', () => {
    expect(parseNdjson('{"a":1}\r\n\n{"a":2}\n')).toEqual([
      { ok: true, value: { a: 1 } },
      { ok: true, value: { a: 2 } },
    ]);
  });

  it('turns a broken line into a rejected item naming its line number, keeping the others', () => {
    const items = parseNdjson('{"a":1}\n{"a":\n{"a":3}');
    expect(items).toHaveLength(3);
    expect(items[1]).toMatchObject({ ok: false, text: '{"a":' });
    expect(items[1]?.ok === false && items[1].reason).toMatch(/^line 2: not valid JSON/);
    expect(items[2]).toEqual({ ok: true, value: { a: 3 } });
  });
});

describe('itemsFromJson', () => {
  it('treats an array as a batch and an object as a batch of one', () => {
    expect(itemsFromJson([1, { b: 2 }])).toHaveLength(2);
    expect(itemsFromJson({ b: 2 })).toEqual([{ ok: true, value: { b: 2 } }]);
  });

  it('refuses scalars', () => {
    expect(itemsFromJson('text')).toBeNull();
    expect(itemsFromJson(null)).toBeNull();
  });
});

/** The scan before it jumped over strings with indexOf: one character at a time. The reference for the fast one. */
function depthExceedsByCharacter(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

describe('depthExceeds', () => {
  it('counts the nesting of arrays and objects, not brackets inside strings', () => {
    expect(depthExceeds('[[[1]]]', 2)).toBe(true);
    expect(depthExceeds('[[[1]]]', 3)).toBe(false);
    expect(depthExceeds('[{"a":"[[[[{{{{"}]', 2)).toBe(false);
  });

  it('reads an escaped quote as part of its string and an escaped backslash as closing nothing', () => {
    // "a\"[[[" is one string; in "a\\" the quote after two backslashes closes it, so the brackets after it count.
    expect(depthExceeds(String.raw`["a\"[[[[", 1]`, 2)).toBe(false);
    expect(depthExceeds(String.raw`["a\\", [[[1]]]]`, 2)).toBe(true);
    expect(depthExceeds(String.raw`["a\\\"[[[[", 1]`, 2)).toBe(false);
  });

  it('agrees with a scan of every character on arbitrary JSON and on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json({ depthSize: 'large' }),
          fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ' ') }),
        ),
        fc.integer({ min: 0, max: 8 }),
        (text, limit) => {
          expect(depthExceeds(text, limit)).toBe(depthExceedsByCharacter(text, limit));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('checkedJson', () => {
  const parsed = (text: string) => checkedJson(JSON.parse(text) as unknown, text);

  /** The fields a refused body's error names. */
  const refusedFields = (text: string): string[] => {
    try {
      parsed(text);
    } catch (error) {
      return (error as IngestError).details.map((d) => d.field);
    }
    return [];
  };

  it('refuses an escaped surrogate half that stands alone, naming its field', () => {
    expect(refusedFields(String.raw`[{"comment":"a\ud800b"}]`)).toEqual(['[0].comment']);
    expect(refusedFields(String.raw`[{"a":1},{"summary":"\uDC00"}]`)).toEqual(['[1].summary']);
  });

  it('keeps a pair written as escapes or as the character itself, and an escaped backslash before "ud800"', () => {
    expect(parsed(String.raw`[{"comment":"\ud83d\ude00"}]`)).toEqual([{ comment: '😀' }]);
    expect(parsed('[{"comment":"😀"}]')).toEqual([{ comment: '😀' }]);
    expect(parsed(String.raw`[{"comment":"C:\\ud800"}]`)).toEqual([{ comment: String.raw`C:\ud800` }]);
  });
});
