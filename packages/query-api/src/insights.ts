/**
 * GET /v1/annotations (dated events drawn on time charts) and GET /v1/drivers (what drives overall
 * satisfaction: each of the standard's service dimensions as importance — its correlation with overall
 * satisfaction, with a 95 % interval — against performance, its mean score).
 */
import { z } from 'zod';
import { Freshness, Localised } from './answers.ts';

export const AnnotationItem = z.strictObject({
  id: z.string(),
  kind: z.enum(['law', 'closure', 'service']).describe('a change of law or rule, an office closure, a service change'),
  from: z.string().describe('first Riga date, YYYY-MM-DD'),
  to: z.string().nullable().describe('last Riga date, inclusive; null for one day or a change that stays'),
  offices: z.array(z.string()).nullable().describe('offices concerned; null for every office'),
  label: Localised,
  source: z.string().nullable(),
});
export type AnnotationItem = z.infer<typeof AnnotationItem>;

export const AnnotationsAnswer = z.strictObject({
  annotations: z.array(AnnotationItem).describe('in date order; an office token gets its own and all-office ones'),
});
export type AnnotationsAnswer = z.infer<typeof AnnotationsAnswer>;

export const DriverInterval = z.strictObject({ lower: z.number(), upper: z.number() });

export const Driver = z.strictObject({
  dimension: z
    .enum(['competence', 'courtesy', 'speed', 'clarity', 'identifiable'])
    .describe('the survey question (scale 1–5)'),
  label: Localised,
  n: z.number().int().describe('responses answering both this question and overall satisfaction'),
  suppressed: z.boolean().describe('fewer responses than the minimum sample: no figures'),
  performance: z.number().nullable().describe('mean score, 1–5'),
  performanceInterval: DriverInterval.nullable().describe('95 % normal interval of the mean'),
  importance: z
    .number()
    .nullable()
    .describe('Pearson correlation of this score with overall satisfaction over the same responses'),
  importanceInterval: DriverInterval.nullable().describe('95 % interval by Fisher’s z transformation'),
  p: z.number().nullable().describe('two-sided p-value of a correlation of zero'),
});
export type Driver = z.infer<typeof Driver>;

export const DriversAnswer = z.strictObject({
  freshness: Freshness,
  from: z.string(),
  to: z.string(),
  minSample: z.number().int().describe('responses a dimension needs before its figures are shown'),
  satisfaction: z.strictObject({
    mean: z.number().nullable().describe('mean overall satisfaction (1–5) of the responses'),
    n: z.number().int(),
  }),
  drivers: z.array(Driver),
});
export type DriversAnswer = z.infer<typeof DriversAnswer>;
