/**
 * Open complaints by age (working days since receipt, the catalogue's `open_age_band`) split into those still
 * within their legal deadline and those past it, in the bands' own order; and the "k of n on time" count that
 * an office head reads even where the share is below its minimum sample.
 */
import type { QueryAnswer } from '../api.types.ts';
import { figureOf, keyOf, totalRow } from '../figures.ts';

export const AGE_BANDS = ['0-5', '6-10', '11-20', '21+'] as const;

/**
 * The bands older than the legal deadline: the query service cuts the bands at the 10 working days the Law on
 * Submissions gives since 1 March 2026 (a complaint received before then, under its one month, is past 21 by now).
 * A complaint in them is past its legal deadline unless the deadline was extended, which an office head reads as
 * the blue part of those bars.
 */
export const PAST_LEGAL_DEADLINE: readonly string[] = ['11-20', '21+'];

export interface AgeBand {
  band: string;
  /** Older than the legal deadline (`PAST_LEGAL_DEADLINE`). */
  pastDeadline: boolean;
  open: number;
  overdue: number;
  inTime: number;
}

export function ageingOf(answer: QueryAnswer): AgeBand[] {
  const byBand = new Map<string, AgeBand>();
  for (const row of answer.rows) {
    const band = keyOf(row, 'open_age_band');
    if (band === null) continue;
    const open = figureOf(row, 'open_complaints').value ?? 0;
    const overdue = figureOf(row, 'open_overdue').value ?? 0;
    const pastDeadline = PAST_LEGAL_DEADLINE.includes(band);
    byBand.set(band, { band, pastDeadline, open, overdue, inTime: Math.max(0, open - overdue) });
  }
  const known = AGE_BANDS.map(
    (band) =>
      byBand.get(band) ?? { band, pastDeadline: PAST_LEGAL_DEADLINE.includes(band), open: 0, overdue: 0, inTime: 0 },
  );
  const others = [...byBand.values()].filter((b) => !(AGE_BANDS as readonly string[]).includes(b.band));
  return [...known, ...others];
}

/** Complaints answered within the legal deadline out of those whose deadline has come: counts, never withheld. */
export function onTimeCount(answer: QueryAnswer): { met: number; due: number } {
  const row = totalRow(answer);
  return {
    met: figureOf(row, 'legal_deadline_met_count').value ?? 0,
    due: figureOf(row, 'legal_deadline_share').n,
  };
}
