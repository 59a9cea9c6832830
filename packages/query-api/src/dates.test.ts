import { describe, expect, it } from 'vitest';
import { writtenDate } from './dates.ts';

describe('writtenDate', () => {
  it('writes a date day first, with dots in Latvian and slashes in English', () => {
    expect(writtenDate('2026-12-04', 'lv')).toBe('04.12.2026');
    expect(writtenDate('2026-12-04', 'en')).toBe('04/12/2026');
  });

  it('leaves what is not an ISO date as it is', () => {
    expect(writtenDate('2026-W49', 'lv')).toBe('2026-W49');
  });
});
