/**
 * Alerts, end to end with real processes, a real broker, a real S3 server and a real SMTP server (Mailpit):
 * survey events that break a target are landed, mirrored by the query service, judged by the alerts service
 * (reading the query API only) and delivered as exactly one e-mail and one signed webhook with the figures and
 * a dashboard link that shows them. Killing the alerts service while a delivery hangs and starting it again
 * delivers everything, once per idempotency key; an unreachable mail server delays an e-mail, never loses it;
 * a bad rules file stops the service with every problem listed. Its page lists open alerts and acknowledges one
 * in Chromium; so does the dashboard's Alerts screen, served by the query service, which forwards /v1/alerts* to
 * the alerts service with the user's token (screenshots in test/artifacts/alerts/, git-ignored).
 * The dashboard part needs the built dashboard (`pnpm --filter @servq/dashboard build`).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { loadSharedConfig } from '@servq/config';
import { type AlertEvent, LakeTables, Topics, rigaDate } from '@servq/contracts';
import { createAckedProducer, createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  openBrowser,
  openScreen,
  pageWidths,
  PHONE,
  requireBrowserAndDashboard,
  signIn,
  waitForExpression,
  switchLanguage,
} from './support/browser.ts';
import { isolatedNames } from './support/names.ts';
import { freePort, repoRoot, startService, type RunningService } from './support/services.ts';

const FLUSH_MS = 1500;
const SECRET = 'e2e-webhook-secret-0123456789';
const MANAGEMENT = { authorization: 'Bearer servq-dev-management-token' };
const MAIL_API = `http://${process.env.SERVQ_MAIL_HTTP_ADDR ?? '127.0.0.1:8025'}`;
const SMTP_ADDR = process.env.SERVQ_MAIL_SMTP_ADDR ?? '127.0.0.1:1025';

interface Hook {
  key: string;
  body: { text: string; idempotency_key: string; alert: Record<string, unknown> };
}

/** A Slack-style receiver: checks the signature, records each delivery; can be told to hang (never answer). */
class Receiver {
  readonly received: Hook[] = [];
  hang = false;
  private readonly hung: ServerResponse[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => {
        const timestamp = String(req.headers['x-servq-timestamp']);
        const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${text}`).digest('hex')}`;
        if (req.headers['x-servq-signature'] !== expected) {
          res.writeHead(401).end();
          return;
        }
        this.received.push({ key: String(req.headers['idempotency-key']), body: JSON.parse(text) as Hook['body'] });
        if (this.hang) this.hung.push(res);
        else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  keys(): Set<string> {
    return new Set(this.received.map((h) => h.key));
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

interface MailSummary {
  ID: string;
  MessageID: string;
  Subject: string;
}

async function mailsTo(address: string): Promise<MailSummary[]> {
  const res = await fetch(`${MAIL_API}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: MailSummary[] }).messages;
}

async function mailText(id: string): Promise<string> {
  const res = await fetch(`${MAIL_API}/api/v1/message/${id}`);
  return ((await res.json()) as { Text: string }).Text;
}

describe('alerts: a broken target reaches its subscribers once', () => {
  const names = isolatedNames('alerts');
  const ports = { lander: freePort(), query: freePort(), alerts: freePort() };
  const dataDir = mkdtempSync(`${tmpdir()}/servq-e2e-alerts-`);
  const services: RunningService[] = [];
  const receiver = new Receiver();
  const topic = (name: string) => `${names.topicPrefix}${name}`;
  const email = `head-${names.runId}@e2e.invalid`;
  const rulesFile = `${dataDir}/test.rules.json`;
  const kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
  const producer = createAckedProducer(kafka, { sendTimeoutMs: 10_000 });
  let alerts: RunningService | undefined;
  const queryUrl = `http://127.0.0.1:${ports.query}`;
  const alertsUrl = `http://127.0.0.1:${ports.alerts}`;

  const alertsEnv = (smtp = `smtp://${SMTP_ADDR}`) => ({
    ALERTS_PORT: String(ports.alerts),
    ALERTS_TOPIC: topic(Topics.alert),
    ALERTS_RULES_FILE: rulesFile,
    ALERTS_QUERY_URL: queryUrl,
    ALERTS_DASHBOARD_URL: queryUrl,
    ALERTS_SMTP_URL: smtp,
    ALERTS_WEBHOOK_SECRET: SECRET,
    ALERTS_POLL_INTERVAL_MS: '300',
    ALERTS_RETRY_FIRST_MS: '200',
    ALERTS_RETRY_MAX_MS: '1000',
    ALERTS_DELIVERY_TIMEOUT_MS: '3000',
    ALERTS_LOG_LEVEL: 'info',
  });
  const startAlerts = async (smtp?: string) => {
    alerts = await startService('alerts', alertsEnv(smtp), `${alertsUrl}/readyz`);
  };

  beforeAll(async () => {
    await receiver.start();
    writeFileSync(
      rulesFile,
      JSON.stringify({
        version: 1,
        defaults: { window_days: 7 },
        rules: [
          {
            id: 'csat-under-target',
            kind: 'outside_target',
            metric: 'csat',
            offices: ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'],
          },
        ],
        subscribers: [{ id: 'head', language: 'en', email, webhook: receiver.url }],
      }),
    );
    await ensureTopics(kafka, [
      { topic: topic(Topics.survey), numPartitions: 1 },
      { topic: topic(Topics.alert), numPartitions: 1 },
    ]);
    await producer.start();
    services.push(
      await startService(
        'lander',
        {
          LANDER_HTTP_PORT: String(ports.lander),
          LANDER_LAKE_PREFIX: names.lakePrefix,
          LANDER_GROUP_ID: names.groupId,
          LANDER_TOPICS: `${topic(Topics.survey)}=${LakeTables.survey},${topic(Topics.alert)}=${LakeTables.alert}`,
          LANDER_FLUSH_MAX_AGE_MS: String(FLUSH_MS),
          LANDER_COMPACTION_INTERVAL_MS: '0',
          LANDER_LOG_LEVEL: 'warn',
        },
        `http://127.0.0.1:${ports.lander}/healthz`,
      ),
      await startService(
        'query',
        {
          QUERY_PORT: String(ports.query),
          QUERY_LAKE_PREFIX: names.lakePrefix,
          QUERY_DATA_DIR: dataDir,
          QUERY_SYNC_INTERVAL_MS: '300',
          // The dashboard's Alerts screen reaches the alerts service through this origin.
          QUERY_ALERTS_URL: alertsUrl,
        },
        `${queryUrl}/readyz`,
      ),
    );
  });

  afterAll(async () => {
    await alerts?.stop();
    for (const service of services.reverse()) await service.stop();
    await producer.stop();
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** 40 surveys at an office today, `satisfied` of them 4–5 and the rest 1–2. */
  async function surveys(office: string, satisfied: number): Promise<void> {
    const now = Date.now();
    const events = Array.from({ length: 40 }, (_, i) => ({
      event_id: randomUUID(),
      type: 'survey.submitted',
      schema_version: 1,
      occurred_at: new Date(now - 60_000 - i * 1000).toISOString(),
      source: 'e2e',
      channel: 'in_person',
      office_id: office,
      survey_id: `${names.runId}-${office}-${i}`,
      satisfaction: i < satisfied ? 5 : 1,
    }));
    await producer.send([
      { topic: topic(Topics.survey), messages: events.map((e) => ({ key: e.survey_id, value: JSON.stringify(e) })) },
    ]);
  }

  async function history(): Promise<AlertEvent[]> {
    const res = await fetch(`${alertsUrl}/v1/alerts/history?limit=1000`, { headers: MANAGEMENT });
    return ((await res.json()) as { events: AlertEvent[] }).events;
  }

  const raisedFor = (events: AlertEvent[], office: string) =>
    events.filter((e) => e.type === 'alert.raised' && e.office_id === office);

  it('sends exactly one e-mail and one signed webhook with the figures and a link that shows them', async () => {
    await startAlerts();
    await surveys('liepaja', 10); // CSAT 10/40 = 25 %, target 85 %: the whole interval is far below
    await pollUntil(async () => receiver.received.length >= 1 && (await mailsTo(email)).length >= 1, {
      intervalMs: 300,
      timeoutMs: 60_000,
    });
    // New data moves the data version: the rules run again, the condition still holds, nobody is told twice.
    await surveys('riga-valnu-30', 40);
    await pollUntil(
      async () => {
        const query = (await fetch(
          `${queryUrl}/v1/query?metrics=surveys_answered&dimensions=office&from=${rigaDate(new Date())}&to=${rigaDate(new Date())}&filter.office=riga-valnu-30`,
          { headers: MANAGEMENT },
        ).then((r) => r.json())) as { freshness: { dataVersion: number }; rows: unknown[] };
        if (query.rows.length === 0) return false;
        const evaluated = (await fetch(`${alertsUrl}/readyz`).then((r) => r.json())) as {
          evaluated_data_version: number | null;
        };
        return (evaluated.evaluated_data_version ?? -1) >= query.freshness.dataVersion;
      },
      { intervalMs: 300, timeoutMs: 30_000 },
    );

    const hook = receiver.received[0]!;
    expect(hook.body.alert).toMatchObject({
      type: 'alert.raised',
      office_id: 'liepaja',
      metric_id: 'csat',
      value: 0.25,
    });
    expect(hook.body.text).toContain('25.0 %');
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    // The subject says what broke and how much, as the dashboard writes the figures.
    expect(mails[0]!.Subject).toBe('[servq] Warning: CSAT 25.0 % (target ≥ 85.0 %) — Liepāja regional office');
    const text = await mailText(mails[0]!.ID);
    expect(text).toContain('Figure: 25.0 % (95 % confidence interval ');
    expect(text).toContain('target 85.0 %');
    expect(text).toContain(', n = 40) lies outside the target');
    expect(text).not.toContain('n = ?');

    // The link opens the dashboard on the office screen, filtered to the office and the evaluated window …
    const link = /https?:\/\/\S+/.exec(text.slice(text.indexOf('Open the dashboard')))![0];
    const url = new URL(link);
    expect(url.origin).toBe(queryUrl);
    expect((await fetch(url.origin + url.pathname)).status).toBe(200);
    const route = new URLSearchParams(url.hash.split('?')[1]);
    expect(url.hash.startsWith('#/offices?')).toBe(true);
    expect(route.get('office')).toBe('liepaja');
    expect(route.get('to')).toBe(rigaDate(new Date()));
    // … where the query API shows the same figure.
    const shown = await fetch(
      `${queryUrl}/v1/query?metrics=csat&dimensions=office&from=${route.get('from')}&to=${route.get('to')}&filter.office=liepaja`,
      { headers: MANAGEMENT },
    ).then((r) => r.json() as Promise<{ rows: { csat: { value: number } }[] }>);
    expect(shown.rows[0]?.csat.value).toBe(0.25);

    const events = await history();
    expect(raisedFor(events, 'liepaja')).toHaveLength(1);
    expect(receiver.keys().size).toBe(1);
    expect((await mailsTo(email)).length).toBe(1);
  });

  it('killed while a delivery hangs, then restarted: every alert delivered, each key once, nothing raised again', async () => {
    receiver.hang = true;
    await surveys('cesis', 8);
    await pollUntil(() => receiver.received.some((h) => h.body.alert.office_id === 'cesis'), {
      intervalMs: 200,
      timeoutMs: 60_000,
    });
    alerts!.process.kill('SIGKILL');
    await alerts!.stop();
    receiver.hang = false;
    await startAlerts();
    await pollUntil(
      async () => {
        const delivered = (await history()).filter((e) => e.type === 'alert.delivered' && e.office_id === 'cesis');
        return delivered.length === 2;
      },
      { intervalMs: 300, timeoutMs: 60_000 },
    );
    const events = await history();
    expect(raisedFor(events, 'cesis')).toHaveLength(1);
    expect(raisedFor(events, 'liepaja')).toHaveLength(1);
    // The hung webhook was sent again after the restart with the same key: two alerts, two keys.
    const cesisHooks = receiver.received.filter((h) => h.body.alert.office_id === 'cesis');
    expect(new Set(cesisHooks.map((h) => h.key)).size).toBe(1);
    expect(receiver.keys().size).toBe(2);
    // E-mail carries the key as its Message-ID: two alerts, two distinct messages (a resend would repeat an id).
    expect(new Set((await mailsTo(email)).map((m) => m.MessageID)).size).toBe(2);
  });

  it('retries an e-mail while the mail server is unreachable and delivers it once it is back', async () => {
    await alerts!.stop();
    await startAlerts('smtp://127.0.0.1:1'); // nothing listens on port 1
    await surveys('daugavpils', 5);
    let attempts = 0;
    await pollUntil(
      async () => {
        const body = (await fetch(`${alertsUrl}/v1/alerts`, { headers: MANAGEMENT }).then((r) => r.json())) as {
          alerts: { office_id: string; pending_deliveries: { channel: string; attempts: number }[] }[];
        };
        const pending = body.alerts.find((a) => a.office_id === 'daugavpils')?.pending_deliveries ?? [];
        attempts = pending.find((p) => p.channel === 'email')?.attempts ?? 0;
        return attempts >= 2;
      },
      { intervalMs: 300, timeoutMs: 60_000 },
    );
    expect(receiver.received.some((h) => h.body.alert.office_id === 'daugavpils')).toBe(true);
    await alerts!.stop();
    await startAlerts();
    await pollUntil(async () => new Set((await mailsTo(email)).map((m) => m.MessageID)).size === 3, {
      intervalMs: 300,
      timeoutMs: 60_000,
    });
    const mails = await mailsTo(email);
    expect(mails.filter((m) => m.Subject.includes('Daugavpils'))).toHaveLength(1);
    // Sent right after the restart, it is still worded from the catalogue: the metric's name and a percentage.
    const late = mails.find((m) => m.Subject.includes('Daugavpils'))!;
    expect(late.Subject).toMatch(/: CSAT \d+\.\d % \(target ≥ 85\.0 %\) — Daugavpils/);
    expect(await mailText(late.ID)).toMatch(/^Figure: \d+(\.\d)? % /m);
    expect(raisedFor(await history(), 'daugavpils')).toHaveLength(1);
  });

  it('shows open alerts on its page and lets a user acknowledge one (Chromium)', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'servq-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1280, height: 800 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${alertsUrl}/`);
      await page.getByLabel('Piekļuves atslēga').fill('servq-dev-management-token');
      await page.getByRole('button', { name: 'OK' }).click();
      const row = page.locator('#open tbody tr', { hasText: 'Liepājas reģionālā nodaļa' });
      // Worded as the e-mails word it: the metric's label, a percentage, the target; not the internal reason.
      await expect.poll(() => row.textContent()).toMatch(/Klientu apmierinātība \(CSAT\).*\d+,\d %.*85,0 %/);
      expect(await page.locator('main').textContent()).not.toContain('outside its target');
      await row.getByRole('button', { name: 'Apstiprināt' }).click();
      await expect.poll(() => row.textContent()).toContain('✓ dev-management');
      mkdirSync(join(repoRoot, 'test/artifacts/alerts'), { recursive: true });
      await page.screenshot({ path: join(repoRoot, 'test/artifacts/alerts/alerts-page.png'), fullPage: true });
      expect(errors).toEqual([]);
      const events = await history();
      expect(
        events
          .filter((e) => e.type === 'alert.acknowledged')
          .map((e) => [e.office_id, e.type === 'alert.acknowledged' && e.acknowledged_by]),
      ).toEqual([['liepaja', 'dev-management']]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it("shows the open alerts on the dashboard's Alerts screen and acknowledges one from the keyboard", async () => {
    requireBrowserAndDashboard();
    // Through the query origin the alerts service's own auth decides: an office head sees its own office only.
    const cesisOnly = (await fetch(`${queryUrl}/v1/alerts`, {
      headers: { authorization: 'Bearer servq-dev-office-cesis-token' },
    }).then((r) => r.json())) as { alerts: { office_id: string }[] };
    expect(cesisOnly.alerts.map((a) => a.office_id)).toEqual(['cesis']);

    const browser = await openBrowser();
    const { page } = browser;
    const shots = join(repoRoot, 'test/artifacts/alerts');
    try {
      await page.goto(queryUrl);
      await signIn(page, 'servq-dev-management-token');
      await openScreen(page, 'alerts');
      const card = (office: string) => page.locator(`.alert-card[data-office="${office}"]`);
      expect(await page.locator('.alert-card').count()).toBe(3);
      // The figure with its interval and target, why, since when, and the view that shows it.
      const cesis = card('cesis');
      const text = await cesis.innerText();
      expect(text).toContain('20,0 %'); // 8 of 40 satisfied
      expect(text).toContain('mērķis 85,0 %');
      expect(text).toMatch(/95 % intervāls \d+,\d–\d+,\d %/);
      expect(text).toContain('Viss 95 % intervāls ir ārpus mērķa');
      expect(text).toContain('n = 40');
      // Regressions: the Latvian card showed the service's English sentence and ISO dates.
      expect(text).not.toContain('is outside its target');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).toMatch(/Periods\s+\d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}/);
      // A figure keeps its unit on its line: every "%" of the figure row sits in a piece that does not wrap.
      const looseUnits = await page.evaluate<
        string[]
      >(`[...document.querySelectorAll('.alert-facts dd:first-of-type')].flatMap((dd) =>
        [...dd.childNodes].filter((node) => node.nodeType === 3 || getComputedStyle(node).whiteSpace !== 'nowrap')
          .map((node) => node.textContent ?? '').filter((t) => t.includes('%')))`);
      expect(looseUnits).toEqual([]);
      expect(await cesis.locator('a').getAttribute('href')).toMatch(/^#\/offices\?.*office=cesis/);
      // Liepāja was acknowledged on the alerts service's own page: the dashboard says by whom.
      expect(await card('liepaja').innerText()).toContain('Apstiprināja dev-management');
      expect({ lv: await axeViolations(page) }).toEqual({ lv: [] });

      // Keyboard only: focus the button, press Enter; focus stays where the button was.
      await cesis.locator('button.ack-button').focus();
      await page.keyboard.press('Enter');
      await waitForExpression(page, "document.activeElement?.classList.contains('ack-status') === true");
      expect(await page.evaluate<string>("document.activeElement?.textContent ?? ''")).toContain('dev-management');
      await page.screenshot({ path: join(shots, 'dashboard-alerts-lv.png'), fullPage: true });
      const acknowledged = (await history()).filter((e) => e.type === 'alert.acknowledged');
      expect(acknowledged.map((e) => e.office_id).sort()).toEqual(['cesis', 'liepaja']);

      // History, in English, and at phone width without sideways scrolling.
      await switchLanguage(page, 'en');
      await openScreen(page, 'alerts');
      const historyText = await page.locator('.history-list').innerText();
      expect(historyText).toContain('Acknowledged by dev-management');
      expect(historyText).toContain('Raised');
      // Each line says what the alert is about in the page's words (the card's title), not the rule's id.
      const cardTitle = (await card('liepaja').locator('h3').innerText()).split(' · ')[0]!;
      expect(historyText).toContain(cardTitle);
      expect(historyText).not.toContain('csat-under-target');
      expect({ en: await axeViolations(page) }).toEqual({ en: [] });
      await page.screenshot({ path: join(shots, 'dashboard-alerts-en.png'), fullPage: true });
      await page.setViewportSize(PHONE);
      await openScreen(page, 'alerts');
      const widths = await pageWidths(page);
      expect(widths.scroll).toBe(widths.client);
      // Regression: the Latvian acknowledged badge broke between its date and its time at phone width
      // ("…, 05.12.2026" over "02:38"). Each badge's timestamp is drawn on one line (one line box for its text).
      const splitTimes = () =>
        page.evaluate<string[]>(`[...document.querySelectorAll('.ack-status .pill')].flatMap((pill) => {
        const text = pill.firstChild;
        const match = /\\d{2}[./]\\d{2}[./]\\d{4}\\s\\d{2}:\\d{2}/.exec(text?.textContent ?? '');
        if (!text || !match) return ['no timestamp in ' + pill.textContent];
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return lines.size === 1 ? [] : [match[0]];
      })`);
      expect({ en: await splitTimes() }).toEqual({ en: [] });
      await page.screenshot({ path: join(shots, 'dashboard-alerts-en-phone.png'), fullPage: true });
      await switchLanguage(page, 'lv');
      await openScreen(page, 'alerts');
      expect({ lvPhone: await axeViolations(page) }).toEqual({ lvPhone: [] });
      expect({ lv: await splitTimes() }).toEqual({ lv: [] });
      await page.screenshot({ path: join(shots, 'dashboard-alerts-lv-phone.png'), fullPage: true });
      expect(browser.pageErrors).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('lands the alert events in the lake like every other event', async () => {
    const s3 = createS3Client(loadSharedConfig(process.env).s3);
    try {
      await pollUntil(
        async () => {
          const listed = await s3.send(
            new ListObjectsV2Command({
              Bucket: loadSharedConfig(process.env).s3.bucket,
              Prefix: `${names.lakePrefix}${LakeTables.alert}/`,
            }),
          );
          return (listed.KeyCount ?? 0) > 0;
        },
        { intervalMs: 500, timeoutMs: 30_000 },
      );
    } finally {
      s3.destroy();
    }
  });

  it('refuses to start on a bad rules file, listing every problem', () => {
    const bad = `${dataDir}/bad.rules.json`;
    writeFileSync(
      bad,
      JSON.stringify({
        version: 1,
        rules: [
          { id: 'a', kind: 'outside_target', metric: 'csat_typo' },
          { id: 'b', kind: 'deadline' },
        ],
      }),
    );
    const run = spawnSync('node', ['--import', 'tsx', 'services/alerts/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, ...alertsEnv(), ALERTS_RULES_FILE: bad },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has 2 problems');
    expect(run.stderr).toContain('rules[0].metric: "csat_typo" is not a catalogue metric');
    expect(run.stderr).toContain('rules[1].within_working_days');
  });
});
