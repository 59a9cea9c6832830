/**
 * The OpenAPI description of the query API (served at /docs and /docs/json). Parameter schemas are derived
 * from the same zod schemas the handlers parse with, so the document cannot drift from the validation. The
 * schemas on the routes are documentation only: the handlers validate with zod themselves, because only
 * that produces the service's one error shape naming each parameter (see `installDocs`).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Dimensions } from '@servq/metrics';
import {
  BacklogAnswer,
  CompareAnswer,
  CompareWithinAnswer,
  DueAnswer,
  FeaturesAnswer,
  ErrorBody,
  Freshness,
  jsonSchemaOf,
  MetricsAnswer,
  QueryAnswer,
  ReferenceAnswer,
  SchemaAnswer,
  SessionAnswer,
  SqlAnswer,
  TodayAnswer,
} from '@servq/query-api';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';
import { BacklogParams, DueParams } from '../complaints.ts';
import { CompareParams, CompareWithinParams, OfficeFilter, QueryParams, SqlBody } from './params.ts';
import { TODAY_FILTERS, TodayParams } from './today.ts';

type JsonSchema = Record<string, unknown>;

export function inputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** `filter.<dimension>=a,b` for every dimension (or those named), as documented query parameters. */
export function withFilters(schema: JsonSchema, only?: readonly string[]): JsonSchema {
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  for (const dimension of Object.values(Dimensions).filter((d) => !only || only.includes(d.id))) {
    properties[`filter.${dimension.id}`] = {
      type: 'string',
      description:
        dimension.id === 'office'
          ? OfficeFilter.description
          : `only these values of ${dimension.label.en.toLowerCase()} (comma-separated)`,
    };
  }
  return { ...schema, properties };
}

/** The one error shape: { error: { code, message, details: [{ parameter, expected }] } }. */
const errorBody: JsonSchema = jsonSchemaOf(ErrorBody);

export const errors = (...statuses: number[]): Record<number, JsonSchema> =>
  Object.fromEntries(statuses.map((status) => [status, { ...errorBody, description: describeStatus(status) }]));

function describeStatus(status: number): string {
  switch (status) {
    case 400:
      return 'a parameter is invalid; details name it and what was expected';
    case 401:
      return 'no bearer token, or an unknown one';
    case 403:
      return 'the token’s role may not do this';
    case 408:
      return 'the SQL was stopped at the time limit';
    case 422:
      return 'the SQL needs more memory than the sandbox allows (QUERY_SQL_MEMORY_LIMIT); the message names the limits';
    case 503:
      return 'the lake has not been synchronised yet';
    default:
      return 'error';
  }
}

/** A successful answer's body (JSON; the CSV and Parquet formats carry the same rows). */
export const ok = (description: string, body: z.ZodType): Record<number, JsonSchema> => ({
  200: { ...jsonSchemaOf(body), description },
});

export const bearer = [{ bearer: [] }];
const open: [] = [];

