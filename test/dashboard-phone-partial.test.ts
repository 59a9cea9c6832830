/**
 * Charts on a 390 px phone. The partial current period keeps its name on the trend chart (regression: ECharts'
 * hideOverlap dropped the last "(nepilns)" name of a year of months) among more than three month names, and the
 * channel mix hatches it without hiding its axis line; the service-time bars keep several value ticks and the
 * complaint categories' long names wrap between words. In Debian's Chromium against the dashboard stub;
 * screenshots saved as artefacts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvasTexts,
  canvasTextsAt,
  distDir,
  lightness,
  openBrowser,
  PHONE,
  pixelsAt,
  DESKTOP,
  recordCanvasText,
  recordCanvasTextAt,
  requireBrowserAndDashboard,
  screenReady,
  signIn,
  switchLanguage,
  type Browser,
} from './support/browser.ts';
import { startDashboardServer, type DashboardServer } from './support/dashboard.stub.ts';
import { repoRoot } from './support/services.ts';

const screenshots = join(repoRoot, 'test/artifacts/dashboard-phone-partial');

/**
 * The channel mix's period axis line shows beside the partial rows too (their shade once covered it), read from
 * the drawn pixels: the bars' left edge is found on whole rows (the first blue pixel from the left); down that
 * edge the line (or a bar) is dark from the middle of the chart up past the first bar's top and down past the
 * last bar's bottom, where only the partial rows' hatched strips lie. A single light pixel is a bar's white
 * outline; two or more in a row are a break in the line.
 */
async function expectMixAxisLineUnbroken(page: Browser['page']): Promise<void> {
  const chart = page.locator('[aria-label="Saziņas kanāli"] .chart').first();
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const clip = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.floor(box.width),
    height: Math.floor(box.height),
  };
  const isBlue = (rgb: readonly number[]) => (rgb[2] ?? 0) > (rgb[0] ?? 0) + 60;
  const ys = [0.35, 0.5, 0.65].map((f) => Math.round(clip.height * f));
  const across = ys.flatMap((y) => Array.from({ length: Math.floor(clip.width / 2) }, (_, x) => [x, y] as const));
  const row = await pixelsAt(page, clip, across);
  const edge = Math.min(...row.flatMap((rgb, i) => (isBlue(rgb) ? [across[i]![0]] : [])));
  expect(edge).toBeGreaterThan(20);
  // The line and the bar's edge may fall a pixel either side of each other: the darkest of four columns counts.
  const columns = [edge - 2, edge - 1, edge, edge + 1, edge + 4];
  const down = Array.from({ length: clip.height }, (_, y) => columns.map((x) => [x, y] as const)).flat();
  const pixels = await pixelsAt(page, clip, down);
  const at = (y: number) => pixels.slice(y * columns.length, (y + 1) * columns.length);
  const dark = Array.from({ length: clip.height }, (_, y) => Math.min(...at(y).slice(0, 4).map(lightness)) < 200);
  const bars = Array.from({ length: clip.height }, (_, y) => y).filter((y) => isBlue(at(y)[4]!));
  const reach = (from: number, step: 1 | -1) => {
    let y = from;
    while (dark[y + step] || dark[y + 2 * step]) y += step;
    return y;
  };
  const middle = Math.round(clip.height / 2);
  expect(dark[middle]).toBe(true);
  expect(reach(middle, -1)).toBeLessThan(bars[0]! - 2);
  expect(reach(middle, 1)).toBeGreaterThan(bars.at(-1)! + 2);
}

/** Marks the chart card titled `title` (its start) for `canvasTexts` and returns its selector. */
async function probeCard(page: Browser['page'], title: string, probe: string): Promise<string> {
  await page.evaluate(
    `[...document.querySelectorAll('.chart-card h2')].find((h) => h.textContent.startsWith(${JSON.stringify(title)})).closest('.chart-card').setAttribute('data-probe', ${JSON.stringify(probe)})`,
  );
  return `[data-probe="${probe}"]`;
}

