/**
 * A complaint's due date and whether it was met, on the Riga calendar, under the response rule in force on the
 * day it was received. Times are compared by Riga date: an answer sent any time on the due date is in time.
 * `responded_at` is when the answer was sent (or the complaint forwarded); for posted answers the delivery date
 * under the Law on Notification is later, and callers who need it pass that date instead.
 */
import { addMonths, rigaDate, type IsoDate } from './dates.ts';
import { ContractsError, ContractsErrorCode } from './errors.ts';
import {
  DEFAULT_INTERNAL_TARGET,
  RESPONSE_RULES,
  responseRuleOn,
  type Period,
  type ResponseRule,
} from './reference/response-rules.ts';
import {
  addWorkingDays,
  DEFAULT_WORKING_CALENDAR,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
  type WorkingCalendar,
} from './working-days.ts';

export interface ComplaintTimeline {
  received_at: string | Date;
  /** When the answer was sent, or when the complaint was forwarded if `forwarded`. */
  responded_at?: string | Date | null;
  /** The deadline was extended with notice to the person. */
  extended?: boolean;
  /** The date the extension notice gave (`new_due_date`); without one, the rule's longest extension applies. */
  extended_to?: IsoDate | null;
  /** The complaint was not ATD's to answer and was forwarded to the competent institution. */
  forwarded?: boolean;
}

export interface DeadlineOptions {
  /** "Today", for telling an open complaint from an overdue one; without it an unanswered complaint is open. */
  now?: Date;
  internalTarget?: Period;
  rules?: readonly ResponseRule[];
  calendar?: WorkingCalendar;
}

export type DeadlineBasis = 'answer' | 'extended_answer' | 'forward';
export type DeadlineStatus = 'met' | 'missed' | 'open' | 'overdue';

export interface TargetOutcome {
  dueOn: IsoDate;
  status: DeadlineStatus;
  /** true/false once answered (or once overdue); null while still open. */
  met: boolean | null;
}

export interface ComplaintDeadline extends TargetOutcome {
  rule: ResponseRule;
  basis: DeadlineBasis;
  receivedOn: IsoDate;
  respondedOn: IsoDate | null;
  /** Working days from receipt to response (receipt day excluded); null while unanswered. */
  workingDaysTaken: number | null;
  /** ATD's internal target; null for forwarding, which the target does not cover. */
  internalTarget: TargetOutcome | null;
}

export function dueDate(receivedOn: IsoDate, period: Period, calendar: WorkingCalendar): IsoDate {
  if (period.unit === 'working_days') return addWorkingDays(receivedOn, period.amount, calendar);
  return nextWorkingDayOnOrAfter(addMonths(receivedOn, period.amount), calendar);
}

function outcome(dueOn: IsoDate, respondedOn: IsoDate | null, today: IsoDate | null): TargetOutcome {
  if (respondedOn !== null) {
    const met = respondedOn <= dueOn;
    return { dueOn, status: met ? 'met' : 'missed', met };
  }
  if (today !== null && today > dueOn) return { dueOn, status: 'overdue', met: false };
  return { dueOn, status: 'open', met: null };
}

export function complaintDeadline(complaint: ComplaintTimeline, options: DeadlineOptions = {}): ComplaintDeadline {
  const calendar = options.calendar ?? DEFAULT_WORKING_CALENDAR;
  const receivedOn = rigaDate(complaint.received_at);
  const rule = responseRuleOn(receivedOn, options.rules ?? RESPONSE_RULES);
  if (!rule) {
    throw new ContractsError(ContractsErrorCode.NoRuleInForce, `no response rule in force on ${receivedOn}`, {
      details: { receivedOn },
    });
  }
  const basis: DeadlineBasis = complaint.forwarded ? 'forward' : complaint.extended ? 'extended_answer' : 'answer';
  const period = basis === 'forward' ? rule.forward : basis === 'extended_answer' ? rule.extendedAnswer : rule.answer;
  const respondedOn = complaint.responded_at ? rigaDate(complaint.responded_at) : null;
  const today = options.now ? rigaDate(options.now) : null;
  const internal =
    basis === 'forward'
      ? null
      : outcome(dueDate(receivedOn, options.internalTarget ?? DEFAULT_INTERNAL_TARGET, calendar), respondedOn, today);
  return {
    rule,
    basis,
    receivedOn,
    respondedOn,
    workingDaysTaken: respondedOn === null ? null : workingDaysBetween(receivedOn, respondedOn, calendar),
    ...outcome(
      basis === 'extended_answer' && complaint.extended_to
        ? complaint.extended_to
        : dueDate(receivedOn, period, calendar),
      respondedOn,
      today,
    ),
    internalTarget: internal,
  };
}
