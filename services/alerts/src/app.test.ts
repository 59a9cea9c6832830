import { createHash } from 'node:crypto';
import type { AlertEvent } from '@servq/contracts';
import { AlertAckAnswer, AlertHistoryAnswer, AlertsAnswer } from '@servq/query-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertBook } from './alert.book.ts';
import { buildApp } from './app.ts';
import type { Finding } from './evaluate.ts';
import type { PageView } from './page.view.ts';
import { csat } from './test.fixtures.ts';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const tokens = [
  { id: 'mgmt', sha256: sha('m-token'), role: 'management' as const },
  { id: 'office-cesis', sha256: sha('c-token'), role: 'office' as const, office: 'cesis' },
];
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

function finding(office: string): Finding {
  return {
    alertId: `csat-under-target:${office}`,
    ruleId: 'csat-under-target',
    ruleKind: 'outside_target',
    severity: 'warning',
    officeId: office,
    metricId: 'csat',
    value: 0.5,
    intervalLow: 0.4,
    intervalHigh: 0.6,
    target: 0.85,
    n: 60,
    periodFrom: '2026-11-04',
    periodTo: '2026-12-01',
    reason: 'csat 0.5 is outside its target 0.85',
    link: `http://127.0.0.1:8080/#/offices?office=${office}`,
  };
}

