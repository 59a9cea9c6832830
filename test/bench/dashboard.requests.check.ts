/**
 * The overview's requests as Chromium sent them against the shared list (@servq/query-api requests.ts) that
 * the dashboard builds them from and the query bench times: for the range the page asked for (its default, from
 * the data's end; read from the requests' own from, to and grain), with no filter chosen (each request then
 * goes out whole, unsplit), the two sets of URLs should be equal.
 */
import { buildCatalogue } from '@servq/metrics';
import { channelsPath, comparePath, driversPath, overviewRequests, queryPath, type Grain } from '@servq/query-api';

/** The most frequent value of a parameter across the requests. */
function usual(sent: readonly string[], name: string): string {
  const counts = new Map<string, number>();
  for (const path of sent) {
    const value = new URLSearchParams(path.split('?')[1] ?? '').get(name);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

export function overviewCheck(sent: readonly string[]) {
  const range = { from: usual(sent, 'from'), to: usual(sent, 'to'), grain: (usual(sent, 'grain') || 'month') as Grain };
  const catalogue = buildCatalogue({ waitTargetMinutes: 15 });
  const ask = overviewRequests(range, (id) => catalogue.get(id)?.unit === 'count');
  const listed = [
    queryPath(ask.headline),
    queryPath(ask.allOffices),
    queryPath(ask.byOffice),
    queryPath(ask.sparklines),
    comparePath(ask.previous),
    comparePath(ask.yearEarlier),
    driversPath(ask.drivers),
    ask.annotations,
    channelsPath(ask.channels),
  ];
  const missing = listed.filter((path) => !sent.includes(path));
  const extra = sent.filter((path) => !listed.includes(path));
  return {
    range,
    listed: listed.length,
    sentByChromium: sent.length,
    match: missing.length === 0 && extra.length === 0 && listed.length === sent.length,
    notSentByThePage: missing,
    notInTheList: extra,
  };
}
