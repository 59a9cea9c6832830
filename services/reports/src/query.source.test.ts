import type { ReferenceAnswer } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { ReportsError, ReportsErrorCode } from './errors.ts';
import { officeNames } from './query.source.ts';

const reference = {
  offices: [{ id: 'cesis', name: { lv: 'Cēsu reģionālā nodaļa', en: 'Cēsis regional office' } }],
} as unknown as ReferenceAnswer;

/** A reference reader that fails as often as told, then answers; counts the reads. */
function source(failures: number) {
  let reads = 0;
  return {
    reads: () => reads,
    reference: () => {
      reads += 1;
      return reads <= failures
        ? Promise.reject(new ReportsError(ReportsErrorCode.QueryFailed, 'query API /v1/reference answered 503'))
        : Promise.resolve(reference);
    },
  };
}

describe('office names', () => {
  it("names an office in the language asked for from the query API's reference, read once", async () => {
    const s = source(0);
    const name = officeNames(s);
    expect(await name('cesis', 'lv')).toBe('Cēsu reģionālā nodaļa');
    expect(await name('cesis', 'en')).toBe('Cēsis regional office');
    expect(await name(undefined, 'en')).toBeUndefined();
    expect(s.reads()).toBe(1);
  });

  it('leaves the id while the reference cannot be read, and asks again on the next call', async () => {
    const s = source(1);
    const name = officeNames(s);
    expect(await name('cesis', 'lv')).toBe('cesis');
    expect(await name('cesis', 'lv')).toBe('Cēsu reģionālā nodaļa');
    expect(s.reads()).toBe(2);
  });
});
