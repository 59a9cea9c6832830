/**
 * Dashboard: how long a screen takes to show its numbers in Debian's Chromium, against the real stack holding
 * the demo year. Ingest, lander and query run as processes on the shared Kafka and S3 (topics and lake prefix
 * of this run only, deleted afterwards); the demo year goes in through the ingest API exactly as `npm start`
 * seeds it (infra/demo: seed 2026, 13 months ending today, batches of 1,000, three in flight; no live trickle,
 * so the data version holds still while pages are timed); the query service serves the page it has just had
 * built, with its answer cache off (every load runs its queries: the first opening after new data, not a
 * cached one).
 *
 * Each screen (Overview first, then Offices, Visits, Complaints, Equal service) is opened `loads` times as a
 * fresh page load: a new browser context (empty cache and storage) with the management token already in
 * sessionStorage, as after a reload, so the page's own sign-in probes and catalogue requests are part of it.
 * The figure is the time from navigation start to the first frame in which the screen's numbers are shown:
 * the screen's content has replaced the loading line, no error box, every tile has its value, every chart
 * has its canvas (a MutationObserver installed before the page's scripts checks this on every DOM change; the
 * time is taken in the next animation frame). That callback runs before the frame's layout, resize observers and
 * paint, so two more times are recorded from a task queued in it, which runs once the frame has been painted:
 * `painted` (the screen as above) and `tilesPainted` (the frame that first showed every tile's value: the
 * overview's numbers, above the fold, before the charts below it are drawn).
 *
 * Baseline, alternating with the page loads: the screen's own API requests as Chromium sent them (its URLs,
 * recorded from the browser), fetched from Node all at once over at most six keep-alive sockets (Chromium's
 * limit per host), until the last answer is read. Page minus baseline is what the page adds: the bundle, the
 * sign-in probes, waiting between requests, JSON parsing, rendering and charts. The page's own Resource Timing
 * splits a load into those phases. The overview's requests in Chromium are also checked against the list
 * `pnpm bench` and the dashboard share (@servq/query-api requests.ts).
 *
 * Writes BENCH_RESULT_FILE. Usage: node --import tsx test/bench/dashboard.bench.ts [loads per screen] [screens]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, rigaDate } from '@servq/contracts';
import { createKafka, logLevel, withAdmin } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { QueryAnswer, type Figure } from '@servq/query-api';
import { pollUntil } from '@servq/runtime';
import { chromium, type Browser as Chromium } from 'playwright-core';
import { sendEvents } from '../../infra/demo/ingest.sender.ts';
import { demoYear } from '../../infra/demo/year.events.ts';
import { CHROMIUM, CHROMIUM_FLAGS, DESKTOP, distDir } from '../support/browser.ts';
import { repoRoot } from '../support/services.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { overviewCheck } from './dashboard.requests.check.ts';

const LOADS = Number(process.argv[2] ?? 10);
const ALL_SCREENS = ['overview', 'offices', 'visits', 'complaints', 'equal'];
/** A comma-separated subset may be given (`… 10 overview`), e.g. to time one screen before and after a change. */
const SCREENS = process.argv[3] ? process.argv[3].split(',') : ALL_SCREENS;
for (const screen of SCREENS)
  if (!ALL_SCREENS.includes(screen))
    throw new Error(`unknown screen "${screen}"; expected some of ${ALL_SCREENS.join(', ')}`);
const TOKEN = 'servq-dev-management-token';
/** The demo as `npm start` seeds it (infra/demo/seed.ts defaults and scripts/start.sh). */
const DEMO = { seed: 2026, months: 13, batchSize: 1000, inFlight: 3 };
/** Chromium opens at most six HTTP/1.1 connections per host; the baseline uses as many. */
const BROWSER_SOCKETS = 6;
/** What the page asks for before any screen: the sign-in probes and the catalogue, labels and features. */
const BOOT_PATHS = new Set(['/v1/metrics', '/v1/session', '/v1/reference', '/v1/features']);
const OUT = process.env.BENCH_RESULT_FILE ?? join(repoRoot, 'bench/results/dashboard.json');

const ms = (t: number) => Math.round(t * 10) / 10;
function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}
const summary = (samples: number[]) => ({
  p50: ms(quantile(samples, 0.5)),
  p95: ms(quantile(samples, 0.95)),
  samples: samples.map(ms),
});
const load1m = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/**
 * Runs in the page before its own scripts (through the DevTools protocol, which the page's Content-Security-
 * Policy does not stop): puts the token where a signed-in tab keeps it and records when the screen's numbers
 * are first all shown.
 */
