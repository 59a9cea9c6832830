/**
 * Browser helpers shared by the dashboard tests: Debian's Chromium driven by playwright-core, the built
 * dashboard's presence, sign-in, waiting for a screen to be drawn (whatever the screen), the screens the
 * navigation offers, axe-core's serious and critical violations, sideways scrolling, and the console and
 * page errors a page reports.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '@servq/runtime';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './services.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const distDir = join(repoRoot, 'dashboards/web/dist');
export const DESKTOP = { width: 1440, height: 1000 };
export const PHONE = { width: 390, height: 844 };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Fails with what to do when the dashboard is not built or Chromium is not installed. */
export function requireBrowserAndDashboard(): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `dashboards/web/dist/index.html is missing: build the dashboard first (pnpm --filter @servq/dashboard build)`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)`);
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Console errors (Chrome logs every non-2xx response as one). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile, Riga's time zone and a desktop viewport. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'servq-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: 'Europe/Riga',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  return {
    context,
    page,
    pageErrors,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in with a token from the sign-in form (signing out first when a session is open). */
export async function signIn(page: Page, token: string): Promise<void> {
  const signOut = page.locator('.topbar button.link');
  if ((await signOut.count()) > 0) await signOut.click();
  await page.locator('#token').fill(token);
  await page.locator('.signin-card button[type=submit]').click();
  await page.locator('nav.tabs').waitFor();
}

/** The screens the navigation offers the signed-in user, in its order (so a new screen is covered by itself). */
export async function navScreens(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(
    `[...document.querySelectorAll('nav.tabs a[data-screen]')].map((a) => a.getAttribute('data-screen') ?? '')`,
  );
}

/**
 * Waits until an expression is true in the page. Expressions are evaluated through the DevTools protocol, which
 * the page's Content-Security-Policy (no eval, as the query service serves it) does not stop, unlike
 * `page.waitForFunction` with a string.
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  await pollUntil(() => page.evaluate<boolean>(expression), { intervalMs: 100, timeoutMs }).catch((error: unknown) => {
    throw new Error(`waited ${timeoutMs} ms for ${expression}`, { cause: error });
  });
}

/** Switches the page's language with its own switch, and waits until the document says it is in that language. */
export async function switchLanguage(page: Page, lang: 'lv' | 'en'): Promise<void> {
  await page.locator(`.lang-switch button[lang="${lang}"]`).click();
  await waitForExpression(page, `document.documentElement.lang === ${JSON.stringify(lang)}`);
}

/**
 * Waits until the current screen is drawn: the screen's content has replaced the loading line (or an error
 * box stands in its place) and every chart has its canvas. Works for any screen, so new screens need no entry.
 */
export async function screenReady(page: Page, screen?: string): Promise<void> {
  // The tab marked current changes in the same task that replaces the screen with its loading line.
  const current =
    screen === undefined
      ? 'true'
      : `document.querySelector('nav.tabs a[aria-current="page"]')?.dataset.screen === ${JSON.stringify(screen)}`;
  await waitForExpression(
    page,
    `(() => {
      if (!${current}) return false;
      const content = document.querySelector('#content');
      if (!content || content.hasAttribute('data-stale') || content.querySelector('.loading')) return false;
      if (content.querySelector('.error-box')) return true;
      if (!content.querySelector('.screen')) return false;
      return [...content.querySelectorAll('.chart')].every((chart) => chart.querySelector('canvas'));
    })()`,
  );
}

/** Opens a screen by its address (with the current filters unless `query` is given) and waits for it. */
export async function openScreen(page: Page, screen: string, query?: string): Promise<void> {
  const current = new URL(page.url());
  const params = query ?? current.hash.split('?')[1] ?? '';
  const target = `${current.origin}/#/${screen}${params ? `?${params}` : ''}`;
  // The page redraws on the hash change in a later task: mark the content drawn so far, so that the wait below
  // cannot take the old screen (the same screen with other filters, say) for the new one.
  if (target !== page.url()) await page.evaluate("document.querySelector('#content')?.setAttribute('data-stale', '')");
  await page.goto(target);
  await screenReady(page, screen);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the current page. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Strings run in the page (this project has no DOM types). axe is evaluated once per document through the
  // DevTools protocol: a script tag would be refused by the query service's Content-Security-Policy.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>('axe.run().then((result) => result.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The page's scrolling width against its viewport width: equal when nothing scrolls sideways. */
