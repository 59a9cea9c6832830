/**
 * The Alerts and Reports screens' pure parts: where an alert's link leads on this origin, the figure with its
 * interval in the metric's unit, why the rule fired in the page's words, which history events a person reads,
 * and which months have data for a report. No DOM, so they are unit-tested.
 */
import type { AlertHistoryEvent, OpenAlertView } from '@servq/query-api/alerts';
import type { Lang, QueryAnswer, Unit } from '../api.types.ts';
import { formatInterval, formatValue } from '../format.ts';
import type { StringKey } from '../i18n.ts';

/**
 * The alert's dashboard view as an address on this page: the alerts service builds absolute links with its
 * configured dashboard URL (for e-mail); on the page only the screen and filters (the hash) matter.
 */
export function viewHash(link: string): string {
  const at = link.indexOf('#/');
  return at >= 0 ? link.slice(at) : '#/overview';
}

export interface AlertFigures {
  value: string;
  interval: string | null;
  target: string | null;
  baseline: string | null;
}

/** The alert's figures in its metric's unit (deadline alerts count complaints). */
export function alertFigures(alert: OpenAlertView, unit: Unit, lang: Lang): AlertFigures {
  const interval =
    alert.interval && alert.interval.low !== null && alert.interval.high !== null
      ? formatInterval(unit, { low: alert.interval.low, high: alert.interval.high }, lang)
      : null;
  return {
    value: formatValue(unit, alert.value, lang),
    interval,
    target: alert.target === null ? null : formatValue(unit, alert.target, lang),
    baseline: alert.baseline === null ? null : formatValue(unit, alert.baseline, lang),
  };
}

/** Why the rule fired, as a page string: by the rule's kind, or for the deadline clock by which list it is. */
export function whyKey(alert: OpenAlertView): { key: StringKey; vars: Record<string, string | number> } {
  if (alert.rule_kind === 'deadline') {
    const n = alert.value ?? 0;
    return { key: alert.group === 'due_soon' ? 'why_due_soon' : 'why_overdue', vars: { n } };
  }
  return { key: `why_${alert.rule_kind}`, vars: {} };
}

/** A group such as `language:ru` split into its dimension and value (null for groups without a dimension). */
export function splitGroup(group: string | null): { dimension: string | null; value: string } | null {
  if (group === null) return null;
  const at = group.indexOf(':');
  return at < 0 ? { dimension: null, value: group } : { dimension: group.slice(0, at), value: group.slice(at + 1) };
}

/** What a person reads in the history: every event but the per-subscriber delivery records. */
export function readableHistory(events: readonly AlertHistoryEvent[]): AlertHistoryEvent[] {
  return events.filter((e) => e.type !== 'alert.delivered');
}

/** What an alert is about: its metric (none for a deadline rule) and its group beyond the office. */
export interface AlertSubject {
  metric_id: string | null;
  group: string | null;
}

/**
 * What each alert of a history is about, by alert id: a raised or reminded event names its metric and group, an
 * acknowledgement or resolution only its rule, so those borrow their alert's (from the history itself, or from
 * the open alerts when its raising is older than the history shown).
 */
export function historySubjects(
  events: readonly AlertHistoryEvent[],
  open: readonly Pick<OpenAlertView, 'alert_id' | 'metric_id' | 'group'>[],
): Map<string, AlertSubject> {
  const subjects = new Map<string, AlertSubject>();
  for (const alert of open) subjects.set(alert.alert_id, { metric_id: alert.metric_id, group: alert.group });
  for (const event of events) {
    if (event.metric_id === undefined && event.alert_group === undefined) continue;
    subjects.set(event.alert_id, { metric_id: event.metric_id ?? null, group: event.alert_group ?? null });
  }
  return subjects;
}

/**
 * The months a report can be asked for: those whose row in a monthly query has any figure with n > 0, newest
 * first. The row's `period` is the month's first day.
 */
export function monthsWithData(answer: Pick<QueryAnswer, 'rows'>): string[] {
  const months = new Set<string>();
  for (const row of answer.rows) {
    const period = row.period;
    if (typeof period !== 'string') continue;
    const hasData = Object.values(row).some(
      (cell) => typeof cell === 'object' && cell !== null && 'n' in cell && typeof cell.n === 'number' && cell.n > 0,
    );
    if (hasData) months.add(period.slice(0, 7));
  }
  return [...months].sort().reverse();
}
