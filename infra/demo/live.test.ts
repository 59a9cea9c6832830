import { validateEvent } from '@servq/contracts';
import { describe, expect, it } from 'vitest';
import type { DemoEvent } from './event.factory.ts';
import { runLive } from './live.ts';

/** A simulated clock from an instant, `speed` simulated milliseconds to a real one. */
function simulatedClock(from: string, speed: number): () => Date {
  const start = Date.now();
  return () => new Date(Date.parse(from) + (Date.now() - start) * speed);
}

async function collect(
  from: string,
  speed: number,
  until: (events: DemoEvent[]) => boolean,
  deadlineMs: number,
): Promise<DemoEvent[]> {
  const events: DemoEvent[] = [];
  const controller = new AbortController();
  const run = runLive({
    send: (batch) => {
      events.push(...batch);
      if (until(events)) controller.abort();
      return Promise.resolve();
    },
    signal: controller.signal,
    tickSeconds: 0.005,
    secondsPerMinute: 0.001,
    rigaArrivalsPerSecond: 100,
    onlinePerSecond: 100,
    now: simulatedClock(from, speed),
  });
  const deadline = setTimeout(() => controller.abort(), deadlineMs);
  await run;
  clearTimeout(deadline);
  return events;
}

describe('live mode', () => {
  it('sends arrivals in Riga during office hours, each called and served after it, all passing their contracts', async () => {
    const completed = (events: DemoEvent[]) => events.filter((e) => e.type === 'visit.completed').length >= 5;
    const events = await collect('2026-12-03T08:00:00Z', 60_000, completed, 10_000);
    expect(completed(events)).toBe(true);
    const now = new Date(Date.parse(events.at(-1)!.occurred_at) + 60_000);
    expect(events.filter((e) => !validateEvent(e, { now, maxSkewMs: 0, horizonDays: 400 }).ok)).toEqual([]);
    for (const done of events.filter((e) => e.type === 'visit.completed')) {
      const of = (type: string) => events.find((e) => e.type === type && e.visit_id === done.visit_id)!.occurred_at;
      expect(of('visit.checked_in') <= of('visit.called')).toBe(true);
      expect(of('visit.called') <= done.occurred_at).toBe(true);
    }
    expect(events.some((e) => e.type === 'visit.checked_in' && e.office_id === 'riga-valnu-30')).toBe(true);
  });

  it('sends no office arrivals at night (23:00 in Riga), only online events', async () => {
    const events = await collect('2026-12-03T21:00:00Z', 1, (list) => list.length >= 3, 10_000);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.filter((e) => e.type.startsWith('visit.'))).toEqual([]);
  });
});
