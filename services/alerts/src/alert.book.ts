/**
 * The alerts service's state, rebuilt from its own events: which alerts are open, their history, which
 * notifications reached which subscriber. Applying the alert topic from the beginning gives the same book as
 * before a restart — that is how nothing raised is lost and nothing delivered is delivered again. Deciding is
 * pure: `decide` turns a rule's findings into the events to write (raised once per condition, renotified only
 * after the quiet period, resolved only after N clean evaluations in a row, which damps flapping). A resolution is
 * delivered like a notification, to the same subscribers, so a fixed problem can be told from an unseen one.
 */
import { randomUUID } from 'node:crypto';
import type {
  AlertAcknowledged,
  AlertEvent,
  AlertRaised,
  AlertRenotified,
  AlertResolved,
  DeliveryChannel,
} from '@servq/contracts';
import type { Finding, Reading } from './evaluate.ts';
import type { Subscriber } from './rules.ts';

export const SOURCE = 'servq-alerts';

export type Notification = AlertRaised | AlertRenotified;

/** A resolved alert as its e-mail tells it: the resolution, the alert's first and its newest notification. */
export interface Resolution {
  resolved: AlertResolved;
  raised: AlertRaised;
  latest: Notification;
}

/** What the outbox delivers: each notification, and each resolution of an alert that was notified. */
export type Deliverable = Notification | AlertResolved;

export interface OpenAlert {
  alertId: string;
  raised: AlertRaised;
  /** The newest notification (the raised event or the latest renotified). */
  latest: Notification;
  acknowledged: AlertAcknowledged | null;
  /** The figures of the newest evaluation that found it (in memory: absent after a restart until found again). */
  current?: Finding;
}

export interface Delivery {
  key: string;
  notification: Deliverable;
  subscriber: Subscriber;
  channel: DeliveryChannel;
}

export interface Policy {
  cleanEvaluationsToResolve: number;
  renotifyAfterMs: number;
}

/** The receiver's idempotency key of one notification to one subscriber on one channel. */
export function deliveryKey(notificationId: string, subscriberId: string, channel: DeliveryChannel): string {
  return `${notificationId}.${subscriberId}.${channel}`;
}

export function subscribedTo(subscriber: Subscriber, alert: Pick<AlertRaised, 'rule_id' | 'office_id'>): boolean {
  if (subscriber.rules && !subscriber.rules.includes(alert.rule_id)) return false;
  if (!subscriber.offices) return true;
  return alert.office_id !== undefined && subscriber.offices.includes(alert.office_id);
}

export class AlertBook {
  private readonly openAlerts = new Map<string, OpenAlert>();
  private readonly events: AlertEvent[] = [];
  private readonly notifications = new Map<string, Deliverable>();
  private readonly resolutions = new Map<string, Resolution>();
  private readonly delivered = new Set<string>();
  private readonly cleanRuns = new Map<string, number>();

  apply(event: AlertEvent): void {
    this.events.push(event);
    switch (event.type) {
      case 'alert.raised':
        this.openAlerts.set(event.alert_id, {
          alertId: event.alert_id,
          raised: event,
          latest: event,
          acknowledged: null,
        });
        this.notifications.set(event.event_id, event);
        break;
      case 'alert.renotified': {
        const open = this.openAlerts.get(event.alert_id);
        if (open) open.latest = event;
        this.notifications.set(event.event_id, event);
        break;
      }
      case 'alert.acknowledged': {
        const open = this.openAlerts.get(event.alert_id);
        if (open) open.acknowledged = event;
        break;
      }
      case 'alert.resolved': {
        const open = this.openAlerts.get(event.alert_id);
        if (open) {
          this.resolutions.set(event.event_id, { resolved: event, raised: open.raised, latest: open.latest });
          this.notifications.set(event.event_id, event);
        }
        this.openAlerts.delete(event.alert_id);
        this.cleanRuns.delete(event.alert_id);
        break;
      }
      case 'alert.delivered':
        this.delivered.add(deliveryKey(event.notification_id, event.subscriber_id, event.delivery_channel));
        break;
    }
  }

  open(): OpenAlert[] {
    return [...this.openAlerts.values()];
  }

  openAlert(alertId: string): OpenAlert | undefined {
    return this.openAlerts.get(alertId);
  }

  history(alertId?: string): AlertEvent[] {
    return alertId === undefined ? [...this.events] : this.events.filter((e) => e.alert_id === alertId);
  }

  /** The alert a resolved event ended, by the resolved event's id (for its e-mail). */
  resolution(eventId: string): Resolution | undefined {
    return this.resolutions.get(eventId);
  }

  isDelivered(key: string): boolean {
    return this.delivered.has(key);
  }

