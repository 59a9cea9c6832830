/**
 * `pnpm bench`: one report. Runs each benchmark as its own process against the real local stack (topics, lake
 * prefixes and consumer groups of its own, services on random ports), collects their figures — each next to a
 * baseline measured in the same run — and writes bench/results/<date>.json and bench/results/<date>.md with the
 * machine it ran on. Nothing here passes or fails on speed.
 *
 *   pnpm bench                       full run (ingest, Kafka clients, landing, freshness, query, dashboard, scale over 1M and 10M)
 *   pnpm bench -- --quick            short run of every section but dashboard (its seeding alone takes a minute)
 *   pnpm bench -- --quick --only dashboard
 *   pnpm bench -- --only ingest,query
 *   pnpm bench -- --sizes 1M,10M,100M
 *   pnpm bench -- --note "shared with other helpers' tests"
 *   pnpm bench -- --only scale --sizes 100M --out 2026-12-04-scale    (report named so, not after the date)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../support/services.ts';
import { markdownReport } from './markdown.ts';

export const SECTIONS = ['ingest', 'clients', 'landing', 'freshness', 'query', 'dashboard', 'scale'] as const;
export type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    sizes: { type: 'string' },
    /** Said under the machine line, e.g. who else was using the machine. */
    note: { type: 'string' },
    /** The report's file name without extension; the start date unless given (a partial run beside a full one). */
    out: { type: 'string' },
  },
});
// The dashboard section builds the page and seeds the demo year first (~3 minutes in all): --quick leaves it out
// unless it is named.
const only = values.only
  ? values.only.split(',').map((s) => s.trim())
  : SECTIONS.filter((s) => !values.quick || s !== 'dashboard');
for (const name of only)
  if (!(SECTIONS as readonly string[]).includes(name))
    throw new Error(`--only: unknown section "${name}"; expected some of ${SECTIONS.join(', ')}`);

/** "1M" → 1_000_000, "500k" → 500_000. */
function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`--sizes: "${text}" is not a size like 1M or 500k`);
  return Number(match[1]) * ({ k: 1e3, m: 1e6 }[match[2]!.toLowerCase()] ?? 1);
}
const sizes = (values.sizes ?? (values.quick ? '1M' : '1M,10M')).split(',').map(parseSize);

/** Run lengths: --quick for a first look in a few minutes, the default within the hour. */
const plan = values.quick
  ? {
      ingestEvents: 10_000,
      clientRuns: 1,
      clientScale: 0.25,
      landingEvents: 200_000,
      landingRepeats: 1,
      freshnessSamples: 8,
      queryRuns: 3,
      dashboardLoads: 3,
    }
  : {
      ingestEvents: 50_000,
      clientRuns: 3,
      clientScale: 1,
      landingEvents: 1_000_000,
      landingRepeats: 3,
      freshnessSamples: 30,
      queryRuns: 10,
      dashboardLoads: 10,
    };

const workDir = join(tmpdir(), `servq-bench-${process.pid}`);
mkdirSync(workDir, { recursive: true });

/** Runs one benchmark file; its figures, or the error that stopped it. */
function run(name: string, file: string, args: (string | number)[], env: Record<string, string> = {}): unknown {
  const out = join(workDir, `${name}.json`);
  const started = performance.now();
  console.log(`[bench] ${name}: ${file} ${args.join(' ')}`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', file, ...args.map(String)], {
    cwd: repoRoot,
    env: { ...process.env, ...env, BENCH_RESULT_FILE: out },
    stdio: 'inherit',
  });
  const seconds = Math.round((performance.now() - started) / 1000);
  if (child.status !== 0) return { error: `exited with ${child.status ?? child.signal}`, seconds };
  return { ...(JSON.parse(readFileSync(out, 'utf8')) as object), seconds };
}

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const machine = {
  cpuModel: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  freeMemoryGiBAtStart: Math.round((freemem() / 2 ** 30) * 10) / 10,
  kernel: release(),
  node: process.version,
  loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
};
const started = new Date();
const results: Partial<Record<Section, unknown>> = {};
if (only.includes('ingest'))
  results.ingest = run('ingest', 'services/ingest/bench/ingest.bench.ts', [plan.ingestEvents]);
// kafkajs against @platformatic/kafka behind packages/kafka (issue 14): which library each role keeps.
if (only.includes('clients'))
  results.clients = run('clients', 'packages/kafka/bench/clients.bench.ts', [plan.clientRuns, plan.clientScale]);
if (only.includes('landing'))
  results.landing = run('landing', 'services/lander/bench/landing.bench.ts', [plan.landingEvents, plan.landingRepeats]);
if (only.includes('freshness'))
  results.freshness = run('freshness', 'test/bench/freshness.bench.ts', [plan.freshnessSamples]);
// Every catalogue metric over the first (smallest) lake; the scale curve then reuses its cold sync and
// dashboard figures for that size and runs the dashboard requests alone on the others.
const querySize = sizes[0] ?? 1e6;
if (only.includes('query'))
  results.query = run('query', 'services/query/bench/query.bench.ts', [plan.queryRuns], {
    BENCH_LAKE_EVENTS: String(querySize),
    BENCH_QUERY_SCOPE: 'all',
  });
// Each screen in Chromium over the demo year, against its own requests fetched directly (issue 16).
if (only.includes('dashboard'))
  results.dashboard = run('dashboard', 'test/bench/dashboard.bench.ts', [plan.dashboardLoads]);
if (only.includes('scale'))
  results.scale = Object.fromEntries(
    sizes.map((size) => [
      label(size),
      size === querySize && results.query
        ? results.query
        : run(`scale-${label(size)}`, 'services/query/bench/query.bench.ts', [plan.queryRuns], {
            BENCH_LAKE_EVENTS: String(size),
            BENCH_QUERY_SCOPE: 'scale',
          }),
    ]),
  );

const report = {
  benchmark: 'servq',
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  mode: values.quick ? 'quick' : 'full',
  sections: only,
  sizes: sizes.map(label),
  plan,
  machine: { ...machine, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
  ...(values.note ? { notes: values.note } : {}),
  results,
};
const date = values.out ?? started.toISOString().slice(0, 10);
const dir = join(repoRoot, 'bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(dir, `${date}.md`), markdownReport(report));
rmSync(workDir, { recursive: true, force: true });
console.log(`[bench] wrote bench/results/${date}.json and bench/results/${date}.md`);
