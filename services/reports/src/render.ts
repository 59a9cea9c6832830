/**
 * Prints the monthly report from the dashboard itself, so the report and the screen never disagree: headless
 * Chromium (playwright-core, Debian's /usr/bin/chromium) opens the dashboard served by the query service with
 * the report's month and office in the address, signed in by placing the token where the dashboard keeps it
 * (sessionStorage `servq.token`, language in localStorage `servq.lang`), and waits until each screen is drawn.
 * Each drawn screen is set aside in the page (its charts as images of their canvases), and the screens are then
 * printed together as one A4 document, so a screen starts below the last one's end, not on a page of its own:
 * printed one by one, each screen's last page was left mostly blank. The outline has an entry per screen, named
 * as the dashboard's tab names it, at the page Chromium printed its title on. Renders run one at a time:
 * Chromium is the heaviest thing on the machine.
 */
import { dashboardLink, type Screen } from '@servq/contracts';
import type { Lang } from '@servq/query-api';
import { pollUntil } from '@servq/runtime';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ReportsError, ReportsErrorCode } from './errors.ts';
import { monthRange, monthTitle, type Month } from './month.ts';
import { addOutline, readOutline, type OutlineEntry } from './outline.ts';

export interface ReportRequest {
  month: Month;
  /** Undefined: the whole agency. */
  office?: string | undefined;
  lang: Lang;
}

export interface RendererOptions {
  dashboardUrl: string;
  token: string;
  chromiumPath: string;
  timeoutMs: number;
}

/** The dashboard's storage keys (dashboards/web/src/session.ts and main.ts). */
const TOKEN_KEY = 'servq.token';
const LANG_KEY = 'servq.lang';

/**
 * The screens a management report holds, in order: headline figures and drivers; the offices side by side (waits,
 * response times and the legal deadline per office, so management sees where a figure comes from and an office
 * head, whose office the screen highlights, how it compares); equal service; deadlines.
 */
export const REPORT_SCREENS: readonly Screen[] = ['overview', 'offices', 'equal', 'complaints'];

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** True once the current screen has replaced its loading line and every chart has its canvas (or an error shows). */
function screenReadyExpression(screen: Screen): string {
  return `(() => {
    if (document.querySelector('nav.tabs a[aria-current="page"]')?.dataset.screen !== ${JSON.stringify(screen)}) return false;
    const content = document.querySelector('#content');
    if (!content || content.querySelector('.loading')) return false;
    if (content.querySelector('.error-box')) return true;
    if (!content.querySelector('.screen')) return false;
    return [...content.querySelectorAll('.chart')].every((chart) => chart.querySelector('canvas'));
  })()`;
}

/**
 * Sets the drawn screen aside in a hidden element beside the app's root, which the dashboard redraws on the next
 * address: its title and content (the first screen also its header and freshness line), each chart's canvas
 * replaced by an image of it at its drawn size (a copied canvas is blank).
 */
function setAsideExpression(first: boolean): string {
  return `(() => {
    const root = document.getElementById('app') ?? document.body;
    let stash = document.getElementById('report-stash');
    if (!stash) {
      stash = document.createElement('div');
      stash.id = 'report-stash';
      stash.hidden = true;
      document.documentElement.append(stash);
    }
    const parts = ${first}
      ? [...root.children].filter((el) => !el.classList.contains('skip-link'))
      : [root.querySelector('.page-title'), root.querySelector('#content')].filter(Boolean);
    for (const part of parts) {
      const copy = part.cloneNode(true);
      const drawn = [...part.querySelectorAll('canvas')];
      [...copy.querySelectorAll('canvas')].forEach((canvas, i) => {
        const original = drawn[i];
        const box = original.getBoundingClientRect();
        const image = document.createElement('img');
        image.src = original.toDataURL('image/png');
        image.alt = '';
        image.style.cssText = 'display:block;width:' + box.width + 'px;height:' + box.height + 'px';
        canvas.replaceWith(image);
      });
      if (copy.id === 'content') copy.removeAttribute('id');
      stash.append(copy);
    }
    return true;
  })()`;
}

/** Puts the screens set aside in the app's root, in order, for printing. */
const SHOW_SET_ASIDE = `(() => {
  const root = document.getElementById('app') ?? document.body;
  const stash = document.getElementById('report-stash');
  root.replaceChildren(...stash.childNodes);
  stash.remove();
  return true;
})()`;

/**
 * The report's outline: each screen at the page Chromium printed its title on (the first heading of that name
 * after the previous screen's). `addOutline` puts it in place of Chromium's own outline of every heading.
 */
function screenEntries(doc: PDFDocument, titles: readonly string[]): OutlineEntry[] {
  const headings = readOutline(doc);
  let from = 0;
  return titles.map((title) => {
    const at = headings.findIndex((h, i) => i >= from && h.title.trim() === title);
    if (at < 0) throw new ReportsError(ReportsErrorCode.RenderFailed, `the printed report has no heading "${title}"`);
    from = at + 1;
    return { title, pageIndex: headings[at]!.pageIndex };
  });
}

