/**
 * Delivery with retries that never lose a notification (an alert raised, reminded or resolved). The outbox is the
 * alert topic itself: a notification
 * is pending for a subscriber until an `alert.delivered` event for it is in Kafka, so a crash, a restart or an
 * unreachable mail server leaves it pending, and the next pass (or the next process) sends it again. Failed
 * attempts back off exponentially (with jitter) up to a cap and are never given up; a delivery that succeeded
 * but was not yet recorded when the process died is sent again with the same idempotency key.
 */
import { randomUUID } from 'node:crypto';
import type { AlertDelivered, DeliveryChannel } from '@servq/contracts';
import type { MetricInfo } from '@servq/query-api';
import type { AlertBook, Delivery } from './alert.book.ts';
import { SOURCE } from './alert.book.ts';
import type { EventLog } from './event.log.ts';
import { composeMessage, type Message } from './message.ts';
import { composeResolvedMessage } from './resolved.message.ts';
import type { Subscriber } from './rules.ts';
import type { Sender } from './senders.ts';

export interface OutboxOptions {
  retryFirstMs: number;
  retryMaxMs: number;
  /** Notifications older than this are no longer delivered (e.g. to a subscriber added long after). */
  maxAgeMs: number;
  /** Time between passes over the pending deliveries. */
  intervalMs: number;
}

export interface OutboxLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

interface Attempts {
  count: number;
  nextAt: number;
}

export class Outbox {
  private readonly attempts = new Map<string, Attempts>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(
    private readonly deps: {
      book: AlertBook;
      log: Pick<EventLog, 'append'>;
      senders: Record<DeliveryChannel, Sender>;
      subscribers: () => readonly Subscriber[];
      metricInfo: (id: string | undefined) => MetricInfo | undefined;
      /** False until the query API's catalogue (labels, units) has been read once. */
      catalogueLoaded: () => boolean;
      logger: OutboxLogger;
    },
    private readonly options: OutboxOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops starting deliveries and waits for those in flight (each bounded by its sender's timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled(this.inFlight.values());
  }

  /** Starts a pass now (after new notifications were written). */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Deliveries not yet recorded, with their attempts so far (for the API). */
  status(): { key: string; alertId: string; channel: DeliveryChannel; attempts: number }[] {
    return this.pendingNow().map((d) => ({
      key: d.key,
      alertId: d.notification.alert_id,
      channel: d.channel,
      attempts: this.attempts.get(d.key)?.count ?? 0,
    }));
  }

  private pendingNow(): Delivery[] {
    return this.deps.book.pending(this.deps.subscribers(), new Date(Date.now() - this.options.maxAgeMs));
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pass(), ms);
  }

  private pass(): void {
    if (this.stopped) return;
    // A message composed without the catalogue names the metric by its id and writes shares as bare fractions
    // ("csat is 0.13"); after a restart the pending deliveries wait for the evaluator's first read of it.
    if (!this.deps.catalogueLoaded()) {
      this.schedule(this.options.intervalMs);
      return;
    }
    const now = Date.now();
    for (const delivery of this.pendingNow()) {
      if (this.inFlight.has(delivery.key)) continue;
      if ((this.attempts.get(delivery.key)?.nextAt ?? 0) > now) continue;
      const run = this.deliver(delivery).finally(() => this.inFlight.delete(delivery.key));
      this.inFlight.set(delivery.key, run);
    }
    this.schedule(this.options.intervalMs);
  }

  /** A notification's words, or a resolution's (worded with the alert it ended, which the book keeps). */
  private compose({ notification, subscriber }: Delivery): Message | undefined {
    if (notification.type !== 'alert.resolved')
      return composeMessage(notification, this.deps.metricInfo(notification.metric_id), subscriber.language);
    const resolution = this.deps.book.resolution(notification.event_id);
    if (resolution === undefined) return undefined;
    return composeResolvedMessage(resolution, this.deps.metricInfo(resolution.raised.metric_id), subscriber.language);
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { notification, subscriber, channel, key } = delivery;
    const count = (this.attempts.get(key)?.count ?? 0) + 1;
    const address = channel === 'email' ? subscriber.email : subscriber.webhook;
    if (address === undefined) return;
    const message = this.compose(delivery);
    if (message === undefined) return;
    try {
      await this.deps.senders[channel].send(address, { key, message, payload: { ...notification } });
    } catch (error) {
      const backoff = Math.min(this.options.retryMaxMs, this.options.retryFirstMs * 2 ** (count - 1));
      const wait = Math.round(backoff * (0.8 + Math.random() * 0.4));
      this.attempts.set(key, { count, nextAt: Date.now() + wait });
      this.deps.logger.warn(
        {
          alertId: notification.alert_id,
          subscriber: subscriber.id,
          channel,
          attempt: count,
          retryInMs: wait,
          err: (error as Error).message,
        },
        'delivery failed; will retry',
      );
      return;
    }
    const delivered: AlertDelivered = {
      event_id: randomUUID(),
      type: 'alert.delivered',
      schema_version: 1,
      occurred_at: new Date().toISOString(),
      source: SOURCE,
      alert_id: notification.alert_id,
      rule_id: notification.rule_id,
      rule_kind: notification.rule_kind,
      ...(notification.office_id === undefined ? {} : { office_id: notification.office_id }),
      ...(notification.no_office ? { no_office: true as const } : {}),
      notification_id: notification.event_id,
      subscriber_id: subscriber.id,
      delivery_channel: channel,
      attempts: count,
    };
    try {
      await this.deps.log.append([delivered]);
      this.attempts.delete(key);
      this.deps.logger.info(
        { alertId: notification.alert_id, subscriber: subscriber.id, channel, attempts: count },
        'delivered',
      );
    } catch (error) {
      // Sent but not recorded: it stays pending and is sent again, with the same idempotency key.
      this.attempts.set(key, { count, nextAt: Date.now() + this.options.retryFirstMs });
      this.deps.logger.warn(
        { alertId: notification.alert_id, err: (error as Error).message },
        'delivery not recorded; will resend',
      );
    }
  }
}
