/**
 * Open complaints by age (working days since receipt, the catalogue's `open_age_band`) split into those still
 * within their legal deadline and those past it, in the bands' own order; and the "k of n on time" count that
 * an office head reads even where the share is below its minimum sample. Which bands lie past the deadline is
 * the API's word (/v1/reference), never the page's: the deadline is defined once, where the bands are cut.
 */
import type { QueryAnswer, ReferenceAnswer } from '../api.types.ts';
import { figureOf, keyOf, totalRow } from '../figures.ts';

export interface AgeBand {
  band: string;
  /** Older than the legal deadline, as the API says of the band (/v1/reference `ageBands`). */
  pastDeadline: boolean;
  open: number;
  overdue: number;
  inTime: number;
}

/**
 * The open complaints per band, in the order and with the deadline flags of `bands` (the API's, which cuts the
 * bands where the law puts the deadline, so the page keeps no copy of it); a band without open complaints shows 0,
 * and one the API did not list comes last, not marked.
 */
export function ageingOf(answer: QueryAnswer, bands: ReferenceAnswer['ageBands']): AgeBand[] {
  const counts = new Map<string, { open: number; overdue: number }>();
  for (const row of answer.rows) {
    const band = keyOf(row, 'open_age_band');
    if (band === null) continue;
    counts.set(band, {
      open: figureOf(row, 'open_complaints').value ?? 0,
      overdue: figureOf(row, 'open_overdue').value ?? 0,
    });
  }
  const known = new Set(bands.map((b) => b.id));
  const ordered = [
    ...bands.map((b) => ({ band: b.id, pastDeadline: b.pastLegalDeadline })),
    ...[...counts.keys()].filter((band) => !known.has(band)).map((band) => ({ band, pastDeadline: false })),
  ];
  return ordered.map(({ band, pastDeadline }) => {
    const { open, overdue } = counts.get(band) ?? { open: 0, overdue: 0 };
    return { band, pastDeadline, open, overdue, inTime: Math.max(0, open - overdue) };
  });
}

/** Complaints answered within the legal deadline out of those whose deadline has come: counts, never withheld. */
export function onTimeCount(answer: QueryAnswer): { met: number; due: number } {
  const row = totalRow(answer);
  return {
    met: figureOf(row, 'legal_deadline_met_count').value ?? 0,
    due: figureOf(row, 'legal_deadline_share').n,
  };
}
