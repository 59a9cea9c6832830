/**
 * One office's visits on one day: arrivals shaped by the hour, weekday and season; appointments booked days
 * ahead (checked in against the slot, cancelled or missed) and walk-ins; waits that grow with the load, with the
 * staffing and language stories applied; refusals citing a regulation; special-needs help; a survey after some
 * visits whose scores depend on the wait and whose overall score weighs the standard's dimensions unequally.
 */
import {
  addDays,
  isoWeekday,
  isPublicHoliday,
  MOVED_WORKING_DAYS,
  officeHoursOn,
  Offices,
  REFUSAL_REASON_IDS,
  rigaDateTimeToInstant,
  type IsoDate,
  type ServiceId,
  type ServiceLanguageId,
} from '@servq/contracts';
import { surveyComment } from './comments.ts';
import { clamp, normal, pick, poisson, randomFor, weighted, type Random } from './random.ts';
import {
  DEMO_CLOSURES,
  HALF_HOUR_WEIGHTS,
  LANGUAGE_GAP,
  REDIRECT_TO,
  REGULATION_REFS,
  seasonFactor,
  STAFFING_CHANGE,
  WEEKDAY_FACTOR,
  type OfficeProfile,
} from './story.ts';
import type { DemoEvent, EventFactory } from './event.factory.ts';

const SERVICES: readonly (readonly [ServiceId, number, string])[] = [
  ['licence-card', 30, 'A'],
  ['carrier-licence', 16, 'A'],
  ['taxi-licence-card', 14, 'A'],
  ['international-permit', 10, 'B'],
  ['bus-route-permit', 4, 'B'],
  ['document-copy', 8, 'C'],
  ['passenger-rights', 4, 'C'],
  ['public-transport-info', 4, 'C'],
  ['consultation', 10, 'C'],
];

/**
 * A service's median minutes at the desk: a quick copy or a question is minutes, a carrier's licence or a bus
 * route permit (documents checked against several registers) takes a good while; a customer who needs help
 * takes longer still.
 */
const SERVICE_MINUTES: Record<ServiceId, number> = {
  'licence-card': 11,
  'carrier-licence': 22,
  'taxi-licence-card': 13,
  'international-permit': 9,
  'bus-route-permit': 28,
  'document-copy': 5,
  'passenger-rights': 16,
  'public-transport-info': 6,
  consultation: 12,
};
const SPECIAL_NEEDS_TIME = 1.3;

const MINUTE = 60_000;

/** Opening minutes (from midnight, Riga wall clock) on a date, after closures and the shortened pre-holiday day. */
export function openingMinutes(office: OfficeProfile, date: IsoDate): { open: number; close: number } | null {
  if (DEMO_CLOSURES.some((c) => c.office === office.id && c.from <= date && date <= c.to)) return null;
  const hours = officeHoursOn(Offices[office.id], date);
  const first = hours[0];
  const last = hours.at(-1);
  if (!first || !last) return null;
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  // Labour Law, Section 134: the working day before a public holiday is one hour shorter.
  const close = toMin(last.close) - (isPublicHoliday(addDays(date, 1)) ? 60 : 0);
  return { open: toMin(first.open), close };
}

function weekdayFactor(date: IsoDate): number {
  const moved = MOVED_WORKING_DAYS.find((m) => m.workedOn === date);
  return WEEKDAY_FACTOR[isoWeekday(moved ? moved.dayOff : date) - 1] ?? 1;
}

/** The wait multiplier a day's context gives: staffing, the weekday's load, the season. */
function dayWaitFactor(office: OfficeProfile, date: IsoDate): number {
  const staffing =
    office.id === STAFFING_CHANGE.office && date < STAFFING_CHANGE.on ? STAFFING_CHANGE.waitFactorBefore : 1;
  return staffing * weekdayFactor(date) ** 1.5 * seasonFactor(date) ** 1.2;
}

function surveyScores(random: Random, waitMinutes: number, refused: boolean) {
  const score = (x: number) => clamp(Math.round(x), 1, 5);
  const speed = score(5.3 - waitMinutes / 10 + normal(random) * 0.6);
  const courtesy = score(4.5 - (refused ? 0.8 : 0) + normal(random) * 0.8);
  const competence = score(4.4 + normal(random) * 0.7);
  const clarity = score(4.2 + 0.3 * (competence - 4.4) - (refused ? 0.6 : 0) + normal(random) * 0.8);
  const identifiable = score(4.6 + normal(random) * 0.6);
  // Courtesy and speed weigh most, the name card least: the driver analysis must rank them so.
  const overall = score(
    0.38 * courtesy + 0.3 * speed + 0.17 * competence + 0.1 * clarity + 0.05 * identifiable + normal(random) * 0.4,
  );
  const recommend = clamp(Math.round(2.2 * overall - 1 + normal(random)), 0, 10);
  return { satisfaction: overall, competence, courtesy, speed, clarity, identifiable, recommend };
}

