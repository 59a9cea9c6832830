import { describe, expect, it } from 'vitest';
import { Models } from './models.ts';

// The SQL screen shows these texts in the page's language as /v1/schema serves them: a missing or copied
// Latvian text would put English on the Latvian page.
describe('models', () => {
  const texts = Object.values(Models).flatMap((m) => [
    [`${m.id} description`, m.description] as const,
    [`${m.id} anchoredOn`, m.anchoredOn] as const,
    ...m.columns.map((c) => [`${m.id}.${c.name}`, c.description] as const),
  ]);

  it('describes every table and column in Latvian and English', () => {
    expect(texts.filter(([, t]) => !t.lv.trim() || !t.en.trim()).map(([what]) => what)).toEqual([]);
  });

  it('has a Latvian text of its own for each, not the English one copied', () => {
    expect(texts.filter(([, t]) => t.lv === t.en).map(([what]) => what)).toEqual([]);
  });

  it('writes Latvian with its letters (the texts are not transliterated)', () => {
    for (const model of Object.values(Models)) {
      expect(model.columns.map((c) => c.description.lv).join(' ')).toMatch(/[āčēģīķļņšūž]/);
    }
  });
});
