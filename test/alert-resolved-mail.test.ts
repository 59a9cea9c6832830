/**
 * A resolved alert's e-mail, end to end through the service's own parts: its evaluator reads a query API (a small
 * HTTP server answering /v1/metrics and /v1/compare with the query API's own schemas, the catalogue's real CSAT),
 * its book and outbox keep their state in a real Kafka topic, and its mail sender delivers through the real SMTP
 * server (Mailpit), read back over Mailpit's HTTP API. CSAT at Liepāja falls outside its target and the alert fires;
 * the service is restarted (its state replayed from the topic); CSAT recovers, and after the rule's clean
 * evaluations the same subscribers — one reading Latvian, one English — get a "resolved" e-mail saying what was
 * wrong, since when and the figure now. The HTML is drawn in Chromium at desktop and phone widths; screenshots go
 * to test/artifacts/alerts/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadSharedConfig } from '@servq/config';
import { Topics, type AlertEvent } from '@servq/contracts';
import { ackedClientOptions, createKafka, logLevel, withAdmin } from '@servq/kafka';
import { buildCatalogue } from '@servq/metrics';
import { CompareAnswer, MetricInfo, MetricsAnswer, type Freshness, type GroupFigure } from '@servq/query-api';
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertBook } from '../services/alerts/src/alert.book.ts';
import { EventLog } from '../services/alerts/src/event.log.ts';
import { Evaluator } from '../services/alerts/src/evaluator.ts';
import { Outbox } from '../services/alerts/src/outbox.ts';
import { QueryClient } from '../services/alerts/src/query.client.ts';
import { RulesFile } from '../services/alerts/src/rules.ts';
import { createMailSender, createWebhookSender } from '../services/alerts/src/senders.ts';
import { openBrowser, PHONE } from './support/browser.ts';
import { isolatedNames } from './support/names.ts';
import { repoRoot } from './support/services.ts';

const MAIL_API = `http://${process.env.SERVQ_MAIL_HTTP_ADDR ?? '127.0.0.1:8025'}`;
const SMTP_ADDR = process.env.SERVQ_MAIL_SMTP_ADDR ?? '127.0.0.1:1025';
const artifacts = join(repoRoot, 'test/artifacts/alerts');
const csat = MetricInfo.parse(buildCatalogue({ waitTargetMinutes: 15 }).get('csat'));
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The query API as the evaluator reads it: Liepāja's CSAT as the test sets it, a new data version per change. */
class QueryApi {
  private server: Server | undefined;
  url = '';
  version = 0;
  liepaja: { value: number; low: number; high: number } = { value: 0.25, low: 0.142, high: 0.402 };

  /** A new figure, as the lake changing would give it: a new data version, so the rules are evaluated again. */
  set(figure: QueryApi['liepaja']): void {
    this.liepaja = figure;
    this.version += 1;
  }

  private freshness(): Freshness {
    return { newestEventAt: new Date().toISOString(), syncedAt: new Date().toISOString(), dataVersion: this.version };
  }

