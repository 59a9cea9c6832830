/**
 * Rules judged on the query API's answers, as pure functions: each returns the findings that fire (a condition
 * true now) for every scope it evaluated. Significance comes from the query service's own intervals and tests —
 * a figure is "outside its target" only when its whole 95 % interval is on the wrong side, so noise in a small
 * sample never fires. The deadline clock counts open complaints by their legal due date on the Riga calendar.
 */
import { addDays, rigaDate, workingDaysBetween } from '@servq/contracts';
import { verdictOf, type CompareAnswer, type GroupFigure, type MetricComparison } from '@servq/query-api';
import { dashboardLink, type Screen } from '@servq/contracts';
import type { OpenComplaint } from './query.client.ts';
import type { Rule } from './rules.ts';

export interface Finding {
  alertId: string;
  ruleId: string;
  ruleKind: Rule['kind'];
  severity: 'warning' | 'critical';
  officeId?: string | undefined;
  group?: string | undefined;
  metricId?: string | undefined;
  value: number | null;
  intervalLow?: number | null;
  intervalHigh?: number | null;
  target?: number | null;
  baseline?: number | null;
  pValue?: number | null;
  n?: number;
  periodFrom: string;
  periodTo: string;
  /** Why it fired, in English; messages are worded per subscriber language from the figures (message.ts). */
  reason: string;
  link: string;
}

export interface Window {
  from: string;
  to: string;
}

/** The window of `days` days ending at the newest day with data (Riga). */
export function windowEndingAt(newestEventAt: string, days: number): Window {
  const to = rigaDate(newestEventAt);
  return { from: addDays(to, -(days - 1)), to };
}

