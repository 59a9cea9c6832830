import {
  complaintDeadline,
  rigaDate,
  rigaMinuteOfDay,
  validateEvent,
  workingDaysBetween,
  isoWeekday,
} from '@servq/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoEvent } from './event.factory.ts';
import { demoYear } from './year.events.ts';

const now = new Date('2026-12-04T10:00:00Z');
let events: DemoEvent[] = [];
const byType = (type: string) => events.filter((e) => e.type === type);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
function correlation(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i]!;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** Minutes from check-in to call, by visit, with the check-in event. */
function waits(): { wait: number; checkIn: DemoEvent }[] {
  const called = new Map(byType('visit.called').map((e) => [e.visit_id, Date.parse(e.occurred_at)]));
  return byType('visit.checked_in').map((checkIn) => ({
    checkIn,
    wait: ((called.get(checkIn.visit_id) ?? NaN) - Date.parse(checkIn.occurred_at)) / 60_000,
  }));
}

beforeAll(() => {
  events = demoYear({ seed: 2026, endDate: '2026-12-04', months: 13, now });
}, 120_000);

describe('the demo year', () => {
  it('is a year and a month of events that all pass their contracts', () => {
    expect(events.length).toBeGreaterThan(100_000);
    expect(events[0]!.occurred_at.slice(0, 7) <= '2025-11').toBe(true);
    const failures = events.filter((e) => !validateEvent(e, { now, maxSkewMs: 0, horizonDays: 400 }).ok);
    expect(failures.slice(0, 3)).toEqual([]);
    expect(events.every((e) => e.occurred_at <= now.toISOString())).toBe(true);
  }, 120_000);

  it('gives a day the same events, ids included, whatever window it is generated in', () => {
    const short = demoYear({ seed: 2026, endDate: '2026-12-04', months: 1, now });
    const day = (list: DemoEvent[]) =>
      list
        .filter((e) =>
          [e.visit_id, e.survey_id, e.complaint_id, e.feedback_id].some((id) => String(id).includes('-20261120-')),
        )
        .map((e) => e.event_id);
    expect(day(short).length).toBeGreaterThan(100);
    expect(day(short).sort()).toEqual(day(events).sort());
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
  }, 60_000);

  it('keeps holidays, moved days off and closures without visits, and works the moved Saturday', () => {
    const days = new Set(byType('visit.checked_in').map((e) => rigaDate(e.occurred_at)));
    for (const off of ['2026-06-22', '2026-06-23', '2026-06-24', '2026-01-01', '2025-12-25'])
      expect(days.has(off)).toBe(false);
    expect(days.has('2026-06-25')).toBe(true);
    expect(days.has('2026-06-27')).toBe(true);
    const cesis = byType('visit.checked_in')
      .filter((e) => e.office_id === 'cesis')
      .map((e) => rigaDate(e.occurred_at));
    expect(cesis.some((d) => d >= '2026-08-17' && d <= '2026-08-21')).toBe(false);
  });

  it('has Monday and morning peaks, a lunch dip and a spring/summer season', () => {
    const arrivals = byType('visit.checked_in').filter((e) => e.office_id === 'riga-valnu-30');
    const perWeekday = [0, 0, 0, 0, 0, 0, 0];
    const perHalfHour = new Map<number, number>();
    const perMonth = new Map<string, number>();
    for (const e of arrivals) {
      perWeekday[isoWeekday(rigaDate(e.occurred_at)) - 1]! += 1;
      const slot = Math.floor(rigaMinuteOfDay(e.occurred_at) / 30);
      perHalfHour.set(slot, (perHalfHour.get(slot) ?? 0) + 1);
      perMonth.set(e.occurred_at.slice(0, 7), (perMonth.get(e.occurred_at.slice(0, 7)) ?? 0) + 1);
    }
    expect(perWeekday[0]!).toBeGreaterThan(perWeekday[4]! * 1.3);
    expect(perHalfHour.get(19)!).toBeGreaterThan(perHalfHour.get(25)! * 2); // 9:30–10:00 against 12:30–13:00
    expect(perMonth.get('2026-06')!).toBeGreaterThan(perMonth.get('2026-01')! * 1.3);
  });

  it('shows Daugavpils waits dropping after its staffing change, and no such drop elsewhere', () => {
    const all = waits().filter((w) => w.checkIn.arrival === 'walk_in');
    const ratio = (office: string) => {
      const at = all.filter((w) => w.checkIn.office_id === office);
      const before = median(at.filter((w) => w.checkIn.occurred_at < '2026-06-01').map((w) => w.wait));
      const after = median(at.filter((w) => w.checkIn.occurred_at >= '2026-06-01').map((w) => w.wait));
      return before / after;
    };
    expect(ratio('daugavpils')).toBeGreaterThan(1.6);
    for (const office of ['riga-valnu-30', 'liepaja', 'cesis']) expect(ratio(office)).toBeLessThan(1.25);
  });

  it('has a language gap in waits in Riga only', () => {
    const all = waits().filter((w) => w.checkIn.arrival === 'walk_in');
    const gap = (office: string) => {
      const at = all.filter((w) => w.checkIn.office_id === office);
      const of = (language: string) =>
        median(at.filter((w) => w.checkIn.service_language === language).map((w) => w.wait));
      return of('ru') / of('lv');
    };
    expect(gap('riga-valnu-30')).toBeGreaterThan(1.35);
    for (const office of ['daugavpils', 'liepaja', 'cesis']) {
      expect(gap(office)).toBeGreaterThan(0.8);
      expect(gap(office)).toBeLessThan(1.2);
    }
  });

  it('gives each service its own service time: minutes for a copy, half an hour for a bus route permit', () => {
    const called = new Map(byType('visit.called').map((e) => [e.visit_id, Date.parse(e.occurred_at)]));
    const minutes = (service: string) =>
      median(
        byType('visit.completed')
          .filter((e) => e.service_id === service && !e.special_needs_help && e.special_needs_help !== false)
          .map((e) => (Date.parse(e.occurred_at) - (called.get(e.visit_id) ?? NaN)) / 60_000),
      );
    expect(minutes('document-copy')).toBeGreaterThan(3);
    expect(minutes('document-copy')).toBeLessThan(7);
    expect(minutes('bus-route-permit')).toBeGreaterThan(22);
    expect(minutes('bus-route-permit') / minutes('document-copy')).toBeGreaterThan(4);
    expect(minutes('carrier-licence')).toBeGreaterThan(minutes('licence-card') + 5);
  });

  it('links satisfaction to the wait and to the dimensions with unequal strengths', () => {
    const waitOf = new Map(waits().map((w) => [w.checkIn.visit_id, w.wait]));
    const surveys = byType('survey.submitted').filter(
      (s) => typeof s.visit_id === 'string' && s.courtesy && s.identifiable && s.speed,
    );
    const sat = surveys.map((s) => Number(s.satisfaction));
    expect(
      correlation(
        surveys.map((s) => waitOf.get(s.visit_id) ?? 0),
        sat,
      ),
    ).toBeLessThan(-0.2);
    const courtesy = correlation(
      surveys.map((s) => Number(s.courtesy)),
      sat,
    );
    const speed = correlation(
      surveys.map((s) => Number(s.speed)),
      sat,
    );
    const identifiable = correlation(
      surveys.map((s) => Number(s.identifiable)),
      sat,
    );
    expect(courtesy).toBeGreaterThan(identifiable + 0.2);
    expect(speed).toBeGreaterThan(identifiable + 0.2);
  });

  it('slows complaint answers after the deadline shortened on 1 March 2026, then recovers', () => {
    const answered = new Map(byType('complaint.responded').map((e) => [e.complaint_id, rigaDate(e.occurred_at)]));
    const received = byType('complaint.received');
    const withinTen = (from: string, to: string) => {
      const inPeriod = received.filter(
        (e) => e.occurred_at >= from && e.occurred_at < to && answered.has(e.complaint_id),
      );
      const days = inPeriod.map((e) => workingDaysBetween(rigaDate(e.occurred_at), answered.get(e.complaint_id)!));
      return days.filter((d) => d <= 10).length / days.length;
    };
    expect(withinTen('2026-03-01', '2026-05-01')).toBeLessThan(0.45);
    expect(withinTen('2026-07-01', '2026-11-01')).toBeGreaterThan(0.85); // the extended ones take longer by design
    const forwarded = new Set(byType('complaint.forwarded').map((f) => f.complaint_id));
    const statuses = received.map(
      (e) =>
        complaintDeadline(
          {
            received_at: e.occurred_at,
            responded_at: answered.has(e.complaint_id) ? `${answered.get(e.complaint_id)}T12:00:00Z` : null,
            forwarded: forwarded.has(e.complaint_id),
          },
          { now },
        ).status,
    );
    expect(statuses.filter((s) => s === 'overdue').length).toBeGreaterThanOrEqual(3);
    expect(byType('complaint.forwarded').length).toBeGreaterThanOrEqual(5);
    expect(byType('complaint.extended').length).toBeGreaterThanOrEqual(5);
  });

  it('receives complaints and feedback through every channel the standard lists, with personal data in some texts', () => {
    const channels = new Set(byType('complaint.received').map((e) => e.channel));
    for (const c of [
      'post',
      'email',
      'email_esignature',
      'latvija_lv',
      'e_address',
      'facebook',
      'x_twitter',
      'phone',
      'in_person',
    ]) {
      expect(channels.has(c)).toBe(true);
    }
    expect(new Set(byType('feedback.received').map((e) => e.feedback_kind))).toEqual(new Set(['praise', 'suggestion']));
    const texts = events.flatMap((e) =>
      [e.comment, e.summary, e.text].filter((t): t is string => typeof t === 'string'),
    );
    expect(texts.some((t) => /[а-я]/.test(t))).toBe(true);
    expect(texts.some((t) => /ā|ē|ī|ū/.test(t))).toBe(true);
    expect(texts.some((t) => /@example\.lv/.test(t))).toBe(true);
    expect(texts.some((t) => /\+371 2\d{7}/.test(t))).toBe(true);
    expect(texts.some((t) => /\d{6}-\d{5}/.test(t))).toBe(true);
  });

  it('has appointments kept against their slot, cancelled and missed, walk-ins, refusals citing a regulation', () => {
    const slots = new Map(byType('visit.booked').map((e) => [e.visit_id, Date.parse(String(e.slot_start))]));
    const punctuality = byType('visit.checked_in')
      .filter((e) => e.arrival === 'appointment')
      .map((e) => (Date.parse(e.occurred_at) - slots.get(e.visit_id)!) / 60_000);
    expect(median(punctuality)).toBeGreaterThan(-15);
    expect(median(punctuality)).toBeLessThan(0);
    expect(punctuality.filter((p) => p > 0).length / punctuality.length).toBeGreaterThan(0.05);
    expect(byType('visit.cancelled').length).toBeGreaterThan(100);
    expect(byType('visit.no_show').length).toBeGreaterThan(100);
    const refused = byType('visit.completed').filter((e) => e.outcome === 'refused');
    expect(refused.filter((e) => e.regulation_ref).length / refused.length).toBeGreaterThan(0.75);
    const languages = new Set(byType('visit.completed').map((e) => e.service_language));
    expect([...languages].sort()).toEqual(['en', 'lv', 'other', 'ru']);
    expect(byType('visit.completed').some((e) => e.special_needs_help === true)).toBe(true);
  });
});
