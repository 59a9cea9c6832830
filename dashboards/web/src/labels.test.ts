import { describe, expect, it } from 'vitest';
import { Labels } from './labels.ts';
import { labels, reference } from './test.fixtures.ts';

describe('reference labels from /v1/reference', () => {
  it('names values in the chosen language and keeps the API order of offices', () => {
    expect(labels.office('riga-valnu-30', 'lv')).toBe('Rīga, Vaļņu 30');
    expect(labels.value('language', 'ru', 'en')).toBe('Russian');
    expect(labels.ids('office')).toEqual(['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja']);
  });

  it("gives an office's short name where the API has one, else its full name", () => {
    const withShort = new Labels({
      ...reference,
      offices: [
        {
          id: 'cesis',
          name: { lv: 'Cēsu reģionālā nodaļa', en: 'Cēsis regional office' },
          short: { lv: 'Cēsis', en: 'Cēsis' },
        },
      ],
    });
    expect(withShort.officeShort('cesis', 'en')).toBe('Cēsis');
    expect(withShort.office('cesis', 'en')).toBe('Cēsis regional office');
    expect(labels.officeShort('liepaja', 'lv')).toBe('Liepāja');
    expect(labels.officeShort('nowhere', 'lv')).toBe('nowhere');
  });

  it('shows an unknown id as it is and a missing value as "Not recorded"', () => {
    expect(labels.value('channel', 'carrier_pigeon', 'en')).toBe('carrier_pigeon');
    expect(labels.value('channel', null, 'en')).toBe('Not recorded');
    expect(labels.value('language', null, 'lv')).toBe('Nav norādīts');
  });

  // One home for the idea: a null office is named by the API's `noOffice`, not by a page word of its own.
  it("names a missing office with the reference's no-office name, in both languages", () => {
    const served = new Labels({ ...reference, noOffice: { lv: 'Bez nodaļas X', en: 'No office X' } });
    expect(served.office(null, 'en')).toBe('No office X');
    expect(served.value('office', null, 'lv')).toBe('Bez nodaļas X');
    expect(served.noOffice('lv')).toBe('Bez nodaļas X');
  });
});