describe('partial periods on a phone', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    requireBrowserAndDashboard();
    mkdirSync(screenshots, { recursive: true });
    server = await startDashboardServer(distDir);
    browser = await openBrowser();
    await recordCanvasText(browser.page);
    await recordCanvasTextAt(browser.page);
    // Signed in once, in Latvian, for every case below.
    await browser.page.goto(server.url);
    await signIn(browser.page, 'servq-dev-management-token');
    await switchLanguage(browser.page, 'lv');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the last partial month of a year-long trend at 390 px, in Latvian', async () => {
    const page = browser.page;
    await page.setViewportSize(PHONE);
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
    await expectMixAxisLineUnbroken(page);
    await page.setViewportSize(DESKTOP);
    await screenReady(page, 'overview');
    await page.locator(trend).screenshot({ path: join(screenshots, 'desktop-trend-lv.png') });
    await page
      .locator('[aria-label="Saziņas kanāli"]')
      .screenshot({ path: join(screenshots, 'desktop-channels-lv.png') });
  });

  // Regression: at 390 px the service-time chart's value axis kept one label of four ("10 min").
  it('writes at least three minute ticks on the service-time chart at 390 px', async () => {
    const page = browser.page;
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}#/visits?from=2026-11-01&to=2026-11-30&grain=month`);
    await screenReady(page, 'visits');
    const card = await probeCard(page, 'Apkalpošanas laiks pa pakalpojumiem', 'service-times');
    await page.locator(card).scrollIntoViewIfNeeded();
    const ticks = (await canvasTexts(page, card)).filter((text) => /^\d+(,\d+)?\u00a0min$/.test(text));
    await page.locator(card).screenshot({ path: join(screenshots, 'phone-service-times-lv.png') });
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });

  // Regression: a trend whose every point was below the minimum sample drew an empty axis (the deadline
  // compliance chart already said why in its place, c14f5ca); Liepāja's answers are all too few.
  it("says why in a trend's place when every point is below the minimum sample, drawing no empty axis", async () => {
    const page = browser.page;
    await page.setViewportSize(PHONE);
    // Liepāja's office head: the trend is that office's alone.
    await signIn(page, 'servq-dev-office-liepaja-token');
    await switchLanguage(page, 'lv');
    await page.goto(`${server.url}#/overview?from=2026-06-01&to=2026-11-30&grain=month`);
    await screenReady(page, 'overview');
    const card = await probeCard(page, 'Klientu apmierinātība', 'suppressed-trend');
    await page.locator(card).scrollIntoViewIfNeeded();
    await page.locator(card).screenshot({ path: join(screenshots, 'phone-suppressed-trend-lv.png') });
    expect(await page.locator(`${card} canvas`).count()).toBe(0);
    expect(await page.locator(`${card} .chart-empty`).innerText()).toContain('Grafikā nav punktu');
    // Its table still gives every period with "too few" and n.
    expect(await page.locator(`${card} table tbody tr`).count()).toBeGreaterThan(0);
    // The same rule on the Visits bars: the service times of an office with too few visits.
    await page.goto(`${server.url}#/visits?from=2026-11-01&to=2026-11-30&grain=month`);
    await screenReady(page, 'visits');
    const bars = await probeCard(page, 'Apkalpošanas laiks pa pakalpojumiem', 'suppressed-bars');
    expect(await page.locator(`${bars} canvas`).count()).toBe(0);
    expect(await page.locator(`${bars} .chart-empty`).innerText()).toContain('Grafikā nav punktu');
    await signIn(page, 'servq-dev-management-token');
  });

  // Regression: the complaint categories' and outcomes' bars kept each name on one line, however long.
  it('breaks long complaint category names between words beside the bars at 390 px', async () => {
    const page = browser.page;
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}#/complaints?from=2026-11-01&to=2026-11-30&grain=month`);
    await screenReady(page, 'complaints');
    const card = await probeCard(page, 'Kategorijas', 'categories');
    await page.locator(card).scrollIntoViewIfNeeded();
    const drawn = await canvasTexts(page, card);
    await page.locator(card).screenshot({ path: join(screenshots, 'phone-complaint-categories-lv.png') });
    expect(drawn).not.toContain('Atteikums sniegt pakalpojumu');
    expect(drawn).toContain('pakalpojumu');
    expect(drawn).toContain('Gaidīšanas laiks');
  });

  // Regression: on a desktop, where a long range turns the weekly complaints names 45°, a partial first week's
  // two lines were centred on its tick, which drew "ned. 32" 5 px up the value axis and onto its "0".
  it("draws a turned partial first week's name on its tick, level with the other weeks' names and clear of the axis's \"0\"", async () => {
    const page = browser.page;
    await page.setViewportSize(DESKTOP);
    // From a Wednesday: 18 weeks, the first and last of them partial.
    await page.goto(`${server.url}#/complaints?from=2026-08-05&to=2026-12-03&grain=month`);
    await screenReady(page, 'complaints');
    const card = await probeCard(page, 'Saņemtās sūdzības pa nedēļām', 'weekly-turned');
    await page.locator(card).scrollIntoViewIfNeeded();
    await page.locator(card).screenshot({ path: join(screenshots, 'desktop-complaints-weekly-turned-lv.png') });
    const drawn = await canvasTextsAt(page, card);
    const names = drawn.filter((t) => /^ned\. \d+$/.test(t.text)).sort((a, b) => a.x - b.x);
    const zero = drawn.find((t) => t.text === '0' && t.align === 'right')!;
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names[0]!.text).toBe('ned. 32');
    // Turned: each name ends at its tick, so consecutive weeks' names are a band apart across and level.
    const band = (names.at(-1)!.x - names[0]!.x) / (Number(names.at(-1)!.text.slice(5)) - 32);
    for (const name of names) {
      const weeks = Number(name.text.slice(5)) - 32;
      expect({ name: name.text, y: name.y, x: Math.abs(name.x - (names[0]!.x + weeks * band)) <= 1 }).toEqual({
        name: name.text,
        y: names[1]!.y,
        x: true,
      });
    }
    // Its "(nepilns)" is the line below it, and the name starts below the "0" by more than a line of 12 px text.
    const partial = drawn.find((t) => t.text === '(nepilns)' && t.x > names[0]!.x && t.x < names[1]!.x)!;
    expect(partial.y - names[0]!.y).toBeGreaterThanOrEqual(9);
    expect(names[0]!.y - zero.y).toBeGreaterThanOrEqual(7);
    expect(browser.pageErrors).toEqual([]);
  });
});
