/**
 * GET /v1/channels: how customers' contacts split across the channels of the standard per period, and digital
 * take-up — the share of rated service cases that were e-service cases — per period with its 95 % interval
 * and the test of a trend across the periods.
 */
import { z } from 'zod';
import { Freshness, Grain, Interval } from './answers.ts';

export const ChannelContacts = z.strictObject({
  period: z.string().describe('first day of the period, YYYY-MM-DD'),
  channel: z.string().describe('channel id (GET /v1/reference: channels)'),
  metric: z.string().describe('the catalogue count the contacts come from (visits, complaints_received, …)'),
  n: z.number().int(),
});
export type ChannelContacts = z.infer<typeof ChannelContacts>;

export const ShareFigure = z.strictObject({
  value: z.number().nullable().describe('null when suppressed or nothing was measured'),
  successes: z.number().int(),
  n: z.number().int().describe('sample: rated service cases'),
  interval: Interval.nullable().describe('95 % Wilson interval'),
  suppressed: z.boolean().describe('below the metric’s minimum sample: value and interval withheld'),
});
export type ShareFigure = z.infer<typeof ShareFigure>;

export const ChannelsAnswer = z.strictObject({
  freshness: Freshness,
  from: z.string(),
  to: z.string(),
  grain: Grain,
  contacts: z.strictObject({
    metrics: z.array(z.string()).describe('catalogue counts summed as contacts, each under its channel'),
    filters: z.record(z.string(), z.array(z.string())),
    skipped: z
      .array(z.strictObject({ metric: z.string(), filter: z.string() }))
      .describe('counts left out because a filter does not apply to them (complaints have no service)'),
    rows: z.array(ChannelContacts).describe('one row per period, channel and count with contacts'),
    minSample: z
      .number()
      .int()
      .describe('a period with fewer contacts than this, every channel together, is too small to split into shares'),
  }),
  digital: z.strictObject({
    metric: z.string().describe('the catalogue share measured'),
    filters: z.record(z.string(), z.array(z.string())).describe('the filters applied (never channel)'),
    minSample: z.number().int(),
    unavailable: z
      .enum(['office'])
      .nullable()
      .describe('office: e-service cases belong to no office, so no share is given for one'),
    periods: z.array(ShareFigure.extend({ period: z.string() })),
    all: ShareFigure.describe('the whole range'),
    trend: z
      .strictObject({
        perPeriod: z.number().describe('least-squares change of the share per period (0.01 = 1 point)'),
        pValue: z.number().nullable().describe('two-sided Cochran–Armitage test of a linear trend'),
        significant: z.boolean(),
      })
      .nullable()
      .describe('null with fewer than two periods measured'),
  }),
});
export type ChannelsAnswer = z.infer<typeof ChannelsAnswer>;
