/**
 * The alert e-mail as a subscriber gets it: composed by the alerts service's own words (message.ts) and sent by its
 * mail sender through the real SMTP server (Mailpit), read back over Mailpit's HTTP API. Each kind the service mails
 * (raised, reminded; the outside-target, equal-service and deadline rules) arrives as one multipart/alternative
 * message, the plain text first, the HTML saying the same figure, target, office and link; the HTML is drawn in
 * Chromium at desktop and 390 px phone width without sideways scrolling, its button on screen. Screenshots go to
 * test/artifacts/alerts/ (git-ignored) for a look by eye.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AlertRaised } from '@servq/contracts';
import { buildCatalogue } from '@servq/metrics';
import { MetricInfo, type Lang } from '@servq/query-api';
import { pollUntil } from '@servq/runtime';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../services/alerts/src/alert.book.ts';
import { alertMail, composeMessage } from '../services/alerts/src/message.ts';
import { createMailSender } from '../services/alerts/src/senders.ts';
import { openBrowser, PHONE } from './support/browser.ts';
import { repoRoot } from './support/services.ts';

const MAIL_API = `http://${process.env.SERVQ_MAIL_HTTP_ADDR ?? '127.0.0.1:8025'}`;
const SMTP_ADDR = process.env.SERVQ_MAIL_SMTP_ADDR ?? '127.0.0.1:1025';
const artifacts = join(repoRoot, 'test/artifacts/alerts');
const catalogue = buildCatalogue({ waitTargetMinutes: 15 });
const metric = (id: string) => MetricInfo.parse(catalogue.get(id));

const base: AlertRaised = {
  event_id: randomUUID(),
  type: 'alert.raised',
  schema_version: 1,
  occurred_at: '2026-12-01T08:00:00Z',
  source: 'servq-alerts',
  alert_id: 'csat-under-target:liepaja',
  rule_id: 'csat-under-target',
  rule_kind: 'outside_target',
  office_id: 'liepaja',
  severity: 'warning',
  metric_id: 'csat',
  value: 0.25,
  interval_low: 0.142,
  interval_high: 0.402,
  target: 0.85,
  n: 40,
  period_from: '2026-11-24',
  period_to: '2026-12-01',
  reason: 'csat 0.25 is outside its target 0.85',
  link: 'http://127.0.0.1:8080/#/offices?from=2026-11-24&to=2026-12-01&grain=day&office=liepaja',
};

const overdue: AlertRaised = {
  ...base,
  alert_id: 'complaint-deadlines:riga-valnu-30:overdue',
  rule_id: 'complaint-deadlines',
  rule_kind: 'deadline',
  office_id: 'riga-valnu-30',
  severity: 'critical',
  alert_group: 'overdue',
  value: 3,
  // The oldest of the three was due 20 November: 7 working days before the day counted (1 December).
  due_date: '2026-11-20',
  link: 'http://127.0.0.1:8080/#/complaints?office=riga-valnu-30&status=overdue',
};
delete overdue.metric_id;
delete overdue.interval_low;
delete overdue.interval_high;
delete overdue.target;
delete overdue.n;

const cases: { name: string; lang: Lang; n: Notification }[] = [
  { name: 'raised-lv', lang: 'lv', n: base },
  { name: 'reminded-en', lang: 'en', n: { ...base, type: 'alert.renotified', occurred_at: '2026-12-02T08:00:00Z' } },
  {
    name: 'gap-lv',
    lang: 'lv',
    n: {
      ...base,
      alert_id: 'equal-service:daugavpils:language:ru',
      rule_kind: 'equal_service_gap',
      office_id: 'daugavpils',
      alert_group: 'language:ru',
      baseline: 0.81,
      p_value: 0.0042,
    },
  },
  { name: 'overdue-lv', lang: 'lv', n: overdue },
];

interface MailpitMessage {
  ID: string;
  Subject: string;
  Text: string;
  HTML: string;
}

async function only(address: string): Promise<MailpitMessage> {
  let found: { ID: string }[] = [];
  await pollUntil(
    async () => {
      const res = await fetch(`${MAIL_API}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`);
      found = ((await res.json()) as { messages: { ID: string }[] }).messages;
      return found.length > 0;
    },
    { intervalMs: 200, timeoutMs: 10_000 },
  );
  expect(found).toHaveLength(1);
  return (await (await fetch(`${MAIL_API}/api/v1/message/${found[0]!.ID}`)).json()) as MailpitMessage;
}

describe('alert e-mails: plain text with an HTML alternative, through Mailpit and drawn in Chromium', () => {
  it('arrive as multipart/alternative, the HTML saying what the text says, readable on a desktop and a phone', async () => {
    const run = randomUUID().slice(0, 8);
    const sender = createMailSender({
      smtpUrl: `smtp://${SMTP_ADDR}`,
      from: 'servq-alerts@atd.invalid',
      timeoutMs: 5000,
    });
    const received = new Map<string, MailpitMessage>();
    try {
      for (const c of cases) {
        const address = `alertmail-${run}-${c.name}@e2e.invalid`;
        const message = composeMessage(c.n, c.n.metric_id ? metric(c.n.metric_id) : undefined, c.lang);
        await sender.send(address, { key: `${run}-${c.name}`, message, payload: { ...c.n } });
        const mail = await only(address);
        received.set(c.name, mail);
        // One message, two parts: the plain text first (a client shows the last part it can), then the HTML.
        const raw = await (await fetch(`${MAIL_API}/api/v1/message/${mail.ID}/raw`)).text();
        expect(raw, c.name).toMatch(/^Content-Type: multipart\/alternative;/im);
        expect(raw.indexOf('Content-Type: text/plain'), c.name).toBeGreaterThan(0);
        expect(raw.indexOf('Content-Type: text/plain'), c.name).toBeLessThan(raw.indexOf('Content-Type: text/html'));
      }
    } finally {
      sender.close();
    }

    mkdirSync(artifacts, { recursive: true });
    const browser = await openBrowser();
    try {
      for (const c of cases) {
        const mail = received.get(c.name)!;
        const words = alertMail(c.n, c.n.metric_id ? metric(c.n.metric_id) : undefined, c.lang).words;
        // The text's link, as the reader of the text part follows it.
        const textLink = /^(?:Atvērt paneli|Open the dashboard): (\S+)$/m.exec(mail.Text)?.[1];
        expect(textLink, c.name).toBe(c.n.link);
        for (const [name, viewport] of [
          ['desktop', { width: 900, height: 800 }],
          ['phone', PHONE],
        ] as const) {
          await browser.page.setViewportSize(viewport);
          await browser.page.setContent(mail.HTML);
          const shown = await browser.page.evaluate<{
            text: string;
            overflow: number;
            lang: string;
            button: { href: string; label: string; left: number; right: number } | null;
          }>(`(() => {
            const a = [...document.querySelectorAll('a')].find((el) => getComputedStyle(el).display === 'inline-block');
            const box = a?.getBoundingClientRect();
            return {
              text: document.body.innerText,
              overflow: document.documentElement.scrollWidth - innerWidth,
              lang: document.documentElement.lang,
              button: a ? { href: a.getAttribute('href'), label: a.textContent, left: box.left, right: box.right } : null,
            };
          })()`);
          expect(shown.lang, c.name).toBe(c.lang);
          // Nothing scrolls sideways, and the button sits wholly on the screen.
          expect({ mail: c.name, name, overflow: shown.overflow }).toEqual({ mail: c.name, name, overflow: 0 });
          expect(shown.button, c.name).not.toBeNull();
          expect(shown.button!.href, c.name).toBe(textLink);
          expect(shown.button!.left).toBeGreaterThanOrEqual(0);
          expect(shown.button!.right).toBeLessThanOrEqual(viewport.width);
          // The figure, target, interval, office and period the text carries are in the drawn HTML too.
          // The headline (the figure and its target) as the subject says it; the rest as the text's lines say it.
          expect(mail.Subject, c.name).toContain(words.headline);
          expect(shown.text, `${c.name}: html ${name}`).toContain(words.headline);
          for (const piece of [
            words.firstFact?.value ?? null,
            words.target,
            words.interval,
            words.place,
            words.period,
          ]) {
            if (piece === null) continue;
            expect(mail.Text, `${c.name}: text`).toContain(piece);
            expect(shown.text, `${c.name}: html ${name}`).toContain(piece);
          }
          await browser.page.screenshot({ path: join(artifacts, `mail-${c.name}-${name}.png`), fullPage: true });
        }
      }
      expect(browser.pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
