/**
 * The no-office deadline alert's "view" link, in Chromium against the real stack: ingest, lander and query as
 * processes on the shared Kafka and S3 (this run's own topics and lake prefix), two months of the demo
 * generator's events through the ingest API, the page served by the query service. The alerts service's own
 * deadline clock, fed by its own query client (the open complaints it reads through /v1/sql), builds the link.
 * Opening it must land on the Complaints screen filtered to "Nodaļa nav piešķirta", whose case list holds
 * exactly the open complaints with no office: before, it opened every office's list.
 * Screenshots go to test/artifacts/no-office/ (git-ignored). Needs the built dashboard.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NO_OFFICE_FILTER, NO_OFFICE_NAME, rigaDate } from '@servq/contracts';
import { DueAnswer, QueryAnswer, type Figure } from '@servq/query-api';
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoYear } from '../infra/demo/year.events.ts';
import { deadlineClock } from '../services/alerts/src/evaluate.ts';
import { QueryClient } from '../services/alerts/src/query.client.ts';
import {
  distDir,
  openBrowser,
  requireBrowserAndDashboard,
  screenReady,
  signIn,
  switchLanguage,
  type Browser,
} from './support/browser.ts';
import { repoRoot } from './support/services.ts';
import { seedStack } from './support/seed.ts';
import { startStack, type Stack } from './support/stack.ts';

const MANAGEMENT = 'servq-dev-management-token';
const ANALYST = 'servq-dev-analyst-token';
const rule = { id: 'complaint-deadlines', kind: 'deadline', within_working_days: 5, severity: 'warning' } as const;
const shots = join(repoRoot, 'test/artifacts/no-office');

describe("the no-office deadline alert's link opens the Complaints screen on the complaints with no office", () => {
  let stack: Stack;
  let browser: Browser;
  const now = new Date();
  const today = rigaDate(now);

  async function due(query: string): Promise<DueAnswer> {
    const res = await fetch(`${stack.queryUrl}/v1/complaints/due?${query}`, {
      headers: { authorization: `Bearer ${MANAGEMENT}` },
    });
    expect(res.status).toBe(200);
    return DueAnswer.parse(await res.json());
  }

  beforeAll(async () => {
    requireBrowserAndDashboard();
    mkdirSync(shots, { recursive: true });
    stack = await startStack('dashboard-no-office', {
      flushMs: 1500,
      syncMs: 500,
      queryEnv: { QUERY_DASHBOARD_DIR: distDir, QUERY_LOG_LEVEL: 'warn' },
    });
    const events = demoYear({ seed: 2026, endDate: today, months: 2, now });
    const browserStarting = openBrowser();
    await seedStack(stack, events);
    const received = new Set(events.filter((e) => e.type === 'complaint.received').map((e) => e.event_id)).size;
    const from = events[0]!.occurred_at.slice(0, 10);
    await pollUntil(
      async () => {
        const res = await fetch(`${stack.queryUrl}/v1/query?metrics=complaints_received&from=${from}&to=${today}`, {
          headers: { authorization: `Bearer ${MANAGEMENT}` },
        });
        if (!res.ok) return false;
        return (QueryAnswer.parse(await res.json()).rows[0]?.complaints_received as Figure | undefined)?.n === received;
      },
      { intervalMs: 500, timeoutMs: 90_000 },
    );
    browser = await browserStarting;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists exactly the open complaints with no office, named "Nodaļa nav piešķirta", in Latvian and English', async () => {
    // The alert as the alerts service raises it: its query client's open complaints, its deadline clock.
    const client = new QueryClient({ url: stack.queryUrl, token: ANALYST, timeoutMs: 30_000 });
    const ctx = { rule, window: { from: '', to: '' }, dashboardUrl: stack.queryUrl };
    const { findings } = deadlineClock(ctx, await client.openComplaints(), today);
    const alert = findings.find((f) => f.alertId === `complaint-deadlines:${NO_OFFICE_FILTER}:overdue`);
    expect(alert, `no overdue complaint with no office in the demo data: ${JSON.stringify(findings)}`).toBeDefined();
    const link = new URL(alert!.link);
    expect(link.hash).toMatch(/^#\/complaints\?/);
    expect(new URLSearchParams(link.hash.split('?')[1]).get('office')).toBe(NO_OFFICE_FILTER);

    // What the list must hold, from the unfiltered list: its rows with no office.
    const all = await due('within=5&limit=1000');
    const expected = all.complaints.filter((c) => c.office === null).map((c) => c.id);
    expect(all.complaints.some((c) => c.office !== null)).toBe(true);
    expect(all.complaints.filter((c) => c.office === null && c.status === 'overdue')).toHaveLength(alert!.value ?? -1);

    const { page } = browser;
    await page.goto(stack.queryUrl);
    await signIn(page, MANAGEMENT);
    await page.goto(alert!.link);
    await screenReady(page, 'complaints');
    const listed = async () =>
      page.evaluate<{ id: string; office: string }[]>(
        `[...document.querySelectorAll('.due-list tbody tr')].map((tr) => ({
          id: tr.cells[0]?.textContent ?? '',
          office: tr.cells[tr.cells.length - 1]?.textContent ?? '',
        }))`,
      );
    const rows = await listed();
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(new Set(rows.map((r) => r.office))).toEqual(new Set([NO_OFFICE_NAME.lv]));
    const officeSelect = page.locator('#filter-office');
    expect(await officeSelect.inputValue()).toBe(NO_OFFICE_FILTER);
    expect(await officeSelect.locator('option:checked').innerText()).toBe(NO_OFFICE_NAME.lv);
    expect(await page.locator('.desk-counts').innerText()).toContain(String(alert!.value));
    await page.screenshot({ path: join(shots, 'complaints-no-office-lv.png'), fullPage: true });

    await switchLanguage(page, 'en');
    await screenReady(page, 'complaints');
    expect(await page.locator('#filter-office option:checked').innerText()).toBe(NO_OFFICE_NAME.en);
    expect((await listed()).map((r) => r.id)).toEqual(expected);
    await page.screenshot({ path: join(shots, 'complaints-no-office-en.png'), fullPage: true });

    // Where visits are shown the value would empty the panels: the Overview reads it as all offices.
    await page.locator('nav.tabs a[data-screen="overview"]').click();
    await screenReady(page, 'overview');
    expect(await page.locator('#filter-office').inputValue()).toBe('');
    expect(await page.locator('#filter-office option').allInnerTexts()).not.toContain(NO_OFFICE_NAME.en);
    expect(await page.locator('#content .error-box').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
