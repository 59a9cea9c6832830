/**
 * Value axes with round bounds and evenly spaced ticks: a step of 1, 2, 2.5 or 5 times a power of ten, bounds on
 * multiples of it, and the decimals the step needs, so an axis never reads "0.7000000000000001" or 3.5, 3.6, 3.9.
 * Pure; the chart sets `min`, `max` and `interval` from it and formats its labels for the page's language.
 */

export interface NiceAxis {
  min: number;
  max: number;
  /** The distance between ticks. */
  interval: number;
  /** Decimals a tick label needs to show the step exactly. */
  digits: number;
}

const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest round step that splits `span` into at most `ticks` parts. */
export function niceStep(span: number, ticks: number): number {
  const raw = span / Math.max(1, ticks);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((s) => s * magnitude >= raw - 1e-12) ?? 10) * magnitude;
  return Number(step.toPrecision(12));
}

function decimalsOf(step: number): number {
  const text = String(Number(step.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * Round bounds around `low`–`high` (padded by `pad` on each side), kept within `limits`, with about `ticks`
 * intervals. The bounds are whole multiples of the step, rounded to its decimals.
 */
export function niceAxis(
  low: number,
  high: number,
  options: { ticks?: number; pad?: number; limits?: { min: number; max: number } } = {},
): NiceAxis {
  const ticks = options.ticks ?? 5;
  const limits = options.limits ?? { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  let lo = Math.min(low, high) - (options.pad ?? 0);
  let hi = Math.max(low, high) + (options.pad ?? 0);
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  lo = Math.max(lo, limits.min);
  hi = Math.min(hi, limits.max);
  let step = niceStep(hi - lo, ticks);
  // Widening the bounds to whole steps can add an interval or two; more than one extra takes a larger step.
  for (let i = 0; i < 3; i++) {
    const min = Math.floor(lo / step + 1e-9) * step;
    const max = Math.ceil(hi / step - 1e-9) * step;
    if ((max - min) / step <= ticks + 1.5) break;
    step = niceStep(hi - lo, ticks - 1 - i);
  }
  const digits = decimalsOf(step);
  const round = (v: number) => Number(v.toFixed(digits));
  const min = Math.max(limits.min, round(Math.floor(lo / step + 1e-9) * step));
  const max = Math.min(limits.max, round(Math.ceil(hi / step - 1e-9) * step));
  return { min, max, interval: step, digits };
}
