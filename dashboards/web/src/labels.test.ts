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
    expect(labels.value('office', null, 'en')).toBe('Not recorded');
    expect(labels.value('office', null, 'lv')).toBe('Nav norādīts');
  });
});
