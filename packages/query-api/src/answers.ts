/**
 * The bodies the query API answers with, once: the query service documents its responses with them (OpenAPI
 * at /docs) and its tests hold every answer to them; the dashboard takes its types from here. Objects are
 * strict, so a field added or dropped on either side fails a test instead of drifting silently.
 */
import { Directions, Grains, Units, type Measure as MetricMeasure } from '@servq/metrics';
import { z } from 'zod';

export const Lang = z.enum(['lv', 'en']);
export type Lang = z.infer<typeof Lang>;
export const Localised = z.strictObject({ lv: z.string(), en: z.string() });
export type Localised = z.infer<typeof Localised>;

/** Units and directions are the metrics package's lists: one home for what a figure is read in. */
export const Unit = z.enum(Units);
export type Unit = z.infer<typeof Unit>;
export const Direction = z.enum(Directions);
export type Direction = z.infer<typeof Direction>;
export const Grain = z.enum(Grains);
export type Grain = z.infer<typeof Grain>;
export const Role = z.enum(['management', 'office', 'analyst']);
export type Role = z.infer<typeof Role>;

/** Who the bearer token is: the dashboard shows the screens of its role and, for an office token, its office. */
export const SessionAnswer = z.strictObject({
  role: Role.describe('management: everything; office: its own office in detail; analyst: adds SQL'),
  office: z.string().nullable().describe('the office an office token belongs to; null for the other roles'),
});
export type SessionAnswer = z.infer<typeof SessionAnswer>;

export const Freshness = z.strictObject({
  newestEventAt: z.string().nullable().describe('the newest `occurred_at` in the lake (ISO-8601); null when empty'),
  oldestEventAt: z
    .string()
    .nullable()
    .optional()
    .describe(
      'the oldest `occurred_at` in the lake (ISO-8601); null when empty (a booking made weeks ahead can be far older than any visit: see dataStart)',
    ),
  dataStart: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'per modelled table (a metric’s `model`), the first Riga date it holds rows for: periods before it are empty (gaps, not zeros) and the period it falls in is partial',
    ),
  syncedAt: z.string().nullable().describe('when the last successful sync finished; null before the first'),
  dataVersion: z.number().int().describe('increases whenever the data changes; answers are cached per version'),
});
export type Freshness = z.infer<typeof Freshness>;

const Measure = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('count'), where: z.string().optional() }),
  z.strictObject({ kind: z.literal('share'), success: z.string(), among: z.string() }),
  z.strictObject({ kind: z.literal('mean'), value: z.string() }),
  z.strictObject({ kind: z.literal('quantile'), value: z.string(), p: z.number() }),
  z.strictObject({ kind: z.literal('nps'), value: z.string() }),
  z.strictObject({ kind: z.literal('max'), value: z.string(), where: z.string().optional() }),
]);

// The measure kinds of packages/metrics and this schema must stay the same union, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameMeasures: Same<z.infer<typeof Measure>, MetricMeasure> = true;
void sameMeasures;

export const MetricInfo = z.strictObject({
  id: z.string(),
  label: Localised,
  description: Localised,
  model: z.string().describe('the modelled table the metric is computed on'),
  measure: Measure.describe('what is measured, as SQL over the model'),
  unit: Unit,
  direction: Direction,
  target: z.strictObject({
    default: z.number().nullable(),
    byOffice: z.record(z.string(), z.number()),
    insideLegalDeadline: z
      .literal(true)
      .optional()
      .describe(
        "present where the target is ATD's own aim inside the legal deadline (GET /v1/reference legalRules), not the law",
      ),
  }),
  minSample: z.number().int().describe('groups with fewer rows are suppressed'),
  method: Localised.optional().describe('how a percentile figure is computed; present for quantile metrics only'),
});
export type MetricInfo = z.infer<typeof MetricInfo>;

export const DimensionInfo = z.strictObject({
  id: z.string(),
  label: Localised,
  column: z.string(),
  models: z.array(z.string()).readonly(),
  missingIn: z
    .array(z.string())
    .readonly()
    .optional()
    .describe(
      'the models whose rows may lack a value of this dimension: only their metrics take a filter for rows without ' +
        'one (office: filter.office=<noOfficeFilter of /v1/reference>)',
    ),
});
export type DimensionInfo = z.infer<typeof DimensionInfo>;

export const MetricsAnswer = z.strictObject({
  freshness: Freshness,
  metrics: z.array(MetricInfo),
  dimensions: z.array(DimensionInfo),
});
export type MetricsAnswer = z.infer<typeof MetricsAnswer>;

export const Interval = z.strictObject({ low: z.number(), high: z.number() });
export type Interval = z.infer<typeof Interval>;

