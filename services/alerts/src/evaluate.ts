/**
 * Rules judged on the query API's answers, as pure functions: each returns the findings that fire (a condition
 * true now) for every scope it evaluated. Significance comes from the query service's own intervals and tests —
 * a figure is "outside its target" only when its whole 95 % interval is on the wrong side, so noise in a small
 * sample never fires. The deadline clock counts open complaints by their legal due date on the Riga calendar.
 * Beside the findings, each rule reports its reading of every scope it judged, firing or not: the figure a
 * resolved alert's e-mail states as the figure now.
 */
import {
  addDays,
  dashboardLink,
  NO_OFFICE_FILTER,
  OFFICE_IDS,
  rigaDate,
  workingDaysBetween,
  type Screen,
} from '@servq/contracts';
import { verdictOf, type CompareAnswer, type GroupFigure, type MetricComparison } from '@servq/query-api';
import type { OpenComplaint } from './query.client.ts';
import type { Rule } from './rules.ts';

export interface Finding {
  alertId: string;
  ruleId: string;
  ruleKind: Rule['kind'];
  severity: 'warning' | 'critical';
  officeId?: string | undefined;
  /** About records with no office (complaints not yet assigned to one): neither an office nor the agency. */
  noOffice?: true;
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
  /** The deadline clock: the earliest legal due date among the complaints counted. */
  dueDate?: string;
  /** Why it fired, in English; messages are worded per subscriber language from the figures (message.ts). */
  reason: string;
  link: string;
}

/** A scope's figures as a rule read them, whether or not they fired (the figures now, for a resolution). */
export type Reading = Pick<
  Finding,
  | 'alertId'
  | 'value'
  | 'intervalLow'
  | 'intervalHigh'
  | 'target'
  | 'baseline'
  | 'n'
  | 'periodFrom'
  | 'periodTo'
  | 'link'
>;

/** What one rule found: the conditions that fire now, and the reading of every scope it judged. */
export interface Evaluation {
  findings: Finding[];
  readings: Reading[];
}

function reading(f: Finding): Reading {
  const known = <K extends keyof Reading>(key: K) => (f[key] === undefined ? {} : { [key]: f[key] });
  return {
    alertId: f.alertId,
    value: f.value,
    ...known('intervalLow'),
    ...known('intervalHigh'),
    ...known('target'),
    ...known('baseline'),
    ...known('n'),
    periodFrom: f.periodFrom,
    periodTo: f.periodTo,
    link: f.link,
  };
}

