import { describe, expect, it } from 'vitest';
import { labels } from './test.fixtures.ts';

describe('reference labels from /v1/reference', () => {
  it('names values in the chosen language and keeps the API order of offices', () => {
    expect(labels.office('riga-valnu-30', 'lv')).toBe('Rīga, Vaļņu 30');
    expect(labels.value('language', 'ru', 'en')).toBe('Russian');
    expect(labels.ids('office')).toEqual(['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja']);
  });

  it('shows an unknown id as it is and a missing value as "not recorded"', () => {
    expect(labels.value('channel', 'carrier_pigeon', 'en')).toBe('carrier_pigeon');
    expect(labels.value('office', null, 'en')).toBe('not recorded');
  });
});
