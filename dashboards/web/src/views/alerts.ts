/**
 * The Alerts screen: the open alerts the alerts service holds (through this origin, /v1/alerts) with the figure
 * and its interval, why the rule fired, since when, and a link to the dashboard view that shows it; an
 * Acknowledge button that records who saw it (the alerts service writes an `alert.acknowledged` event) and keeps
 * keyboard focus where it was; and the history of raised, reminded, acknowledged and resolved alerts.
 * An office token sees its own office's alerts only — the alerts service decides that.
 */
import '../alerts.css';
import type { AlertHistoryEvent, OpenAlertView } from '@servq/query-api/alerts';
import type { Unit } from '../api.types.ts';
import { h } from '../dom.ts';
import { formatCount, formatP, formatPeriod, formatTimestamp } from '../format.ts';
import type { StringKey } from '../i18n.ts';
import {
  alertFigures,
  historySubjects,
  readableHistory,
  splitGroup,
  viewHash,
  whyKey,
  type AlertSubject,
} from '../shapes/alerts.shape.ts';
import { errorBox, metricLabel, tr, type ViewContext } from '../view.ts';

const HISTORY_LIMIT = 200;

/** An office by name, the records with no office by the API's name for them, or else the whole agency. */
function officeName(ctx: ViewContext, office: string | null | undefined, noOffice: boolean | undefined): string {
  if (noOffice) return ctx.labels.noOffice(ctx.lang);
  return office ? ctx.labels.office(office, ctx.lang) : tr(ctx)('agencyWide');
}

function groupName(ctx: ViewContext, group: string | null): string | null {
  const split = splitGroup(group);
  if (!split) return null;
  if (split.dimension === null) {
    const key = `group_${split.value}`;
    return key === 'group_overdue' || key === 'group_due_soon' ? tr(ctx)(key) : split.value;
  }
  const dimension = split.dimension === 'language' ? 'language' : split.dimension === 'channel' ? 'channel' : null;
  return dimension ? `${tr(ctx)(dimension)}: ${ctx.labels.value(dimension, split.value, ctx.lang)}` : split.value;
}

/** "CSAT · Liepāja" or "Complaint deadlines · Rīga · overdue": what the alert is about. */
function alertTitle(ctx: ViewContext, alert: OpenAlertView): string {
  return [subjectName(ctx, alert), officeName(ctx, alert.office_id, alert.no_office), groupName(ctx, alert.group)]
    .filter(Boolean)
    .join(' · ');
}

/** The metric an alert is about, or the deadline rule's name (a deadline rule watches no metric). */
function subjectName(ctx: ViewContext, subject: AlertSubject): string {
  return subject.metric_id ? metricLabel(ctx, subject.metric_id) : tr(ctx)('kind_deadline');
}

function unitOf(ctx: ViewContext, alert: OpenAlertView): Unit {
  return (alert.metric_id && ctx.catalogue.get(alert.metric_id)?.unit) || 'count';
}

function ackStatus(ctx: ViewContext, alert: OpenAlertView, id: string): HTMLElement {
  return h(
    'p',
    { class: 'ack-status', id, tabindex: '-1' },
    h(
      'span',
      { class: 'pill pill-good' },
      `✓ ${tr(ctx)('acknowledgedBy', { who: alert.acknowledged_by ?? '', time: formatTimestamp(alert.acknowledged_at, ctx.lang) })}`,
    ),
  );
}

function ackControl(ctx: ViewContext, alert: OpenAlertView, index: number, title: string): HTMLElement {
  const l = tr(ctx);
  const statusId = `ack-status-${index}`;
  if (alert.acknowledged_by !== null) return ackStatus(ctx, alert, statusId);
  const live = h('div', { class: 'ack-live', 'aria-live': 'polite' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'primary small ack-button',
      id: `ack-${index}`,
      'data-alert': alert.alert_id,
      'aria-label': l('acknowledgeOf', { title }),
    },
    l('acknowledge'),
  );
  const holder = h('div', { class: 'ack' }, button, live);
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = l('acknowledging');
    ctx.api
      .acknowledgeAlert(alert.alert_id)
      .then((answer) => {
        if (!ctx.isCurrent()) return;
        const done = ackStatus(
          ctx,
          { ...alert, acknowledged_by: answer.acknowledged_by, acknowledged_at: answer.acknowledged_at },
          statusId,
        );
        holder.replaceWith(done);
        // The history below gains the acknowledgement without a reload.
        const acknowledged: AlertHistoryEvent = {
          event_id: `local-${alert.alert_id}`,
          type: 'alert.acknowledged',
          occurred_at: answer.acknowledged_at ?? new Date().toISOString(),
          alert_id: alert.alert_id,
          rule_id: alert.rule_id,
          office_id: alert.office_id ?? undefined,
          no_office: alert.no_office || undefined,
          acknowledged_by: answer.acknowledged_by ?? undefined,
        };
        document.querySelector('.history-list')?.prepend(historyItem(ctx, acknowledged, alert));
        // The button is gone: focus stays on the same spot of the page, now saying who acknowledged it.
        done.focus();
      })
      .catch((error: unknown) => {
        button.disabled = false;
        button.textContent = l('acknowledge');
        live.replaceChildren(errorBox(ctx, error));
        button.focus();
      });
  });
  return holder;
}

