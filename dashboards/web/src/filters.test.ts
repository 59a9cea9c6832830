import { describe, expect, it } from 'vitest';
import {
  dateFormatHint,
  defaultFilters,
  formatDate,
  monthsBefore,
  officeOn,
  parseDateInput,
  parseRoute,
  presetRange,
  rigaToday,
  routeHash,
} from './filters.ts';

describe('screen and filters in the address', () => {
  it('defaults to the overview of the last six calendar months by month', () => {
    expect(parseRoute('', '2026-05-20')).toEqual({ screen: 'overview', filters: defaultFilters('2026-05-20') });
    expect(defaultFilters('2026-05-20')).toEqual({
      from: '2025-12-01',
      to: '2026-05-20',
      grain: 'month',
      office: '',
      channel: '',
      service: '',
      language: '',
    });
    expect(monthsBefore('2026-01-31', 1)).toBe('2025-12-01');
  });

  it('round-trips a route and ignores malformed values', () => {
    const route = {
      screen: 'offices' as const,
      filters: {
        from: '2026-01-01',
        to: '2026-03-31',
        grain: 'week' as const,
        office: 'cesis',
        channel: 'in_person',
        service: 'licence-card',
        language: 'ru',
      },
    };
    expect(parseRoute(routeHash(route), '2026-05-20')).toEqual(route);
    expect(parseRoute('#/nowhere?from=1.1.2026&grain=year', '2026-05-20').filters).toMatchObject({
      from: '2025-12-01',
      grain: 'month',
    });
  });

  it('swaps a reversed range instead of asking for an empty one', () => {
    expect(parseRoute('#/overview?from=2026-04-01&to=2026-03-01', '2026-05-20').filters).toMatchObject({
      from: '2026-03-01',
      to: '2026-04-01',
    });
  });

  it('takes today from the Riga calendar', () => {
    expect(rigaToday(new Date('2026-05-19T22:30:00Z'))).toBe('2026-05-20');
  });

  it('offers date presets that end at the last day with data', () => {
    expect(presetRange('weeks4', '2026-12-03')).toEqual({ from: '2026-11-06', to: '2026-12-03', grain: 'week' });
    expect(presetRange('months12', '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-03', grain: 'month' });
    expect(presetRange('ytd', '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-03', grain: 'month' });
    expect(presetRange('quarter', '2026-12-03').from).toBe('2026-09-04');
  });

  it("writes dates in the page's language, day first, whatever the browser's locale", () => {
    expect(formatDate('2026-12-04', 'lv')).toBe('04.12.2026');
    expect(formatDate('2026-12-04', 'en')).toBe('04/12/2026');
    expect(dateFormatHint('lv')).toBe('dd.mm.gggg');
    expect(dateFormatHint('en')).toBe('dd/mm/yyyy');
  });

  it('reads a typed date day first, and refuses what is not a calendar date', () => {
    expect(parseDateInput('04.12.2026')).toBe('2026-12-04');
    expect(parseDateInput(' 4.12.2026. ')).toBe('2026-12-04');
    expect(parseDateInput('04/12/2026')).toBe('2026-12-04');
    expect(parseDateInput('4-12-26')).toBe('2026-12-04');
    expect(parseDateInput('2026-12-04')).toBe('2026-12-04');
    expect(parseDateInput('29.02.2024')).toBe('2024-02-29');
    for (const wrong of ['29.02.2026', '31.04.2026', '12.13.2026', '2026', '', 'rīt', '04.12.1899'])
      expect({ wrong, parsed: parseDateInput(wrong) }).toEqual({ wrong, parsed: null });
  });
});

describe('the office filter "no office assigned"', () => {
  it('filters the Complaints screen to the records with no office, and reads as all offices where visits are shown', () => {
    expect(officeOn('complaints', 'no-office', 'no-office')).toBe('no-office');
    for (const screen of ['overview', 'offices', 'equal', 'visits'] as const)
      expect({ screen, office: officeOn(screen, 'no-office', 'no-office') }).toEqual({ screen, office: '' });
    expect(officeOn('visits', 'cesis', 'no-office')).toBe('cesis');
  });

  it('keeps it in the address, so the way back to Complaints is still filtered', () => {
    const route = parseRoute('#/visits?from=2026-09-06&to=2026-12-05&grain=week&office=no-office', '2026-12-05');
    expect(route.filters.office).toBe('no-office');
    expect(routeHash({ ...route, screen: 'complaints' })).toContain('office=no-office');
  });
});
