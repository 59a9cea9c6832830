/**
 * Deep links into the dashboard: the screen and filters that show what an alert or a report is about, in the
 * dashboard's own address format (`#/<screen>?from=…&to=…&grain=…&office=…`, dashboards/web/src/filters.ts).
 * One home for that format on the server side: the alerts service links to it, the reports service prints it.
 */
export type Screen = 'overview' | 'offices' | 'equal' | 'complaints';

export interface LinkTarget {
  screen: Screen;
  from: string;
  to: string;
  office?: string | undefined;
  channel?: string | undefined;
  language?: string | undefined;
  /** The Complaints screen's deadline list: due within this many working days (the screen's own default: 5). */
  within?: number | undefined;
}

/** The grain a window reads best at: days up to two weeks, weeks up to a quarter, months beyond. */
export function grainFor(from: string, to: string): 'day' | 'week' | 'month' {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return days <= 14 ? 'day' : days <= 92 ? 'week' : 'month';
}

export function dashboardLink(dashboardUrl: string, target: LinkTarget & { grain?: 'day' | 'week' | 'month' }): string {
  const params = new URLSearchParams({
    from: target.from,
    to: target.to,
    grain: target.grain ?? grainFor(target.from, target.to),
  });
  for (const key of ['office', 'channel', 'language'] as const) {
    const value = target[key];
    if (value) params.set(key, value);
  }
  if (target.within !== undefined) params.set('within', String(target.within));
  return `${dashboardUrl}/#/${target.screen}?${params.toString()}`;
}
