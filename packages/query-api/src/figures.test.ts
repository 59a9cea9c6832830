import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDecimal,
  formatInterval,
  formatNumber,
  formatP,
  formatValue,
  formatWorkingDayCount,
  UnitDigits,
  writtenNumber,
} from './figures.ts';
import { Unit } from './answers.ts';

describe('figures with their units, for the dashboard and the e-mails alike', () => {
  // Regression: the drivers chart's importance axis wrote "-0,2" with a hyphen-minus (Intl's, in both languages).
  it('write a negative number with the minus sign (U+2212), never the hyphen-minus, in both languages', () => {
    expect(formatDecimal(-0.2, 'lv', 1)).toBe('\u22120,2');
    expect(formatDecimal(-0.25, 'en')).toBe('\u22120.25');
    expect(writtenNumber('lv', -12345.5, 1)).toMatch(/^\u221212\D345,5$/);
    expect(formatDecimal(0.2, 'lv', 1)).toBe('0,2');
    expect(formatChange('minutes', -2, 'en')).toBe('\u22122.0 min');
  });

  it('write NPS with its sign and mean scores out of 5', () => {
    expect(formatValue('nps', 29, 'lv')).toBe('+29');
    expect(formatValue('nps', -4, 'en')).toBe('\u22124');
    expect(formatValue('nps', 0, 'en')).toBe('0');
    expect(formatValue('score_1_5', 4.2, 'lv')).toBe('4,20 / 5');
    expect(formatValue('score_1_5', 4.2, 'en')).toBe('4.20 / 5');
  });

  it('write percent, minutes, days and counts in the language, "—" for nothing', () => {
    expect(formatValue('share', 0.781, 'lv')).toBe('78,1 %');
    expect(formatValue('share', 0.85, 'en')).toBe('85.0 %');
    expect(formatValue('minutes', 12.5, 'lv')).toBe('12,5 min');
    expect(formatValue('working_days', 1, 'lv')).toBe('1,0\u00a0darba\u00a0diena');
    expect(formatWorkingDayCount(3, 'lv')).toBe('3\u00a0darba\u00a0dienas');
    expect(formatWorkingDayCount(1, 'en')).toBe('1\u00a0working\u00a0day');
    expect(formatValue('count', 12045, 'lv')).toBe('12\u00a0045');
    expect(formatCount(1230, 'en')).toBe('1,230');
    expect(formatValue('share', null, 'lv')).toBe('—');
  });

  it('write intervals with the unit once, changes signed, p-values as a bound', () => {
    expect(formatInterval('share', { low: 0.72, high: 0.84 }, 'lv')).toBe('72,0–84,0 %');
    expect(formatChange('share', -0.031, 'lv')).toBe('\u22123,1 p.p.');
    expect(formatP(0.0004, 'lv')).toBe('p\u00a0<\u00a00,001');
  });

  // Regression: minutes and working days dropped a zero decimal, so one chart's bars read "31,9 min … 12 min".
  it('write every figure of a unit with the same decimals, zeros kept, in both languages', () => {
    const decimals = (text: string) => /[.,](\d+)/.exec(text)?.[1]?.length ?? 0;
    for (const unit of Unit.options)
      for (const lang of ['lv', 'en'] as const) {
        const shown = [0, 1, 6, 12, 31.94, 0.5, 5.37].map((v) =>
          decimals(formatNumber(unit, unit === 'share' ? v / 100 : v, lang)),
        );
        expect({ unit, lang, shown }).toEqual({ unit, lang, shown: shown.map(() => UnitDigits[unit]) });
      }
    expect(formatValue('minutes', 6, 'lv')).toBe('6,0 min');
    expect(formatInterval('minutes', { low: 5, high: 9.5 }, 'en')).toBe('5.0–9.5 min');
  });
});
