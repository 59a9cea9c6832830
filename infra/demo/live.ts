/**
 * Live mode: a trickle of new events stamped "now", so the dashboard visibly moves within seconds. While an
 * office is open (its hours from the reference data), customers arrive there — every few seconds in Riga, less
 * often in the regions — and are called and served on a compressed clock (seconds for minutes); a survey
 * follows some visits. Round the clock, e-service surveys and the odd complaint or praise arrive online.
 */
import { randomUUID } from 'node:crypto';
import { isOfficeOpenAt, Offices, rigaDate, type ChannelId } from '@servq/contracts';
import type { DemoEvent } from './event.factory.ts';
import { DEMO_SOURCE } from './event.factory.ts';
import { clamp, normal, prng, weighted, type Random } from './random.ts';
import { OFFICE_PROFILES } from './story.ts';

export interface LiveOptions {
  send: (events: DemoEvent[]) => Promise<void>;
  signal: AbortSignal;
  /** Seconds between ticks. */
  tickSeconds?: number;
  /** Real seconds per simulated minute of waiting and service (1: a 10-minute wait shows as 10 s). */
  secondsPerMinute?: number;
  /** Arrivals per second in Riga while open; the regions in proportion to their volume. */
  rigaArrivalsPerSecond?: number;
  /** Online events (e-service surveys) per second, round the clock; praise comes at a sixth of this rate. */
  onlinePerSecond?: number;
  /** The clock (tests pass a simulated office hour). */
  now?: () => Date;
}

function live(at: Date, type: string, channel: ChannelId, fields: Record<string, unknown>): DemoEvent {
  return {
    event_id: randomUUID(),
    type,
    schema_version: 1,
    occurred_at: at.toISOString(),
    source: DEMO_SOURCE,
    channel,
    ...fields,
  };
}

function later(signal: AbortSignal, seconds: number, action: () => Promise<void>): void {
  const timer = setTimeout(() => void action().catch(() => undefined), seconds * 1000);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

function visit(options: LiveOptions, random: Random, officeIndex: number, n: number): Promise<void> {
  const clock = options.now ?? (() => new Date());
  const scale = options.secondsPerMinute ?? 1;
  const office = OFFICE_PROFILES[officeIndex]!;
  const visitId = `live-${Date.now().toString(36)}-${n}`;
  const language = weighted(random, office.languages);
  const base = { office_id: office.id, visit_id: visitId };
  const wait = clamp(office.waitMedian * Math.exp(0.5 * normal(random)), 2, 60);
  later(options.signal, wait * scale, () =>
    options.send([
      live(clock(), 'visit.called', 'in_person', {
        ...base,
        desk: String(1 + (n % office.desks)),
        staff_ref: `staff-${office.id}-1`,
      }),
    ]),
  );
  later(options.signal, (wait + 8 + random() * 20) * scale, async () => {
    const satisfaction = clamp(Math.round(5.2 - wait / 12 + normal(random) * 0.6), 1, 5);
    await options.send([
      live(clock(), 'visit.completed', 'in_person', { ...base, outcome: 'served', service_language: language }),
      ...(random() < 0.3
        ? [
            live(clock(), 'survey.submitted', 'in_person', {
              office_id: office.id,
              survey_id: `s-${visitId}`,
              visit_id: visitId,
              satisfaction,
              service_language: language,
            }),
          ]
        : []),
    ]);
  });
  return options.send([
    live(clock(), 'visit.checked_in', 'in_person', {
      ...base,
      service_id: 'licence-card',
      arrival: random() < 0.4 ? 'appointment' : 'walk_in',
      ticket: `L${String(n % 1000).padStart(3, '0')}`,
      special_needs: random() < 0.03,
      service_language: language,
    }),
  ]);
}

/** Runs until the signal aborts; returns how many arrivals it made. */
export async function runLive(options: LiveOptions): Promise<number> {
  const random = prng(Date.now());
  const tick = options.tickSeconds ?? 2;
  const clock = options.now ?? (() => new Date());
  let n = 0;
  while (!options.signal.aborted) {
    const now = clock();
    const sends: Promise<void>[] = [];
    OFFICE_PROFILES.forEach((office, i) => {
      const rate = (options.rigaArrivalsPerSecond ?? 1 / 3) * (office.visitsPerDay / OFFICE_PROFILES[0]!.visitsPerDay);
      if (isOfficeOpenAt(Offices[office.id], now) && random() < tick * rate) {
        sends.push(visit(options, random, i, n++));
      }
    });
    const online = options.onlinePerSecond ?? 0.1;
    if (random() < tick * online) {
      const satisfaction = clamp(Math.round(4 + normal(random)), 1, 5);
      const caseId = `live-eps-${Date.now().toString(36)}`;
      sends.push(
        options.send([
          live(clock(), 'survey.submitted', 'e_services_portal', {
            survey_id: `s-${caseId}`,
            case_id: caseId,
            satisfaction,
          }),
        ]),
      );
    }
    if (random() < (tick * online) / 6) {
      sends.push(
        options.send([
          live(clock(), 'feedback.received', 'email', {
            feedback_id: `live-f-${rigaDate(now).replaceAll('-', '')}-${Date.now().toString(36)}`,
            feedback_kind: 'praise',
            form: 'written',
            language: 'lv',
            text: 'Paldies par ātru apkalpošanu!',
          }),
        ]),
      );
    }
    await Promise.allSettled(sends);
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, tick * 1000);
      options.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve(undefined);
        },
        { once: true },
      );
    });
  }
  return n;
}
