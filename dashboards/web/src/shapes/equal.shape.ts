/**
 * The equal-service verdicts: from one office's comparisons (/v1/compare/within: its service languages and
 * channels of service, each group against the rest of that office), every gap that was tested with its
 * direction (a longer wait reads "slower", a share "higher" or "lower") and significance, and the verdict with
 * the gap that drives it: the significant gap worst for the customer, then the one with the smallest p-value.
 * Only comparisons the API made are here: it compares a metric by a dimension only where the data has it.
 */
import type { Comparison, Direction, MetricComparison, Unit } from '../api.types.ts';
import { effectOf } from './compare.shape.ts';

/** What a gap means for the customer in the metric's direction; `neutral` for a metric without one. */
export type GapEffect = 'better' | 'worse' | 'neutral';
/** Which way the group's figure lies from the office's: a time is slower or faster, anything else higher or lower. */
export type GapWay = 'slower' | 'faster' | 'higher' | 'lower';

export interface Gap {
  by: string;
  group: string | null;
  metric: string;
  unit: Unit;
  effect: GapEffect;
  way: GapWay;
  value: number;
  /** The office's all-group figure the group is shown against (the test is against the rest of the office). */
  reference: number;
  pValue: number;
  significant: boolean;
}

export interface Verdict {
  /** Significant gaps, the one worst for the customer first, then by p-value. */
  gaps: Gap[];
  /** Groups tested against the rest of their office. */
  tested: number;
  /** Groups withheld for too small a sample. */
  suppressed: number;
  /** The gap the verdict names: the first of `gaps`, or null when none is significant. */
  driver: Gap | null;
}

const TIME_UNITS: readonly Unit[] = ['minutes', 'working_days', 'days'];

export function wayOf(unit: Unit, value: number, reference: number): GapWay {
  const higher = value > reference;
  if (TIME_UNITS.includes(unit)) return higher ? 'slower' : 'faster';
  return higher ? 'higher' : 'lower';
}

function effectFor(direction: Direction, value: number, reference: number): GapEffect {
  const effect = effectOf(direction, value, reference);
  return effect === 'different' ? 'neutral' : effect;
}

const RANK: Record<GapEffect, number> = { worse: 0, neutral: 1, better: 2 };

function gapsIn(by: string, metric: MetricComparison): { gaps: Gap[]; tested: number; suppressed: number } {
  const reference = metric.all.suppressed ? null : metric.all.value;
  const gaps: Gap[] = [];
  let tested = 0;
  let suppressed = 0;
  for (const g of metric.groups) {
    if (g.suppressed) suppressed += 1;
    if (g.suppressed || g.pValue === null || g.value === null || reference === null) continue;
    tested += 1;
    gaps.push({
      by,
      group: g.group,
      metric: metric.id,
      unit: metric.unit,
      effect: effectFor(metric.direction, g.value, reference),
      way: wayOf(metric.unit, g.value, reference),
      value: g.value,
      reference,
      pValue: g.pValue,
      significant: g.significant,
    });
  }
  return { gaps, tested, suppressed };
}

/** One office's (or all offices') comparisons as a verdict. */
export function verdictOf(comparisons: readonly Comparison[]): Verdict {
  const parts = comparisons.flatMap((c) => c.metrics.map((m) => gapsIn(c.by, m)));
  const gaps = parts
    .flatMap((p) => p.gaps)
    .filter((g) => g.significant)
    .sort((a, b) => RANK[a.effect] - RANK[b.effect] || a.pValue - b.pValue);
  return {
    gaps,
    tested: parts.reduce((sum, p) => sum + p.tested, 0),
    suppressed: parts.reduce((sum, p) => sum + p.suppressed, 0),
    driver: gaps[0] ?? null,
  };
}

/** The verdict's tone: red when a gap is worse for some customers, purple for a gap without a direction. */
export function toneOf(verdict: Verdict): 'worse' | 'different' | 'better' | 'none' {
  const effect = verdict.driver?.effect;
  return effect === undefined ? 'none' : effect === 'neutral' ? 'different' : effect;
}