  /**
   * What a rule's evaluation changes: a raised event for each new condition, a renotified one for an open,
   * unacknowledged condition last notified longer ago than the quiet period, a resolved one for an open condition
   * clean `cleanEvaluationsToResolve` times in a row. Clean runs are counted here, in memory: after a restart a
   * condition needs its clean evaluations again, which only delays a resolution. A resolution carries the
   * condition's reading from `readings` (its figures now), when the rule read it.
   */
  decide(
    ruleId: string,
    findings: readonly Finding[],
    now: Date,
    policy: Policy,
    readings: readonly Reading[] = [],
  ): AlertEvent[] {
    const readingOf = new Map(readings.map((r) => [r.alertId, r]));
    const out: AlertEvent[] = [];
    const firing = new Set(findings.map((f) => f.alertId));
    for (const finding of findings) {
      this.cleanRuns.delete(finding.alertId);
      const open = this.openAlerts.get(finding.alertId);
      if (open) open.current = finding;
      if (!open) {
        out.push(notificationEvent('alert.raised', finding, now));
      } else if (!open.acknowledged && now.getTime() - Date.parse(open.latest.occurred_at) >= policy.renotifyAfterMs) {
        out.push(notificationEvent('alert.renotified', finding, now));
      }
    }
    for (const open of this.openAlerts.values()) {
      if (open.raised.rule_id !== ruleId || firing.has(open.alertId)) continue;
      const clean = (this.cleanRuns.get(open.alertId) ?? 0) + 1;
      this.cleanRuns.set(open.alertId, clean);
      if (clean >= policy.cleanEvaluationsToResolve) {
        const resolved: AlertResolved = {
          ...identity(open.raised, now),
          type: 'alert.resolved',
          clean_evaluations: clean,
          ...figuresNow(readingOf.get(open.alertId)),
        };
        out.push(resolved);
      }
    }
    return out;
  }

  acknowledge(alertId: string, by: string, now: Date): AlertAcknowledged | undefined {
    const open = this.openAlerts.get(alertId);
    if (!open) return undefined;
    return { ...identity(open.raised, now), type: 'alert.acknowledged', acknowledged_by: by };
  }

  /** Every notification newer than `since` not yet delivered to a subscriber it concerns, on each of its channels. */
  pending(subscribers: readonly Subscriber[], since: Date): Delivery[] {
    const out: Delivery[] = [];
    for (const notification of this.notifications.values()) {
      if (Date.parse(notification.occurred_at) < since.getTime()) continue;
      for (const subscriber of subscribers) {
        if (!subscribedTo(subscriber, notification)) continue;
        const channels: DeliveryChannel[] = [];
        if (subscriber.email) channels.push('email');
        if (subscriber.webhook) channels.push('webhook');
        for (const channel of channels) {
          const key = deliveryKey(notification.event_id, subscriber.id, channel);
          if (!this.delivered.has(key)) out.push({ key, notification, subscriber, channel });
        }
      }
    }
    return out;
  }
}

function identity(of: Pick<AlertRaised, 'alert_id' | 'rule_id' | 'rule_kind' | 'office_id' | 'no_office'>, now: Date) {
  return {
    event_id: randomUUID(),
    schema_version: 1 as const,
    occurred_at: now.toISOString(),
    source: SOURCE,
    alert_id: of.alert_id,
    rule_id: of.rule_id,
    rule_kind: of.rule_kind,
    ...(of.office_id === undefined ? {} : { office_id: of.office_id }),
    ...(of.no_office ? { no_office: true as const } : {}),
  };
}

/** Sets `key` only when there is a value: the events' optional fields are absent, never undefined. */
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** A reading's figures as an event's fields: the same for a notification and for a resolution. */
function figuresOf(r: Reading) {
  return {
    value: r.value,
    ...optional('interval_low', r.intervalLow),
    ...optional('interval_high', r.intervalHigh),
    ...optional('target', r.target),
    ...optional('baseline', r.baseline),
    ...optional('n', r.n),
    period_from: r.periodFrom,
    period_to: r.periodTo,
  };
}

/** A resolution's figures now and the view that shows them (none without a reading or a figure). */
function figuresNow(r: Reading | undefined): Partial<AlertResolved> {
  return r === undefined || r.value === null ? {} : { ...figuresOf(r), link: r.link };
}

function notificationEvent<T extends Notification['type']>(type: T, f: Finding, now: Date): Notification {
  return {
    ...identity(
      {
        alert_id: f.alertId,
        rule_id: f.ruleId,
        rule_kind: f.ruleKind,
        office_id: f.officeId as AlertRaised['office_id'],
        no_office: f.noOffice,
      },
      now,
    ),
    type,
    severity: f.severity,
    ...optional('metric_id', f.metricId),
    ...optional('alert_group', f.group),
    ...figuresOf(f),
    ...optional('p_value', f.pValue),
    ...optional('due_date', f.dueDate),
    reason: f.reason,
    link: f.link,
  };
}