  private answer(path: URL): unknown {
    if (path.pathname === '/v1/metrics') {
      return MetricsAnswer.parse({ freshness: this.freshness(), metrics: [csat], dimensions: [] });
    }
    if (path.pathname === '/v1/compare') {
      const figure = (group: string | null, value: number, low: number, high: number): GroupFigure => ({
        group,
        value,
        n: 40,
        interval: { low, high },
        suppressed: false,
        target: 0.85,
        pValue: null,
        significant: false,
        previous: { value: null, n: 0, suppressed: true },
        change: null,
        changePValue: null,
        changeSignificant: false,
      });
      const { value, low, high } = this.liepaja;
      return CompareAnswer.parse({
        freshness: this.freshness(),
        by: 'office',
        from: path.searchParams.get('from'),
        to: path.searchParams.get('to'),
        previous: { from: '2026-01-01', to: '2026-01-07' },
        alpha: 0.05,
        metrics: [
          {
            id: 'csat',
            unit: 'share',
            direction: 'higher_is_better',
            minSample: 30,
            all: figure(null, value, low, high),
            groups: [figure('liepaja', value, low, high)],
          },
        ],
      });
    }
    return undefined;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const body = this.answer(new URL(req.url ?? '/', 'http://query'));
      if (body === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

interface MailpitMessage {
  ID: string;
  Subject: string;
  Text: string;
  HTML: string;
}

async function mailsTo(address: string): Promise<MailpitMessage[]> {
  const res = await fetch(`${MAIL_API}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=100`);
  const found = ((await res.json()) as { messages: { ID: string }[] }).messages;
  return Promise.all(
    found.map(async (m) => (await (await fetch(`${MAIL_API}/api/v1/message/${m.ID}`)).json()) as MailpitMessage),
  );
}

describe('a resolved alert e-mails its subscribers', () => {
  const names = isolatedNames('alert-resolved');
  const topic = `${names.topicPrefix}${Topics.alert}`;
  const kafka = createKafka(loadSharedConfig(process.env).kafka, ackedClientOptions(10_000, logLevel.NOTHING));
  const query = new QueryApi();
  const address = (lang: string) => `resolved-${names.runId}-${lang}@e2e.invalid`;
  const rules = RulesFile.parse({
    version: 1,
    defaults: { window_days: 7, clean_evaluations_to_resolve: 2 },
    rules: [{ id: 'csat-under-target', kind: 'outside_target', metric: 'csat', offices: ['liepaja'] }],
    subscribers: [
      { id: 'head-lv', language: 'lv', email: address('lv'), offices: ['liepaja'] },
      { id: 'head-en', language: 'en', email: address('en') },
    ],
  });

  /** The alerts service's parts as main.ts wires them (without HTTP), its state rebuilt from the topic. */
  async function startService() {
    const book = new AlertBook();
    const log = new EventLog(kafka, book, { topic, sendTimeoutMs: 10_000, partitions: 1 });
    const mail = createMailSender({
      smtpUrl: `smtp://${SMTP_ADDR}`,
      from: 'servq-alerts@atd.invalid',
      timeoutMs: 5000,
    });
    const evaluator = new Evaluator(
      {
        rules,
        query: new QueryClient({ url: query.url, token: 'unused', timeoutMs: 5000 }),
        book,
        log,
        logger: quiet,
        onEvents: () => outbox.kick(),
      },
      {
        pollIntervalMs: 200,
        deadlineIntervalMs: 3_600_000,
        dashboardUrl: 'http://127.0.0.1:8080',
        maxDataLagMs: 3_600_000,
      },
    );
    const outbox = new Outbox(
      {
        book,
        log,
        senders: { email: mail, webhook: createWebhookSender({ secret: 'unused', timeoutMs: 1000 }) },
        subscribers: () => rules.subscribers,
        metricInfo: (id) => evaluator.metricInfo(id),
        catalogueLoaded: () => evaluator.catalogueLoaded(),
        logger: quiet,
      },
      { retryFirstMs: 200, retryMaxMs: 1000, maxAgeMs: 86_400_000, intervalMs: 200 },
    );
    await log.start();
    const replayed = await log.replay(quiet);
    outbox.start();
    evaluator.start();
    return {
      book,
      evaluator,
      replayed,
      async stop() {
        await evaluator.stop();
        await outbox.stop();
        await log.stop();
        mail.close();
      },
    };
  }

  beforeAll(async () => {
    await query.start();
  });

  afterAll(async () => {
    await query.stop();
    await withAdmin(kafka, (admin) => admin.deleteTopics([topic])).catch(() => undefined);
  });

  it('fires, survives a restart, then resolves: both e-mails reach the same subscribers, the second with the figure now', async () => {
    query.set({ value: 0.25, low: 0.142, high: 0.402 });
    let service = await startService();
    let events: AlertEvent[];
    try {
      await pollUntil(
        async () => (await mailsTo(address('lv'))).length === 1 && (await mailsTo(address('en'))).length === 1,
        {
          intervalMs: 200,
          timeoutMs: 20_000,
        },
      );
    } finally {
      await service.stop();
    }

    // A restart between: the resolution is worded from the alert as replayed from the topic, not from memory.
    service = await startService();
    try {
      expect(service.replayed).toBeGreaterThanOrEqual(3); // raised, and its two deliveries
      expect(service.book.open().map((a) => a.alertId)).toEqual(['csat-under-target:liepaja']);
      // CSAT recovers; each new data version is one clean evaluation, and the rule resolves after two.
      for (let clean = 1; clean <= 2; clean++) {
        const rounds = service.evaluator.rounds;
        query.set({ value: 0.9, low: 0.82, high: 0.95 });
        await pollUntil(() => service.evaluator.rounds > rounds, { intervalMs: 100, timeoutMs: 10_000 });
      }
      expect(service.book.open()).toEqual([]);
      await pollUntil(
        async () => (await mailsTo(address('lv'))).length === 2 && (await mailsTo(address('en'))).length === 2,
        {
          intervalMs: 200,
          timeoutMs: 20_000,
        },
      );
      events = service.book.history();
    } finally {
      await service.stop();
    }

    const resolved = events.find((e) => e.type === 'alert.resolved');
    expect(resolved).toMatchObject({ alert_id: 'csat-under-target:liepaja', value: 0.9, interval_low: 0.82 });
    // Recorded as delivered like every notification: a further restart sends nothing again.
    expect(events.filter((e) => e.type === 'alert.delivered' && e.notification_id === resolved?.event_id).length).toBe(
      2,
    );

    const lv = await mailsTo(address('lv'));
    const en = await mailsTo(address('en'));
    expect(lv.map((m) => m.Subject).sort()).toEqual([
      '[servq] Atrisināts: CSAT 90,0 % (mērķis ≥ 85,0 %) — Liepājas reģionālā nodaļa',
      '[servq] Brīdinājums: CSAT 25,0 % (mērķis ≥ 85,0 %) — Liepājas reģionālā nodaļa',
    ]);
    expect(en.map((m) => m.Subject).sort()).toEqual([
      '[servq] Resolved: CSAT 90.0 % (target ≥ 85.0 %) — Liepāja regional office',
      '[servq] Warning: CSAT 25.0 % (target ≥ 85.0 %) — Liepāja regional office',
    ]);
    const lvResolved = lv.find((m) => m.Subject.includes('Atrisināts'))!;
    const enResolved = en.find((m) => m.Subject.includes('Resolved'))!;
    expect(lvResolved.Text).toContain('Rādītājs tagad: 90,0 % (95 % ticamības intervāls 82,0–95,0 %); mērķis 85,0 %');
    expect(lvResolved.Text).toContain('Bija: CSAT 25,0 % (mērķis ≥ 85,0 %)');
    expect(lvResolved.Text).toMatch(/^Izsaukts: \d\d\.\d\d\.\d{4}\s\d\d:\d\d$/m);
    expect(enResolved.Text).toContain('Figure now: 90.0 % (95 % confidence interval 82.0–95.0 %); target 85.0 %');
    expect(enResolved.Text).toContain('Was: CSAT 25.0 % (target ≥ 85.0 %)');
    expect(enResolved.Text).toContain('Resolved after 2 clean evaluations in a row.');

    mkdirSync(artifacts, { recursive: true });
    const browser = await openBrowser();
    try {
      for (const [lang, mail] of [
        ['lv', lvResolved],
        ['en', enResolved],
      ] as const) {
        for (const [name, viewport] of [
          ['desktop', { width: 900, height: 800 }],
          ['phone', PHONE],
        ] as const) {
          await browser.page.setViewportSize(viewport);
          await browser.page.setContent(mail.HTML);
          const shown = await browser.page.evaluate<{ text: string; overflow: number; lang: string }>(`({
            text: document.body.innerText,
            overflow: document.documentElement.scrollWidth - innerWidth,
            lang: document.documentElement.lang,
          })`);
          expect(shown.lang).toBe(lang);
          expect({ lang, name, overflow: shown.overflow }).toEqual({ lang, name, overflow: 0 });
          // The figure now, what it was and the status, as the text part says them.
          for (const piece of lang === 'lv'
            ? ['Atrisināts', 'CSAT 90,0 % (mērķis ≥ 85,0 %)', 'Rādītājs tagad', 'CSAT 25,0 % (mērķis ≥ 85,0 %)']
            : ['Resolved', 'CSAT 90.0 % (target ≥ 85.0 %)', 'Figure now', 'CSAT 25.0 % (target ≥ 85.0 %)'])
            expect(shown.text, `${lang} ${name}`).toContain(piece);
          await browser.page.screenshot({ path: join(artifacts, `mail-resolved-${lang}-${name}.png`), fullPage: true });
        }
      }
      expect(browser.pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
