/**
 * The requests the dashboard sends when a screen opens with its default filters (the last six months by
 * month, no office, channel, service or language chosen), written out as its code builds them:
 *  - overview (dashboards/web/src/views/overview.ts): the headline tiles (HEADLINE_METRICS of shapes/tiles.shape.ts,
 *    no dimensions), the all-office trend line and the by-office trend lines (csat and satisfaction_mean);
 *  - comparison (views/compare.ts): the Offices and Equal service screens' /v1/compare.
 * URLs as dashboards/web/src/api.ts encodes them (URLSearchParams). Kept here rather than imported because the
 * dashboard's modules are browser code (views import the DOM and charts) and services never import it.
 */
import type { QueryRequest } from '@servq/metrics';
import type { CompareRequest } from '../src/routes/compare.ts';

export type DashboardRequest =
  | { name: string; screen: 'overview'; path: string; query: QueryRequest }
  | { name: string; screen: 'comparison'; path: string; compare: CompareRequest };

/** The dashboard's default range: from the first day of the month five months before `today`, to `today`. */
export function defaultRange(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  return { from: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 6, 1)).toISOString().slice(0, 10), to: today };
}

const HEADLINE_METRICS = ['surveys_answered', 'csat', 'nps', 'wait_p50', 'legal_deadline_share', 'open_complaints'];
const TREND_METRICS = ['csat', 'satisfaction_mean'];
const OFFICES_SCREEN = ['wait_p50', 'wait_p90', 'wait_within_target', 'response_p50', 'legal_deadline_share'];
const EQUAL_SCREEN = [
  'wait_p50',
  'wait_within_target',
  'csat',
  'satisfaction_mean',
  'courtesy_mean',
  'legal_deadline_share',
];

function queryPath(request: QueryRequest): string {
  const params = new URLSearchParams();
  params.set('metrics', request.metrics.join(','));
  if (request.dimensions?.length) params.set('dimensions', request.dimensions.join(','));
  params.set('from', request.from);
  params.set('to', request.to);
  if (request.grain) params.set('grain', request.grain);
  return `/v1/query?${params.toString()}`;
}

function comparePath(request: CompareRequest): string {
  const params = new URLSearchParams({
    metrics: request.metrics.join(','),
    by: request.by,
    from: request.from,
    to: request.to,
  });
  return `/v1/compare?${params.toString()}`;
}

export function dashboardRequests(today: string): DashboardRequest[] {
  const { from, to } = defaultRange(today);
  const overview = (name: string, query: QueryRequest): DashboardRequest => ({
    name,
    screen: 'overview',
    path: queryPath(query),
    query,
  });
  const comparison = (name: string, compare: CompareRequest): DashboardRequest => ({
    name,
    screen: 'comparison',
    path: comparePath(compare),
    compare,
  });
  return [
    overview('overview: headline tiles', { metrics: HEADLINE_METRICS, from, to }),
    overview('overview: all-office trend', { metrics: TREND_METRICS, from, to, grain: 'month' }),
    overview('overview: trend by office', { metrics: TREND_METRICS, dimensions: ['office'], from, to, grain: 'month' }),
    comparison('comparison: offices', { metrics: OFFICES_SCREEN, by: 'office', from, to, filters: {} }),
    comparison('comparison: equal service (languages)', {
      metrics: EQUAL_SCREEN,
      by: 'language',
      from,
      to,
      filters: {},
    }),
  ];
}
