/**
 * The complaint desk's answers that a catalogue query cannot give: the list of open complaints that are overdue
 * or due within N working days (GET /v1/complaints/due), and the backlog as it stood at the end of each period
 * (GET /v1/complaints/backlog). Complaints are named by their case id only, never by anything personal.
 */
import { z } from 'zod';
import { Freshness } from './answers.ts';

export const DueComplaint = z.strictObject({
  id: z.string().describe('the case id (complaint_id): pseudonymous, never a person’s name or code'),
  office: z.string().nullable().describe('office concerned; null when none applies (e.g. an e-service)'),
  channel: z.string().nullable(),
  category: z.string().nullable(),
  receivedOn: z.string().describe('Riga date of receipt, YYYY-MM-DD'),
  dueOn: z.string().describe('the legal answer deadline under the rule in force on receipt (extended if extended)'),
  rule: z.string().nullable().describe('the rule in force on receipt (ids and names in GET /v1/reference legalRules)'),
  extended: z.boolean().describe('the deadline was extended with notice to the person'),
  reopened: z.boolean().describe('open again after an answer or closure'),
  workingDaysLeft: z
    .number()
    .int()
    .describe(
      'working days from today to the deadline; 0 = due today, negative = working days overdue (on a day off ' +
        'counted to the next working day, so an overdue complaint is always at least 1 working day late)',
    ),
  status: z.enum(['overdue', 'due']).describe('overdue: the deadline has passed; due: within the asked window'),
});
export type DueComplaint = z.infer<typeof DueComplaint>;

export const DueAnswer = z.strictObject({
  freshness: Freshness,
  asOf: z.string().describe('today in Riga, YYYY-MM-DD: the day deadlines are counted from'),
  within: z.number().int().describe('the window asked for, in working days'),
  filters: z.record(z.string(), z.array(z.string())).describe('the filters applied (an office token: its office)'),
  counts: z.strictObject({ overdue: z.number().int(), due: z.number().int() }),
  complaints: z.array(DueComplaint).describe('overdue first, then by deadline; at most `limit` rows'),
  truncated: z.boolean().describe('more complaints matched than `limit`; the counts still hold them all'),
});
export type DueAnswer = z.infer<typeof DueAnswer>;

export const BacklogPoint = z.strictObject({
  period: z.string().describe('first day of the period, YYYY-MM-DD'),
  asOf: z.string().describe('the day the backlog is counted at: the period’s last day, or today if earlier'),
  open: z
    .number()
    .int()
    .describe('complaints received by then and not yet answered, forwarded or closed (or reopened since)'),
  overdue: z.number().int().describe('of those, past their legal deadline on that day'),
  received: z.number().int().describe('complaints received in the period'),
  answered: z.number().int().describe('complaints answered, forwarded or closed in the period'),
});
export type BacklogPoint = z.infer<typeof BacklogPoint>;

export const BacklogAnswer = z.strictObject({
  freshness: Freshness,
  from: z.string(),
  to: z.string(),
  grain: z.enum(['day', 'week', 'month', 'quarter']),
  filters: z.record(z.string(), z.array(z.string())),
  points: z.array(BacklogPoint),
});
export type BacklogAnswer = z.infer<typeof BacklogAnswer>;