function pageScript(screen: string): string {
  return `(() => {
    try { sessionStorage.setItem('servq.token', ${JSON.stringify(TOKEN)}); } catch {}
    const bench = (window.__bench = { domAt: null, shownAt: null, paintedAt: null, tilesPaintedAt: null, error: null });
    const afterPaint = (key) => requestAnimationFrame(() => setTimeout(() => { bench[key] = performance.now(); }, 0));
    const tilesShown = () => {
      const values = document.querySelectorAll('#content .screen .tile-value');
      return values.length > 0 && [...values].every((v) => (v.textContent || '').trim() !== '');
    };
    const shown = () => {
      const tab = document.querySelector('nav.tabs a[aria-current="page"]');
      if (!tab || tab.dataset.screen !== ${JSON.stringify(screen)}) return false;
      const content = document.querySelector('#content');
      if (!content || content.hasAttribute('data-stale') || content.querySelector('.loading')) return false;
      const error = content.querySelector('.error-box');
      if (error) { bench.error = error.textContent; return false; }
      if (!content.querySelector('.screen')) return false;
      if (![...content.querySelectorAll('.tile-value')].every((v) => (v.textContent || '').trim() !== '')) return false;
      return [...content.querySelectorAll('.chart')].every((chart) => chart.querySelector('canvas'));
    };
    let tilesSeen = false;
    new MutationObserver((_, observer) => {
      if (!tilesSeen && tilesShown()) {
        tilesSeen = true;
        afterPaint('tilesPaintedAt');
      }
      if (bench.domAt !== null || !shown()) return;
      bench.domAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { bench.shownAt = performance.now(); });
      afterPaint('paintedAt');
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  })()`;
}

interface Load {
  shownMs: number;
  domMs: number;
  /** After the frame with the screen shown has been painted. */
  paintedMs: number;
  /** After the first frame with every tile's value has been painted (the shown time on a screen without tiles). */
  tilesPaintedMs: number;
  /** Every /v1 request the page sent, in order, with its Resource Timing (ms after navigation start). */
  requests: { path: string; start: number; end: number }[];
  /** When the page's script bundle had arrived. */
  scriptEnd: number;
}

/** One fresh page load of a screen in a new browser context. */
async function openOnce(browser: Chromium, base: string, screen: string): Promise<Load> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/Riga' });
  try {
    await context.addInitScript(pageScript(screen));
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/')) sent.push(url.pathname + url.search);
    });
    await page.goto(`${base}/#/${screen}`);
    let state: {
      domAt: number | null;
      shownAt: number | null;
      paintedAt: number | null;
      tilesPaintedAt: number | null;
      error: string | null;
    } = { domAt: null, shownAt: null, paintedAt: null, tilesPaintedAt: null, error: null };
    await pollUntil(
      async () => {
        state = await page.evaluate<typeof state>('window.__bench');
        if (state.error) throw new Error(`${screen}: the page shows an error: ${state.error}`);
        return state.shownAt !== null && state.paintedAt !== null;
      },
      { intervalMs: 50, timeoutMs: 60_000 },
    );
    const timing = await page.evaluate<{ requests: Load['requests']; scriptEnd: number }>(`(() => {
      const entries = performance.getEntriesByType('resource');
      const api = entries.filter((e) => new URL(e.name).pathname.startsWith('/v1/'));
      const script = entries.filter((e) => e.initiatorType === 'script' || /\\.js$/.test(new URL(e.name).pathname));
      return {
        requests: api.map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd })),
        scriptEnd: Math.max(0, ...script.map((e) => e.responseEnd)),
      };
    })()`);
    // Chromium's own record of what went out must agree with the page's Resource Timing.
    if (sent.length !== timing.requests.length)
      throw new Error(
        `${screen}: Chromium sent ${sent.length} API requests, Resource Timing lists ${timing.requests.length}`,
      );
    return {
      shownMs: state.shownAt!,
      domMs: state.domAt!,
      paintedMs: state.paintedAt!,
      tilesPaintedMs: state.tilesPaintedAt ?? state.paintedAt!,
      ...timing,
    };
  } finally {
    await context.close();
  }
}

/** GET over the baseline's agent; resolves once the whole body is read and parsed. */
function getJson(agent: Agent, url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode === 200) resolve(JSON.parse(body));
        else reject(new Error(`${url}: ${response.statusCode} ${body.slice(0, 200)}`));
      });
    }).on('error', reject);
  });
}

