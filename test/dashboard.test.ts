/**
 * The dashboard in a real browser: Debian's Chromium (driven by playwright-core) opens the built page from
 * dashboards/web/dist, served with a stub of the query API on loopback. It signs in (a wrong token first),
 * checks the overview's tiles and chart, the offices comparison with a suppressed office, the complaints
 * screen and the analysts' SQL screen, and saves screenshots to .data/screenshots/.
 * The test builds nothing: `pnpm --filter @servq/dashboard build` must have run.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type DashboardServer } from './support/dashboard.stub.ts';
import { repoRoot } from './support/services.ts';

const CHROMIUM = '/usr/bin/chromium';
const distDir = join(repoRoot, 'dashboards/web/dist');
const screenshots = join(repoRoot, '.data/screenshots');
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('dashboard in Chromium', () => {
  let server: DashboardServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(distDir, 'index.html'))) {
      throw new Error(
        `dashboards/web/dist/index.html is missing: build the dashboard first (pnpm --filter @servq/dashboard build)`,
      );
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)`);
    }
    mkdirSync(screenshots, { recursive: true });
    server = await startDashboardServer(distDir);
    profile = mkdtempSync(join(tmpdir(), 'servq-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1440, height: 1000 },
      locale: 'en-GB',
      timezoneId: 'Europe/Riga',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('refuses an unknown token with a clear 401 message', async () => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByLabel('Token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('not accepted (401)');
    await page.screenshot({ path: join(screenshots, 'dashboard-signin-401.png') });
  });

  it('signs management in and shows the overview: headline tiles with targets and a chart canvas', async () => {
    await page.getByLabel('Token').fill('servq-dev-management-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.tile').first().waitFor();
    expect(await page.locator('#role').innerText()).toBe('Management');
    expect(await page.locator('.tile').count()).toBe(6);
    expect(await page.locator('.tile').first().innerText()).toContain('Surveys answered');
    expect(await page.locator('.tile[data-metric="csat"]').innerText()).toMatch(/%[\s\S]*Target ≥ 85\.0 %/);
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#freshness').innerText()).toContain('Newest event');
    expect(server.authorizations.at(-1)).toBe('Bearer servq-dev-management-token');
    await page.screenshot({ path: join(screenshots, 'dashboard-overview.png'), fullPage: true });
  });

  it('says the data is still loading while the service has not synchronised, and shows it after "Try again"', async () => {
    server.setSynced(false);
    try {
      await page.getByRole('link', { name: 'Offices' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('The data is still being loaded');
      expect(await page.locator('.compare-card').count()).toBe(0);
    } finally {
      server.setSynced(true);
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.compare-card').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows a suppressed office as "too few responses" in the offices comparison, with error bars drawn', async () => {
    await page.getByRole('link', { name: 'Offices' }).click();
    await page.locator('.compare-card').first().waitFor();
    const waitCard = page.locator('.compare-card[data-metric="wait_p50"]');
    const liepaja = waitCard.locator('tbody tr', { hasText: 'Liepāja' });
    expect(await liepaja.innerText()).toContain('too few responses');
    expect(await liepaja.innerText()).not.toMatch(/\d+(\.\d+)? min/);
    expect(await waitCard.locator('tbody tr', { hasText: 'Cēsis' }).innerText()).toContain('significantly better');
    await waitCard.locator('.chart canvas').waitFor();
    await page.screenshot({ path: join(screenshots, 'dashboard-offices.png'), fullPage: true });
  });

  it('compares service languages and shows complaints', async () => {
    await page.getByRole('link', { name: 'Equal service' }).click();
    await page.locator('.screen-language .compare-card').first().waitFor();
    expect(await page.locator('.screen-language').innerText()).toContain('Russian');
    await page.screenshot({ path: join(screenshots, 'dashboard-equal-service.png'), fullPage: true });

    await page.getByRole('link', { name: 'Complaints' }).click();
    await page.locator('.screen-complaints .chart canvas').first().waitFor();
    expect(await page.locator('.screen-complaints').innerText()).toContain('Answered within the legal deadline');
    await page.screenshot({ path: join(screenshots, 'dashboard-complaints.png'), fullPage: true });
  });

  it('gives an analyst the SQL screen: schema beside the editor, results as a table', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Token').fill('servq-dev-analyst-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.tile').first().waitFor();
    await page.getByRole('link', { name: 'SQL' }).click();
    await page.locator('.schema-table').first().waitFor();
    expect(await page.locator('.sql-schema').innerText()).toContain('complaints');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.sql-table tbody tr').first().waitFor();
    expect(await page.locator('.sql-table tbody tr').count()).toBe(4);
    await page.screenshot({ path: join(screenshots, 'dashboard-sql.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
