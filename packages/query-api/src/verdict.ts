/**
 * How a figure stands against its target, once for the dashboard's tiles and the alerts that fire on them: on
 * target when its whole 95 % interval meets the target, off when none of it does, within noise otherwise.
 * Without an interval (counts) the point decides, which is all that can be said. So does a target at the end of
 * its unit's scale (every complaint answered within the legal deadline, none past it): an interval around a
 * figure of 100 % still reaches below 100 %, so 11 of 11 answered in time would read "within noise", while the
 * target is a rule about every case, met exactly when no case misses it.
 */
import { UnitScales } from '@servq/metrics';
import type { Direction, Interval, Unit } from './answers.ts';

export type Verdict = 'on' | 'noise' | 'off' | 'none';

/** What a verdict reads of a figure: /v1/compare's, or /v1/query's (whose interval is absent for counts). */
export interface VerdictFigure {
  value: number | null;
  target: number | null;
  suppressed: boolean;
  interval?: Interval | null;
}

export function verdictOf(figure: VerdictFigure | undefined, direction: Direction, unit: Unit): Verdict {
  if (!figure || figure.suppressed || figure.value === null || figure.target === null) return 'none';
  if (direction === 'neutral') return 'none';
  const target = figure.target;
  const meets = (v: number) => (direction === 'higher_is_better' ? v >= target : v <= target);
  const scale = UnitScales[unit];
  const best = direction === 'higher_is_better' ? scale.max : scale.min;
  const pointDecides = !figure.interval || target === best;
  const low = pointDecides ? figure.value : figure.interval!.low;
  const high = pointDecides ? figure.value : figure.interval!.high;
  if (meets(low) && meets(high)) return 'on';
  if (!meets(low) && !meets(high)) return 'off';
  return 'noise';
}
