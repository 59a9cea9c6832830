/**
 * Demo events for the main command: a few weeks of plausible ATD activity in the four offices — visits
 * through their lifecycle, surveys after some visits, complaints with acknowledgements and answers, praise.
 * Deterministic for a seed, so two runs show the same picture. Volumes and rates are invented for the demo,
 * not ATD figures; Riga deliberately waits longer and Daugavpils answers more slowly, so comparisons show a
 * real difference.
 */
import {
  addDays,
  addWorkingDays,
  COMPLAINT_CATEGORY_IDS,
  COMPLAINT_OUTCOMES,
  isWorkingDay,
  rigaDate,
  rigaDateTimeToInstant,
  type IsoDate,
} from '@servq/contracts';

type Json = Record<string, unknown>;

/** mulberry32: a tiny seeded PRNG — demo data needs repeatability, not cryptographic quality. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OFFICES = [
  { id: 'riga-valnu-30', visitsPerDay: 60, waitMean: 22, responseDays: 6 },
  { id: 'cesis', visitsPerDay: 14, waitMean: 9, responseDays: 5 },
  { id: 'daugavpils', visitsPerDay: 18, waitMean: 12, responseDays: 9 },
  { id: 'liepaja', visitsPerDay: 16, waitMean: 10, responseDays: 4 },
] as const;
const SERVICES = ['carrier-licence', 'licence-card', 'taxi-licence-card', 'international-permit', 'consultation'];
const COMMENTS = [
  'Ātri un laipni apkalpoja, paldies!',
  'Ilgi bija jāgaida rindā.',
  'Darbiniece visu skaidri izskaidroja.',
  'Очень вежливый персонал, спасибо.',
  'Nevarēju atrast informāciju mājaslapā.',
  'Helpful staff, quick service.',
];

export interface DemoOptions {
  days: number;
  endDate: IsoDate;
  seed: number;
  /** Events after this instant (answers not yet given) are left out. */
  now: Date;
}

export function demoEvents(options: DemoOptions): Json[] {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const events: Json[] = [];
  // Event ids from the seeded generator too: re-seeding sends the same ids, which servq deduplicates.
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  const base = (type: string, at: Date, office: string | undefined, channel = 'in_person'): Json => ({
    event_id: uuid(),
    type,
    schema_version: 1,
    occurred_at: at.toISOString(),
    source: 'servq-demo',
    channel,
    ...(office ? { office_id: office } : {}),
  });
  const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

  for (let d = options.days - 1; d >= 0; d--) {
    const date = addDays(options.endDate, -d);
    if (!isWorkingDay(date)) continue;
    for (const office of OFFICES) {
      const count = Math.round(office.visitsPerDay * (0.8 + random() * 0.4));
      for (let v = 0; v < count; v++) {
        const visitId = `demo-${office.id}-${date}-${v}`;
        const arrival = rigaDateTimeToInstant(date, '08:30').getTime() + random() * 7.5 * 3600_000;
        const checkedIn = new Date(arrival);
        const language = random() < 0.78 ? 'lv' : random() < 0.85 ? 'ru' : 'en';
        const service = pick(SERVICES);
        if (random() < 0.05) {
          events.push({ ...base('visit.no_show', checkedIn, office.id), visit_id: visitId });
          continue;
        }
        // Russian-speaking customers wait a little longer in the demo: the gap the equal-service check finds.
        const wait = Math.max(
          1,
          Math.round(-Math.log(1 - random()) * office.waitMean * (language === 'ru' ? 1.25 : 1)),
        );
        const called = minutes(checkedIn, wait);
        const served = minutes(called, 5 + Math.round(random() * 20));
        const refused = random() < 0.04;
        events.push(
          {
            ...base('visit.checked_in', checkedIn, office.id),
            visit_id: visitId,
            service_id: service,
            arrival: random() < 0.4 ? 'appointment' : 'walk_in',
            ticket: `${String.fromCharCode(65 + (v % 4))}${100 + v}`,
            special_needs: random() < 0.03,
            service_language: language,
          },
          {
            ...base('visit.called', called, office.id),
            visit_id: visitId,
            desk: `${1 + (v % 6)}`,
            staff_ref: `staff-${office.id}-${v % 9}`,
          },
          {
            ...base('visit.completed', served, office.id),
            visit_id: visitId,
            outcome: refused ? 'refused' : 'served',
            service_language: language,
            service_id: service,
            ...(refused
              ? {
                  refusal_reason: 'documents_incomplete',
                  ...(random() < 0.8 ? { regulation_ref: 'MK noteikumi Nr. 363, 12. p.' } : {}),
                }
              : {}),
          },
        );
        if (random() < 0.3) {
          const score = Math.min(5, Math.max(1, Math.round(5.3 - wait / 15 - random() * 1.5)));
          events.push({
            ...base('survey.submitted', minutes(served, 2), office.id),
            survey_id: `${visitId}-survey`,
            visit_id: visitId,
            satisfaction: score,
            courtesy: Math.min(5, score + (random() < 0.5 ? 1 : 0)),
            speed: Math.max(1, score - (wait > 25 ? 1 : 0)),
            competence: score,
            clarity: score,
            recommend: Math.min(10, score * 2),
            service_language: language,
            ...(random() < 0.3 ? { comment: pick(COMMENTS) } : {}),
          });
        }
      }
      if (random() < 0.35) {
        const complaintId = `demo-c-${office.id}-${date}`;
        const received = rigaDateTimeToInstant(date, '11:00');
        const category = pick(COMPLAINT_CATEGORY_IDS);
        events.push({
          ...base('complaint.received', received, office.id, 'email'),
          complaint_id: complaintId,
          form: 'written',
          category,
          language: 'lv',
          summary: 'Klients neapmierināts ar apkalpošanu.',
        });
        events.push({
          ...base('complaint.acknowledged', minutes(received, 120), office.id, 'email'),
          complaint_id: complaintId,
        });
        const answerDay = addWorkingDays(date, Math.max(1, Math.round(office.responseDays * (0.5 + random()))));
        const answered = rigaDateTimeToInstant(answerDay, '14:00');
        if (answered.getTime() < options.now.getTime()) {
          events.push({
            ...base('complaint.responded', answered, office.id, 'email'),
            complaint_id: complaintId,
            outcome: pick(COMPLAINT_OUTCOMES),
            delivery_method: 'email',
          });
        }
      }
      if (random() < 0.2) {
        events.push({
          ...base('feedback.received', rigaDateTimeToInstant(date, '15:00'), office.id),
          feedback_id: `demo-f-${office.id}-${date}`,
          feedback_kind: 'praise',
          form: 'verbal',
          text: 'Paldies par izpalīdzību!',
        });
      }
    }
  }
  return events.filter((e) => new Date(String(e.occurred_at)).getTime() <= options.now.getTime());
}

export function todayInRiga(): IsoDate {
  return rigaDate(new Date());
}
