import { describe, expect, it } from 'vitest';
import { AlertBook, deliveryKey, type Policy } from './alert.book.ts';
import type { Finding } from './evaluate.ts';
import type { Subscriber } from './rules.ts';

const policy: Policy = { cleanEvaluationsToResolve: 3, renotifyAfterMs: 24 * 3_600_000 };
const at = (minutes: number) => new Date(Date.parse('2026-12-01T08:00:00Z') + minutes * 60_000);

const finding: Finding = {
  alertId: 'csat-under-target:cesis',
  ruleId: 'csat-under-target',
  ruleKind: 'outside_target',
  severity: 'warning',
  officeId: 'cesis',
  metricId: 'csat',
  value: 0.5,
  intervalLow: 0.4,
  intervalHigh: 0.6,
  target: 0.85,
  n: 60,
  periodFrom: '2026-11-04',
  periodTo: '2026-12-01',
  reason: 'csat 0.5 is outside its target 0.85',
  link: 'http://127.0.0.1:8080/#/offices?from=2026-11-04&to=2026-12-01&grain=week&office=cesis',
};

/** Decides and applies, as the service does once Kafka has acknowledged the events. */
function round(book: AlertBook, findings: Finding[], minutes: number) {
  const events = book.decide('csat-under-target', findings, at(minutes), policy);
  for (const e of events) book.apply(e);
  return events.map((e) => e.type);
}

describe('AlertBook', () => {
  it('raises a condition once however often it is found, and reminds only after the quiet period', () => {
    const book = new AlertBook();
    expect(round(book, [finding], 0)).toEqual(['alert.raised']);
    expect(round(book, [finding], 5)).toEqual([]);
    expect(round(book, [finding], 60)).toEqual([]);
    expect(round(book, [finding], 24 * 60)).toEqual(['alert.renotified']);
  });

  it('damps flapping: resolves only after three clean evaluations in a row', () => {
    const book = new AlertBook();
    round(book, [finding], 0);
    expect(round(book, [], 1)).toEqual([]);
    expect(round(book, [], 2)).toEqual([]);
    expect(round(book, [finding], 3)).toEqual([]); // back before the third clean round: still the same alert
    expect(round(book, [], 4)).toEqual([]);
    expect(round(book, [], 5)).toEqual([]);
    expect(round(book, [], 6)).toEqual(['alert.resolved']);
    expect(book.open()).toEqual([]);
    expect(round(book, [finding], 7)).toEqual(['alert.raised']);
  });

  it('resolves with the figures it reads now, and delivers the resolution to the subscribers of the alert', () => {
    const book = new AlertBook();
    round(book, [finding], 0);
    const now = {
      ...finding,
      value: 0.9,
      intervalLow: 0.84,
      intervalHigh: 0.95,
      periodFrom: '2026-11-05',
      link: 'http://127.0.0.1:8080/#/overview?from=2026-11-05&to=2026-12-01&office=cesis',
    };
    let events: ReturnType<AlertBook['decide']> = [];
    for (const minutes of [1, 2, 3]) {
      events = book.decide('csat-under-target', [], at(minutes), policy, [now]);
      for (const e of events) book.apply(e);
    }
    expect(events).toMatchObject([
      {
        type: 'alert.resolved',
        alert_id: finding.alertId,
        clean_evaluations: 3,
        value: 0.9,
        interval_low: 0.84,
        interval_high: 0.95,
        target: 0.85,
        n: 60,
        period_from: '2026-11-05',
        period_to: '2026-12-01',
        // The view of the figures now, not of the period that fired.
        link: now.link,
      },
    ]);
    const resolved = events[0]!;
    const subscribers: Subscriber[] = [
      { id: 'head-cesis', language: 'lv', email: 'c@atd.invalid', offices: ['cesis'] },
      { id: 'head-riga', language: 'lv', email: 'r@atd.invalid', offices: ['riga-valnu-30'] },
    ];
    // The raised alert and its resolution, both to the head of Cēsis only.
    const pending = book.pending(subscribers, at(-60));
    expect(pending.map((p) => [p.notification.type, p.subscriber.id])).toEqual([
      ['alert.raised', 'head-cesis'],
      ['alert.resolved', 'head-cesis'],
    ]);
    expect(book.resolution(resolved.event_id)).toMatchObject({
      raised: { type: 'alert.raised', value: 0.5 },
      latest: { type: 'alert.raised', value: 0.5 },
    });
    // Rebuilt from its events after a restart, the book still owes the same deliveries.
    const rebuilt = new AlertBook();
    for (const e of book.history()) rebuilt.apply(e);
    expect(rebuilt.pending(subscribers, at(-60)).map((p) => p.key)).toEqual(pending.map((p) => p.key));
    expect(rebuilt.resolution(resolved.event_id)?.raised.event_id).toBe(
      book.resolution(resolved.event_id)?.raised.event_id,
    );
  });

  it('resolves without figures when the rule read none for the condition (no data in the period)', () => {
    const book = new AlertBook();
    round(book, [finding], 0);
    round(book, [], 1);
    round(book, [], 2);
    const [resolved] = book.decide('csat-under-target', [], at(3), policy, []);
    expect(resolved).toMatchObject({ type: 'alert.resolved', clean_evaluations: 3 });
    expect(resolved).not.toHaveProperty('value');
    expect(resolved).not.toHaveProperty('link');
  });

  it('does not remind about an acknowledged alert', () => {
    const book = new AlertBook();
    round(book, [finding], 0);
    book.apply(book.acknowledge(finding.alertId, 'dev-management', at(1))!);
    expect(round(book, [finding], 48 * 60)).toEqual([]);
    expect(book.open()[0]?.acknowledged?.acknowledged_by).toBe('dev-management');
  });

  it('keeps a notification pending per subscriber and channel until its delivery is recorded, and rebuilds the same from its events', () => {
    const book = new AlertBook();
    round(book, [finding], 0);
    const subscribers: Subscriber[] = [
      {
        id: 'head-cesis',
        language: 'lv',
        email: 'c@atd.invalid',
        webhook: 'http://127.0.0.1:1/hook',
        offices: ['cesis'],
      },
      { id: 'head-riga', language: 'lv', email: 'r@atd.invalid', offices: ['riga-valnu-30'] },
    ];
    const pending = book.pending(subscribers, at(-60));
    expect(pending.map((p) => [p.subscriber.id, p.channel])).toEqual([
      ['head-cesis', 'email'],
      ['head-cesis', 'webhook'],
    ]);
    const email = pending[0]!;
    book.apply({
      event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
      type: 'alert.delivered',
      schema_version: 1,
      occurred_at: at(1).toISOString(),
      source: 'servq-alerts',
      alert_id: finding.alertId,
      rule_id: finding.ruleId,
      rule_kind: 'outside_target',
      office_id: 'cesis',
      notification_id: email.notification.event_id,
      subscriber_id: 'head-cesis',
      delivery_channel: 'email',
      attempts: 2,
    });
    expect(book.pending(subscribers, at(-60)).map((p) => p.channel)).toEqual(['webhook']);
    expect(book.isDelivered(deliveryKey(email.notification.event_id, 'head-cesis', 'email'))).toBe(true);

    const rebuilt = new AlertBook();
    for (const e of book.history()) rebuilt.apply(e);
    expect(rebuilt.open().map((a) => a.alertId)).toEqual([finding.alertId]);
    expect(rebuilt.pending(subscribers, at(-60)).map((p) => p.key)).toEqual(
      book.pending(subscribers, at(-60)).map((p) => p.key),
    );
    expect(round(rebuilt, [finding], 10)).toEqual([]);
  });
});
