/**
 * The day's written and verbal complaints, praise and suggestions through every channel the standard lists,
 * with their lifecycle (acknowledged, forwarded, extended, answered, closed, reopened) timed in working days
 * against the Law on Submissions; and surveys answered after an e-service case on the portals.
 */
import {
  addWorkingDays,
  COMPLAINT_CATEGORY_IDS,
  dueDate,
  DEFAULT_WORKING_CALENDAR,
  EXTENSION_REASONS,
  isWorkingDay,
  REOPEN_REASONS,
  responseRuleOn,
  rigaDateTimeToInstant,
  type ChannelId,
  type ComplaintCategoryId,
  type IsoDate,
  type OfficeId,
  type ServiceLanguageId,
} from '@servq/contracts';
import { complaintSummary, feedbackText, surveyComment } from './comments.ts';
import type { DemoEvent, EventFactory } from './event.factory.ts';
import { clamp, normal, pick, poisson, randomFor, weighted, type Random } from './random.ts';
import { COMPLAINT_ANSWER_PHASES, FORWARD_TO, seasonFactor, STAFFING_CHANGE } from './story.ts';

/** Complaint channels with their share; phone and in person are verbal, the rest written. */
const COMPLAINT_CHANNELS: readonly (readonly [ChannelId, number])[] = [
  ['email', 24],
  ['post', 9],
  ['email_esignature', 7],
  ['latvija_lv', 12],
  ['e_address', 10],
  ['facebook', 8],
  ['x_twitter', 4],
  ['phone', 13],
  ['in_person', 13],
];

const OFFICES_BY_SHARE: readonly (readonly [OfficeId | undefined, number])[] = [
  ['riga-valnu-30', 50],
  ['daugavpils', 14],
  ['liepaja', 11],
  ['cesis', 8],
  [undefined, 17],
];

const REPLY_BY_CHANNEL: Partial<Record<ChannelId, string>> = {
  post: 'post',
  e_address: 'e_address',
  latvija_lv: 'latvija_lv',
  phone: 'phone',
  in_person: 'post',
};

const LANGUAGES: readonly (readonly [ServiceLanguageId, number])[] = [
  ['lv', 74],
  ['ru', 21],
  ['en', 5],
];

function at(date: IsoDate, minuteOfDay: number): Date {
  return new Date(rigaDateTimeToInstant(date, '00:00').getTime() + minuteOfDay * 60_000);
}

/** Working days to answer a complaint received on a date: the story of the shortened deadline. */
export function answerWorkingDays(random: Random, receivedOn: IsoDate): number {
  const phase = COMPLAINT_ANSWER_PHASES.filter((p) => p.from <= receivedOn).at(-1)!;
  return clamp(Math.round(phase.meanWorkingDays + normal(random) * phase.spread), 1, 30);
}

function complaint(make: EventFactory, random: Random, date: IsoDate, n: number): DemoEvent[] {
  const id = `c-${date.replaceAll('-', '')}-${n}`;
  const channel = weighted(random, COMPLAINT_CHANNELS);
  const verbal = channel === 'phone' || channel === 'in_person';
  const office =
    channel === 'in_person' ? weighted(random, OFFICES_BY_SHARE.slice(0, 4)) : weighted(random, OFFICES_BY_SHARE);
  // Before its new hire, Daugavpils drew complaints about waiting.
  const category: ComplaintCategoryId =
    office === STAFFING_CHANGE.office && date < STAFFING_CHANGE.on && random() < 0.5
      ? 'waiting'
      : pick(random, COMPLAINT_CATEGORY_IDS);
  const language = weighted(random, LANGUAGES);
  const base = { complaint_id: id, ...(office ? { office_id: office } : {}) };
  const reply = REPLY_BY_CHANNEL[channel] ?? 'email';
  const receivedAt = at(date, verbal ? 510 + random() * 450 : 420 + random() * 780);
  const events: DemoEvent[] = [
    make.event('complaint.received', receivedAt, channel, {
      ...base,
      form: verbal ? 'verbal' : 'written',
      category,
      language,
      ...(random() < 0.8 ? { summary: complaintSummary(random, language) } : {}),
    }),
  ];
  const ackDay = verbal ? date : addWorkingDays(date, 1);
  events.push(
    make.event(
      'complaint.acknowledged',
      verbal ? new Date(receivedAt.getTime() + 20 * 60_000) : at(ackDay, 600 + random() * 180),
      channel,
      base,
    ),
  );
  const rule = responseRuleOn(date)!;
  const fate = random();
  const workTime = () => 540 + random() * 420;
  if (fate < 0.04) {
    const forwardDays = rule.forward.unit === 'working_days' ? rule.forward.amount : 5;
    const on = addWorkingDays(date, 1 + Math.floor(random() * forwardDays));
    events.push(
      make.event('complaint.forwarded', at(on, workTime()), channel, {
        ...base,
        forwarded_to: pick(random, FORWARD_TO),
        person_notified: true,
      }),
      make.event('complaint.closed', at(addWorkingDays(on, 1), workTime()), channel, base),
    );
    return events;
  }
  if (fate < 0.055) return events; // never answered: overdue once its deadline passes
  let answerDay: IsoDate;
  if (fate < 0.11) {
    const due = dueDate(date, rule.answer, DEFAULT_WORKING_CALENDAR);
    const newDue = dueDate(date, rule.extendedAnswer, DEFAULT_WORKING_CALENDAR);
    events.push(
      make.event('complaint.extended', at(addWorkingDays(date, 3 + Math.floor(random() * 4)), workTime()), channel, {
        ...base,
        extension_reason: pick(random, EXTENSION_REASONS),
        new_due_date: newDue,
        notice_method: reply,
      }),
    );
    answerDay = addWorkingDays(due, 1 + Math.floor(random() * 6));
    if (answerDay > newDue) answerDay = newDue;
  } else {
    answerDay = addWorkingDays(date, answerWorkingDays(random, date));
  }
  const outcome = weighted(random, [
    ['explained', 40],
    ['not_upheld', 25],
    ['partially_upheld', 15],
    ['upheld', 15],
    ['withdrawn', 5],
  ] as const);
  const closedOn = addWorkingDays(answerDay, 1 + Math.floor(random() * 3));
  events.push(
    make.event('complaint.responded', at(answerDay, workTime()), channel, { ...base, outcome, delivery_method: reply }),
    make.event('complaint.closed', at(closedOn, workTime()), channel, base),
  );
  if (random() < 0.03) {
    const reopenedOn = addWorkingDays(closedOn, 2 + Math.floor(random() * 5));
    const againOn = addWorkingDays(reopenedOn, 3 + Math.floor(random() * 5));
    events.push(
      make.event('complaint.reopened', at(reopenedOn, workTime()), channel, {
        ...base,
        reopen_reason: pick(random, REOPEN_REASONS),
      }),
      make.event(
        'complaint.responded',
        at(againOn, workTime()),
        channel,
        { ...base, outcome: 'explained', delivery_method: reply },
        ':2',
      ),
      make.event('complaint.closed', at(addWorkingDays(againOn, 1), workTime()), channel, base, ':2'),
    );
  }
  return events;
}

