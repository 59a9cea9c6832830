import { describe, expect, it } from 'vitest';
import { itemsFromJson, parseNdjson } from './body.ts';

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
