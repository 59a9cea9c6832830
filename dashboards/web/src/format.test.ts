import { describe, expect, it, vi } from 'vitest';
import {
  formatPerDay,
  formatPlotted,
  formatAxisValue,
  formatChange,
  formatCount,
  formatInterval,
  formatP,
  formatPeriod,
  formatTimestamp,
  formatUpTo,
  formatValue,
  formatWorkingDaysBand,
  isoWeek,
  plotValue,
  stepDigits,
  targetStatus,
} from './format.ts';

// Intl uses narrow no-break spaces in Latvian grouping; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
/** A text as it is written with no-break spaces: number and unit words kept on one line. */
const nb = (s: string) => s.replaceAll(' ', '\u00a0');

describe('formatting of units', () => {
  it('shows shares as percent with one decimal, in each language', () => {
    expect(formatValue('share', 0.8534, 'en')).toBe('85.3 %');
    expect(formatValue('share', 0.8534, 'lv')).toBe('85,3 %');
  });

  it('shows scores, NPS, minutes and counts at their own precision', () => {
    expect(formatValue('score_1_5', 4.318, 'en')).toBe('4.32 / 5');
    expect(formatValue('nps', 31.6, 'en')).toBe('+32');
    expect(formatValue('nps', -4.2, 'en')).toBe('\u22124');
    expect(formatValue('minutes', 12.46, 'en')).toBe('12.5 min');
    // Regression: a whole figure dropped its decimal, so one chart's bars read "31,9 min … 12 min … 5,4 min".
    expect(formatValue('minutes', 12, 'en')).toBe('12.0 min');
    expect(formatValue('minutes', 11.96, 'lv')).toBe('12,0 min');
    expect(plain(formatValue('count', 12345, 'lv'))).toBe('12 345');
    expect(formatValue('count', 12345, 'en')).toBe('12,345');
  });

  it('declines working days and days in Latvian and English', () => {
    expect(formatValue('working_days', 1, 'lv')).toBe(nb('1,0 darba diena'));
    expect(formatValue('working_days', 21, 'lv')).toBe(nb('21,0 darba diena'));
    expect(formatValue('working_days', 11, 'lv')).toBe(nb('11,0 darba dienas'));
    expect(formatValue('working_days', 4.5, 'lv')).toBe(nb('4,5 darba dienas'));
    expect(formatValue('working_days', 1, 'en')).toBe(nb('1.0 working days'));
    expect(formatValue('working_days', 2, 'en')).toBe(nb('2.0 working days'));
    expect(formatValue('days', 12, 'en')).toBe(nb('12 days'));
  });

  // Regression: the complaint age chart and its table named the bands "0-5 d. d." … "21+ d. d." in Latvian.
  it('names working-day age bands in full words, agreeing with the number beside them', () => {
    expect(['0-5', '6-10', '11-20', '21+'].map((band) => formatWorkingDaysBand(band, 'lv'))).toEqual(
      ['0–5 darba dienas', '6–10 darba dienas', '11–20 darba dienas', '21+ darba dienas'].map(nb),
    );
    expect(formatWorkingDaysBand('21+', 'en')).toBe(nb('21+ working days'));
    expect(formatWorkingDaysBand('0-1', 'en')).toBe(nb('0–1 working day'));
  });

  // "21+ darba diena" read as one day: an open band means many, whatever its number ends in.
  it('gives an open band the plural and a closed one the form of its last number', () => {
    expect(formatWorkingDaysBand('31+', 'lv')).toBe(nb('31+ darba dienas'));
    expect(formatWorkingDaysBand('1+', 'en')).toBe(nb('1+ working days'));
    expect(formatWorkingDaysBand('11-21', 'lv')).toBe(nb('11–21 darba diena'));
  });

  it('shows a missing value as a dash, never as zero', () => {
    expect(formatValue('share', null, 'en')).toBe('—');
    expect(formatValue('minutes', Number.NaN, 'en')).toBe('—');
  });

  it('formats intervals with the unit once and changes of shares in percentage points', () => {
    expect(formatInterval('share', { low: 0.821, high: 0.88 }, 'en')).toBe('82.1–88.0 %');
    expect(formatInterval('minutes', { low: 5, high: 9.5 }, 'lv')).toBe('5,0–9,5 min');
    expect(formatInterval('share', null, 'en')).toBe('—');
    expect(formatChange('share', 0.021, 'en')).toBe('+2.1 pp');
    expect(formatChange('share', -0.021, 'lv')).toBe('\u22122,1 p.p.');
    expect(formatChange('score_1_5', 0, 'en')).toBe('0.00');
  });

  it('writes a change in working days out in words, not as "wd" or "d. d."', () => {
    expect(formatChange('working_days', 1.5, 'en')).toBe(nb('+1.5 working days'));
    expect(formatChange('working_days', -1, 'en')).toBe(nb('\u22121.0 working days'));
    expect(formatChange('working_days', 2.25, 'lv')).toBe(nb('+2,3 darba dienas'));
  });

  // Regression: "+1.5 working days" broke after "+1.5" (or "darba" / "dienas" apart) in a narrow table cell.
  it('keeps a number and its unit in words on one line, as timestamps are', () => {
    for (const text of [
      formatChange('working_days', 1.5, 'en'),
      formatValue('working_days', 4.5, 'lv'),
      formatValue('days', 12, 'en'),
    ])
      expect(text).not.toContain(' ');
    expect(formatChange('working_days', 1.5, 'en')).toBe('+1.5\u00a0working\u00a0days');
  });

  it('plots shares as percent and leaves other units alone', () => {
    expect(plotValue('share', 0.8534)).toBe(85.34);
    expect(plotValue('minutes', 7.25)).toBe(7.25);
  });

  it('judges targets by the metric’s direction and gives neutral metrics no verdict', () => {
    expect(targetStatus('higher_is_better', 0.86, 0.85)).toBe('met');
    expect(targetStatus('higher_is_better', 0.84, 0.85)).toBe('missed');
    expect(targetStatus('higher_is_better', 1, 1)).toBe('met');
    expect(targetStatus('lower_is_better', 10, 10)).toBe('met');
    expect(targetStatus('lower_is_better', 10.5, 10)).toBe('missed');
    expect(targetStatus('neutral', 3, 2)).toBe('none');
    expect(targetStatus('higher_is_better', null, 0.85)).toBe('none');
    expect(targetStatus('higher_is_better', 0.9, null)).toBe('none');
  });

  // Regression: the Alerts screen's "Acknowledged by …, 04.12.2026" badge wrapped with "10:00" on the next line.
  it('keeps a timestamp on one line: no breakable space between its date and time', () => {
    expect(formatTimestamp('2026-12-04T08:00:00.000Z', 'lv')).not.toMatch(/ /);
    expect(formatTimestamp('2026-12-04T08:00:00.000Z', 'en')).not.toMatch(/ /);
  });

  it('shows timestamps in Riga time and periods by grain', () => {
    expect(formatTimestamp('2026-05-12T07:00:00.000Z', 'lv')).toBe('12.05.2026\u00a010:00');
    expect(formatTimestamp(null, 'lv')).toBe('—');
    expect(formatTimestamp('2026-01-12T07:00:00.000Z', 'lv')).toBe('12.01.2026\u00a009:00');
    expect(formatTimestamp('2026-01-12T07:00:00.000Z', 'en')).toBe('12/01/2026\u00a009:00');
    expect(formatPeriod('2026-05-01', 'month', 'en')).toBe('May 2026');
    expect(formatPeriod('2026-05-01', 'month', 'lv')).toBe('maijs 2026');
    expect(formatPeriod('2026-04-01', 'quarter', 'en')).toBe('2026 Q2');
    expect(formatPeriod('2026-05-04', 'week', 'en')).toBe('wk 19 (04/05/2026)');
    expect(formatPeriod('2026-05-04', 'week', 'lv')).toBe('ned. 19 (04.05.2026)');
    // Regression: the Alerts screen's period read "2026-11-28 – 2026-12-04" on a Latvian page.
    expect(formatPeriod('2026-11-28', 'day', 'lv')).toBe('28.11.2026');
    expect(formatPeriod('2026-11-28', 'day', 'en')).toBe('28/11/2026');
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53);
  });
});