function feedback(make: EventFactory, random: Random, date: IsoDate, n: number): DemoEvent {
  const kind = random() < 0.65 ? 'praise' : 'suggestion';
  const channel = weighted(random, COMPLAINT_CHANNELS);
  const verbal = channel === 'phone' || channel === 'in_person';
  const office =
    channel === 'in_person' ? weighted(random, OFFICES_BY_SHARE.slice(0, 4)) : weighted(random, OFFICES_BY_SHARE);
  const language = weighted(random, LANGUAGES);
  return make.event('feedback.received', at(date, 510 + random() * 480), channel, {
    feedback_id: `f-${date.replaceAll('-', '')}-${n}`,
    ...(office ? { office_id: office } : {}),
    feedback_kind: kind,
    form: verbal ? 'verbal' : 'written',
    language,
    ...(random() < 0.9 ? { text: feedbackText(random, kind, language) } : {}),
  });
}

/** Surveys after e-service cases on e.atd.lv and latvija.lv: any day, any hour; no office. */
function eServiceSurveys(make: EventFactory, random: Random, date: IsoDate): DemoEvent[] {
  const weekend = !isWorkingDay(date);
  const count = poisson(random, (weekend ? 4 : 12) * seasonFactor(date));
  const events: DemoEvent[] = [];
  for (let n = 0; n < count; n++) {
    const language = weighted(random, LANGUAGES);
    const processingDays = Math.floor(random() * 6);
    const speed = clamp(Math.round(5.2 - processingDays * 0.5 + normal(random) * 0.6), 1, 5);
    const clarity = clamp(Math.round(4 + normal(random) * 0.9), 1, 5);
    const satisfaction = clamp(Math.round(0.5 * speed + 0.5 * clarity + normal(random) * 0.4), 1, 5);
    const caseId = `eps-${date.replaceAll('-', '')}-${n}`;
    events.push(
      make.event(
        'survey.submitted',
        at(date, 420 + random() * 960),
        random() < 0.75 ? 'e_services_portal' : 'latvija_lv',
        {
          survey_id: `s-${caseId}`,
          case_id: caseId,
          service_id: pick(random, [
            'carrier-licence',
            'international-permit',
            'document-copy',
            'bus-route-permit',
            'licence-card',
          ]),
          satisfaction,
          speed,
          clarity,
          recommend: clamp(Math.round(2.2 * satisfaction - 1 + normal(random)), 0, 10),
          service_language: language,
          ...(random() < 0.2 ? { comment: surveyComment(random, language, satisfaction >= 4) } : {}),
        },
      ),
    );
  }
  return events;
}

/** Complaints, feedback and e-service surveys of one day (complaints and feedback arrive on working days). */
export function correspondenceOnDay(make: EventFactory, date: IsoDate): DemoEvent[] {
  const random = randomFor(make.seed, `correspondence:${date}`);
  const events = eServiceSurveys(make, random, date);
  if (!isWorkingDay(date)) return events;
  const complaints = poisson(random, 3.4 * Math.sqrt(seasonFactor(date)));
  for (let n = 0; n < complaints; n++) events.push(...complaint(make, random, date, n));
  const feedbacks = poisson(random, 2.2);
  for (let n = 0; n < feedbacks; n++) events.push(feedback(make, random, date, n));
  return events;
}
