import { describe, expect, it } from 'vitest';
import { niceAxis, niceStep } from './nice.axis.ts';

describe('niceAxis', () => {
  it('rounds a correlation axis to round steps, never 0.7000000000000001', () => {
    const axis = niceAxis(0, 0.62, { limits: { min: -1, max: 1 } });
    expect(axis).toEqual({ min: 0, max: 0.8, interval: 0.2, digits: 1 });
  });

  it('spaces score ticks evenly on round steps', () => {
    const axis = niceAxis(3.52, 4.41, { pad: 0.05, limits: { min: 1, max: 5 } });
    expect(axis.interval).toBe(0.2);
    expect(axis.min).toBe(3.4);
    expect(axis.max).toBe(4.6);
    const ticks = Array.from({ length: Math.round((axis.max - axis.min) / axis.interval) + 1 }, (_, i) =>
      Number((axis.min + i * axis.interval).toFixed(axis.digits)),
    );
    expect(ticks).toEqual([3.4, 3.6, 3.8, 4, 4.2, 4.4, 4.6]);
  });

  it('keeps the bounds inside the limits', () => {
    const axis = niceAxis(4.6, 5, { pad: 0.05, limits: { min: 1, max: 5 } });
    expect(axis.max).toBe(5);
    expect(axis.min).toBeGreaterThanOrEqual(1);
  });

  it('gives a single value a span around it', () => {
    const axis = niceAxis(0.3, 0.3);
    expect(axis.min).toBeLessThan(0.3);
    expect(axis.max).toBeGreaterThan(0.3);
  });
});

describe('niceStep', () => {
  it('picks 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.62, 5)).toBe(0.2);
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(10, 4)).toBe(2.5);
    expect(niceStep(37, 5)).toBe(10);
  });
});
