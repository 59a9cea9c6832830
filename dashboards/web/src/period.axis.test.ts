import { describe, expect, it } from 'vitest';
import { formatPeriod } from './format.ts';
import { axisPeriodName } from './period.axis.ts';

describe('period names under a chart axis', () => {
  // Regression: the printed report's weekly trends named every other week ("ned. 44 (26.10.2026)" is wider than a
  // week's share of an A4 chart).
  it('writes a week on two lines, its number over its first day, and other grains as elsewhere', () => {
    expect(axisPeriodName('2026-11-02', 'week', 'lv')).toBe('ned. 45\n(02.11.2026)');
    expect(axisPeriodName('2026-11-02', 'week', 'en')).toBe('wk 45\n(02/11/2026)');
    // The same words as the page's one-line name, only broken.
    expect(axisPeriodName('2026-11-02', 'week', 'lv').replace('\n', ' ')).toBe(
      formatPeriod('2026-11-02', 'week', 'lv'),
    );
    expect(axisPeriodName('2026-11-01', 'month', 'en')).toBe(formatPeriod('2026-11-01', 'month', 'en'));
  });
});