export function visitsOnDay(make: EventFactory, office: OfficeProfile, date: IsoDate): DemoEvent[] {
  const hours = openingMinutes(office, date);
  if (!hours) return [];
  const random = randomFor(make.seed, `visits:${office.id}:${date}`);
  const events: DemoEvent[] = [];
  const midnight = rigaDateTimeToInstant(date, '00:00').getTime();
  const at = (minute: number) => new Date(midnight + minute * MINUTE);
  const slots = HALF_HOUR_WEIGHTS.map((w, i) => [i, w] as const).filter(([i]) => hours.open + i * 30 < hours.close);
  const count = poisson(random, office.visitsPerDay * seasonFactor(date) * weekdayFactor(date));
  const dayFactor = dayWaitFactor(office, date);
  const compact = date.replaceAll('-', '');
  const counters: Record<string, number> = {};

  for (let v = 0; v < count; v++) {
    const visitId = `${office.id}-${compact}-${v}`;
    const slot = weighted(random, slots);
    let arrival = hours.open + slot * 30 + random() * 30;
    const [service, , letter] = weighted(
      random,
      SERVICES.map((s) => [s, s[1]] as const),
    );
    const language = weighted<ServiceLanguageId>(random, office.languages);
    const specialNeeds = random() < 0.03;
    const appointment = random() < 0.42;
    const base = { office_id: office.id, visit_id: visitId };

    if (appointment) {
      const slotStart = hours.open + Math.floor((arrival - hours.open) / 20) * 20;
      const bookedAt = new Date(at(slotStart).getTime() - (1 + random() * 13) * 86_400_000);
      events.push(
        make.event('visit.booked', bookedAt, random() < 0.7 ? 'e_services_portal' : 'phone', {
          ...base,
          service_id: service,
          slot_start: at(slotStart).toISOString(),
          slot_minutes: 20,
          service_language: language,
          ...(specialNeeds ? { special_needs: true } : {}),
        }),
      );
      const fate = random();
      if (fate < 0.07) {
        const cancelledAt = new Date(bookedAt.getTime() + random() * (at(slotStart).getTime() - bookedAt.getTime()));
        const by = random() < 0.85 ? 'customer' : 'office';
        events.push(
          make.event('visit.cancelled', cancelledAt, by === 'customer' ? 'e_services_portal' : 'phone', {
            ...base,
            cancelled_by: by,
          }),
        );
        continue;
      }
      if (fate < 0.13) {
        events.push(
          make.event('visit.no_show', at(slotStart + 15), 'in_person', {
            ...base,
            slot_start: at(slotStart).toISOString(),
          }),
        );
        continue;
      }
      // Punctuality: most come a few minutes early, one in ten is late.
      const offset = random() < 0.1 ? 3 + random() * 17 : -8 + normal(random) * 3;
      arrival = clamp(slotStart + offset, hours.open - 10, hours.close - 1);
    }

    const counter = (counters[appointment ? 'P' : letter] = (counters[appointment ? 'P' : letter] ?? 0) + 1);
    const load = (HALF_HOUR_WEIGHTS[slot] ?? 1) / 1.1;
    const languageFactor =
      office.id === LANGUAGE_GAP.office && language === LANGUAGE_GAP.language ? LANGUAGE_GAP.waitFactor : 1;
    const wait = Math.max(
      0.3,
      office.waitMedian *
        dayFactor *
        load ** 1.3 *
        languageFactor *
        (appointment ? 0.4 : 1) *
        Math.exp(0.5 * normal(random)),
    );
    const calledAt = arrival + wait;
    // One draw, as before, so every other figure of the day stays as it was; only its scale follows the service.
    const serviceMinutes = SERVICE_MINUTES[service] * (specialNeeds ? SPECIAL_NEEDS_TIME : 1);
    const doneAt = calledAt + 1 + (serviceMinutes - 1) * Math.exp(0.45 * normal(random));
    const staff = `staff-${office.id}-${1 + Math.floor(random() * office.staff)}`;
    events.push(
      make.event('visit.checked_in', at(arrival), 'in_person', {
        ...base,
        service_id: service,
        arrival: appointment ? 'appointment' : 'walk_in',
        ticket: `${appointment ? 'P' : letter}${String(counter).padStart(3, '0')}`,
        special_needs: specialNeeds,
        service_language: language,
      }),
      make.event('visit.called', at(calledAt), 'in_person', {
        ...base,
        desk: String(1 + Math.floor(random() * office.desks)),
        staff_ref: staff,
      }),
    );
    const fate = random();
    const outcome = fate < 0.045 ? 'refused' : fate < 0.065 ? 'redirected' : 'served';
    const reason = pick(random, REFUSAL_REASON_IDS.slice(0, 7));
    events.push(
      make.event('visit.completed', at(doneAt), 'in_person', {
        ...base,
        outcome,
        service_language: language,
        service_id: service,
        staff_ref: staff,
        ...(outcome === 'refused'
          ? {
              refusal_reason: reason,
              ...(random() < 0.85 ? { regulation_ref: pick(random, REGULATION_REFS[reason] ?? []) } : {}),
            }
          : {}),
        ...(outcome === 'redirected' ? { redirected_to: pick(random, REDIRECT_TO) } : {}),
        ...(specialNeeds ? { special_needs_help: random() < 0.9 } : {}),
      }),
    );
    if (random() < 0.24) {
      const scores = surveyScores(random, wait, outcome === 'refused');
      const byEmail = random() < 0.3;
      events.push(
        make.event(
          'survey.submitted',
          at(doneAt + (byEmail ? 180 + random() * 300 : 1 + random() * 6)),
          byEmail ? 'email' : 'in_person',
          {
            office_id: office.id,
            survey_id: `s-${visitId}`,
            visit_id: visitId,
            service_id: service,
            ...Object.fromEntries(Object.entries(scores).filter(([k]) => k === 'satisfaction' || random() < 0.9)),
            service_language: language,
            ...(random() < 0.28 ? { comment: surveyComment(random, language, scores.satisfaction >= 4) } : {}),
          },
        ),
      );
    }
  }
  return events;
}