/** The screen's requests all at once from Node: time to the last answer. */
async function baselineOnce(agent: Agent, base: string, paths: readonly string[]): Promise<number> {
  const started = performance.now();
  await Promise.all(paths.map((path) => getJson(agent, `${base}${path}`)));
  return performance.now() - started;
}

const isBoot = (path: string) => BOOT_PATHS.has(path.split('?')[0]!);

/** Where a load's time went, from the page's Resource Timing. */
function phases(load: Load) {
  const boot = load.requests.filter((r) => isBoot(r.path));
  const screen = load.requests.filter((r) => !isBoot(r.path));
  const first = (rs: Load['requests']) => Math.min(...rs.map((r) => r.start));
  const last = (rs: Load['requests']) => Math.max(...rs.map((r) => r.end));
  return {
    scriptArrived: load.scriptEnd,
    bootRequestsStart: first(boot),
    bootRequestsFirstToLast: last(boot) - first(boot),
    screenRequestsStart: first(screen),
    screenRequestsFirstToLast: last(screen) - first(screen),
    lastAnswerToShown: load.shownMs - last(load.requests),
  };
}

async function seedDemoYear(stack: Stack, now: Date) {
  const started = performance.now();
  const events = demoYear({ seed: DEMO.seed, endDate: rigaDate(now), months: DEMO.months, now });
  const totals = await sendEvents(events, {
    baseUrl: stack.ingestUrl,
    apiKey: 'servq-dev-all-key',
    batchSize: DEMO.batchSize,
    inFlight: DEMO.inFlight,
  });
  if (totals.rejected > 0) throw new Error(`ingest rejected demo events: ${JSON.stringify(totals.firstRejections)}`);
  const sentMs = performance.now() - started;
  // Seeded means the query service sees every survey and complaint that was sent.
  const count = (type: string) => new Set(events.filter((e) => e.type === type).map((e) => e.event_id)).size;
  const expected = { surveys_answered: count('survey.submitted'), complaints_received: count('complaint.received') };
  const from = events[0]!.occurred_at.slice(0, 10);
  const to = rigaDate(now);
  await pollUntil(
    async () => {
      const res = await fetch(
        `${stack.queryUrl}/v1/query?metrics=${Object.keys(expected).join(',')}&from=${from}&to=${to}`,
        { headers: { authorization: `Bearer ${TOKEN}` } },
      );
      if (!res.ok) return false;
      const row = QueryAnswer.parse(await res.json()).rows[0] ?? {};
      return Object.entries(expected).every(([m, n]) => (row[m] as Figure | undefined)?.n === n);
    },
    { intervalMs: 1000, timeoutMs: 600_000 },
  );
  return {
    events: events.length,
    from,
    to,
    sentSeconds: ms(sentMs / 1000),
    visibleSeconds: ms((performance.now() - started) / 1000),
  };
}

async function removeRunData(stack: Stack): Promise<void> {
  const shared = loadSharedConfig(process.env);
  const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
  await withAdmin(kafka, (admin) => admin.deleteTopics(ALL_TOPICS.map((t) => `${stack.names.topicPrefix}${t}`))).catch(
    () => undefined,
  );
  const s3 = createS3Client(shared.s3);
  for (;;) {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: shared.s3.bucket, Prefix: stack.names.lakePrefix }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length === 0) break;
    await s3.send(new DeleteObjectsCommand({ Bucket: shared.s3.bucket, Delete: { Objects: keys, Quiet: true } }));
  }
  s3.destroy();
}