describe('alerts API', () => {
  const book = new AlertBook();
  const appended: AlertEvent[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    for (const e of book.decide(
      'csat-under-target',
      [finding('cesis'), finding('liepaja')],
      new Date('2026-12-01T08:00:00Z'),
      { cleanEvaluationsToResolve: 3, renotifyAfterMs: 86_400_000 },
    )) {
      book.apply(e);
    }
    app = await buildApp(
      { tokens },
      {
        book,
        append: (events) => {
          for (const e of events) {
            appended.push(e);
            book.apply(e);
          }
          return Promise.resolve();
        },
        pending: () => [],
        ready: () => true,
        evaluatedDataVersion: () => 7,
        metricInfo: (id) => (id === 'csat' ? csat : undefined),
      },
    );
  });
  afterAll(() => app.close());

  it('asks for a token, naming the header', async () => {
    const res = await app.inject({ url: '/v1/alerts' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      error: { code: 'ALERTS_UNAUTHORIZED', details: [{ parameter: 'Authorization' }] },
    });
  });

  it('shows an office head only their own office', async () => {
    // The answers are the published shapes the dashboard parses them with (@servq/query-api).
    const all = AlertsAnswer.parse((await app.inject({ url: '/v1/alerts', headers: bearer('m-token') })).json());
    expect(all.alerts.map((a) => a.office_id).sort()).toEqual(['cesis', 'liepaja']);
    expect(all.alerts[0]).toMatchObject({ interval: { low: 0.4, high: 0.6 }, target: 0.85, acknowledged_by: null });
    const mine = AlertsAnswer.parse((await app.inject({ url: '/v1/alerts', headers: bearer('c-token') })).json());
    expect(mine.alerts.map((a) => a.office_id)).toEqual(['cesis']);
    const other = await app.inject({
      method: 'POST',
      url: '/v1/alerts/csat-under-target:liepaja/ack',
      headers: bearer('c-token'),
    });
    expect(other.statusCode).toBe(404);
  });

  it('serves the figures a page words the reason from (sample and p-value), not only the English sentence', async () => {
    const all = AlertsAnswer.parse((await app.inject({ url: '/v1/alerts', headers: bearer('m-token') })).json());
    expect(all.alerts[0]).toMatchObject({ rule_kind: 'outside_target', n: 60, p_value: null });
  });

  it('records who acknowledged an alert, once, as an alert event', async () => {
    const first = await app.inject({
      method: 'POST',
      url: '/v1/alerts/csat-under-target:cesis/ack',
      headers: bearer('c-token'),
    });
    expect(AlertAckAnswer.parse(first.json())).toMatchObject({
      alert_id: 'csat-under-target:cesis',
      acknowledged_by: 'office-cesis',
    });
    const again = await app.inject({
      method: 'POST',
      url: '/v1/alerts/csat-under-target:cesis/ack',
      headers: bearer('m-token'),
    });
    expect(again.json()).toMatchObject({ acknowledged_by: 'office-cesis' });
    expect(appended.map((e) => e.type)).toEqual(['alert.acknowledged']);
    const history = (
      await app.inject({ url: '/v1/alerts/csat-under-target:cesis/history', headers: bearer('m-token') })
    ).json<{ events: AlertEvent[] }>();
    expect(history.events.map((e) => e.type)).toEqual(['alert.raised', 'alert.acknowledged']);
    const all = AlertHistoryAnswer.parse(
      (await app.inject({ url: '/v1/alerts/history', headers: bearer('m-token') })).json(),
    );
    expect(all.events[0]).toMatchObject({ type: 'alert.acknowledged', acknowledged_by: 'office-cesis' });
  });

  it('answers 400 naming the parameter for a bad history limit', async () => {
    const res = await app.inject({ url: '/v1/alerts/history?limit=0', headers: bearer('m-token') });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { details: [{ parameter: 'limit' }] } });
  });

  it('serves the alerts page with a strict content security policy, in Latvian or English', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'nonce-[^']+'/);
    expect(res.body).toContain('<html lang="lv">');
    expect(res.body).toContain('Atvērtie brīdinājumi');
    const en = await app.inject({ url: '/?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Open alerts');
  });

  it("words the page's alerts as their e-mails do: metric label, figure, target, office by name, when it fired", async () => {
    const res = await app.inject({ url: '/page/view', headers: bearer('m-token') });
    expect(res.statusCode).toBe(200);
    const cesis = res.json<PageView>().alerts.find((a) => a.alert_id === 'csat-under-target:cesis');
    expect(cesis).toMatchObject({
      severity_words: 'Brīdinājums',
      office: 'Cēsu reģionālā nodaļa',
      title: 'Klientu apmierinātība (CSAT)',
      figure: '50,0 %',
      interval: '40,0–60,0 %',
      target: '85,0 %',
      period: '04.11.2026 – 01.12.2026',
      // 08:00 UTC is 10:00 in Riga in winter.
      fired_at: '01.12.2026\u00a010:00',
    });
    const en = await app.inject({ url: '/page/view?lang=en', headers: bearer('m-token') });
    expect(en.json<PageView>().alerts.find((a) => a.alert_id === 'csat-under-target:cesis')).toMatchObject({
      office: 'Cēsis regional office',
      title: 'Customer satisfaction (CSAT)',
      figure: '50.0 %',
      target: '85.0 %',
      fired_at: '01/12/2026\u00a010:00',
    });
    // The internal reason is for machines: it stays in the JSON API, never on the page.
    expect(res.body).not.toContain('outside its target');
    expect(en.body).not.toContain('outside its target');
    // The history reads as sentences; an acknowledgement (it names only its alert) borrows its alert's words.
    const cesisEvents = res.json<PageView>().events.filter((e) => e.about.endsWith('Cēsu reģionālā nodaļa'));
    expect(cesisEvents.map((e) => [e.event, e.about, e.who])).toEqual([
      ['Apstiprināts', 'CSAT 50,0 % (mērķis ≥ 85,0 %) — Cēsu reģionālā nodaļa', ['office-cesis']],
      ['Izsaukts', 'CSAT 50,0 % (mērķis ≥ 85,0 %) — Cēsu reģionālā nodaļa', []],
    ]);
  });

  it("asks for a token for the page's data, and shows an office head only their own office there too", async () => {
    expect((await app.inject({ url: '/page/view' })).statusCode).toBe(401);
    const mine = (await app.inject({ url: '/page/view', headers: bearer('c-token') })).json<PageView>();
    expect(mine.alerts.map((a) => a.office)).toEqual(['Cēsu reģionālā nodaļa']);
  });
});
