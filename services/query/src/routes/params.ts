/**
 * Query-string parameters of the metric endpoints, validated with zod. Every problem becomes a detail naming
 * the parameter and what was expected. Filters are `filter.<dimension>=a,b`.
 */
import { Grains } from '@servq/metrics';
import { NO_OFFICE_FILTER } from '../contracts.adapter.ts';
import { z } from 'zod';
import { QueryError, QueryErrorCode } from '../errors.ts';

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);
const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD (Europe/Riga)' });

export const QueryParams = z.object({
  metrics: csv
    .pipe(z.array(z.string()).min(1, 'expected at least one metric id'))
    .describe('comma-separated metric ids from GET /v1/metrics, e.g. csat,wait_p50'),
  dimensions: csv.optional().describe('comma-separated dimensions to break the figures down by, e.g. office'),
  from: isoDate.describe('first day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  to: isoDate.describe('last day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  grain: z
    .enum(Grains, { message: `expected one of ${Grains.join(', ')}` })
    .optional()
    .describe('period to group by: day, week, month or quarter'),
  format: z.enum(['json', 'csv'], { message: 'expected json or csv' }).default('json').describe('answer format'),
});
export type QueryParams = z.infer<typeof QueryParams>;

const CompareBy = z.enum(['office', 'language', 'channel', 'service_channel'], {
  message: 'expected office, language, channel or service_channel',
});

export const CompareParams = z.object({
  metrics: csv
    .pipe(z.array(z.string()).min(1, 'expected at least one metric id'))
    .describe('comma-separated metric ids from GET /v1/metrics'),
  by: CompareBy.default('office').describe('what to compare side by side'),
  from: isoDate.describe('first day, inclusive (YYYY-MM-DD, Europe/Riga); the previous period has equal length'),
  to: isoDate.describe('last day, inclusive (YYYY-MM-DD, Europe/Riga)'),
  against: z
    .enum(['previous', 'year'], { message: 'expected previous or year' })
    .default('previous')
    .describe(
      'the period each figure is compared with: the previous one of equal length, or the same dates a year earlier',
    ),
  groups: z
    .enum(['each', 'none'], { message: 'expected each or none' })
    .default('each')
    .describe(
      'each: every group of `by` beside the all-group figure; none: the all-group figure and its change only (every ' +
        'metric’s groups empty), for a caller that shows only the total, at a fraction of the work',
    ),
});
export type CompareParams = z.infer<typeof CompareParams>;

export const CompareWithinParams = CompareParams.omit({ groups: true })
  .extend({
    by: csv
      .pipe(z.array(CompareBy).min(1, 'expected at least one dimension').max(3, 'expected at most three dimensions'))
      .describe(
        'comma-separated dimensions to compare side by side inside each value of `within`, e.g. language,service_channel',
      ),
    within: CompareBy.describe('the dimension whose every value gets its own comparisons, e.g. office'),
  })
  .refine((p) => !p.by.includes(p.within), {
    path: ['within'],
    message: 'expected a dimension other than those in by',
  });
export type CompareWithinParams = z.infer<typeof CompareWithinParams>;

export const SqlFormats = ['json', 'csv', 'parquet'] as const;
/** The longest SQL text accepted. */
export const SQL_MAX_CHARS = 20_000;

export const SqlBody = z.object({
  sql: z
    .string({ error: 'expected one SELECT statement as a string' })
    .min(1, 'expected one SELECT statement, not an empty string')
    .max(SQL_MAX_CHARS, `expected at most ${SQL_MAX_CHARS} characters of SQL`)
    .describe('exactly one SELECT over the tables of GET /v1/schema'),
  format: z
    .enum(SqlFormats, { message: 'expected json, csv or parquet' })
    .default('json')
    .describe('answer format: JSON rows, CSV, or a Parquet file with the columns’ types'),
});
export type SqlBody = z.infer<typeof SqlBody>;

export function parseParams<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    parameter: issue.path.map(String).join('.') || '(query)',
    // zod 4 leaves the input out of its issues: a missing value is told apart by looking it up.
    expected: issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined ? 'required' : issue.message,
  }));
  throw new QueryError(
    QueryErrorCode.BadParameter,
    `invalid parameters: ${details.map((d) => `${d.parameter} (${d.expected})`).join(', ')}`,
    details,
  );
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * `filter.office` values: office ids, or `no-office` (NO_OFFICE_FILTER, @servq/contracts) for the records that
 * have none, which the compiler gets as null (`office_id IS NULL`). Where no record can lack an office (visits),
 * the compiler refuses it with a 400 naming filter.office.
 */
export const OfficeFilter = z
  .array(
    z.union([
      z.literal(NO_OFFICE_FILTER).transform(() => null),
      z.string().regex(/^[a-z0-9-]+$/, `expected office ids from GET /v1/reference, or ${NO_OFFICE_FILTER}`),
    ]),
  )
  .describe(
    `only these offices (comma-separated ids from GET /v1/reference); ${NO_OFFICE_FILTER} selects the records with ` +
      'no office (complaints not yet assigned to one, feedback, e-service surveys), and is refused for visits metrics',
  );

/** `filter.office` as `parseParams` checks it: built once, not for every request that filters by office. */
const OfficeFilterParam = z.object({ 'filter.office': OfficeFilter });

/** Filters as the handlers pass them on: dimension id → values, null for "no value" (see OfficeFilter). */
export type Filters = Record<string, (string | null)[]>;

/** Filters as answers echo them: in the API's own spelling, `no-office` where the compiler had null. */
export function shownFilters(filters: Filters): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(filters).map(([id, values]) => [id, values.map((v) => v ?? NO_OFFICE_FILTER)]),
  );
}

/** `filter.<dimension>` entries of a query string. */
export function parseFilters(raw: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('filter.')) continue;
    const values = (Array.isArray(value) ? value : [value])
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
    const dimension = key.slice('filter.'.length);
    filters[dimension] =
      dimension === 'office' ? parseParams(OfficeFilterParam, { 'filter.office': values })['filter.office'] : values;
  }
  return filters;
}

/** Parameters the endpoint does not know are an error, so a typo never silently widens a query. */
export function rejectUnknown(raw: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(raw).filter((k) => !known.includes(k) && !k.startsWith('filter.'));
  if (unknown.length > 0) {
    throw new QueryError(
      QueryErrorCode.BadParameter,
      `unknown parameter ${unknown.join(', ')}`,
      unknown.map((parameter) => ({ parameter, expected: `one of ${known.join(', ')} or filter.<dimension>` })),
    );
  }
}