describe('formatCount', () => {
  it('groups digits as the language does, the same as the locale’s own toLocaleString', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(plain(formatCount(12345, 'lv'))).toBe('12 345');
    expect(formatCount(1515, 'lv')).toBe((1515).toLocaleString('lv-LV'));
  });
});

describe('formatP', () => {
  it('writes p-values with the language’s decimal mark and a floor of 0.001', () => {
    const plain = (p: number | null, lang: 'lv' | 'en') => formatP(p, lang).replace(/\u00a0/g, ' ');
    expect(plain(0.0004, 'lv')).toBe('p < 0,001');
    expect(plain(0.0421, 'en')).toBe('p = 0.04');
    expect(plain(0.0042, 'en')).toBe('p = 0.004');
    expect(plain(0.31, 'lv')).toBe('p = 0,31');
    expect(formatP(null, 'en')).toBe('—');
  });

  // Regression: Offices' "nozīmīgi sliktāk (p <" over "0,001)" in a narrow column.
  it('keeps a p-value on one line: no breakable space inside it', () => {
    expect(formatP(0.0004, 'lv')).not.toMatch(/ /);
    expect(formatP(0.0421, 'en')).not.toMatch(/ /);
  });
});

describe('formatAxisValue', () => {
  it("writes an axis's numbers in the page's language with the page's percent spacing", () => {
    expect(formatAxisValue('score_1_5', 4.8, 'lv')).toBe('4,8');
    expect(formatAxisValue('score_1_5', 4.8, 'en')).toBe('4.8');
    expect(formatAxisValue('share', 85, 'lv')).toBe('85\u00a0%');
    expect(formatAxisValue('share', 85, 'en')).toBe('85\u00a0%');
    expect(formatAxisValue('minutes', 2.5, 'lv')).toBe('2,5\u00a0min');
  });

  it("gives every tick of an axis the step's decimals, so 4 reads 4,0 between 3,8 and 4,2", () => {
    expect([3.8, 4, 4.2].map((v) => formatAxisValue('score_1_5', v, 'lv', stepDigits(0.2)))).toEqual([
      '3,8',
      '4,0',
      '4,2',
    ]);
    expect(stepDigits(0.25)).toBe(2);
    expect(stepDigits(5)).toBe(0);
    expect(stepDigits(0.1)).toBe(1);
  });
});