export async function pageWidths(page: Page): Promise<{ scroll: number; client: number }> {
  return page.evaluate<{ scroll: number; client: number }>(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  );
}

/**
 * Records the text every canvas of the page draws from the next load on (ECharts draws axis ticks, labels and
 * legends with `fillText`, out of reach of the DOM), for `canvasTexts`. Installed through the DevTools protocol,
 * so the page's Content-Security-Policy does not stop it.
 */
export async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      const canvas = this.canvas;
      (canvas.__drawnText ??= new Set()).add(String(text));
      return fillText.call(this, text, ...rest);
    };
  })()`);
}

/** The texts drawn on the canvases inside the first element matching `selector` (see `recordCanvasText`). */
export async function canvasTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(
    `[...(document.querySelector(${JSON.stringify(selector)})?.querySelectorAll('canvas') ?? [])].flatMap((c) => [...(c.__drawnText ?? [])])`,
  );
}

/**
 * The colours (RGB, 0–255) a screenshot of the page shows at points of a clip (CSS pixels, device scale 1), for
 * what only the rendering can tell (a shadow's strength). The PNG is decoded in the page itself, from bytes, so
 * no image library and no request that a Content-Security-Policy could refuse.
 */
export async function pixelsAt(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
  points: readonly (readonly [number, number])[],
): Promise<[number, number, number][]> {
  const png = (await page.screenshot({ clip })).toString('base64');
  return page.evaluate<[number, number, number][]>(`(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(png)}), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return ${JSON.stringify(points)}.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)]);
  })()`);
}

/** Perceived lightness of an RGB colour, 0 (black) to 255 (white). */
export const lightness = ([r, g, b]: readonly [number, number, number]): number => 0.299 * r + 0.587 * g + 0.114 * b;

/** A text a canvas drew: where (CSS pixels of the canvas, after its transform) and how it was aligned. */
export interface DrawnText {
  text: string;
  x: number;
  y: number;
  align: string;
  /** The fill style and font it was drawn in ("#b42318", "bold 12px …"). */
  fill: string;
  font: string;
}

/**
 * Records where every canvas of the page draws each text from the next load on, for `canvasTextsAt`: what only
 * positions can tell, such as one axis name drawn over its neighbour. Repeated draws of a text at one place are
 * kept once.
 */
export async function recordCanvasTextAt(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
      const m = this.getTransform();
      const ratio = this.canvas.width / (this.canvas.clientWidth || this.canvas.width);
      const at = {
        text: String(text),
        x: Math.round((m.a * x + m.c * y + m.e) / ratio),
        y: Math.round((m.b * x + m.d * y + m.f) / ratio),
        align: this.textAlign,
        fill: String(this.fillStyle),
        font: this.font,
      };
      (this.canvas.__drawnAt ??= new Map()).set(JSON.stringify(at), at);
      return fillText.call(this, text, x, y, ...rest);
    };
  })()`);
}

/** The texts, with their places, drawn on the canvases inside the first element matching `selector`. */
export async function canvasTextsAt(page: Page, selector: string): Promise<DrawnText[]> {
  return page.evaluate<DrawnText[]>(
    `[...(document.querySelector(${JSON.stringify(selector)})?.querySelectorAll('canvas') ?? [])].flatMap((c) => [...(c.__drawnAt?.values() ?? [])])`,
  );
}
