import { rigaDate, validateEvent } from '@servq/contracts';
import { describe, expect, it } from 'vitest';
import type { DemoEvent } from './event.factory.ts';
import { runLive } from './live.ts';
import { demoYear } from './year.events.ts';

const SEED = 2026;

/** Runs live mode on a clock that moves `stepMinutes` at each look, from `from` until it passes `to`. */
async function liveBetween(from: string, to: string, stepMinutes: number): Promise<DemoEvent[]> {
  const events: DemoEvent[] = [];
  const controller = new AbortController();
  let at = Date.parse(from);
  await runLive({
    seed: SEED,
    after: from,
    signal: controller.signal,
    tickSeconds: 0,
    send: (batch) => {
      events.push(...batch);
      return Promise.resolve();
    },
    now: () => {
      at = Math.min(at + stepMinutes * 60_000, Date.parse(to));
      if (at >= Date.parse(to)) controller.abort();
      return new Date(at);
    },
  });
  return events;
}

describe('live mode', () => {
  it('continues the demo year: history up to a moment plus live mode from it is the year up to later, id for id', async () => {
    const from = '2026-12-03T07:00:00.000Z';
    const to = '2026-12-03T12:00:00.000Z';
    const live = await liveBetween(from, to, 7);
    const year = demoYear({ seed: SEED, endDate: rigaDate(new Date(to)), months: 13, now: new Date(to) }).filter(
      (e) => e.occurred_at > from,
    );
    expect(live.length).toBeGreaterThan(50);
    expect(live.map((e) => e.event_id).sort()).toEqual(year.map((e) => e.event_id).sort());
  });

  it('sends each event once its time has come, in time order, every one passing its contract', async () => {
    const from = '2026-12-03T07:30:00.000Z';
    const to = '2026-12-03T09:30:00.000Z';
    const sentAt: { event: DemoEvent; clock: number }[] = [];
    const controller = new AbortController();
    let at = Date.parse(from);
    await runLive({
      seed: SEED,
      after: from,
      signal: controller.signal,
      tickSeconds: 0,
      send: (batch) => {
        sentAt.push(...batch.map((event) => ({ event, clock: at })));
        return Promise.resolve();
      },
      now: () => {
        at += 3 * 60_000;
        if (at >= Date.parse(to)) controller.abort();
        return new Date(at);
      },
    });
    expect(sentAt.length).toBeGreaterThan(10);
    for (const { event, clock } of sentAt) {
      expect(Date.parse(event.occurred_at)).toBeLessThanOrEqual(clock);
      expect(Date.parse(event.occurred_at)).toBeGreaterThan(clock - 3 * 60_000);
      expect(validateEvent(event, { now: new Date(clock), maxSkewMs: 0, horizonDays: 400 }).ok).toBe(true);
    }
    const times = sentAt.map((s) => s.event.occurred_at);
    expect(times).toEqual([...times].sort());
  });

  it('sends no office visit at night, when every office is closed', async () => {
    const night = await liveBetween('2026-12-03T18:00:00.000Z', '2026-12-04T04:00:00.000Z', 30);
    expect(night.filter((e) => e.type === 'visit.checked_in' || e.type === 'visit.called')).toEqual([]);
  });

  it('keeps a batch that failed to send and sends it on the next tick', async () => {
    const events: DemoEvent[] = [];
    const controller = new AbortController();
    let at = Date.parse('2026-12-03T07:00:00.000Z');
    let failures = 0;
    await runLive({
      seed: SEED,
      after: '2026-12-03T07:00:00.000Z',
      signal: controller.signal,
      tickSeconds: 0,
      send: (batch) => {
        if (failures++ === 0) return Promise.reject(new Error('ingest unavailable'));
        events.push(...batch);
        return Promise.resolve();
      },
      now: () => {
        at += 60 * 60_000;
        if (at >= Date.parse('2026-12-03T09:00:00.000Z')) controller.abort();
        return new Date(at);
      },
    });
    const year = demoYear({ seed: SEED, endDate: '2026-12-03', months: 13, now: new Date(at) }).filter(
      (e) => e.occurred_at > '2026-12-03T07:00:00.000Z',
    );
    expect(events.map((e) => e.event_id).sort()).toEqual(year.map((e) => e.event_id).sort());
  });
});
