import type { DeliveryChannel } from '@servq/contracts';
import type { MetricInfo } from '@servq/query-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertBook } from './alert.book.ts';
import type { Finding } from './evaluate.ts';
import { Outbox } from './outbox.ts';
import type { Subscriber } from './rules.ts';
import type { OutgoingNotification, Sender } from './senders.ts';
import { csat } from './test.fixtures.ts';

const finding: Finding = {
  alertId: 'csat-under-target:daugavpils',
  ruleId: 'csat-under-target',
  ruleKind: 'outside_target',
  severity: 'warning',
  officeId: 'daugavpils',
  metricId: 'csat',
  value: 0.125,
  intervalLow: 0.05,
  intervalHigh: 0.26,
  target: 0.85,
  n: 40,
  periodFrom: '2026-11-29',
  periodTo: '2026-12-05',
  reason: 'csat 0.125 is outside its target 0.85',
  link: 'http://127.0.0.1:8080/#/offices?from=2026-11-29&to=2026-12-05&grain=day&office=daugavpils',
};

const head: Subscriber = { id: 'head', language: 'en', email: 'head@atd.invalid' };

describe('Outbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds a pending e-mail until the catalogue is read, so a restart never mails "csat is 0.13"', async () => {
    const book = new AlertBook();
    for (const event of book.decide(finding.ruleId, [finding], new Date(), {
      cleanEvaluationsToResolve: 3,
      renotifyAfterMs: 86_400_000,
    }))
      book.apply(event);
    const sent: OutgoingNotification[] = [];
    const sender: Sender = {
      send: (_address, n) => {
        sent.push(n);
        return Promise.resolve();
      },
      close: () => undefined,
    };
    const catalogue = new Map<string, MetricInfo>();
    const outbox = new Outbox(
      {
        book,
        log: { append: () => Promise.resolve() },
        senders: { email: sender, webhook: sender } satisfies Record<DeliveryChannel, Sender>,
        subscribers: () => [head],
        metricInfo: (id) => (id === undefined ? undefined : catalogue.get(id)),
        catalogueLoaded: () => catalogue.size > 0,
        logger: { info: () => undefined, warn: () => undefined },
      },
      { retryFirstMs: 1000, retryMaxMs: 60_000, maxAgeMs: 86_400_000, intervalMs: 500 },
    );
    outbox.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toEqual([]);

    catalogue.set('csat', csat);
    await vi.advanceTimersByTimeAsync(600);
    await outbox.stop();
    expect(sent.map((n) => n.message.subject)).toEqual([
      '[servq] Warning: CSAT 12.5 % (target ≥ 85.0 %) — Daugavpils regional office',
    ]);
    expect(sent[0]!.message.text).toContain('Figure: 12.5 %');
  });
});
