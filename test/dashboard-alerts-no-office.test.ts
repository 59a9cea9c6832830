/**
 * Regression, in Chromium: the dashboard's Alerts screen showed the deadline clock's overdue complaints with no
 * office as "Sūdzību termiņi · Visa direkcija · nokavētas · Rādītājs 1" beside Riga 9, Daugavpils 4, Cēsis 3 and
 * Liepāja 2, and management read "the whole agency has 1 overdue complaint". The alerts service's own app
 * (buildApp), with a book decided by the real deadline clock, answers /v1/alerts* through the dashboard stub's
 * origin; the card and the history must name them with the API's "no office" name, never the agency.
 * Screenshots go to test/artifacts/alerts/ (git-ignored). Needs the built dashboard.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AlertEvent } from '@servq/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertBook } from '../services/alerts/src/alert.book.ts';
import { buildApp } from '../services/alerts/src/app.ts';
import { deadlineClock } from '../services/alerts/src/evaluate.ts';
import {
  distDir,
  openBrowser,
  openScreen,
  requireBrowserAndDashboard,
  signIn,
  switchLanguage,
  type Browser,
} from './support/browser.ts';
import { startDashboardServer, type DashboardServer } from './support/dashboard.stub.ts';
import { repoRoot } from './support/services.ts';

const TOKEN = 'servq-dev-management-token';
const tokens = [
  { id: 'dev-management', sha256: createHash('sha256').update(TOKEN).digest('hex'), role: 'management' as const },
];
const rule = { id: 'complaint-deadlines', kind: 'deadline', within_working_days: 5, severity: 'warning' } as const;

/** Overdue complaints as the defect's page had them: 9, 4, 3 and 2 in the offices, 1 with no office. */
const overdue = [
  { office_id: 'riga-valnu-30', legal_due_date: '2026-11-20', n: 9 },
  { office_id: 'daugavpils', legal_due_date: '2026-11-25', n: 4 },
  { office_id: 'cesis', legal_due_date: '2026-11-27', n: 3 },
  { office_id: 'liepaja', legal_due_date: '2026-11-30', n: 2 },
  { office_id: null, legal_due_date: '2026-12-01', n: 1 },
];

describe("the dashboard's Alerts screen with overdue complaints that have no office", () => {
  const book = new AlertBook();
  let alerts: Awaited<ReturnType<typeof buildApp>>;
  let server: DashboardServer;
  let browser: Browser;
  const shots = join(repoRoot, 'test/artifacts/alerts');

  beforeAll(async () => {
    requireBrowserAndDashboard();
    mkdirSync(shots, { recursive: true });
    const ctx = { rule, window: { from: '2026-09-05', to: '2026-12-04' }, dashboardUrl: 'http://127.0.0.1:8080/' };
    const { findings } = deadlineClock(ctx, overdue, '2026-12-04');
    const policy = { cleanEvaluationsToResolve: 3, renotifyAfterMs: 86_400_000 };
    for (const e of book.decide(rule.id, findings, new Date('2026-12-04T08:00:00Z'), policy)) book.apply(e);
    alerts = await buildApp(
      { tokens },
      {
        book,
        append: (events: AlertEvent[]) => {
          for (const e of events) book.apply(e);
          return Promise.resolve();
        },
        pending: () => [],
        ready: () => true,
        evaluatedDataVersion: () => 1,
        metricInfo: () => undefined,
      },
    );
    await alerts.listen({ port: 0, host: '127.0.0.1' });
    const alertsUrl = `http://127.0.0.1:${(alerts.server.address() as AddressInfo).port}/`;
    server = await startDashboardServer(distDir, { alertsUrl });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await alerts?.close();
  });

  it('names them "Nodaļa nav piešķirta" on their own card and in the history, and nowhere "Visa direkcija"', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, TOKEN);
    await openScreen(page, 'alerts');
    const titles = await page.locator('.alert-card h3').allInnerTexts();
    expect(titles.sort()).toEqual(
      [
        'Sūdzību termiņi · Cēsu reģionālā nodaļa · nokavētas',
        'Sūdzību termiņi · Daugavpils reģionālā nodaļa · nokavētas',
        'Sūdzību termiņi · Liepājas reģionālā nodaļa · nokavētas',
        'Sūdzību termiņi · Nodaļa nav piešķirta · nokavētas',
        'Sūdzību termiņi · Rīgas klientu apkalpošanas centrs, Vaļņu iela 30 · nokavētas',
      ].sort(),
    );
    const card = page.locator('.alert-card[data-alert="complaint-deadlines:no-office:overdue"]');
    expect(await card.innerText()).toMatch(/Rādītājs\s+1\b/);
    const history = await page.locator('.history-list').innerText();
    expect(history).toContain('Nodaļa nav piešķirta');
    expect(await page.locator('.alerts-screen').innerText()).not.toContain('Visa direkcija');
    await page.screenshot({ path: join(shots, 'dashboard-alerts-no-office-lv.png'), fullPage: true });

    await switchLanguage(page, 'en');
    await openScreen(page, 'alerts');
    expect(await card.locator('h3').innerText()).toBe('Complaint deadlines · No office assigned · overdue');
    expect(await page.locator('.alerts-screen').innerText()).not.toContain('Whole agency');
    expect(browser.pageErrors).toEqual([]);
  });
});
