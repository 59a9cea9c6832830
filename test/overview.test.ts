/**
 * The Overview in Chromium against the stub query API (test/support/dashboard.stub.ts): the drivers quadrant
 * with its table, the annotation of the law change on the satisfaction trend, no serious or critical axe
 * findings and no sideways scroll at 390 px, and the print layout as an A4 PDF without navigation or filters.
 * Screenshots and the PDF go to test/artifacts/overview/ (git-ignored). Needs the built dashboard.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  DESKTOP,
  distDir,
  openBrowser,
  pageWidths,
  PHONE,
  requireBrowserAndDashboard,
  screenReady,
  signIn,
  waitForExpression,
  type Browser,
} from './support/browser.ts';
import { startDashboardServer, type DashboardServer } from './support/dashboard.stub.ts';
import { repoRoot } from './support/services.ts';

const artifacts = join(repoRoot, 'test/artifacts/overview');

describe('overview in Chromium', () => {
  let server: DashboardServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    requireBrowserAndDashboard();
    mkdirSync(artifacts, { recursive: true });
    server = await startDashboardServer(distDir);
    browser = await openBrowser();
    page = browser.page;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'EN' }).click();
    await signIn(page, 'servq-dev-management-token');
    // A first half-year that spans the law change of 1 March 2026.
    await page.goto(new URL('/#/overview?from=2026-01-01&to=2026-06-30&grain=month', server.url).href);
    await screenReady(page, 'overview');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows what drives satisfaction as importance against performance, with the numbers as a table', async () => {
    const panel = page.locator('.drivers');
    await panel.locator('canvas').waitFor();
    expect(await panel.locator('h2').innerText()).toBe('What drives satisfaction');
    const rows = panel.locator('table tbody tr');
    expect(await rows.count()).toBe(5);
    // Speed: important (r 0.62) and scored lowest (3.6): the one to work on first.
    expect(await rows.filter({ hasText: 'speed' }).textContent()).toMatch(
      /3\.60[\s\S]*0\.62[\s\S]*p\s<\s0\.001[\s\S]*Priority/,
    );
    expect(await rows.filter({ hasText: 'identifiable' }).textContent()).toContain('too few responses (n=12)');
  });

  it('names the law change of 1 March 2026 on the satisfaction trend', async () => {
    const notes = await page.locator('.chart-card .note').allInnerTexts();
    expect(notes.some((n) => n.includes('2026-03-01 Law amended'))).toBe(true);
  });

  it('passes axe and fits a 390 px phone', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'overview-desktop.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await screenReady(page, 'overview');
    // The charts follow the new width on their resize observer's next turn; give it that turn, not a sleep.
    await waitForExpression(
      page,
      'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
      5_000,
    ).catch(() => undefined);
    const widths = await pageWidths(page);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.screenshot({ path: join(artifacts, 'overview-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('shows the tiles’ figures before the comparisons answer, and is complete only once their changes are in', async () => {
    // The two /v1/compare requests (the slowest on the real stack) are held until released.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = (url: URL) => url.pathname === '/v1/compare';
    await page.route(held, async (route) => {
      await released;
      await route.continue();
    });
    try {
      await page.goto(new URL('/#/overview?from=2026-01-01&to=2026-03-31&grain=month', server.url).href);
      await waitForExpression(
        page,
        `(() => {
          const values = [...document.querySelectorAll('#content .tile-value')];
          return values.length === 8 && values.every((v) => v.textContent.trim() !== '');
        })()`,
      );
      // Still coming: each judged tile marks its place as loading (what screenReady and the reports wait on),
      // and states neither a change nor a verdict yet.
      expect(await page.locator('#content .tile .tile-extras.loading').count()).toBeGreaterThan(0);
      expect(await page.locator('#content .tile-change, #content .verdict').count()).toBe(0);
      expect(await page.locator('#content .tile .pill').count()).toBe(0);
      release();
      await screenReady(page, 'overview');
      expect(await page.locator('#content .loading').count()).toBe(0);
      expect(await page.locator('#content .tile-change').count()).toBeGreaterThan(0);
      expect(await page.locator('#content .verdict').count()).toBeGreaterThan(0);
    } finally {
      release();
      await page.unroute(held);
    }
  });

  it('prints as an A4 report without navigation, filters or buttons', async () => {
    // Laid out at the printable width of A4 so the charts are drawn to fit the page.
    await page.setViewportSize({ width: 720, height: 1000 });
    await screenReady(page, 'overview');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.tabs').isVisible()).toBe(false);
    expect(await page.locator('.chart-tools').first().isVisible()).toBe(false);
    expect(await page.locator('.tile').first().isVisible()).toBe(true);
    const path = join(artifacts, 'overview-print.pdf');
    await page.pdf({ path, format: 'A4', printBackground: true });
    await page.screenshot({ path: join(artifacts, 'overview-print.png'), fullPage: true });
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESKTOP);
  });
});
