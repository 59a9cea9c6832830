/**
 * GET /v1/today: an office's day so far — arrivals, customers waiting now, the median wait of those already
 * called — against the same weekday's usual at the same time of day (the median over recent same weekdays the
 * office was open and has data for).
 */
import { z } from 'zod';
import { Freshness } from './answers.ts';

export const TodayFigures = z.strictObject({
  arrivals: z.number().nullable().describe('customers checked in by this time of day'),
  waitingNow: z.number().nullable().describe('checked in by this time of day and not yet called (nor gone)'),
  waitP50: z
    .number()
    .nullable()
    .describe('median wait in minutes of those called by this time of day (continuous, interpolated quantile)'),
  waitN: z.number().nullable().describe('waits the median rests on'),
});
export type TodayFigures = z.infer<typeof TodayFigures>;

export const TodayAnswer = z.strictObject({
  freshness: Freshness,
  office: z.string().nullable().describe('the office, or null for all offices together'),
  date: z.string().describe('today in Riga, YYYY-MM-DD'),
  asOf: z.string().describe('the instant the figures are taken at (ISO-8601)'),
  timeOfDay: z.string().describe('the Riga wall-clock time the days are cut at, HH:MM'),
  hours: z
    .array(z.strictObject({ open: z.string(), close: z.string() }))
    .describe('today’s opening intervals of the office (empty: closed today; all offices: Riga’s)'),
  today: TodayFigures,
  usual: TodayFigures.describe(
    'each figure’s median over the comparison days, cut at the same time of day; null without such days',
  ),
  usualDays: z
    .array(z.string())
    .describe('the comparison days: up to 8 previous same weekdays the office was open and has visits on'),
});
export type TodayAnswer = z.infer<typeof TodayAnswer>;
