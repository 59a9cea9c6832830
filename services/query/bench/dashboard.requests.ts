/**
 * The requests the dashboard sends when a screen opens with its default filters (the last six months by
 * month, no office, channel, service or language chosen), taken from where the dashboard takes them
 * (@servq/query-api requests.ts): the overview's requests (`overviewRequests`, which the overview screen
 * sends), the Offices screen's /v1/compare and the Equal service screen's /v1/compare/within, with the URLs its client encodes. With no
 * filter chosen, the dashboard sends each of them as one request.
 */
import type { Catalogue } from '@servq/metrics';
import {
  channelsPath,
  comparePath,
  compareWithinPath,
  defaultRange,
  driversPath,
  EQUAL_BY,
  EQUAL_METRICS,
  OFFICES_METRICS,
  overviewRequests,
  queryPath,
  type ChannelsRequest,
  type CompareRequest,
  type CompareWithinRequest,
  type DriversRequest,
  type QueryRequest,
} from '@servq/query-api';

export type DashboardRequest = { name: string; screen: 'overview' | 'comparison'; path: string } & (
  | { query: QueryRequest }
  | { compare: CompareRequest }
  | { compareWithin: CompareWithinRequest }
  | { drivers: DriversRequest }
  | { annotations: true }
  | { channels: ChannelsRequest }
);

export function dashboardRequests(today: string, catalogue: Catalogue): DashboardRequest[] {
  const range = defaultRange(today);
  const ask = overviewRequests(range, (id) => catalogue.get(id)?.unit === 'count');
  const query = (name: string, request: QueryRequest): DashboardRequest => ({
    name: `overview: ${name}`,
    screen: 'overview',
    path: queryPath(request),
    query: request,
  });
  const compared = (name: string, screen: 'overview' | 'comparison', request: CompareRequest): DashboardRequest => ({
    name: `${screen}: ${name}`,
    screen,
    path: comparePath(request),
    compare: request,
  });
  const { from, to } = range;
  const equal: CompareWithinRequest = { metrics: EQUAL_METRICS, by: EQUAL_BY, within: 'office', from, to };
  return [
    query('headline tiles', ask.headline),
    query('all-office trend', ask.allOffices),
    query('trend by office', ask.byOffice),
    query('tile sparklines', ask.sparklines),
    compared('tiles vs previous period', 'overview', ask.previous),
    compared('tiles vs a year earlier', 'overview', ask.yearEarlier),
    { name: 'overview: drivers', screen: 'overview', path: driversPath(ask.drivers), drivers: ask.drivers },
    { name: 'overview: annotations', screen: 'overview', path: ask.annotations, annotations: true },
    { name: 'overview: channels', screen: 'overview', path: channelsPath(ask.channels), channels: ask.channels },
    compared('offices', 'comparison', { metrics: OFFICES_METRICS, by: 'office', from, to }),
    {
      name: 'comparison: equal service (each office by language and channel)',
      screen: 'comparison',
      path: compareWithinPath(equal),
      compareWithin: equal,
    },
  ];
}
