/**
 * The alerts service's own page (alerts.page.ts) on a desktop: its open-alerts table stays inside the page's
 * 1100 px column and the page does not scroll sideways at 1280 px, with the longest words it shows — the Riga
 * office's full name, a figure with its interval, a period, an acknowledgement. The app is the service's own
 * (buildApp) with a book of alerts, served on a free port and drawn in Chromium; screenshots go to
 * test/artifacts/alerts/ (git-ignored).
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AlertEvent } from '@servq/contracts';
import { buildCatalogue } from '@servq/metrics';
import { MetricInfo } from '@servq/query-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertBook } from '../services/alerts/src/alert.book.ts';
import { buildApp } from '../services/alerts/src/app.ts';
import type { Finding } from '../services/alerts/src/evaluate.ts';
import { openBrowser, waitForExpression } from './support/browser.ts';
import { repoRoot } from './support/services.ts';

const TOKEN = 'page-test-management-token';
const tokens = [
  { id: 'dev-management', sha256: createHash('sha256').update(TOKEN).digest('hex'), role: 'management' as const },
];
const catalogue = buildCatalogue({ waitTargetMinutes: 15 });
const metricInfo = (id: string | undefined) =>
  id && catalogue.has(id) ? MetricInfo.parse(catalogue.get(id)) : undefined;

const finding = (office: string, extra: Partial<Finding> = {}): Finding => ({
  alertId: `csat-under-target:${office}`,
  ruleId: 'csat-under-target',
  ruleKind: 'outside_target',
  severity: 'warning',
  officeId: office,
  metricId: 'csat',
  value: 0.25,
  intervalLow: 0.142,
  intervalHigh: 0.402,
  target: 0.85,
  n: 40,
  periodFrom: '2026-11-24',
  periodTo: '2026-12-01',
  reason: 'csat 0.25 is outside its target 0.85',
  link: `http://127.0.0.1:8080/#/offices?office=${office}`,
  ...extra,
});

describe("the alerts service's page on a desktop", () => {
  const book = new AlertBook();
  let app: Awaited<ReturnType<typeof buildApp>>;
  let url = '';

  beforeAll(async () => {
    const policy = { cleanEvaluationsToResolve: 3, renotifyAfterMs: 86_400_000 };
    const now = new Date('2026-12-01T08:00:00Z');
    const decided = [
      ...book.decide('csat-under-target', [finding('riga-valnu-30'), finding('daugavpils')], now, policy),
      ...book.decide(
        'nps-under-target',
        [
          finding('liepaja', {
            alertId: 'nps-under-target:liepaja',
            ruleId: 'nps-under-target',
            severity: 'critical',
            metricId: 'nps',
            value: -12,
            intervalLow: -31,
            intervalHigh: 6,
            target: 35,
          }),
        ],
        now,
        policy,
      ),
      // A deadline alert: its count as the figure, the oldest due date beside it.
      ...book.decide(
        'complaint-deadlines',
        [
          finding('riga-valnu-30', {
            alertId: 'complaint-deadlines:riga-valnu-30:overdue',
            ruleId: 'complaint-deadlines',
            ruleKind: 'deadline',
            severity: 'critical',
            group: 'overdue',
            metricId: undefined,
            value: 8,
            intervalLow: undefined,
            intervalHigh: undefined,
            target: undefined,
            n: undefined,
            periodFrom: '2026-12-01',
            periodTo: '2026-12-01',
            dueDate: '2026-11-20',
          }),
        ],
        now,
        policy,
      ),
    ];
    for (const e of decided) book.apply(e);
    app = await buildApp(
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
        metricInfo,
      },
    );
    // One acknowledged alert, so the last column holds its longest words ("✓ dev-management, 01.12.2026 10:00").
    const ack = await app.inject({
      method: 'POST',
      url: '/v1/alerts/csat-under-target:riga-valnu-30/ack',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ack.statusCode).toBe(200);
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('keeps the open-alerts table inside its 1100 px column, and nothing scrolls sideways at 1280 px', async () => {
    const artifacts = join(repoRoot, 'test/artifacts/alerts');
    mkdirSync(artifacts, { recursive: true });
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.setViewportSize({ width: 1280, height: 800 });
      for (const lang of ['lv', 'en'] as const) {
        await page.goto(`${url}?lang=${lang}`);
        await page.locator('#token').fill(TOKEN);
        await page.getByRole('button', { name: 'OK' }).click();
        await waitForExpression(page, "document.querySelectorAll('#open tbody tr[data-alert]').length === 4");
        const widths = await page.evaluate<{
          page: number;
          view: number;
          main: number;
          table: number;
          region: number;
        }>(`(() => {
          const main = document.querySelector('main');
          const style = getComputedStyle(main);
          const contentRight = main.getBoundingClientRect().right - parseFloat(style.paddingRight);
          const table = document.querySelector('#open');
          return {
            page: document.documentElement.scrollWidth,
            view: innerWidth,
            main: Math.round(contentRight),
            table: Math.round(table.getBoundingClientRect().right),
            region: table.parentElement.scrollWidth - table.parentElement.clientWidth,
          };
        })()`);
        // Drawn before the checks, so a failure leaves the picture that shows it.
        await page.screenshot({ path: join(artifacts, `alerts-page-1280-${lang}.png`), fullPage: true });
        expect({ lang, page: widths.page }).toEqual({ lang, page: widths.view });
        // The table fits its column: no cut-off column hidden in a scrolling region either.
        expect({ lang, right: widths.table }).toEqual({ lang, right: Math.min(widths.table, widths.main) });
        expect({ lang, region: widths.region }).toEqual({ lang, region: 0 });
        // A token id is never broken at its hyphen ("dev-" over "management"), in the table or the history.
        const ids = await page.evaluate<number[]>(`[...document.querySelectorAll('main span')]
          .filter((s) => s.textContent.includes('dev-management'))
          .map((s) => s.getClientRects().length)`);
        expect({ lang, ids }).toEqual({ lang, ids: [1, 1] });
        // The deadline alert says its count once, with the oldest due date as a note, not the count again.
        const deadline = await page
          .locator('#open tr[data-alert="complaint-deadlines:riga-valnu-30:overdue"] td:nth-child(4)')
          .innerText();
        expect(deadline.replace(/\s+/g, ' ')).toBe(
          lang === 'lv'
            ? '8 nokavētas sūdzības Vecākais termiņš: 20.11.2026, kavējums 7 darba dienas'
            : '8 overdue complaints Oldest deadline: 20/11/2026, 7 working days late',
        );
      }
      expect(browser.pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