function alertCard(ctx: ViewContext, alert: OpenAlertView, index: number): HTMLElement {
  const l = tr(ctx);
  const title = alertTitle(ctx, alert);
  const figures = alertFigures(alert, unitOf(ctx, alert), ctx.lang);
  const why = whyKey(alert);
  const headingId = `alert-title-${index}`;
  // Each figure with its label is one unbreakable piece, so a line never starts with a lone "%".
  const figureParts = [
    figures.interval ? `${l('alertInterval')} ${figures.interval}` : null,
    figures.target ? `${l('alertTarget')} ${figures.target}` : null,
    figures.baseline ? `${l('alertBaseline')} ${figures.baseline}` : null,
    alert.n === null ? null : `n = ${formatCount(alert.n, ctx.lang)}`,
  ]
    .filter((part): part is string => part !== null)
    .map((part) => h('span', { class: 'figure-part' }, part));
  const renotified = alert.last_notified_at !== alert.raised_at;
  return h(
    'article',
    {
      class: `card alert-card alert-${alert.severity}`,
      'aria-labelledby': headingId,
      'data-alert': alert.alert_id,
      'data-office': alert.office_id ?? '',
    },
    h(
      'div',
      { class: 'alert-head' },
      h('h3', { id: headingId }, title),
      h(
        'span',
        { class: `pill ${alert.severity === 'critical' ? 'pill-bad' : 'pill-warn'}` },
        l(`severity_${alert.severity}`),
      ),
    ),
    h(
      'dl',
      { class: 'alert-facts' },
      h('dt', {}, l('alertFigure')),
      h(
        'dd',
        {},
        h('strong', { class: 'alert-value' }, figures.value),
        ...(figureParts.length > 0
          ? [' (', ...figureParts.flatMap((part, i) => (i ? ['; ', part] : [part])), ')']
          : []),
      ),
      h('dt', {}, l('alertWhy')),
      // Worded here from the rule's kind and figures: the service's `reason` is English only.
      h('dd', {}, `${l(why.key, why.vars)}${alert.p_value === null ? '' : ` (${formatP(alert.p_value, ctx.lang)})`}.`),
      h('dt', {}, l('alertPeriod')),
      h(
        'dd',
        {},
        alert.period.from === alert.period.to
          ? formatPeriod(alert.period.from, 'day', ctx.lang)
          : `${formatPeriod(alert.period.from, 'day', ctx.lang)} – ${formatPeriod(alert.period.to, 'day', ctx.lang)}`,
      ),
      h('dt', {}, l('alertSince')),
      h(
        'dd',
        {},
        h('span', { class: 'figure-part' }, formatTimestamp(alert.raised_at, ctx.lang)),
        renotified ? ` · ${l('alertLastNotified', { time: formatTimestamp(alert.last_notified_at, ctx.lang) })}` : '',
      ),
    ),
    h(
      'div',
      { class: 'alert-actions' },
      h(
        'a',
        {
          href: viewHash(alert.link),
          class: 'secondary small button-link',
          'aria-label': l('alertOpenViewOf', { title }),
        },
        l('alertOpenView'),
      ),
      ackControl(ctx, alert, index, title),
    ),
  );
}

/**
 * One line of the history: when, what happened, what the alert is about in the page's words ("CSAT · Language:
 * Russian"; the rule's id only when its raising is older than the history and it is no longer open), the office.
 */
function historyItem(ctx: ViewContext, event: AlertHistoryEvent, subject: AlertSubject | undefined): HTMLElement {
  const l = tr(ctx);
  const about = subject
    ? [subjectName(ctx, subject), groupName(ctx, subject.group)].filter(Boolean).join(' · ')
    : event.rule_id;
  const what = l(`event_${event.type}` as StringKey, { who: event.acknowledged_by ?? '' });
  return h(
    'li',
    { 'data-type': event.type },
    h('time', { datetime: event.occurred_at }, formatTimestamp(event.occurred_at, ctx.lang)),
    ' · ',
    h('strong', {}, what),
    ' · ',
    h('span', { class: 'history-subject', 'data-rule': event.rule_id }, about),
    ' · ',
    officeName(ctx, event.office_id, event.no_office),
  );
}

export async function renderAlerts(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  const [open, history] = await Promise.all([ctx.api.alerts(), ctx.api.alertHistory(HISTORY_LIMIT)]);
  const events = readableHistory(history.events);
  const subjects = historySubjects(history.events, open.alerts);
  return h(
    'div',
    { class: 'screen alerts-screen' },
    h('p', { class: 'intro' }, l('alertsIntro')),
    h(
      'section',
      { 'aria-labelledby': 'open-alerts-title', class: 'alerts-open' },
      h('h2', { id: 'open-alerts-title', class: 'section-title' }, l('openAlertsTitle', { n: open.alerts.length })),
      open.alerts.length === 0
        ? h('p', { class: 'card muted' }, l('noOpenAlerts'))
        : h(
            'div',
            { class: 'alert-list' },
            open.alerts.map((a, i) => alertCard(ctx, a, i)),
          ),
    ),
    h(
      'section',
      { class: 'card alerts-history', 'aria-labelledby': 'alert-history-title' },
      h('h2', { id: 'alert-history-title' }, l('historyTitle')),
      h('p', { class: 'note' }, l('historyNote')),
      events.length === 0
        ? h('p', { class: 'muted' }, l('noHistory'))
        : h(
            'ol',
            { class: 'history-list' },
            events.map((e) => historyItem(ctx, e, subjects.get(e.alert_id))),
          ),
    ),
  );
}
