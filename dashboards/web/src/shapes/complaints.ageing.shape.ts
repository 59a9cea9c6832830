/**
 * Open complaints by age (working days since receipt, the catalogue's `open_age_band`) split into those still
 * within their legal deadline and those past it, in the bands' own order; and the "k of n on time" count that
 * an office head reads even where the share is below its minimum sample.
 */
import type { QueryAnswer } from '../api.types.ts';
import { figureOf, keyOf, totalRow } from '../figures.ts';

export const AGE_BANDS = ['0-5', '6-10', '11-20', '21+'] as const;

export interface AgeBand {
  band: string;
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
    byBand.set(band, { band, open, overdue, inTime: Math.max(0, open - overdue) });
  }
  const known = AGE_BANDS.map((band) => byBand.get(band) ?? { band, open: 0, overdue: 0, inTime: 0 });
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