export const routeDocs = {
  healthz: { summary: 'Liveness', tags: ['operations'], security: open },
  readyz: {
    summary: 'Readiness: ready once the lake has been synchronised, with the data’s freshness',
    tags: ['operations'],
    security: open,
    response: {
      ...ok('ready, with the data’s freshness', z.strictObject({ status: z.literal('ready'), freshness: Freshness })),
      ...errors(503),
    },
  },
  catalogue: {
    summary: 'The metric catalogue (labels in Latvian and English, units, targets, minimum samples)',
    tags: ['metrics'],
    security: bearer,
    response: { ...ok('the catalogue and the dimensions', MetricsAnswer), ...errors(401) },
  },
  features: {
    summary: 'Which other services this origin forwards to: /v1/alerts* (alerts), /v1/reports* (reports)',
    description:
      'Requests under those paths go unchanged, with their Authorization header, to the services configured in ' +
      'QUERY_ALERTS_URL and QUERY_REPORTS_URL, whose own tokens and answers apply (documented by those services).',
    tags: ['metrics'],
    security: bearer,
    response: { ...ok('true for each service forwarded', FeaturesAnswer), ...errors(401) },
  },
  reference: {
    summary:
      'Names of reference values (offices, channels, services, languages, categories, outcomes, refusal reasons)',
    tags: ['metrics'],
    security: bearer,
    response: { ...ok('ids and their Latvian and English names', ReferenceAnswer), ...errors(401) },
  },
  query: {
    summary: 'Metrics × dimensions × filters × date range × grain, as JSON or CSV',
    description:
      'Each figure carries its sample size, target and whether it is suppressed (below the metric’s minimum ' +
      'sample). An office token sees its own office only. Freshness is in the body and in x-servq-* headers.',
    tags: ['metrics'],
    security: bearer,
    querystring: withFilters(inputSchema(QueryParams)),
    response: { ...ok('the figures, one row per group', QueryAnswer), ...errors(400, 401, 403, 503) },
  },
  compare: {
    summary: 'Offices, languages or channels side by side, with intervals, significance and period change',
    description:
      'Wilson intervals for shares, order-statistic intervals for quantiles, normal intervals for means and ' +
      'NPS; each group tested against the rest (Bonferroni across groups) and against its previous period of ' +
      'equal length (quantiles: a two-sample quantile test, Mood’s median test for medians). Groups below the ' +
      'minimum sample are suppressed. filter.<dimension> narrows both periods, as in /v1/query.',
    tags: ['metrics'],
    security: bearer,
    querystring: withFilters(inputSchema(CompareParams)),
    response: { ...ok('each metric’s groups side by side', CompareAnswer), ...errors(400, 401, 503) },
  },
  compareWithin: {
    summary: 'Comparisons inside each value of another dimension: each office’s languages and channels in one call',
    description:
      'For every value of `within` recorded in the period (and across all of them together), each dimension of ' +
      '`by` side by side exactly as /v1/compare does it, each group tested against the rest of that value. A ' +
      'metric is compared by a dimension only where its model has it (waits have no service_channel: every ' +
      'visit is served in person). filter.<dimension> narrows every comparison.',
    tags: ['metrics'],
    security: bearer,
    querystring: withFilters(inputSchema(CompareWithinParams)),
    response: {
      ...ok('the comparisons of all values together and of each value', CompareWithinAnswer),
      ...errors(400, 401, 503),
    },
  },
  today: {
    summary: 'An office’s day so far (arrivals, waiting now, median wait) against the same weekday’s usual',
    description:
      'Every day is cut at the current Riga time of day. The usual is the median over up to 8 previous same ' +
      'weekdays the office was open and has visits on (listed in usualDays). An office token gets its own ' +
      'office. filter.channel, filter.service and filter.language narrow every day alike. The data version is ' +
      'in x-servq-data-version.',
    tags: ['metrics'],
    security: bearer,
    querystring: withFilters(inputSchema(TodayParams), TODAY_FILTERS),
    response: { ...ok('today’s figures and the usual', TodayAnswer), ...errors(400, 401, 403, 503) },
  },
  complaintsDue: {
    summary: 'Open complaints overdue or due within N working days (case ids, office, channel, category)',
    description:
      'The legal deadline is the Law on Submissions rule in force on the day of receipt (extended if extended); ' +
      'working days skip Latvian public holidays. Overdue: the deadline is before today (Riga). An office token ' +
      'gets its own office; filter.<dimension> as in /v1/query (complaints dimensions only). Not cached.',
    tags: ['complaints'],
    security: bearer,
    querystring: withFilters(inputSchema(DueParams)),
    response: { ...ok('the counts and the list', DueAnswer), ...errors(400, 401, 403, 503) },
  },
  complaintsBacklog: {
    summary: 'Open and overdue complaints at the end of each period, with those received and answered in it',
    description:
      'A complaint is in the backlog from its day of receipt until it is first answered, forwarded or closed, ' +
      'however long before `from` it arrived. Periods end at `to` or today. Office scope and filters as in /v1/query.',
    tags: ['complaints'],
    security: bearer,
    querystring: withFilters(inputSchema(BacklogParams)),
    response: { ...ok('one point per period', BacklogAnswer), ...errors(400, 401, 403, 503) },
  },
  session: {
    summary: 'Who the bearer token is: its role and, for an office token, its office',
    tags: ['metrics'],
    security: bearer,
    response: { ...ok('the role and office of the token', SessionAnswer), ...errors(401) },
  },
  schema: {
    summary: 'Tables and columns the analysts’ SQL can use',
    tags: ['analysts'],
    security: bearer,
    response: { ...ok('the modelled tables', SchemaAnswer), ...errors(401, 403) },
  },
  sql: {
    summary: 'One read-only SELECT in a sandbox (analyst role), answered as JSON, CSV or Parquet',
    description:
      'Runs in a separate locked-down worker process: no file or network access, memory (DuckDB’s limit and an OS ' +
      'bound on the process), thread, time and row limits. Truncation at the row limit is reported in the body (JSON) or the x-servq-truncated header.',
    tags: ['analysts'],
    security: bearer,
    body: inputSchema(SqlBody),
    response: { ...ok('the result rows', SqlAnswer), ...errors(400, 401, 403, 408, 422, 503) },
  },
} satisfies Record<string, FastifySchema>;

/**
 * Registers the OpenAPI document and the UI at /docs. Route schemas are documentation: validation and
 * serialisation stay with the handlers (zod and JSON.stringify), so a schema here never rejects, coerces or
 * strips anything.
 */
export async function installDocs(app: FastifyInstance): Promise<void> {
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'servq query',
        version: '1',
        description:
          'Service-quality metrics of the Road Transport Directorate: the catalogue, queries, comparisons with ' +
          'confidence intervals, and a SQL sandbox for analysts. Roles by bearer token: management (everything), ' +
          'office (its own office in detail, every office in comparisons), analyst (adds SQL).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      tags: [
        { name: 'metrics', description: 'catalogue, queries and comparisons' },
        { name: 'complaints', description: 'the deadline list and the backlog over time' },
        { name: 'analysts', description: 'schema and SQL sandbox' },
        { name: 'operations', description: 'health and readiness' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
