import { validateEvent } from '@servq/contracts';
import { describe, expect, it } from 'vitest';
import { demoEvents } from './demo.events.ts';

describe('demoEvents', () => {
  const now = new Date('2026-06-13T12:00:00Z');
  const events = demoEvents({ days: 14, endDate: '2026-06-12', seed: 7, now });

  it('produces only events that pass their contracts', () => {
    const failures = events.map((e) => validateEvent(e, { now, maxSkewMs: 0, horizonDays: 400 })).filter((r) => !r.ok);
    expect(failures).toEqual([]);
  });

  it('is repeatable: the same seed gives the same events, ids included', () => {
    expect(demoEvents({ days: 14, endDate: '2026-06-12', seed: 7, now })).toEqual(events);
  });

  it('covers every event family and all four offices', () => {
    const types = new Set(events.map((e) => String(e.type).split('.')[0]));
    expect([...types].sort()).toEqual(['complaint', 'feedback', 'survey', 'visit']);
    expect(new Set(events.map((e) => e.office_id))).toEqual(
      new Set(['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja']),
    );
  });

  it('leaves public holidays and moved days off without visits (22-24 June 2026), works the 25th', () => {
    const juneEvents = demoEvents({ days: 5, endDate: '2026-06-26', seed: 7, now: new Date('2026-07-01T00:00:00Z') });
    const days = new Set(
      juneEvents.filter((e) => e.type === 'visit.checked_in').map((e) => String(e.occurred_at).slice(0, 10)),
    );
    expect(days.has('2026-06-23')).toBe(false);
    expect(days.has('2026-06-24')).toBe(false);
    // 22 June 2026 is a day off moved by the Cabinet (worked on Saturday 27 June).
    expect(days.has('2026-06-22')).toBe(false);
    expect(days.has('2026-06-25')).toBe(true);
  });
});
