/**
 * The equal-service verdicts: from /v1/compare answers (by service language or channel, one office or all), the
 * gaps that are statistically real, each with the direction it means for the customer. A metric with a good
 * direction reads better or worse; a neutral one (the refusal share) reads higher or lower than the rest.
 */
import type { CompareAnswer, Unit } from '../api.types.ts';
import { effectOf } from './compare.shape.ts';

export type GapEffect = 'better' | 'worse' | 'higher' | 'lower';

export interface Gap {
  by: string;
  group: string | null;
  metric: string;
  unit: Unit;
  effect: GapEffect;
  value: number;
  /** The all-group figure the group is set against. */
  reference: number;
  pValue: number;
}

export interface Verdict {
  gaps: Gap[];
  /** At least one group was large enough to be tested. */
  tested: boolean;
}

/** Significant gaps in one answer, worse ones first, then by p-value. */
export function gapsOf(answer: CompareAnswer): Verdict {
  const gaps: Gap[] = [];
  let tested = false;
  for (const metric of answer.metrics) {
    const reference = metric.all.suppressed ? null : metric.all.value;
    for (const g of metric.groups) {
      if (!g.suppressed && g.pValue !== null) tested = true;
      if (!g.significant || g.suppressed || g.value === null || g.pValue === null || reference === null) continue;
      const effect = effectOf(metric.direction, g.value, reference);
      gaps.push({
        by: answer.by,
        group: g.group,
        metric: metric.id,
        unit: metric.unit,
        effect: effect === 'different' ? (g.value > reference ? 'higher' : 'lower') : effect,
        value: g.value,
        reference,
        pValue: g.pValue,
      });
    }
  }
  const rank = (e: GapEffect) => (e === 'worse' || e === 'higher' ? 0 : 1);
  gaps.sort((a, b) => rank(a.effect) - rank(b.effect) || a.pValue - b.pValue);
  return { gaps, tested };
}

/** Several answers (language and channel) as one verdict. */
export function mergeVerdicts(verdicts: readonly Verdict[]): Verdict {
  const gaps = verdicts.flatMap((v) => v.gaps);
  const rank = (e: GapEffect) => (e === 'worse' || e === 'higher' ? 0 : 1);
  gaps.sort((a, b) => rank(a.effect) - rank(b.effect) || a.pValue - b.pValue);
  return { gaps, tested: verdicts.some((v) => v.tested) };
}