describe('formatPerDay', () => {
  // Regression: the arrivals heatmap showed "1" and "2" beside "1,7" and "2,6" (trailing zeros dropped), and then
  // "11" beside "6,9" (whole numbers from 10).
  it('gives every cell one decimal, a trailing zero too, below 10 and from 10 alike', () => {
    expect(formatPerDay(1, 'lv')).toBe('1,0');
    expect(formatPerDay(2, 'en')).toBe('2.0');
    expect(formatPerDay(0.44, 'lv')).toBe('0,4');
    expect(formatPerDay(9.96, 'en')).toBe('10.0');
    expect(formatPerDay(11.4, 'lv')).toBe('11,4');
    expect(formatPerDay(28, 'lv')).toBe('28,0');
  });
});

describe('formatPlotted', () => {
  // Regression: the Visits service-time bars read "31,9 min … 12 min … 6 min … 5,4 min".
  it("writes a chart's figures at their unit's one precision, zeros kept, so every bar has the same decimals", () => {
    expect([31.94, 12, 6, 5.4].map((v) => formatPlotted('minutes', v, 'lv'))).toEqual([
      '31,9\u00a0min',
      '12,0\u00a0min',
      '6,0\u00a0min',
      '5,4\u00a0min',
    ]);
    expect(formatPlotted('share', 85, 'lv')).toBe('85,0\u00a0%');
    expect(formatPlotted('score_1_5', 4.3, 'en')).toBe('4.30');
    expect(formatPlotted('count', 44, 'lv')).toBe('44');
    expect(formatPlotted('minutes', 8, 'lv', false)).toBe('8,0');
  });
});

describe('formatUpTo', () => {
  it('drops trailing zeros up to the digits asked for, in the language’s number format', () => {
    expect(formatUpTo(3, 'lv', 1)).toBe('3');
    expect(formatUpTo(3.46, 'lv', 1)).toBe('3,5');
    expect(plain(formatUpTo(12045.4, 'lv', 0))).toBe('12 045');
    expect(formatUpTo(1204.4, 'en', 1)).toBe('1,204.4');
  });

  // Regression: the Visits screen built a NumberFormat for every heatmap cell and bar label.
  it('reuses one formatter for every call with the same language and digits', () => {
    formatUpTo(1, 'en', 2);
    const built = vi.spyOn(Intl, 'NumberFormat');
    for (let i = 0; i < 100; i++) formatUpTo(i / 7, 'en', 2);
    expect(built).not.toHaveBeenCalled();
    built.mockRestore();
  });
});