async function main(): Promise<void> {
  const loadAtStart = load1m();
  // The page as the source stands now, as `npm start` builds it.
  const build = performance.now();
  const built = spawnSync('pnpm', ['--filter', '@servq/dashboard', 'build'], { cwd: repoRoot, stdio: 'ignore' });
  if (built.status !== 0) throw new Error(`the dashboard build failed (pnpm --filter @servq/dashboard build)`);
  const buildSeconds = ms((performance.now() - build) / 1000);
  readFileSync(join(distDir, 'index.html'));

  const now = new Date();
  const stack = await startStack('bench-dashboard', {
    flushMs: 1000,
    syncMs: 2000,
    queryEnv: { QUERY_DASHBOARD_DIR: distDir, QUERY_LOG_LEVEL: 'warn', QUERY_CACHE_ENTRIES: '0' },
  });
  let browser: Chromium | undefined;
  try {
    const lake = await seedDemoYear(stack, now);
    console.log(`[bench] dashboard: ${lake.events} demo events visible after ${lake.visibleSeconds} s`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const agent = new Agent({ keepAlive: true, maxSockets: BROWSER_SOCKETS });
    const screens = [];
    let overviewRequests: ReturnType<typeof overviewCheck> | undefined;
    for (const screen of SCREENS) {
      // A first load, not counted, warms the service's statements and records the requests the screen sends.
      const first = await openOnce(browser, stack.queryUrl, screen);
      const screenPaths = first.requests.filter((r) => !isBoot(r.path)).map((r) => r.path);
      if (screen === 'overview') overviewRequests = overviewCheck(screenPaths);
      await baselineOnce(agent, stack.queryUrl, screenPaths);
      const loads: Load[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < LOADS; i += 1) {
        loads.push(await openOnce(browser, stack.queryUrl, screen));
        baseline.push(await baselineOnce(agent, stack.queryUrl, screenPaths));
      }
      const page = summary(loads.map((l) => l.shownMs));
      const direct = summary(baseline);
      const phaseOf = (key: keyof ReturnType<typeof phases>) =>
        ms(
          quantile(
            loads.map((l) => phases(l)[key]),
            0.5,
          ),
        );
      const row = {
        screen,
        requests: {
          boot: first.requests.length - screenPaths.length,
          screen: screenPaths.length,
          screenPaths,
        },
        page,
        domReady: summary(loads.map((l) => l.domMs)),
        painted: summary(loads.map((l) => l.paintedMs)),
        tilesPainted: summary(loads.map((l) => l.tilesPaintedMs)),
        baseline: direct,
        overheadMsP50: ms(page.p50 - direct.p50),
        overheadMsP95: ms(page.p95 - direct.p95),
        ratioP50: Math.round((page.p50 / direct.p50) * 100) / 100,
        // Each screen request's start and end (p50 over the loads, ms after navigation start), in the order sent:
        // which answers the screen waits for last.
        requestsP50: screenPaths.map((path) => {
          const sent = loads.map((l) => l.requests.find((r) => r.path === path));
          const at = (pick: 'start' | 'end') =>
            ms(
              quantile(
                sent.map((r) => r?.[pick] ?? Number.NaN),
                0.5,
              ),
            );
          return { path, start: at('start'), end: at('end') };
        }),
        phasesP50: {
          scriptArrived: phaseOf('scriptArrived'),
          bootRequestsStart: phaseOf('bootRequestsStart'),
          bootRequestsFirstToLast: phaseOf('bootRequestsFirstToLast'),
          screenRequestsStart: phaseOf('screenRequestsStart'),
          screenRequestsFirstToLast: phaseOf('screenRequestsFirstToLast'),
          lastAnswerToShown: phaseOf('lastAnswerToShown'),
        },
      };
      console.log(
        `[bench] dashboard ${screen}: shown p50 ${page.p50} / p95 ${page.p95} ms (painted p50 ${row.painted.p50}, tiles painted p50 ${row.tilesPainted.p50}); its ${screenPaths.length} requests from Node p50 ${direct.p50} / p95 ${direct.p95} ms`,
      );
      screens.push(row);
    }
    agent.destroy();
    const result = {
      benchmark: 'dashboard',
      at: new Date().toISOString(),
      lake: {
        source: `the demo year (infra/demo, seed ${DEMO.seed}, ${DEMO.months} months ending today) through the ingest API as npm start seeds it, landed by the lander; no live trickle`,
        ...lake,
      },
      build: { seconds: buildSeconds, what: 'pnpm --filter @servq/dashboard build, served by the query service' },
      browser: {
        chromium: browser.version(),
        executable: CHROMIUM,
        viewport: DESKTOP,
        language: 'lv (the page default)',
      },
      cache: 'query service answer cache off (QUERY_CACHE_ENTRIES=0); a new browser context per load (no HTTP cache)',
      loadsPerScreen: LOADS,
      shown:
        'navigation start → first animation frame after #content has the screen (current tab), no loading line or error box, every .tile-value non-empty, every .chart with its canvas',
      painted: 'the same, taken in a task queued from that animation frame: after the frame has been painted',
      tilesPainted:
        'navigation start → after the first painted frame in which every .tile-value of the screen is non-empty',
      baseline: `the screen's API requests as Chromium sent them (sign-in and catalogue requests excluded), fetched from Node all at once over ${BROWSER_SOCKETS} keep-alive sockets, time to the last answer read and parsed`,
      loadAverage1m: { start: loadAtStart, end: load1m() },
      overviewRequests,
      screens,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser?.close();
    await stack.stop();
    await removeRunData(stack);
  }
}

await main();
