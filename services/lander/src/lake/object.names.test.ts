import { describe, expect, it } from 'vitest';
import { compactedObjectKey, dataObjectKey, isCompactedKey, lakeDate, parseDataObjectKey } from './object.names.ts';

describe('object names', () => {
  it('dates an instant by the office day in Riga, across midnight and the DST change', () => {
    expect(lakeDate(new Date('2026-03-01T21:59:59Z'))).toBe('2026-03-01');
    expect(lakeDate(new Date('2026-03-01T22:00:00Z'))).toBe('2026-03-02');
    // Summer time (UTC+3) from 29 March 2026.
    expect(lakeDate(new Date('2026-07-01T20:59:59Z'))).toBe('2026-07-01');
    expect(lakeDate(new Date('2026-07-01T21:00:00Z'))).toBe('2026-07-02');
  });

  it('memoised per UTC hour, agrees with the time zone database at every minute around both DST changes', () => {
    const riga = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' });
    for (const around of ['2026-03-28T12:00:00Z', '2026-10-24T12:00:00Z', '2027-03-27T12:00:00Z']) {
      const start = Date.parse(around);
      for (let ms = start; ms < start + 48 * 3_600_000; ms += 60_000) {
        expect(lakeDate(new Date(ms))).toBe(riga.format(ms));
      }
    }
  });

  it('names a landed object by table, day, topic, partition and offsets, and parses it back', () => {
    const key = dataObjectKey('lake/', 'visit_events', '2026-03-02', 'servq.visit.v1', 4, '100', '149');
    expect(key).toBe('lake/visit_events/date=2026-03-02/servq.visit.v1+4+100+149.parquet');
    expect(parseDataObjectKey('lake/', key)).toEqual({
      table: 'visit_events',
      date: '2026-03-02',
      topic: 'servq.visit.v1',
      partition: 4,
      firstOffset: '100',
      lastOffset: '149',
    });
  });

  it('tells compacted objects apart from landed ones', () => {
    const key = compactedObjectKey('lake/', 'visit_events', '2026-03-02', '0123456789abcdef');
    expect(isCompactedKey(key)).toBe(true);
    expect(parseDataObjectKey('lake/', key)).toBeUndefined();
  });
});