/** A rule's judgement of each scope (the finding it would be, and whether it fires) as an evaluation. */
function judged(scopes: readonly { finding: Finding; fires: boolean }[]): Evaluation {
  return {
    findings: scopes.filter((s) => s.fires).map((s) => s.finding),
    readings: scopes.map((s) => reading(s.finding)),
  };
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

/**
 * The scope of the records with no office in an alert id (`complaint-deadlines:no-office:overdue`): not an office
 * id, and not the agency's `all`, so their alert is one of its own and keeps its id across restarts. It is the
 * office filter's own spelling, so the alert's link opens the dashboard on exactly those records.
 */
export const NO_OFFICE_SCOPE = NO_OFFICE_FILTER;

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

/** A compared figure as a finding's figures: the metric, its value and 95 % interval, its target and sample. */
function figureOf(metric: MetricComparison, f: Pick<GroupFigure, 'value' | 'interval' | 'target' | 'n'>) {
  return {
    metricId: metric.id,
    value: f.value,
    intervalLow: f.interval?.low ?? null,
    intervalHigh: f.interval?.high ?? null,
    target: f.target,
    n: f.n,
  };
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
  /** More filters of the link; an `office` here is the link's alone (the no-office filter), not the finding's. */
  extra: { language?: string; channel?: string; office?: string } = {},
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
): Evaluation {
  const metric = metricOf(answer, ctx.rule.metric);
  if (!metric) return judged([]);
  return judged(
    scoped(metric, ctx.rule.offices).map(([office, f]) => ({
      // Only figures with an interval fire: a count has none, so noise in it could not be told from a real miss.
      fires: f.interval !== null && verdictOf(f, metric.direction, metric.unit) === 'off',
      finding: {
        ...base(ctx, office, office ? 'offices' : 'overview'),
        alertId: alertIdOf(ctx.rule.id, office),
        ...figureOf(metric, f),
        reason: `${metric.id} ${fmt(f.value)} (95 % interval ${fmt(f.interval?.low)}–${fmt(f.interval?.high)}, n=${f.n}) is outside its target ${fmt(f.target)}`,
      },
    })),
  );
}

/** A significant change for the worse against the previous period of equal length. */
export function changeAgainstPrevious(
  ctx: Context & { rule: { kind: 'change'; metric: string } },
  answer: CompareAnswer,
): Evaluation {
  const metric = metricOf(answer, ctx.rule.metric);
  if (!metric) return judged([]);
  return judged(
    scoped(metric, ctx.rule.offices).map(([office, f]) => ({
      fires:
        f.changeSignificant &&
        f.value !== null &&
        f.previous.value !== null &&
        worse(metric.direction, f.value, f.previous.value),
      finding: {
        ...base(ctx, office, office ? 'offices' : 'overview'),
        alertId: alertIdOf(ctx.rule.id, office),
        ...figureOf(metric, f),
        baseline: f.previous.value,
        pValue: f.changePValue,
        reason: `${metric.id} changed from ${fmt(f.previous.value)} to ${fmt(f.value)} against the previous period (p=${fmt(f.changePValue)})`,
      },
    })),
  );
}

/**
 * A change for the worse against the same window a year earlier, significant when the two 95 % intervals do not
 * overlap (conservative: the query API tests only against the previous period).
 */
export function changeAgainstYear(
  ctx: Context & { rule: { kind: 'change'; metric: string } },
  now: CompareAnswer,
  yearAgo: CompareAnswer,
): Evaluation {
  const metric = metricOf(now, ctx.rule.metric);
  const before = metricOf(yearAgo, ctx.rule.metric);
  if (!metric || !before) return judged([]);
  const beforeByScope = new Map(scoped(before, ctx.rule.offices));
  return judged(
    scoped(metric, ctx.rule.offices).map(([office, f]) => {
      const b = beforeByScope.get(office);
      const apart =
        b !== undefined &&
        f.interval !== null &&
        b.interval !== null &&
        (f.interval.high < b.interval.low || f.interval.low > b.interval.high);
      return {
        fires: apart && f.value !== null && b.value !== null && worse(metric.direction, f.value, b.value),
        finding: {
          ...base(ctx, office, office ? 'offices' : 'overview'),
          alertId: alertIdOf(ctx.rule.id, office),
          ...figureOf(metric, f),
          baseline: b?.value ?? null,
          reason: `${metric.id} ${fmt(f.value)} against ${fmt(b?.value)} a year earlier; the 95 % intervals do not overlap`,
        },
      };
    }),
  );
}

/** A group (a service language, a channel) served significantly worse than the others. */
export function equalServiceGap(
  ctx: Context & { rule: { kind: 'equal_service_gap'; metric: string; by: 'language' | 'service_channel' } },
  office: string | undefined,
  answer: CompareAnswer,
): Evaluation {
  const metric = metricOf(answer, ctx.rule.metric);
  if (!metric || metric.all.value === null) return judged([]);
  const all = metric.all.value;
  return judged(
    metric.groups.flatMap((f) => {
      if (f.group === null) return [];
      const group = `${ctx.rule.by}:${f.group}`;
      return [
        {
          fires: f.significant && f.value !== null && worse(metric.direction, f.value, all),
          finding: {
            ...base(ctx, office, 'equal'),
            alertId: alertIdOf(ctx.rule.id, office, group),
            group,
            ...figureOf(metric, f),
            baseline: all,
            pValue: f.pValue,
            reason: `${metric.id} for ${ctx.rule.by} ${f.group} is ${fmt(f.value)} against ${fmt(all)} for everyone (p=${fmt(f.pValue)}, n=${f.n})`,
          },
        },
      ];
    }),
  );
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
): Evaluation {
  interface Count {
    overdue: number;
    dueSoon: number;
    /** The earliest due date of each list: how late the longest overdue is, how near the nearest. */
    oldestOverdue?: string;
    nearestDue?: string;
  }
  const earlier = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);
  const counts = new Map<string, Count>();
  // An office with no open complaint is read as none overdue and none due soon (what its resolution reports).
  for (const office of ctx.rule.offices ?? OFFICE_IDS) counts.set(office, { overdue: 0, dueSoon: 0 });
  for (const c of complaints) {
    // A complaint with no office is counted apart: filing it under the agency read as "the whole agency has 1
    // overdue" beside offices with many. A rule for named offices does not watch these.
    const office = c.office_id ?? NO_OFFICE_SCOPE;
    if (ctx.rule.offices && !ctx.rule.offices.includes(office as never)) continue;
    const entry = counts.get(office) ?? { overdue: 0, dueSoon: 0 };
    const n = c.n;
    if (c.legal_due_date < today) {
      entry.overdue += n;
      entry.oldestOverdue = earlier(entry.oldestOverdue, c.legal_due_date);
    } else if (workingDaysBetween(today, c.legal_due_date) <= ctx.rule.within_working_days) {
      entry.dueSoon += n;
      entry.nearestDue = earlier(entry.nearestDue, c.legal_due_date);
    }
    counts.set(office, entry);
  }
  const scopes: { finding: Finding; fires: boolean }[] = [];
  const window = { from: addDays(today, -90), to: today };
  for (const [key, entry] of counts) {
    const noOffice = key === NO_OFFICE_SCOPE;
    const office = noOffice ? undefined : key;
    const common = {
      // The link of the records with no office opens the Complaints screen on them alone, not on every office.
      ...base({ ...ctx, window }, office, 'complaints', noOffice ? { office: NO_OFFICE_FILTER } : {}),
      ...(noOffice ? { noOffice: true as const } : {}),
      periodFrom: today,
      periodTo: today,
    };
    scopes.push({
      fires: entry.overdue > 0,
      finding: {
        ...common,
        severity: 'critical',
        alertId: alertIdOf(ctx.rule.id, key, 'overdue'),
        group: 'overdue',
        value: entry.overdue,
        ...(entry.oldestOverdue === undefined ? {} : { dueDate: entry.oldestOverdue }),
        reason: `${entry.overdue} open complaint(s) past their legal deadline`,
      },
    });
    scopes.push({
      fires: entry.dueSoon > 0,
      finding: {
        ...common,
        alertId: alertIdOf(ctx.rule.id, key, 'due_soon'),
        group: 'due_soon',
        value: entry.dueSoon,
        ...(entry.nearestDue === undefined ? {} : { dueDate: entry.nearestDue }),
        reason: `${entry.dueSoon} open complaint(s) due within ${ctx.rule.within_working_days} working day(s)`,
      },
    });
  }
  return judged(scopes);
}