export const Figure = z.strictObject({
  value: z.number().nullable().describe('null when suppressed or when nothing was measured'),
  n: z.number().int().describe('sample size'),
  target: z.number().nullable(),
  suppressed: z.boolean().describe('below the metric’s minimum sample: the value is withheld'),
  interval: Interval.optional().describe(
    '95 % interval of the value (shares: Wilson; means and NPS: normal); absent when suppressed, empty, or for counts, maxima and quantiles (their intervals: /v1/compare)',
  ),
});
export type Figure = z.infer<typeof Figure>;

export const QueryCell = z.union([z.string(), z.number(), z.null(), Figure]);
export type QueryCell = z.infer<typeof QueryCell>;

export const QueryAnswer = z.strictObject({
  freshness: Freshness,
  query: z.strictObject({
    metrics: z.array(z.string()),
    dimensions: z.array(z.string()),
    filters: z.record(z.string(), z.array(z.string())),
    from: z.string(),
    to: z.string(),
    grain: Grain.nullable(),
  }),
  rows: z
    .array(z.record(z.string(), QueryCell))
    .describe('one row per group: its period and dimension values, and one figure per metric'),
});
export type QueryAnswer = z.infer<typeof QueryAnswer>;

export const GroupFigure = z.strictObject({
  group: z.string().nullable().describe('null for the all-groups figure'),
  value: z.number().nullable(),
  n: z.number().int(),
  interval: Interval.nullable().describe('95 % confidence interval'),
  suppressed: z.boolean(),
  target: z.number().nullable(),
  pValue: z.number().nullable().describe('two-sided, against the other groups together; null when not testable'),
  significant: z.boolean(),
  previous: z.strictObject({ value: z.number().nullable(), n: z.number().int(), suppressed: z.boolean() }),
  change: z.number().nullable(),
  changePValue: z.number().nullable(),
  changeSignificant: z.boolean(),
});
export type GroupFigure = z.infer<typeof GroupFigure>;

export const MetricComparison = z.strictObject({
  id: z.string(),
  unit: Unit,
  direction: Direction,
  minSample: z.number().int(),
  all: GroupFigure,
  groups: z.array(GroupFigure),
});
export type MetricComparison = z.infer<typeof MetricComparison>;

export const CompareAnswer = z.strictObject({
  freshness: Freshness,
  by: z.string(),
  from: z.string(),
  to: z.string(),
  /** The `filter.<dimension>` values both periods were narrowed to (absent from servers before filters). */
  filters: z.record(z.string(), z.array(z.string())).optional(),
  previous: z.strictObject({ from: z.string(), to: z.string() }),
  alpha: z.number(),
  metrics: z.array(MetricComparison),
});
export type CompareAnswer = z.infer<typeof CompareAnswer>;

/** One `by` dimension's comparison inside a /v1/compare/within answer. */
export const Comparison = z.strictObject({
  by: z.string(),
  metrics: z
    .array(MetricComparison)
    .describe('the requested metrics whose model has this dimension, in the order asked; the others are left out'),
});
export type Comparison = z.infer<typeof Comparison>;

export const CompareWithinAnswer = z.strictObject({
  freshness: Freshness,
  within: z.string(),
  by: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  filters: z.record(z.string(), z.array(z.string())),
  previous: z.strictObject({ from: z.string(), to: z.string() }),
  alpha: z.number(),
  all: z.array(Comparison).describe('each `by` dimension across every value of `within` together, as /v1/compare'),
  sections: z
    .array(z.strictObject({ value: z.string(), comparisons: z.array(Comparison) }))
    .describe(
      'one per recorded value of `within` in the period: its groups each tested against the rest of that value; rows without a value (an e-service survey has no office) count only in `all`',
    ),
});
export type CompareWithinAnswer = z.infer<typeof CompareWithinAnswer>;

export const SchemaColumn = z.strictObject({
  name: z.string(),
  type: z.string(),
  description: Localised.describe("what the column holds, in the page's two languages"),
});
export type SchemaColumn = z.infer<typeof SchemaColumn>;

export const SchemaTable = z.strictObject({
  id: z.string(),
  description: Localised.describe("what a row of the table is, in the page's two languages"),
  key: z.string(),
  anchoredOn: Localised.describe("what `event_date` means for the table, in the page's two languages"),
  columns: z.array(SchemaColumn).readonly(),
});
export type SchemaTable = z.infer<typeof SchemaTable>;

export const SchemaAnswer = z.strictObject({ tables: z.array(SchemaTable) });
export type SchemaAnswer = z.infer<typeof SchemaAnswer>;

export const SqlAnswer = z.strictObject({
  freshness: Freshness,
  columns: z.array(z.string()),
  types: z.array(z.string()).describe('the DuckDB type of each column'),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean().describe('the row limit cut the result'),
  elapsedMs: z.number(),
});
export type SqlAnswer = z.infer<typeof SqlAnswer>;

export const ErrorDetail = z.strictObject({
  parameter: z.string(),
  expected: z.string(),
  received: z.unknown().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.array(ErrorDetail) }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A body as JSON Schema, for the OpenAPI document. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
