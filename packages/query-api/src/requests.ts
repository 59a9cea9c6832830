/**
 * The requests the dashboard sends, once: the query API's request paths as its client encodes them, the
 * metrics each screen asks for, and the overview's requests for a range. The dashboard's client and screens
 * build their requests from here and `pnpm bench` times exactly these, so the benchmark cannot drift from
 * the page. Pure code (no DOM, no fetch): the dashboard imports it as it imports the answer shapes.
 */
import type { Grain } from './answers.ts';

export type Filters = Readonly<Record<string, readonly string[]>>;

export interface QueryRequest {
  metrics: readonly string[];
  dimensions?: readonly string[];
  filters?: Filters;
  from: string;
  to: string;
  grain?: Grain;
}

export type CompareBy = 'office' | 'language' | 'channel' | 'service_channel';

export interface CompareRequest {
  metrics: readonly string[];
  by: CompareBy;
  from: string;
  to: string;
  filters?: Filters;
  /** Compare with the previous period of equal length (default) or the same dates a year earlier. */
  against?: 'previous' | 'year';
  /** Every group of `by` beside the all-group figure (default), or the all-group figure alone (cheaper). */
  groups?: 'each' | 'none';
}

/** Several comparisons inside each value of another dimension (each office's languages and channels). */
export interface CompareWithinRequest extends Omit<CompareRequest, 'by' | 'groups'> {
  by: readonly CompareBy[];
  within: CompareBy;
}

export interface DriversRequest {
  from: string;
  to: string;
  filters?: Filters;
}

/** The overview's headline tiles, in the order they are shown. */
export const HEADLINE_METRICS = [
  'surveys_answered',
  'csat',
  'nps',
  'satisfaction_mean',
  'wait_p50',
  'wait_within_target',
  'legal_deadline_share',
  'open_complaints',
] as const;
/** The overview's trend charts: all offices together and each office. */
export const TREND_METRICS = ['csat', 'satisfaction_mean'] as const;
/** The Offices screen: offices side by side. */
export const OFFICES_METRICS = [
  'wait_p50',
  'wait_p90',
  'wait_within_target',
  'response_p50',
  'legal_deadline_share',
] as const;
/** The Equal service screen: by service language and by the channel of the service, in each office. */
export const EQUAL_METRICS = ['wait_p50', 'csat', 'refusal_share'] as const;
export const EQUAL_BY = ['language', 'service_channel'] as const;

function setFilters(params: URLSearchParams, filters: Filters | undefined): void {
  for (const [dimension, values] of Object.entries(filters ?? {}))
    if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
}

/** The query string of a catalogue query, in the parameter names the API validates. */
export function queryString(request: QueryRequest): string {
  const params = new URLSearchParams();
  params.set('metrics', request.metrics.join(','));
  if (request.dimensions && request.dimensions.length > 0) params.set('dimensions', request.dimensions.join(','));
  params.set('from', request.from);
  params.set('to', request.to);
  if (request.grain) params.set('grain', request.grain);
  setFilters(params, request.filters);
  return params.toString();
}

export function queryPath(request: QueryRequest): string {
  return `/v1/query?${queryString(request)}`;
}

export function comparePath(request: CompareRequest): string {
  const params = new URLSearchParams({
    metrics: request.metrics.join(','),
    by: request.by,
    from: request.from,
    to: request.to,
  });
  if (request.against === 'year') params.set('against', 'year');
  if (request.groups === 'none') params.set('groups', 'none');
  setFilters(params, request.filters);
  return `/v1/compare?${params.toString()}`;
}

export function compareWithinPath(request: CompareWithinRequest): string {
  const params = new URLSearchParams({
    metrics: request.metrics.join(','),
    by: request.by.join(','),
    within: request.within,
    from: request.from,
    to: request.to,
  });
  if (request.against === 'year') params.set('against', 'year');
  setFilters(params, request.filters);
  return `/v1/compare/within?${params.toString()}`;
}

export function driversPath(request: DriversRequest): string {
  const params = new URLSearchParams({ from: request.from, to: request.to });
  setFilters(params, request.filters);
  return `/v1/drivers?${params.toString()}`;
}

export const ANNOTATIONS_PATH = '/v1/annotations';

/** The overview's channel mix and digital take-up (GET /v1/channels), per period of the range. */
export interface ChannelsRequest {
  from: string;
  to: string;
  grain: Grain;
  filters?: Filters;
}

export function channelsPath(request: ChannelsRequest): string {
  const params = new URLSearchParams({ from: request.from, to: request.to, grain: request.grain });
  setFilters(params, request.filters);
  return `/v1/channels?${params.toString()}`;
}

/** The first day of the month `months` before the month of `date` (YYYY-MM-DD). */
export function monthsBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - months, 1)).toISOString().slice(0, 10);
}

/**
 * The range a screen opens with: the last six months (this one and five before it), by month; from the first
 * day with data instead when the lake starts later, so a young lake does not open on months of nothing.
 */
export function defaultRange(
  today: string,
  dataStart: string | null = null,
): { from: string; to: string; grain: 'month' } {
  const sixMonths = monthsBefore(today, 5);
  const from = dataStart !== null && dataStart > sixMonths && dataStart <= today ? dataStart : sixMonths;
  return { from, to: today, grain: 'month' };
}

/**
 * What the overview asks for over a range, before the page's filters are applied (the dashboard scopes each
 * request to the filters its metrics can take): the headline figures, the all-office and by-office trends,
 * the tiles' sparklines, their change against the previous period and a year earlier (all offices together
 * only: the tiles show no office's; counts are not compared), the drivers of satisfaction, the annotations and the channel mix with digital take-up.
 */
export interface OverviewRequests {
  headline: QueryRequest;
  allOffices: QueryRequest;
  byOffice: QueryRequest;
  sparklines: QueryRequest;
  previous: CompareRequest;
  yearEarlier: CompareRequest;
  drivers: DriversRequest;
  annotations: typeof ANNOTATIONS_PATH;
  channels: ChannelsRequest;
  /**
   * One office's satisfaction by month over the twelve months to the range's end (this month and eleven before
   * it): an office's weeks rarely hold the minimum sample, its months do, so a head can see whether it rises.
   * Sent only when the screen is scoped to one office.
   */
  officeYear: QueryRequest;
}

/** The months an office's own trend spans (see `officeYear`). */
export const OFFICE_TREND_MONTHS = 12;

export function overviewRequests(
  range: { from: string; to: string; grain: Grain },
  isCount: (metric: string) => boolean,
): OverviewRequests {
  const { from, to, grain } = range;
  const compared = HEADLINE_METRICS.filter((id) => !isCount(id));
  return {
    headline: { metrics: HEADLINE_METRICS, from, to },
    allOffices: { metrics: TREND_METRICS, from, to, grain },
    byOffice: { metrics: TREND_METRICS, dimensions: ['office'], from, to, grain },
    sparklines: { metrics: HEADLINE_METRICS, from, to, grain },
    previous: { metrics: compared, by: 'office', from, to, against: 'previous', groups: 'none' },
    yearEarlier: { metrics: compared, by: 'office', from, to, against: 'year', groups: 'none' },
    drivers: { from, to },
    annotations: ANNOTATIONS_PATH,
    channels: { from, to, grain },
    officeYear: {
      metrics: TREND_METRICS,
      dimensions: ['office'],
      from: monthsBefore(to, OFFICE_TREND_MONTHS - 1),
      to,
      grain: 'month',
    },
  };
}