/** The same window a year earlier. */
export function yearEarlier(window: Window): Window {
  const shift = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`.replace(/-02-29$/, '-02-28');
  return { from: shift(window.from), to: shift(window.to) };
}

export function alertIdOf(ruleId: string, office: string | undefined, group?: string): string {
  return [ruleId, office ?? 'all', ...(group ? [group] : [])].join(':');
}

const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? 'n/a' : String(Math.round(v * 1000) / 1000);

/** Worse in the metric's direction: lower for higher-is-better, higher for lower-is-better; never for neutral. */
function worse(direction: MetricComparison['direction'], value: number, than: number): boolean {
  if (direction === 'higher_is_better') return value < than;
  if (direction === 'lower_is_better') return value > than;
  return false;
}

/** The figure for each scope: the office groups named by the rule, or the whole agency. */
function scoped(metric: MetricComparison, offices: readonly string[] | undefined): [string | undefined, GroupFigure][] {
  if (!offices) return [[undefined, metric.all]];
  return offices.flatMap((office): [string | undefined, GroupFigure][] => {
    const figure = metric.groups.find((g) => g.group === office);
    return figure ? [[office, figure]] : [];
  });
}

function metricOf(answer: CompareAnswer, id: string): MetricComparison | undefined {
  return answer.metrics.find((m) => m.id === id);
}

interface Context {
  rule: Rule;
  window: Window;
  dashboardUrl: string;
}

function base(
  ctx: Context,
  office: string | undefined,
  screen: Screen,
  extra: { language?: string; channel?: string } = {},
) {
  return {
    ruleId: ctx.rule.id,
    ruleKind: ctx.rule.kind,
    severity: ctx.rule.severity,
    officeId: office,
    periodFrom: ctx.window.from,
    periodTo: ctx.window.to,
    link: dashboardLink(ctx.dashboardUrl, { screen, ...ctx.window, office, ...extra }),
  };
}

/**
 * A metric off its target (`verdictOf`, the dashboard's tiles' rule): its whole 95 % interval on the wrong side,
 * or for a target at the end of its scale (every complaint answered in time), any case that misses it.
 */
export function outsideTarget(
  ctx: Context & { rule: { kind: 'outside_target'; metric: string } },
  answer: CompareAnswer,
): Finding[] {
  const metric = metricOf(answer, ctx.rule.metric);
  if (!metric) return [];
  return scoped(metric, ctx.rule.offices).flatMap(([office, f]) => {
    // Only figures with an interval: a count has none, so noise in it could not be told from a real miss.
    if (f.interval === null || verdictOf(f, metric.direction, metric.unit) !== 'off') return [];
    return [
      {
        ...base(ctx, office, office ? 'offices' : 'overview'),
        alertId: alertIdOf(ctx.rule.id, office),
        metricId: metric.id,
        value: f.value,
        intervalLow: f.interval.low,
        intervalHigh: f.interval.high,
        target: f.target,
        n: f.n,
        reason: `${metric.id} ${fmt(f.value)} (95 % interval ${fmt(f.interval.low)}–${fmt(f.interval.high)}, n=${f.n}) is outside its target ${fmt(f.target)}`,
      },
    ];
  });
}

/** A significant change for the worse against the previous period of equal length. */
export function changeAgainstPrevious(
  ctx: Context & { rule: { kind: 'change'; metric: string } },
  answer: CompareAnswer,
): Finding[] {
  const metric = metricOf(answer, ctx.rule.metric);
  if (!metric) return [];
  return scoped(metric, ctx.rule.offices).flatMap(([office, f]) => {
    if (!f.changeSignificant || f.value === null || f.previous.value === null) return [];
    if (!worse(metric.direction, f.value, f.previous.value)) return [];
    return [
      {
        ...base(ctx, office, office ? 'offices' : 'overview'),
        alertId: alertIdOf(ctx.rule.id, office),
        metricId: metric.id,
        value: f.value,
        intervalLow: f.interval?.low ?? null,
        intervalHigh: f.interval?.high ?? null,
        target: f.target,
        baseline: f.previous.value,
        pValue: f.changePValue,
        n: f.n,
        reason: `${metric.id} changed from ${fmt(f.previous.value)} to ${fmt(f.value)} against the previous period (p=${fmt(f.changePValue)})`,
      },
    ];
  });
}

/**
 * A change for the worse against the same window a year earlier, significant when the two 95 % intervals do not
 * overlap (conservative: the query API tests only against the previous period).
 */
export function changeAgainstYear(
  ctx: Context & { rule: { kind: 'change'; metric: string } },
  now: CompareAnswer,
  yearAgo: CompareAnswer,
): Finding[] {
  const metric = metricOf(now, ctx.rule.metric);
  const before = metricOf(yearAgo, ctx.rule.metric);
  if (!metric || !before) return [];
  const beforeByScope = new Map(scoped(before, ctx.rule.offices));
  return scoped(metric, ctx.rule.offices).flatMap(([office, f]) => {
    const b = beforeByScope.get(office);
    if (!b || f.value === null || b.value === null || !f.interval || !b.interval) return [];
    const apart = f.interval.high < b.interval.low || f.interval.low > b.interval.high;
    if (!apart || !worse(metric.direction, f.value, b.value)) return [];
    return [
      {
        ...base(ctx, office, office ? 'offices' : 'overview'),
        alertId: alertIdOf(ctx.rule.id, office),
        metricId: metric.id,
        value: f.value,
        intervalLow: f.interval.low,
        intervalHigh: f.interval.high,
        target: f.target,
        baseline: b.value,
        n: f.n,
        reason: `${metric.id} ${fmt(f.value)} against ${fmt(b.value)} a year earlier; the 95 % intervals do not overlap`,
      },
    ];
  });
}

/** A group (a service language, a channel) served significantly worse than the others. */
export function equalServiceGap(
  ctx: Context & { rule: { kind: 'equal_service_gap'; metric: string; by: 'language' | 'service_channel' } },
  office: string | undefined,
  answer: CompareAnswer,
): Finding[] {
  const metric = metricOf(answer, ctx.rule.metric);
  if (!metric || metric.all.value === null) return [];
  const all = metric.all.value;
  return metric.groups.flatMap((f) => {
    if (!f.significant || f.value === null || f.group === null || !worse(metric.direction, f.value, all)) return [];
    const group = `${ctx.rule.by}:${f.group}`;
    return [
      {
        ...base(ctx, office, 'equal'),
        alertId: alertIdOf(ctx.rule.id, office, group),
        group,
        metricId: metric.id,
        value: f.value,
        intervalLow: f.interval?.low ?? null,
        intervalHigh: f.interval?.high ?? null,
        target: f.target,
        baseline: all,
        pValue: f.pValue,
        n: f.n,
        reason: `${metric.id} for ${ctx.rule.by} ${f.group} is ${fmt(f.value)} against ${fmt(all)} for everyone (p=${fmt(f.pValue)}, n=${f.n})`,
      },
    ];
  });
}

/**
 * The legal-deadline clock: per office, open complaints already past their legal due date, and those due within
 * the rule's working days. Due dates come from the query service's model (the rule in force on the day of
 * receipt); only the distance from today is counted here, on the Latvian working calendar.
 */
export function deadlineClock(
  ctx: Context & { rule: { kind: 'deadline'; within_working_days: number } },
  complaints: readonly OpenComplaint[],
  today: string,
): Finding[] {
  const counts = new Map<string, { overdue: number; dueSoon: number; firstDue: string | null }>();
  for (const c of complaints) {
    const office = c.office_id ?? 'all';
    if (ctx.rule.offices && !ctx.rule.offices.includes(office as never)) continue;
    const entry = counts.get(office) ?? { overdue: 0, dueSoon: 0, firstDue: null };
    const n = c.n;
    if (c.legal_due_date < today) entry.overdue += n;
    else if (workingDaysBetween(today, c.legal_due_date) <= ctx.rule.within_working_days) entry.dueSoon += n;
    if (c.legal_due_date >= today && (entry.firstDue === null || c.legal_due_date < entry.firstDue))
      entry.firstDue = c.legal_due_date;
    counts.set(office, entry);
  }
  const findings: Finding[] = [];
  const window = { from: addDays(today, -90), to: today };
  for (const [key, entry] of counts) {
    const office = key === 'all' ? undefined : key;
    const common = { ...base({ ...ctx, window }, office, 'complaints'), periodFrom: today, periodTo: today };
    if (entry.overdue > 0) {
      findings.push({
        ...common,
        severity: 'critical',
        alertId: alertIdOf(ctx.rule.id, office, 'overdue'),
        group: 'overdue',
        value: entry.overdue,
        reason: `${entry.overdue} open complaint(s) past their legal deadline`,
      });
    }
    if (entry.dueSoon > 0) {
      findings.push({
        ...common,
        alertId: alertIdOf(ctx.rule.id, office, 'due_soon'),
        group: 'due_soon',
        value: entry.dueSoon,
        reason: `${entry.dueSoon} open complaint(s) due within ${ctx.rule.within_working_days} working day(s)`,
      });
    }
  }
  return findings;
}