const TITLE: Record<Lang, string> = { lv: 'Mēneša vadības pārskats', en: 'Monthly management report' };
const AGENCY: Record<Lang, string> = { lv: 'Visa ATD', en: 'Whole agency' };

/** The report's name, as its PDF metadata and every page's header give it. */
function reportTitle(request: ReportRequest, officeName: string | undefined): string {
  return `${TITLE[request.lang]} · ${monthTitle(request.month, request.lang)} · ${officeName ?? AGENCY[request.lang]}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class Renderer {
  private browser: Browser | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RendererOptions) {}

  async start(): Promise<void> {
    this.browser = await chromium.launch({ executablePath: this.options.chromiumPath, headless: true, args: FLAGS });
  }

  async stop(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.browser?.close();
    this.browser = undefined;
  }

  /** The report as one PDF; `officeName` is printed in the page header. */
  render(request: ReportRequest, officeName: string | undefined): Promise<Uint8Array> {
    const run = this.queue.then(() => this.renderNow(request, officeName));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(request: ReportRequest, officeName: string | undefined): Promise<Uint8Array> {
    const browser = this.browser;
    if (!browser) throw new ReportsError(ReportsErrorCode.ShuttingDown, 'the renderer is not running');
    const context = await browser.newContext({
      locale: request.lang === 'lv' ? 'lv-LV' : 'en-GB',
      timezoneId: 'Europe/Riga',
      // About A4's printable width, so charts are drawn at the width they are printed at.
      viewport: { width: 760, height: 1075 },
    });
    try {
      await context.addInitScript({
        content: `sessionStorage.setItem(${JSON.stringify(TOKEN_KEY)}, ${JSON.stringify(this.options.token)});
localStorage.setItem(${JSON.stringify(LANG_KEY)}, ${JSON.stringify(request.lang)});`,
      });
      const { pdf, titles } = await this.printScreens(context, request, officeName);
      const report = await PDFDocument.load(pdf);
      report.setTitle(reportTitle(request, officeName));
      report.setLanguage(request.lang);
      report.setProducer('servq reports');
      addOutline(report, screenEntries(report, titles));
      // Page numbers over the whole report: Chromium's footer would count each screen's pages on their own.
      const font = await report.embedFont(StandardFonts.Helvetica);
      const pages = report.getPages();
      pages.forEach((page, i) => {
        const label = `${i + 1} / ${pages.length}`;
        page.drawText(label, {
          x: page.getWidth() - 34 - font.widthOfTextAtSize(label, 8),
          y: 20,
          size: 8,
          font,
          color: rgb(0.3, 0.3, 0.3),
        });
      });
      return await report.save();
    } catch (error) {
      if (error instanceof ReportsError) throw error;
      throw new ReportsError(
        ReportsErrorCode.RenderFailed,
        `the report could not be printed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    } finally {
      await context.close();
    }
  }

  private async printScreens(
    context: BrowserContext,
    request: ReportRequest,
    officeName: string | undefined,
  ): Promise<{ pdf: Buffer; titles: string[] }> {
    const page = await context.newPage();
    try {
      page.setDefaultTimeout(this.options.timeoutMs);
      const { from, to } = monthRange(request.month);
      const titles: string[] = [];
      for (const [i, screen] of REPORT_SCREENS.entries()) {
        await page.goto(
          dashboardLink(this.options.dashboardUrl, { screen, from, to, grain: 'week', office: request.office }),
        );
        // Evaluated through the DevTools protocol: the dashboard's Content-Security-Policy forbids eval.
        await pollUntil(() => page.evaluate<boolean>(screenReadyExpression(screen)), {
          intervalMs: 100,
          timeoutMs: this.options.timeoutMs,
        });
        const failed = await page.evaluate<string | null>(
          "document.querySelector('#content .error-box')?.textContent ?? null",
        );
        if (failed !== null) {
          throw new ReportsError(
            ReportsErrorCode.RenderFailed,
            `the dashboard's ${screen} screen showed an error: ${failed}`,
          );
        }
        // The screen's name as the dashboard's tab writes it, in the report's language: the outline's entry.
        const title = await page.evaluate<string>(
          "document.querySelector('nav.tabs a[aria-current=\"page\"]')?.textContent?.trim() ?? ''",
        );
        titles.push(title || screen);
        await page.evaluate<boolean>(setAsideExpression(i === 0));
      }
      await page.evaluate<boolean>(SHOW_SET_ASIDE);
      await page.emulateMedia({ media: 'print' });
      const title = reportTitle(request, officeName);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:9px;width:100%;padding:0 12mm;font-family:sans-serif">${escapeHtml(title)}</div>`,
        footerTemplate: '<div></div>',
        margin: { top: '16mm', bottom: '14mm', left: '10mm', right: '10mm' },
        // Chromium's bookmarks from the headings: where each screen's title was printed (see screenEntries).
        outline: true,
        tagged: true,
      });
      return { pdf, titles };
    } finally {
      await page.close();
    }
  }
}
