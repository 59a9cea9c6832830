/**
 * Monthly reports, end to end: a month of demo events goes through ingest, the lander and the query service
 * (which serves the built dashboard); the reports service prints that month from the dashboard in Debian's
 * Chromium. The PDF opens, holds text (pdfjs-dist extracts it), is in the language asked for, and its headline
 * figures are the query API's for the same month and office; an office token gets its own office only. For a
 * given "now" the schedule mails each subscriber exactly one e-mail with the PDF attached through Mailpit, and a
 * restarted service (same markers in S3) sends nothing again. The weekly deadline digest: with the mail server
 * down nothing is sent or marked; once it is up each office head (and the agency) gets one mail whose case ids
 * and due dates are the query API's /v1/complaints/due for their office, in a plain-text part and an HTML
 * alternative (a table, drawn in Chromium on a desktop and a phone), and a restart sends nothing. The PDFs, a PNG
 * of page 1 (and of the Offices pages), the digests' text and HTML and the HTML's screenshots go to test/artifacts/reports/ (git-ignored). The dashboard's Reports
 * screen, served by the query service, which forwards /v1/reports* to this reports service, downloads an office
 * head's month as that office's PDF.
 * The test builds nothing: `pnpm --filter @servq/dashboard build` must have run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { loadSharedConfig } from '@servq/config';
import { addDays, addWorkingDays, rigaDate, rigaDateTimeToInstant } from '@servq/contracts';
import { createS3Client, readMarker, writeMarker } from '@servq/lake';
import { createMailer } from '@servq/mail';
import {
  DueAnswer,
  MetricsAnswer,
  monthsBefore,
  OFFICE_TREND_MONTHS,
  OFFICES_METRICS,
  QueryAnswer,
  ReferenceAnswer,
  verdictOf,
  writtenDate,
  writtenWeek,
  type Figure,
  type QueryCell,
} from '@servq/query-api';
import { pollUntil } from '@servq/runtime';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAND_COLOUR, OWN_ROW } from '../dashboards/web/src/charts/chart.options.ts';
import { formatNumber, formatValue } from '../dashboards/web/src/format.ts';
import { t } from '../dashboards/web/src/i18n.ts';
import { HEADLINE_METRICS } from '../dashboards/web/src/shapes/tiles.shape.ts';
import { eventFactory } from '../infra/demo/event.factory.ts';
import { sendEvents } from '../infra/demo/ingest.sender.ts';
import { demoYear } from '../infra/demo/year.events.ts';
import { buildReportsService, type ReportsService } from '../services/reports/src/app.ts';
import { TokenEntry } from '../services/reports/src/config.ts';
import { DigestScheduler } from '../services/reports/src/digest.ts';
import { dueMonth, firstWorkingDay, monthRange, monthTitle, previousMonth } from '../services/reports/src/month.ts';
import { querySource } from '../services/reports/src/query.source.ts';
import { Renderer } from '../services/reports/src/render.ts';
import { dueWeek, firstWorkingDayOfWeek } from '../services/reports/src/week.ts';
import {
  axeViolations,
  CHROMIUM,
  DESKTOP,
  distDir,
  openBrowser,
  openScreen,
  pageWidths,
  PHONE,
  requireBrowserAndDashboard,
  signIn,
  switchLanguage,
} from './support/browser.ts';
import { freePort, repoRoot } from './support/services.ts';
import { seedStack } from './support/seed.ts';
import { startStack, type Stack } from './support/stack.ts';

const MANAGEMENT = 'servq-dev-management-token';
const OFFICE_CESIS = 'servq-dev-office-cesis-token';
const MAIL_API = `http://${process.env.SERVQ_MAIL_HTTP_ADDR ?? '127.0.0.1:8025'}`;
const SMTP_URL = `smtp://${process.env.SERVQ_MAIL_SMTP_ADDR ?? '127.0.0.1:1025'}`;
const artifacts = join(repoRoot, 'test/artifacts/reports');
/** pdfjs-dist's own copies of the standard PDF fonts (the page numbers are Helvetica). */
const STANDARD_FONTS = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
/** The dev tokens' hashes (infra/local/dev.env.example), as the service is configured. */
const TOKENS = TokenEntry.array().parse(JSON.parse(process.env.REPORTS_TOKENS ?? '[]'));

/** A PDF's text, and each page's text items with their height on the page (y, from the bottom). */
async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string; pageItems: PageItem[][] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  const pageItems: PageItem[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pageItems.push(
      content.items.flatMap((item) =>
        'str' in item
          ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }]
          : [],
      ),
    );
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: pageItems.map((items) => items.map((i) => i.str).join(' ')).join(' '), pageItems };
}

/** A PDF's outline as a viewer lists it: each entry's title and the 0-based page it opens. */
async function pdfOutline(pdf: Uint8Array): Promise<{ title: string; page: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  const entries = [];
  for (const item of (await doc.getOutline()) ?? []) {
    const dest = (typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest) ?? [];
    entries.push({
      title: item.title,
      page: await doc.getPageIndex(dest[0] as Parameters<typeof doc.getPageIndex>[0]),
    });
  }
  await doc.destroy();
  return entries;
}

interface PageItem {
  str: string;
  /** Where the text starts and its width, in PDF points. */
  x: number;
  y: number;
  width: number;
}

/**
 * A4's width in PDF points and the page's left and right margins: print.css's @page margin (12 mm), which the
 * printed pages keep (measured: the header's rule starts 34 pt from the edge) over the renderer's 10 mm.
 */
const A4_WIDTH = 595.28;
const SIDE_MARGIN = (12 / 25.4) * 72;

/**
 * Regression: the freshness line on the first page ("Sinhronizēts: … (0 min)") ran to the right edge of the page's
 * margin. Its line ends inside the page's content width, inset from that edge at least as far as the header's
 * other text (the top bar's brand, the screen's title under it) is inset from the left one.
 */
