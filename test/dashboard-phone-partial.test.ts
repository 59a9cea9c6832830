/**
 * The partial current period keeps its name on a phone's trend chart (regression: at 390 px ECharts' hideOverlap
 * dropped the last "(nepilns)" name of a year of months), and the channel mix hatches it. In Debian's Chromium
 * against the dashboard stub; screenshots saved as artefacts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvasTexts,
  distDir,
  openBrowser,
  PHONE,
  DESKTOP,
  recordCanvasText,
  requireBrowserAndDashboard,
  screenReady,
  signIn,
  switchLanguage,
  type Browser,
} from './support/browser.ts';
import { startDashboardServer, type DashboardServer } from './support/dashboard.stub.ts';
import { repoRoot } from './support/services.ts';

const screenshots = join(repoRoot, 'test/artifacts/dashboard-phone-partial');

describe('partial periods on a phone', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    requireBrowserAndDashboard();
    mkdirSync(screenshots, { recursive: true });
    server = await startDashboardServer(distDir);
    browser = await openBrowser();
    await recordCanvasText(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the last partial month of a year-long trend at 390 px, in Latvian', async () => {
    const page = browser.page;
    await page.setViewportSize(PHONE);
    await page.goto(server.url);
    await signIn(page, 'servq-dev-management-token');
    await switchLanguage(page, 'lv');
    await page.goto(`${server.url}#/overview?from=2025-12-15&to=2026-12-03&grain=month`);
    await screenReady(page, 'overview');
    // The satisfaction trend's card, marked so its canvas texts can be read.
    await page.evaluate(
      `[...document.querySelectorAll('.chart-card h2')].find((h) => h.textContent.startsWith('Klientu apmierinātība')).closest('.chart-card').setAttribute('data-probe', 'trend')`,
    );
    const trend = '[data-probe="trend"]';
    await page.locator(trend).scrollIntoViewIfNeeded();
    const drawn = await canvasTexts(page, trend);
    expect(drawn).toContain('(nepilns)');
    // More than three of the thirteen months are named (month names alone, the year written beneath where it
    // starts or changes), and the year is still read.
    const months = [
      'janv.',
      'febr.',
      'marts',
      'apr.',
      'maijs',
      'jūn.',
      'jūl.',
      'aug.',
      'sept.',
      'okt.',
      'nov.',
      'dec.',
    ];
    expect(drawn.filter((text) => months.includes(text)).length).toBeGreaterThanOrEqual(4);
    expect(drawn).toContain('2025');
    await page.locator(trend).screenshot({ path: join(screenshots, 'phone-trend-lv.png') });
    await page
      .locator('[aria-label="Saziņas kanāli"]')
      .screenshot({ path: join(screenshots, 'phone-channels-lv.png') });
    await page.setViewportSize(DESKTOP);
    await screenReady(page, 'overview');
    await page.locator(trend).screenshot({ path: join(screenshots, 'desktop-trend-lv.png') });
    await page
      .locator('[aria-label="Saziņas kanāli"]')
      .screenshot({ path: join(screenshots, 'desktop-channels-lv.png') });
  });
});
