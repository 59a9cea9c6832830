import { describe, expect, it } from 'vitest';
import { isContractsError } from '../errors.ts';
import { isOfficeOpenAt, nextOpeningDate, officeById, officeHoursOn, Offices, type Office } from './offices.ts';

const riga = Offices['riga-valnu-30'];

describe('office hours', () => {
  it('opens the Riga centre 8:30–16:30 on workdays, as the standard says', () => {
    expect(officeHoursOn(riga, '2026-03-02')).toEqual([{ open: '08:30', close: '16:30' }]);
  });

  it('is closed on weekends and public holidays', () => {
    expect(officeHoursOn(riga, '2026-03-07')).toEqual([]);
    expect(officeHoursOn(riga, '2026-11-18')).toEqual([]);
    expect(officeHoursOn(riga, '2026-01-02')).toEqual([]);
  });

  it('opens on a moved working Saturday with the hours of the weekday it replaces', () => {
    expect(officeHoursOn(riga, '2026-01-17')).toEqual([{ open: '08:30', close: '16:30' }]);
  });

  it('tells open from closed on the Riga wall clock, in winter and summer time', () => {
    expect(isOfficeOpenAt(riga, '2026-03-02T08:29:00+02:00')).toBe(false);
    expect(isOfficeOpenAt(riga, '2026-03-02T08:30:00+02:00')).toBe(true);
    expect(isOfficeOpenAt(riga, '2026-03-02T16:29:59+02:00')).toBe(true);
    expect(isOfficeOpenAt(riga, '2026-03-02T16:30:00+02:00')).toBe(false);
    expect(isOfficeOpenAt(riga, '2026-07-01T05:30:00Z')).toBe(true);
    expect(isOfficeOpenAt(riga, '2026-07-01T13:30:00Z')).toBe(false);
  });

  it('applies a dated change of hours from its effective date only', () => {
    const office: Office = {
      ...riga,
      schedules: [
        ...riga.schedules,
        { effectiveFrom: '2026-04-01', weekly: { thu: [{ open: '10:00', close: '19:00' }] }, note: 'late Thursdays' },
      ],
    };
    expect(officeHoursOn(office, '2026-03-26')).toEqual([{ open: '08:30', close: '16:30' }]);
    expect(officeHoursOn(office, '2026-04-02')).toEqual([{ open: '10:00', close: '19:00' }]);
    expect(officeHoursOn(office, '2026-04-01')).toEqual([]);
  });

  it('finds the next opening day after the Christmas holidays', () => {
    expect(nextOpeningDate(riga, '2025-12-23')).toBe('2025-12-29');
  });

  it('knows the four offices and rejects an unknown id with a typed error', () => {
    expect(Object.keys(Offices)).toEqual(['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja']);
    expect(officeById('cesis').name.lv).toBe('Cēsu reģionālā nodaļa');
    let caught: unknown;
    try {
      officeById('valmiera');
    } catch (error) {
      caught = error;
    }
    expect(isContractsError(caught) && caught.code).toBe('CONTRACTS_UNKNOWN_OFFICE');
  });
});