function expectFreshnessInsideHeader(items: readonly PageItem[], synced: string, title: string): void {
  const at = items.find((item) => item.str.includes(synced));
  expect(at, `"${synced}" on the first page`).toBeDefined();
  // Its line: the texts a point or two from its baseline (the bold figures are items of their own).
  const line = items.filter((item) => Math.abs(item.y - at!.y) <= 2 && item.str.trim() !== '');
  const right = Math.max(...line.map((item) => item.x + item.width));
  const heading = items.find((item) => item.str.trim() === title);
  expect(heading, `the screen's title "${title}" on the first page`).toBeDefined();
  const inset = heading!.x - SIDE_MARGIN;
  // The title is inset as the header's text is (24 CSS px, 18 pt), not flush with the margin.
  expect(inset).toBeGreaterThan(10);
  const contentRight = A4_WIDTH - SIDE_MARGIN;
  // 3 pt for the glyphs' side bearings: before the fix the line ended at 562 pt, past the content's 561.
  expect({ right: Math.round(right), within: right <= contentRight - inset + 3 }).toEqual({
    right: Math.round(right),
    within: true,
  });
}

/** Without any kind of space, so "1 234,5 %" and "1234,5%" compare equal. */
const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '');

/** A loopback port nothing listens on: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface MailSummary {
  ID: string;
  Subject: string;
}

async function mailsTo(address: string): Promise<MailSummary[]> {
  const res = await fetch(`${MAIL_API}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=50`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: MailSummary[] }).messages;
}

describe('monthly reports: printed from the dashboard, mailed once on the first working day', () => {
  let stack: Stack;
  let service: ReportsService;
  const now = new Date();
  const month = previousMonth(rigaDate(now).slice(0, 7));
  const { from, to } = monthRange(month);
  const s3Config = loadSharedConfig(process.env).s3;
  const s3 = createS3Client(s3Config);
  let markerPrefix = '';
  let catalogue: MetricsAnswer['metrics'];
  let cesisName = '';
  let referenceData: ReferenceAnswer;
  const reportsPort = freePort();

  const build = async (clock: Date) =>
    buildReportsService(
      {
        tokens: TOKENS,
        scheduleIntervalMs: 3_600_000,
        markerPrefix,
        logger: { level: 'warn' },
      },
      {
        renderer: new Renderer({
          dashboardUrl: stack.queryUrl,
          token: MANAGEMENT,
          chromiumPath: CHROMIUM,
          timeoutMs: 30_000,
        }),
        mailer: createMailer({
          smtpUrl: SMTP_URL,
          from: 'servq-reports@atd.invalid',
          timeoutMs: 10_000,
          idDomain: 'e2e',
        }),
        query: querySource({ url: stack.queryUrl, token: MANAGEMENT, timeoutMs: 10_000 }),
        markers: {
          has: async (key) => (await readMarker(s3, s3Config.bucket, key)) !== null,
          put: (key, body) => writeMarker(s3, s3Config.bucket, key, body),
        },
        subscribers: [
          { id: 'agency', email: `agency-${stack.names.runId}@e2e.invalid`, language: 'lv' },
          { id: 'head-cesis', email: `cesis-${stack.names.runId}@e2e.invalid`, language: 'en', office: 'cesis' },
        ],
        now: () => clock,
      },
    );

  async function report(query: string, token = MANAGEMENT): Promise<Response> {
    const answer = await service.http.inject({
      method: 'GET',
      url: `/v1/reports/monthly?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    return new Response(new Uint8Array(answer.rawPayload), {
      status: answer.statusCode,
      headers: { 'content-type': String(answer.headers['content-type']) },
    });
  }

  beforeAll(async () => {
    requireBrowserAndDashboard();
    expect(TOKENS.length, 'REPORTS_TOKENS (the dev token hashes) must be in the environment').toBeGreaterThan(0);
    mkdirSync(artifacts, { recursive: true });
    stack = await startStack('reports', {
      flushMs: 1500,
      syncMs: 500,
      // The dashboard's Reports screen reaches this test's reports service through the query origin.
      queryEnv: {
        QUERY_DASHBOARD_DIR: distDir,
        QUERY_LOG_LEVEL: 'warn',
        QUERY_REPORTS_URL: `http://127.0.0.1:${reportsPort}`,
      },
    });
    markerPrefix = `${stack.names.lakePrefix.replace(/lake\/$/, '')}reports/sent/`;
    // The twelve months an office's report draws month by month, the report month last (about 110,000 events): with
    // one month seeded, the office's monthly band had a single point and no test image showed it over real months.
    const events = demoYear({ seed: 2026, endDate: to, months: OFFICE_TREND_MONTHS, now });
    await seedStack(stack, events, 240_000);
    const surveys = events.filter((e) => e.type === 'survey.submitted').length;
    await pollUntil(
      async () => {
        const res = await fetch(
          `${stack.queryUrl}/v1/query?metrics=surveys_answered&from=${events[0]!.occurred_at.slice(0, 10)}&to=${to}`,
          {
            headers: { authorization: `Bearer ${MANAGEMENT}` },
          },
        );
        if (!res.ok) return false;
        return (QueryAnswer.parse(await res.json()).rows[0]?.surveys_answered as Figure | undefined)?.n === surveys;
      },
      { intervalMs: 500, timeoutMs: 60_000 },
    );
    const res = await fetch(`${stack.queryUrl}/v1/metrics`, { headers: { authorization: `Bearer ${MANAGEMENT}` } });
    catalogue = MetricsAnswer.parse(await res.json()).metrics;
    const reference = await fetch(`${stack.queryUrl}/v1/reference`, {
      headers: { authorization: `Bearer ${MANAGEMENT}` },
    });
    referenceData = ReferenceAnswer.parse(await reference.json());
    cesisName = referenceData.offices.find((o) => o.id === 'cesis')!.name.lv;
    service = await build(now);
    await service.start();
    await service.http.listen({ host: '127.0.0.1', port: reportsPort });
  }, 420_000);

  afterAll(async () => {
    await service?.stop();
    await stack?.stop();
    s3.destroy();
  });

  /** The headline figures the API gives for the month, of one office or of all. */
  async function monthRow(office?: string): Promise<Record<string, QueryCell>> {
    const params = new URLSearchParams({ metrics: HEADLINE_METRICS.join(','), from, to });
    if (office) params.set('filter.office', office);
    const res = await fetch(`${stack.queryUrl}/v1/query?${params.toString()}`, {
      headers: { authorization: `Bearer ${MANAGEMENT}` },
    });
    return QueryAnswer.parse(await res.json()).rows[0] ?? {};
  }

  /** Every headline figure the API gives for the month and office appears in the PDF as the dashboard writes it. */
  async function expectHeadlinesEqualApi(text: string, lang: 'lv' | 'en', office?: string): Promise<number> {
    const row = await monthRow(office);
    let checked = 0;
    for (const id of HEADLINE_METRICS) {
      const figure = row[id] as Figure | undefined;
      const unit = catalogue.find((m) => m.id === id)?.unit;
      if (!figure || figure.suppressed || figure.value === null || !unit) continue;
      const shown = formatNumber(unit, figure.value, lang);
      expect({ id, shown, inPdf: squash(text).includes(squash(shown)) }).toEqual({ id, shown, inPdf: true });
      checked += 1;
    }
    return checked;
  }

  /**
   * The Equal service screen's section headings ("By service language") are never left alone at the foot of a
   * page: on the heading's page, a card titled with a metric's name follows it.
   */
  function expectSectionHeadingsWithTheirCards(pageItems: PageItem[][], lang: 'lv' | 'en'): void {
    const headings = {
      lv: ['Pēc apkalpošanas valodas', 'Pēc apkalpošanas kanāla'],
      en: ['By service language', 'By channel of the service'],
    }[lang];
    for (const heading of headings.map((h) => h.toLocaleUpperCase(lang))) {
      // Printed in capitals (the heading's style); the intro's lower-case mention does not count.
      const page = pageItems.find((items) => items.some((i) => i.str.includes(heading)));
      expect(page, heading).toBeDefined();
      const y = page!.find((i) => i.str.includes(heading))!.y;
      // A card's title is a text item of its own, a metric's name; a note that mentions one does not count.
      const titlesBelow = page!.filter((i) => i.y < y && catalogue.some((m) => i.str.trim() === m.label[lang]));
      expect({ heading, followedByACard: titlesBelow.length > 0 }).toEqual({ heading, followedByACard: true });
    }
  }

  function expectLanguage(text: string, lang: 'lv' | 'en'): void {
    const other = lang === 'lv' ? 'en' : 'lv';
    const csat = catalogue.find((m) => m.id === 'csat')!;
    expect(text).toContain(csat.label[lang]);
    if (csat.label[other] !== csat.label[lang]) expect(text).not.toContain(csat.label[other]);
  }

  async function savePng(pdf: Uint8Array, name: string): Promise<void> {
    const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 1.5 });
    // pdfjs-dist draws on @napi-rs/canvas in Node; its factory hands out canvases of that kind.
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(viewport.width, viewport.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    writeFileSync(join(artifacts, name), canvas.toBuffer('image/png'));
    await doc.destroy();
  }

  it("prints an office's month in Latvian by default, with text and the API's headline figures", async () => {
    const res = await report(`month=${month}&office=cesis`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    writeFileSync(join(artifacts, `report-${month}-cesis-lv.pdf`), pdf);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { pages, text, pageItems } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expectSectionHeadingsWithTheirCards(pageItems, 'lv');
    // The deadline list's window picker is a form control; on paper the counts beside it state the window.
    expect(pageItems.flat().filter((i) => i.str.trim() === 'Termiņš')).toEqual([]);
    expect(text.length).toBeGreaterThan(500);
    expectLanguage(text, 'lv');
    expect(text).toContain(cesisName);
    // Each page's header names the month in words ("2026. gada novembris"), not as YYYY-MM.
    expect(text).toContain(monthTitle(month, 'lv'));
    expect(await expectHeadlinesEqualApi(text, 'lv', 'cesis')).toBeGreaterThanOrEqual(4);
    expectFreshnessInsideHeader(pageItems[0]!, 'Sinhronizēts', 'Pārskats');
    await savePng(pdf, `report-${month}-cesis-lv.page1.png`);
  }, 60_000);

  it("prints the whole agency's month in English on request", async () => {
    const res = await report(`month=${month}&lang=en`);
    expect(res.status).toBe(200);
    const pdf = new Uint8Array(await res.arrayBuffer());
    writeFileSync(join(artifacts, `report-${month}-atd-en.pdf`), pdf);
    const { text, pageItems } = await pdfText(pdf);
    expectLanguage(text, 'en');
    expectSectionHeadingsWithTheirCards(pageItems, 'en');
    expect(await expectHeadlinesEqualApi(text, 'en')).toBeGreaterThanOrEqual(4);
    expectFreshnessInsideHeader(pageItems[0]!, 'Synced', 'Overview');
    // Regression: the deadline list repeated "10 working days (received from 1 March 2026)" on every row, five
    // lines each on paper; the rule most complaints share is said once, in the list's note.
    expect(text).toMatch(/[Dd]eadlines follow the rule/);
    // The Offices screen's key to its targets names the legal rules once, beside the internal answer target.
    const complaints = pageOf(pageItems, `${t('en', 'navComplaints')}${writtenDate(from, 'en')}`);
    const listText = pageItems
      .slice(complaints)
      .flat()
      .map((i) => i.str)
      .join(' ');
    expect(listText.split('received from 1 March 2026').length - 1).toBeLessThanOrEqual(1);
    await savePng(pdf, `report-${month}-atd-en.page1.png`);
  }, 60_000);

  /** The page (0-based) where a text first appears, squashed as the PDF's lines wrap it. */
  const pageOf = (pageItems: PageItem[][], needle: string) =>
    pageItems.findIndex((items) => squash(items.map((i) => i.str).join('')).includes(squash(needle)));

  // Regression: the report had no Offices screen, so neither management (where is a figure off?) nor an office
  // head (how does my office compare?) could read the offices' waits and legal-deadline shares side by side.
  it('prints the offices side by side after the overview, each office metric a chart, for the agency and for one office; the outline opens each screen', async () => {
    for (const [lang, office] of [
      ['lv', undefined],
      ['en', 'cesis'],
    ] as const) {
      const res = await report(`month=${month}&lang=${lang}${office ? `&office=${office}` : ''}`);
      expect(res.status).toBe(200);
      const pdf = new Uint8Array(await res.arrayBuffer());
      writeFileSync(join(artifacts, `report-${month}-${office ?? 'atd'}-${lang}.pdf`), pdf);
      const { pageItems } = await pdfText(pdf);
      const offices = pageOf(pageItems, t(lang, 'officesIntro'));
      const equal = pageOf(pageItems, t(lang, 'equalIntro').slice(0, 60));
      // A viewer's bookmarks: each screen by its tab's name, opening the page of its heading (the name and the
      // range's first date; pdf.js hands "Offices" over in pieces, its "ffi" a ligature).
      const heading = (key: 'navOverview' | 'navOffices' | 'navEqual' | 'navComplaints') =>
        pageOf(pageItems, `${t(lang, key)}${writtenDate(from, lang)}`);
      const screens = (['navOverview', 'navOffices', 'navEqual', 'navComplaints'] as const).map((key) => ({
        title: t(lang, key),
        page: heading(key),
      }));
      expect(screens.map((x) => x.page)).toEqual([0, offices, equal, screens[3]!.page]);
      expect(await pdfOutline(pdf)).toEqual(screens);
      // Regression: each screen was printed on its own, its last page left mostly blank (the agency's fourth page
      // held one chart). The screens now run on, so in the agency's report some screen's title shares a page with
      // the end of the one before it: text above the title, below the running header (over 800 pt up the page).
      // (Where a screen happens to end at a page's foot, as in this Cēsis report, the next starts a page.)
      const runsOn = screens.slice(1).some(({ title, page }) => {
        const head = pageItems[page]?.find((i) => i.str.trim() === title);
        return head !== undefined && pageItems[page]!.some((i) => i.y > head.y + 5 && i.y < 800 && i.str.trim() !== '');
      });
      if (office === undefined) expect({ lang, office, runsOn }).toEqual({ lang, office, runsOn: true });
      // Regression: the agency's Equal service screen started a page of its own, and the page before it held the
      // last Offices chart alone (44 % of the page used); the deadline list, longer than a page, left the Complaints
      // screen's tiles on a page of their own. No block that cannot split is more than half a page, so every page
      // but the last is at least half used.
      for (let page = 0; page < pageItems.length - 1; page++) {
        const used = Math.round((await pageUsed(pdf, page)) * 100);
        expect({ lang, office, page: page + 1, halfUsed: used >= 50 }).toEqual({
          lang,
          office,
          page: page + 1,
          halfUsed: true,
        });
      }
      expect({ lang, office, offices: offices > 0, beforeEqual: offices < equal }).toEqual({
        lang,
        office,
        offices: true,
        beforeEqual: true,
      });
      // The chart's office names are drawn on its canvas; each card's title, the metric's name, is text.
      const titles = new Set(
        pageItems
          .slice(offices, equal)
          .flat()
          .map((i) => i.str.trim()),
      );
      for (const id of OFFICES_METRICS) {
        const label = catalogue.find((m) => m.id === id)!.label[lang];
        expect({ lang, office, label, shown: titles.has(label) }).toEqual({ lang, office, label, shown: true });
      }
    }
  }, 90_000);

  /**
   * How many pixels of the given pages (0-based) are exactly `rgb`, drawn at 1.5×; each page is saved as
   * `<name>.page<n>.png` to the artifacts, to be looked at.
   */
  async function pixelsOf(
    pdf: Uint8Array,
    pages: readonly number[],
    rgb: readonly number[],
    name: string,
  ): Promise<number> {
    const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
    let count = 0;
    for (const index of pages) {
      const page = await doc.getPage(index + 1);
      const viewport = page.getViewport({ scale: 1.5 });
      const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
      const { canvas, context } = factory.create(viewport.width, viewport.height);
      await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
      const drawn = context as {
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      };
      const { data } = drawn.getImageData(0, 0, viewport.width, viewport.height);
      writeFileSync(join(artifacts, `${name}.page${index + 1}.png`), canvas.toBuffer('image/png'));
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) count += 1;
    }
    await doc.destroy();
    return count;
  }

  // Regression: in Cēsis's report every weekly point had too few responses (n = 2–14 against 30), so the head saw
  // the all-offices line only; its Offices charts drew Cēsis like any other office; and the wait and answer
  // targets were figures in each chart's note, never explained, the internal 5 working days never set beside the law.
  it("gives an office's report its own satisfaction by month, its targets explained and its row marked in the Offices charts", async () => {
    // The shade's colour, as the chart draws it (an opaque fill, so its pixels keep the exact value).
    const own = [1, 3, 5].map((i) => parseInt(OWN_ROW.slice(i, i + 2), 16));
    for (const [lang, office] of [
      ['lv', 'cesis'],
      ['en', undefined],
    ] as const) {
      const res = await report(`month=${month}&lang=${lang}${office ? `&office=${office}` : ''}`);
      expect(res.status).toBe(200);
      const pdf = new Uint8Array(await res.arrayBuffer());
      writeFileSync(join(artifacts, `report-${month}-${office ?? 'atd'}-${lang}.targets.pdf`), pdf);
      const { text, pageItems } = await pdfText(pdf);
      const csat = catalogue.find((m) => m.id === 'csat')!;
      const monthly = t(lang, 'officeYearTitle', {
        metric: csat.label[lang],
        office: office ? cesisName : '',
        months: OFFICE_TREND_MONTHS,
      });
      const note = t(lang, 'officeYearNote', { min: csat.minSample, tooFew: t(lang, 'tooFew') });
      expect({
        lang,
        office,
        monthly: squash(text).includes(squash(monthly)),
        note: squash(text).includes(squash(note)),
      }).toEqual({
        lang,
        office,
        monthly: office !== undefined,
        note: office !== undefined,
      });
      // The targets' key on the Offices screen: each target as the catalogue has it, what it counts (the 15
      // minutes of "served within the target wait"), and the internal answer target beside the legal deadline.
      const offices = pageOf(pageItems, t(lang, 'officesIntro'));
      const equal = pageOf(pageItems, t(lang, 'equalIntro').slice(0, 60));
      const officesText = squash(
        pageItems
          .slice(offices, equal)
          .flat()
          .map((i) => i.str)
          .join(''),
      );
      expect(officesText).toContain(squash(t(lang, 'targetsTitle')));
      for (const id of ['wait_p50', 'wait_within_target', 'response_p50'] as const) {
        const metric = catalogue.find((m) => m.id === id)!;
        const target = formatValue(metric.unit, metric.target.default, lang);
        expect({
          id,
          target,
          described: officesText.includes(squash(`${target}. ${metric.description[lang]}`)),
        }).toEqual({
          id,
          target,
          described: true,
        });
      }
      const answer = catalogue.find((m) => m.id === 'response_p50')!;
      const internal = t(lang, 'internalTarget', {
        target: formatValue(answer.unit, answer.target.default, lang),
        legal: referenceData.legalRules
          .map((r) => r.name[lang])
          .reverse()
          .join('; '),
      });
      expect(officesText).toContain(squash(internal));
      // The office's row is shaded in every Offices chart of its report, and in none of the agency's.
      const shaded = await pixelsOf(
        pdf,
        pageItems.map((_, i) => i).filter((i) => i >= offices && i < equal),
        own,
        `report-${month}-${office ?? 'atd'}-${lang}.offices`,
      );
      expect({ lang, office, shaded: shaded > 1000 }).toEqual({ lang, office, shaded: office !== undefined });
      // "Offices" is one word to a PDF reader, not "O" + the "ffi" ligature + "ces".
      expect(pageItems[offices]!.some((i) => i.str.trim() === t(lang, 'navOffices'))).toBe(true);
    }
  }, 90_000);

  /**
   * How much of a page's (0-based) height between its margins is used: down to its lowest drawn pixel that is not
   * white, above the bottom margin (which holds the page number), as a share of the space between the margins.
   */
  async function pageUsed(pdf: Uint8Array, index: number): Promise<number> {
    const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
    const page = await doc.getPage(index + 1);
    const viewport = page.getViewport({ scale: 1 });
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(viewport.width, viewport.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    const drawn = context as {
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number };
    };
    // The renderer's margins (render.ts): 16 mm at the top, 14 mm at the foot.
    const top = Math.ceil((16 / 25.4) * 72);
    const bottom = Math.floor(viewport.height - (14 / 25.4) * 72);
    const { data, width } = drawn.getImageData(0, top, Math.floor(viewport.width), bottom - top);
    await doc.destroy();
    for (let row = bottom - top - 1; row >= 0; row--) {
      for (let x = 0; x < width; x++) {
        const i = (row * width + x) * 4;
        if (data[i]! < 245 || data[i + 1]! < 245 || data[i + 2]! < 245) return (row + 1) / (bottom - top);
      }
    }
    return 0;
  }

  /** The office's CSAT month by month over the year to the report month's end, as the overview asks for it. */
  async function officeYear(office: string): Promise<QueryAnswer> {
    const params = new URLSearchParams({
      metrics: 'csat',
      dimensions: 'office',
      'filter.office': office,
      from: monthsBefore(to, OFFICE_TREND_MONTHS - 1),
      to,
      grain: 'month',
    });
    const res = await fetch(`${stack.queryUrl}/v1/query?${params.toString()}`, {
      headers: { authorization: `Bearer ${MANAGEMENT}` },
    });
    return QueryAnswer.parse(await res.json());
  }

  /**
   * How many pixels of a page (0-based), drawn at 1.5×, between two heights in PDF points (from the bottom) are
   * exactly `rgb`; the page is saved as `<name>.png` to the artifacts, to be looked at.
   */
  async function pixelsBetween(
    pdf: Uint8Array,
    index: number,
    span: { top: number; bottom: number },
    rgb: readonly number[],
    name: string,
  ): Promise<number> {
    const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
    const page = await doc.getPage(index + 1);
    const viewport = page.getViewport({ scale: 1.5 });
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(viewport.width, viewport.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    const drawn = context as { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    const y0 = Math.max(0, Math.floor(viewport.height - span.top * 1.5));
    const y1 = Math.min(viewport.height, Math.ceil(viewport.height - span.bottom * 1.5));
    const { data } = drawn.getImageData(0, y0, viewport.width, y1 - y0);
    writeFileSync(join(artifacts, `${name}.png`), canvas.toBuffer('image/png'));
    await doc.destroy();
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) count += 1;
    return count;
  }

  // Regression: the test seeded one month, so the office's monthly chart had one point and no band, and no test
  // image showed the band over real months. An office head's screen by month showed the year's charts as well, a
  // repeat of the range's own monthly charts above them.
  it("draws the office's own monthly band over the year in its report, and on its head's screen as the weeks' context", async () => {
    const answer = await officeYear('cesis');
    const banded = answer.rows.filter((row) => {
      const csat = row.csat as Figure | undefined;
      return csat !== undefined && !csat.suppressed && csat.interval !== null && csat.interval !== undefined;
    });
    expect(answer.rows.length).toBe(OFFICE_TREND_MONTHS);
    // Most of Cēsis's months hold the minimum sample; its weeks do not.
    expect(banded.length).toBeGreaterThanOrEqual(OFFICE_TREND_MONTHS / 2);
    const csat = catalogue.find((m) => m.id === 'csat')!;
    const mean = catalogue.find((m) => m.id === 'satisfaction_mean')!;

    // The report: the band's pale fill between the office's CSAT-by-month title and the next card's.
    const res = await report(`month=${month}&office=cesis`);
    const pdf = new Uint8Array(await res.arrayBuffer());
    writeFileSync(join(artifacts, `report-${month}-cesis-lv.year.pdf`), pdf);
    const { pageItems } = await pdfText(pdf);
    const yearTitle = (label: string) => (item: PageItem) => item.str.startsWith(label) && item.str.includes('—');
    const at = pageItems.findIndex((items) => items.some(yearTitle(csat.label.lv)));
    expect(at).toBeGreaterThan(0);
    const top = pageItems[at]!.find(yearTitle(csat.label.lv))!.y;
    const next = pageItems[at]!.find(yearTitle(mean.label.lv));
    const band = [1, 3, 5].map((i) => parseInt(BAND_COLOUR.slice(i, i + 2), 16));
    const fill = await pixelsBetween(
      pdf,
      at,
      { top, bottom: next?.y ?? 0 },
      band,
      `report-${month}-cesis-lv.year.page${at + 1}`,
    );
    // A 12-month band is tens of thousands of pixels at 1.5×; the legend's block of the same colour about 300.
    expect({ fill: fill > 5_000 }).toEqual({ fill: true });

    // The head's screen: by month (the screens' default) the range's charts are the office's own months, and the
    // year's are not repeated under them; by week, the year's months follow as the range's context.
    const browser = await openBrowser();
    const { page } = browser;
    try {
      await page.goto(stack.queryUrl);
      await signIn(page, OFFICE_CESIS);
      await openScreen(page, 'overview', `from=${monthsBefore(to, 4)}&to=${to}&grain=month`);
      await page.locator('.grid-2 .chart-card canvas').first().waitFor();
      expect(await page.locator('.office-year').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'overview-cesis-by-month-lv.png'), fullPage: true });
      await openScreen(page, 'overview', `from=${from}&to=${to}&grain=week`);
      const card = page.locator('.office-year .chart-card', { has: page.locator('h2', { hasText: csat.label.lv }) });
      await card.locator('canvas').waitFor();
      expect(await page.locator('#office-year').innerText()).toBe(
        t('lv', 'officeYearSection', { months: OFFICE_TREND_MONTHS }).toLocaleUpperCase('lv'),
      );
      // Its table holds the API's months, each figure with its n as the page writes it.
      const rows = await card.locator('tbody tr').allTextContents();
      expect(rows.length).toBe(OFFICE_TREND_MONTHS);
      answer.rows.forEach((row, i) => {
        const figure = row.csat as Figure;
        const shown = figure.suppressed ? t('lv', 'tooFew') : formatValue('share', figure.value, 'lv');
        const text = squash(rows[i] ?? '');
        expect({
          i,
          shown,
          n: figure.n,
          inRow: text.includes(squash(shown)) && text.includes(`n=${figure.n}`),
        }).toEqual({
          i,
          shown,
          n: figure.n,
          inRow: true,
        });
      });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(artifacts, 'overview-cesis-by-week-lv.png'), fullPage: true });
      await card.screenshot({ path: join(artifacts, 'overview-cesis-year-csat-lv.png') });
      await page.setViewportSize(PHONE);
      await openScreen(page, 'overview', `from=${from}&to=${to}&grain=week`);
      await card.locator('canvas').waitFor();
      const widths = await pageWidths(page);
      expect(widths.scroll).toBe(widths.client);
      await page.screenshot({ path: join(artifacts, 'overview-cesis-by-week-lv-phone.png'), fullPage: true });
      await card.screenshot({ path: join(artifacts, 'overview-cesis-year-csat-lv-phone.png') });
      expect(browser.pageErrors).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  // Regression: the Latvian deadline list's heading read "1 nokavētas" for one overdue complaint.
  it("heads the agency's Latvian deadline list with the API's overdue count in the form its number takes", async () => {
    const res = await report(`month=${month}&lang=lv`);
    expect(res.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    const due = await fetch(`${stack.queryUrl}/v1/complaints/due?within=5`, {
      headers: { authorization: `Bearer ${MANAGEMENT}` },
    });
    const n = DueAnswer.parse(await due.json()).counts.overdue;
    // Latvian reads 1, 21, 31 … (not 11) in the singular.
    const word = n % 10 === 1 && n % 100 !== 11 ? 'nokavēta' : 'nokavētas';
    expect(squash(text)).toContain(squash(`${n} ${word}, `));
  }, 60_000);

  it("downloads an office head's month from the dashboard's Reports screen as that office's PDF", async () => {
    const browser = await openBrowser();
    const { page } = browser;
    try {
      await page.goto(stack.queryUrl);
      await signIn(page, OFFICE_CESIS);
      await openScreen(page, 'reports');
      // An office head is offered their own office only; the report month is the last whole month.
      expect(await page.locator('#report-office option').allInnerTexts()).toEqual([cesisName]);
      expect(await page.locator('#report-month').inputValue()).toBe(month);
      expect(await page.locator('.month-list li').count()).toBeGreaterThanOrEqual(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#report-lang').selectOption('en');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.locator('#report-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`servq-${month}-cesis-en.pdf`);
      const file = join(artifacts, `dashboard-download-${month}-cesis-en.pdf`);
      await download.saveAs(file);
      const pdf = new Uint8Array(readFileSync(file));
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expectLanguage((await pdfText(pdf)).text, 'en');
      await page.locator('.report-done').waitFor();
      await page.screenshot({ path: join(artifacts, 'dashboard-reports-lv.png'), fullPage: true });
      await page.setViewportSize(PHONE);
      await openScreen(page, 'reports');
      const widths = await pageWidths(page);
      expect(widths.scroll).toBe(widths.client);
      await page.screenshot({ path: join(artifacts, 'dashboard-reports-lv-phone.png'), fullPage: true });
      // The screen in English too, phone then desktop.
      await switchLanguage(page, 'en');
      await openScreen(page, 'reports');
      expect({ en: await axeViolations(page) }).toEqual({ en: [] });
      await page.screenshot({ path: join(artifacts, 'dashboard-reports-en-phone.png'), fullPage: true });
      await page.setViewportSize(DESKTOP);
      await openScreen(page, 'reports');
      await page.screenshot({ path: join(artifacts, 'dashboard-reports-en.png'), fullPage: true });
      expect(browser.pageErrors).toEqual([]);
      expect(browser.consoleErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);

  it("prints the whole deadline list: in print no table's scroll box cuts rows or columns off", async () => {
    const browser = await openBrowser();
    const { page } = browser;
    try {
      // The renderer's width (render.ts): there five cases outgrew the list's 520 px box, and its Latvian
      // columns the page's 720 px.
      await page.setViewportSize({ width: 760, height: 1075 });
      await page.goto(stack.queryUrl);
      await signIn(page, MANAGEMENT);
      await openScreen(page, 'complaints', `from=${from}&to=${to}&grain=week`);
      const rows = await page.locator('.desk-card tbody tr').count();
      expect(rows).toBeGreaterThanOrEqual(3);
      await page.emulateMedia({ media: 'print' });
      const clipped = await page.evaluate(`[...document.querySelectorAll('#content .table-scroll')]
        .filter((box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1)
        .map((box) => box.getAttribute('aria-label') + ': ' + box.scrollWidth + '×' + box.scrollHeight
          + ' in ' + box.clientWidth + '×' + box.clientHeight)`);
      expect(clipped).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('refuses another office to an office token and names a bad month', async () => {
    const other = await report(`month=${month}&office=liepaja`, OFFICE_CESIS);
    expect(other.status).toBe(403);
    const bad = await report('month=2026-13');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { parameter: string }[] } }).error.details[0]?.parameter).toBe(
      'month',
    );
    const unauthenticated = await service.http.inject({ method: 'GET', url: `/v1/reports/monthly?month=${month}` });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it("mails each subscriber the month's PDF once on the first working day, its text first naming the headline figures off target, and not again after a restart", async () => {
    const thisMonth = rigaDate(now).slice(0, 7);
    const firstDay = rigaDateTimeToInstant(firstWorkingDay(thisMonth), '09:00');
    expect(dueMonth(firstDay)).toBe(month);
    const scheduled = await build(firstDay);
    await scheduled.start();
    try {
      expect((await scheduled.scheduler.tick(firstDay)).sort()).toEqual(['agency', 'head-cesis']);
    } finally {
      await scheduled.stop();
    }
    // A restart: a new service with the same markers in S3, an hour later.
    const restarted = await build(new Date(firstDay.getTime() + 3_600_000));
    await restarted.start();
    try {
      expect(await restarted.scheduler.tick(new Date(firstDay.getTime() + 3_600_000))).toEqual([]);
    } finally {
      await restarted.stop();
    }
    for (const [who, lang] of [
      [`agency-${stack.names.runId}@e2e.invalid`, 'lv'],
      [`cesis-${stack.names.runId}@e2e.invalid`, 'en'],
    ] as const) {
      let mails: MailSummary[] = [];
      await pollUntil(async () => (mails = await mailsTo(who)).length > 0, { intervalMs: 200, timeoutMs: 10_000 });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.Subject).toContain(monthTitle(month, lang));
      if (lang === 'en') expect(mails[0]!.Subject).toContain('Cēsis regional office');
      const message = (await (await fetch(`${MAIL_API}/api/v1/message/${mails[0]!.ID}`)).json()) as {
        Text: string;
        Attachments: { PartID: string; FileName: string; ContentType: string }[];
      };
      writeFileSync(
        join(artifacts, `report-mail-${month}-${lang === 'en' ? 'cesis' : 'atd'}-${lang}.txt`),
        message.Text,
      );
      // The paragraph after the title says what is off target: a headline figure is named there exactly when the
      // tiles' verdict on the API's figure for the month and office is "off".
      const attention = message.Text.replace(/\r\n/g, '\n').split('\n\n')[1] ?? '';
      const row = await monthRow(lang === 'en' ? 'cesis' : undefined);
      for (const id of HEADLINE_METRICS) {
        const info = catalogue.find((m) => m.id === id)!;
        const figure = row[id];
        const off =
          typeof figure === 'object' && figure !== null && verdictOf(figure, info.direction, info.unit) === 'off';
        expect({ id, named: attention.includes(`- ${info.label[lang]}: `) }).toEqual({ id, named: off });
      }
      expect(message.Attachments.map((a) => a.ContentType)).toEqual(['application/pdf']);
      const part = await fetch(`${MAIL_API}/api/v1/message/${mails[0]!.ID}/part/${message.Attachments[0]!.PartID}`);
      const { text } = await pdfText(new Uint8Array(await part.arrayBuffer()));
      expectLanguage(text, lang);
    }
  }, 90_000);

  it("mails each office head one deadline digest on the week's first working day, equal to /v1/complaints/due, retried through a mail outage and not sent again after a restart", async () => {
    const firstDay = firstWorkingDayOfWeek(rigaDate(now))!;
    const clock = rigaDateTimeToInstant(firstDay, '09:00');
    const week = dueWeek(clock)!.week;
    const within = 5;
    const address = (who: string) => `digest-${who}-${stack.names.runId}@e2e.invalid`;
    const heads = [
      { id: 'agency', email: address('agency'), language: 'lv' as const },
      { id: 'head-cesis', email: address('cesis'), language: 'en' as const, office: 'cesis' as const },
      { id: 'head-riga', email: address('riga'), language: 'lv' as const, office: 'riga-valnu-30' as const },
      { id: 'head-liepaja', email: address('liepaja'), language: 'lv' as const, office: 'liepaja' as const },
    ];
    // Two Liepāja complaints sent now, so the digest holds an overdue case and an extended one: both received 30
    // days ago; one never answered (its ten working days long past), the other extended to two working days from
    // today — due on the extension's own date, not the rule's longest extension (a month, already past). Sent in
    // the last test of the file: they fall in the report month and would change the monthly figures above.
    const today = rigaDate(new Date());
    const receivedAt = rigaDateTimeToInstant(addDays(today, -30), '10:00');
    const extendedTo = addWorkingDays(today, 2);
    const late = `c-digest-${stack.names.runId}-late`;
    const extended = `c-digest-${stack.names.runId}-ext`;
    const make = eventFactory(17);
    const received = { office_id: 'liepaja', form: 'written', category: 'waiting', language: 'lv' };
    const injected = await sendEvents(
      [
        make.event('complaint.received', receivedAt, 'email', { ...received, complaint_id: late }),
        make.event('complaint.received', receivedAt, 'email', { ...received, complaint_id: extended }),
        make.event('complaint.extended', new Date(receivedAt.getTime() + 86_400_000), 'email', {
          office_id: 'liepaja',
          complaint_id: extended,
          extension_reason: 'additional_information',
          new_due_date: extendedTo,
          notice_method: 'email',
        }),
      ],
      { baseUrl: stack.ingestUrl, apiKey: 'servq-dev-all-key' },
    );
    expect(injected.rejected, JSON.stringify(injected.firstRejections)).toBe(0);
    const dueFor = async (office: string | undefined) => {
      const params = new URLSearchParams({ within: String(within), limit: '1000' });
      if (office) params.set('filter.office', office);
      const res = await fetch(`${stack.queryUrl}/v1/complaints/due?${params.toString()}`, {
        headers: { authorization: `Bearer ${MANAGEMENT}` },
      });
      return DueAnswer.parse(await res.json());
    };
    await pollUntil(async () => (await dueFor('liepaja')).complaints.some((c) => c.id === extended), {
      intervalMs: 300,
      timeoutMs: 30_000,
    });

    const errors: string[] = [];
    const digest = (smtpUrl: string) => {
      const mailer = createMailer({ smtpUrl, from: 'servq-reports@atd.invalid', timeoutMs: 5_000, idDomain: 'e2e' });
      const scheduler = new DigestScheduler(
        {
          subscribers: heads,
          source: querySource({ url: stack.queryUrl, token: MANAGEMENT, timeoutMs: 10_000 }),
          mailer,
          markers: {
            has: async (key) => (await readMarker(s3, s3Config.bucket, key)) !== null,
            put: (key, body) => writeMarker(s3, s3Config.bucket, key, body),
          },
          logger: { info: () => undefined, error: (_fields, message) => errors.push(message) },
          dashboardUrl: stack.queryUrl,
        },
        { intervalMs: 3_600_000, markerPrefix, withinWorkingDays: within },
      );
      return { scheduler, mailer };
    };
    const run = async (smtpUrl: string, at: Date) => {
      const { scheduler, mailer } = digest(smtpUrl);
      try {
        return (await scheduler.tick(at)).sort();
      } finally {
        await scheduler.stop();
        mailer.close();
      }
    };

    // The mail server is down: nothing is sent and nothing is marked, each head's failure is logged.
    expect(await run(`smtp://127.0.0.1:${await closedPort()}`, clock)).toEqual([]);
    expect(errors).toHaveLength(heads.length);
    // It is back an interval later: every head gets the week's digest; a restart an hour on sends nothing.
    expect(await run(SMTP_URL, clock)).toEqual(heads.map((h) => h.id).sort());
    expect(await run(SMTP_URL, new Date(clock.getTime() + 3_600_000))).toEqual([]);

    let listed = 0;
    const texts = new Map<string, string>();
    const htmls = new Map<string, string>();
    for (const head of heads) {
      const api = await dueFor(head.office);
      let mails: MailSummary[] = [];
      await pollUntil(async () => (mails = await mailsTo(head.email)).length > 0, {
        intervalMs: 200,
        timeoutMs: 10_000,
      });
      expect(mails, head.id).toHaveLength(1);
      expect(mails[0]!.Subject).toContain(writtenWeek(week, head.language, 'title'));
      const { Text: text, HTML: html } = (await (await fetch(`${MAIL_API}/api/v1/message/${mails[0]!.ID}`)).json()) as {
        Text: string;
        HTML: string;
      };
      writeFileSync(join(artifacts, `digest-${week}-${head.id}.txt`), text);
      writeFileSync(join(artifacts, `digest-${week}-${head.id}.html`), html);
      texts.set(head.id, text);
      htmls.set(head.id, html);
      // One message with both parts: plain text first, the HTML alternative after it.
      const raw = await (await fetch(`${MAIL_API}/api/v1/message/${mails[0]!.ID}/raw`)).text();
      expect(raw, head.id).toMatch(/^Content-Type: multipart\/alternative;/im);
      expect(raw.indexOf('Content-Type: text/plain'), head.id).toBeLessThan(raw.indexOf('Content-Type: text/html'));
      // Case lines read "- <case id> · <category> · <channel> · <due date> · <days>", the date day first
      // (07.12.2026, 07/12/2026) as the dashboard writes it.
      const inMail = [...text.matchAll(/^- (\S+) · .+ · .+ · \S+ (\d{2})[./](\d{2})[./](\d{4}) · /gm)].map(
        (m) => `${m[1]} ${m[4]}-${m[3]}-${m[2]}`,
      );
      expect(inMail.sort(), head.id).toEqual(api.complaints.map((c) => `${c.id} ${c.dueOn}`).sort());
      const link = `${stack.queryUrl}/#/complaints?`;
      expect(text).toContain(link);
      if (head.office) expect(text).toContain(`office=${head.office}`);
      // Each office's link stands on its own after a blank line, never straight under its last case.
      expect(text, head.id).not.toMatch(/^- .*\r?\n(Sūdzību skats|Complaints screen)/m);
      expect(text, head.id).toMatch(/\r?\n\r?\n(Sūdzību skats|Complaints screen)[^:\n]*: http/);
      // The screen's deadline list covers the digest's own window.
      expect(text).toContain(`within=${within}`);
      // The HTML part's table holds the same cases, a row each, and the same office link (escaped in the href).
      const inTable = [...html.matchAll(/<tr><td[^>]*>([^<]+)<\/td>/g)].map((m) => m[1]);
      expect(inTable.sort(), head.id).toEqual(api.complaints.map((c) => c.id).sort());
      expect(html).toContain(`href="${stack.queryUrl}/#/complaints?`);
      if (head.office) expect(html).toContain(`office=${head.office}`);
      listed += api.complaints.length;
    }
    expect(listed).toBeGreaterThan(0);
    const liepaja = await dueFor('liepaja');
    expect(liepaja.complaints.filter((c) => c.id === late || c.id === extended)).toEqual([
      expect.objectContaining({ id: late, status: 'overdue' }),
      expect.objectContaining({ id: extended, status: 'due', dueOn: extendedTo, workingDaysLeft: 2, extended: true }),
    ]);
    const liepajaText = texts.get('head-liepaja') ?? '';
    expect(liepajaText).toMatch(new RegExp(`^- ${late} · .* · nokavēta par \\d+ darba dien`, 'm'));
    expect(liepajaText).toContain(`- ${extended} · `);
    expect(liepajaText).toContain(
      `termiņš ${writtenDate(extendedTo, 'lv')} · atlikušas 2 darba dienas · termiņš pagarināts`,
    );

    // The HTML parts as a mail client draws them (Chromium), on a desktop and a phone: a table a person reads —
    // every column head shown, no cell wider than the screen — saved for a look by eye.
    const browser = await openBrowser();
    try {
      for (const head of heads) {
        for (const [name, viewport] of [
          ['desktop', { width: 900, height: 700 }],
          ['phone', PHONE],
        ] as const) {
          await browser.page.setViewportSize(viewport);
          await browser.page.setContent(htmls.get(head.id) ?? '');
          const shown = await browser.page.evaluate<{ heads: string[]; overflow: boolean; lang: string }>(
            `({ heads: [...document.querySelectorAll('th')].map((th) => th.textContent), ` +
              `overflow: document.documentElement.scrollWidth > innerWidth, lang: document.documentElement.lang })`,
          );
          expect(shown.lang, head.id).toBe(head.language);
          if (shown.heads.length > 0)
            expect(shown.heads.slice(0, 5), head.id).toEqual(
              head.language === 'lv'
                ? ['Lieta', 'Kategorija', 'Kanāls', 'Termiņš', 'Stāvoklis']
                : ['Case', 'Category', 'Channel', 'Due', 'Status'],
            );
          expect({ head: head.id, name, overflow: shown.overflow }).toEqual({ head: head.id, name, overflow: false });
          await browser.page.screenshot({
            path: join(artifacts, `digest-${week}-${head.id}-${name}.png`),
            fullPage: true,
          });
        }
      }
      expect(browser.pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
    // Liepāja's table shows the extended case in its row: the date, the working days left and the note together.
    expect(htmls.get('head-liepaja')).toMatch(
      new RegExp(
        `<td[^>]*>${extended}</td>.*?<td[^>]*>${writtenDate(extendedTo, 'lv').replaceAll('.', '\\.')}</td><td[^>]*>atlikušas 2 darba dienas · termiņš pagarināts</td>`,
      ),
    );
  }, 90_000);
});

interface CanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: unknown };
}
