/**
 * Measures name detection on the labelled corpus (corpus/*.jsonl): each line a comment, the words in it that are
 * names, and the place or office words that must stay. Counts are per word: a name word is found when a detected
 * span covers it; a detected word is right when it is a labelled name. Single letters (initials) are not counted.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { findNames } from './detect.ts';

export const CorpusLine = z.strictObject({
  text: z.string().min(1),
  names: z.array(z.string().min(1)),
  places: z.array(z.string().min(1)),
});
export type CorpusLine = z.infer<typeof CorpusLine>;

export const CORPUS_LANGUAGES = ['lv', 'ru', 'en'] as const;

export function readCorpus(language: (typeof CORPUS_LANGUAGES)[number]): CorpusLine[] {
  const text = readFileSync(new URL(`./corpus/${language}.jsonl`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => CorpusLine.parse(JSON.parse(line)));
}

export interface Evaluation {
  comments: number;
  names: number;
  found: number;
  detected: number;
  correct: number;
  recall: number;
  precision: number;
  /** Place words that were taken for names, and name words that were missed (for reading, not for asserting). */
  placesScrubbed: string[];
  missed: string[];
  wrong: string[];
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

export function evaluate(lines: readonly CorpusLine[]): Evaluation {
  const result: Evaluation = {
    comments: lines.length,
    names: 0,
    found: 0,
    detected: 0,
    correct: 0,
    recall: 0,
    precision: 0,
    placesScrubbed: [],
    missed: [],
    wrong: [],
  };
  for (const line of lines) {
    const spans = findNames(line.text);
    const gold = new Set(line.names);
    const places = new Set(line.places);
    for (const match of line.text.matchAll(WORD)) {
      const word = match[0];
      if (word.length < 2) continue;
      const covered = spans.some((s) => s.start <= match.index && match.index + word.length <= s.end);
      if (gold.has(word)) {
        result.names += 1;
        if (covered) result.found += 1;
        else result.missed.push(`${word} | ${line.text}`);
      }
      if (covered) {
        result.detected += 1;
        if (gold.has(word)) result.correct += 1;
        else result.wrong.push(`${word} | ${line.text}`);
        if (places.has(word)) result.placesScrubbed.push(`${word} | ${line.text}`);
      }
    }
  }
  result.recall = result.names === 0 ? 1 : result.found / result.names;
  result.precision = result.detected === 0 ? 1 : result.correct / result.detected;
  return result;
}
