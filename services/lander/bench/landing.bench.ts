/**
 * Landing benchmark: events per second from a topic to Parquet objects in S3 (the lander as its own process,
 * src/main.ts) next to a bare consume-and-discard (packages/kafka's partition consumer) of the same topic in the same run — the baseline the
 * issue sets (target: landing ≥ half of it). Also Parquet bytes per event against the same events as NDJSON,
 * and the lander's peak memory (VmHWM of its process).
 *
 * One topic is produced once; then baseline and landing (and the lander of BENCH_LANDER_BEFORE_DIR)
 * alternate `REPEATS` times (each with a fresh consumer group, and for landing a fresh lake prefix), so all see
 * the same machine load, and the medians are reported.
 * Both rates are timed from the moment the consumer has joined its group; landing ends when the lander reports
 * every row landed, i.e. uploaded to S3, committed to Kafka and checkpointed — so it includes the final age
 * flush of the partial buffers (up to LANDER_FLUSH_MAX_AGE_MS). Group joins and process start-up are not counted.
 * Writes bench/results/lander.json.
 * With BENCH_LANDER_BEFORE_DIR (another checkout's services/lander), its lander lands the topic too, alternated
 * (the two landers' order turns each run), on the Node of BENCH_LANDER_BEFORE_NODE (default: this one); a lander
 * older than its own metrics listener is read on its probes' port.
 * Usage: node --import tsx services/lander/bench/landing.bench.ts [events] [repeats]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSharedConfig } from '@servq/config';
import { createKafka, ensureTopics, logLevel, withAdmin } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { LakeStore } from '../src/lake/lake.store.ts';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const REPEATS = Number(process.argv[3] ?? 3);
const PARTITIONS = 6;
const FLUSH = { maxEvents: 50_000, maxAgeMs: 1000 };
const root = fileURLToPath(new URL('../../../', import.meta.url));
const landerDir = fileURLToPath(new URL('..', import.meta.url));
/** A lander of another checkout (its services/lander directory) to land the same topic alternately: before/after. */
const BEFORE_DIR = process.env.BENCH_LANDER_BEFORE_DIR;
const BEFORE_NODE = process.env.BENCH_LANDER_BEFORE_NODE ?? process.execPath;
const shared = loadSharedConfig(process.env);
const id = randomUUID().slice(0, 8);
const topic = `bench.lander.${id}`;
const prefixOf = (run: number) => `bench-lander/${id}/${run}/`;

function surveyEvent(i: number) {
  return {
    event_id: randomUUID(),
    type: 'survey.submitted',
    schema_version: 1,
    occurred_at: new Date(Date.now() - (i % 1440) * 60_000).toISOString(),
    source: 'bench',
    channel: 'in_person',
    office_id: ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'][i % 4],
    survey_id: `bench-${i}`,
    satisfaction: 1 + (i % 5),
    courtesy: 1 + ((i + 2) % 5),
    speed: 1 + ((i + 3) % 5),
    recommend: i % 11,
    service_language: ['lv', 'ru', 'en'][i % 3],
    comment: i % 4 === 0 ? 'Apkalpošana bija ātra un laipna, paldies! Tālrunis: [phone].' : undefined,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

async function produce(): Promise<number> {
  const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
  await ensureTopics(kafka, [{ topic, numPartitions: PARTITIONS }]);
  const producer = kafka.producer();
  await producer.connect();
  let ndjsonBytes = 0;
  for (let start = 0; start < TOTAL; start += 5000) {
    const messages = Array.from({ length: Math.min(5000, TOTAL - start) }, (_, j) => {
      const event = surveyEvent(start + j);
      const value = JSON.stringify(event);
      ndjsonBytes += Buffer.byteLength(value) + 1;
      return { key: event.survey_id, value };
    });
    await producer.send(topic, messages);
  }
  await producer.disconnect();
  return ndjsonBytes;
}

/**
 * A partition consumer that parses each message (JSON.parse) and counts it: the ceiling for any consumer of this
 * topic here that looks at the events.
 */
async function consumeAndDiscard(run: number): Promise<{ seconds: number; cpuSeconds: number }> {
  const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `bench-discard-${id}-${run}`,
    topics: [topic],
    sessionTimeoutMs: 30_000,
    silentAfterMs: 120_000,
    maxBytesPerPartition: 4 * 1024 * 1024,
  });
  let startedAt = 0;
  let seen = 0;
  await consumer.start({
    assigned: (_p, committed) => {
      startedAt ||= performance.now();
      return Promise.resolve(committed);
    },
    batch: async (batch) => {
      for (const message of batch.messages) if (message.value) JSON.parse(message.value.toString('utf8'));
      seen += batch.messages.length;
      await Promise.resolve();
    },
    revoked: () => undefined,
  });
  const cpuBefore = process.cpuUsage();
  await pollUntil(() => seen >= TOTAL, { intervalMs: 10, timeoutMs: 600_000 });
  const seconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await consumer.stop();
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function gauge(body: string, name: string): number {
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)`, 'm').exec(body)?.[1] ?? 0) / 1048576;
}

interface LandingRun {
  seconds: number;
  /** Rate between 10 % and 90 % of the rows landed: no start-up, no final age flush. */
  steadyEventsPerSecond: number;
  peakRssMiB: number;
  /** CPU time of the lander process (all its threads, DuckDB's included) per million events, start-up included. */
  cpuSecondsPerMillion: number;
  /** The same per thread (see cpuByThread). */
  cpuSecondsPerMillionByThread: Record<string, number>;
  sampledPeakHeapUsedMiB: number;
  sampledPeakExternalMiB: number;
}

/** Decode workers of the lander under test: the configured default, and `0` (decoding in the consume thread). */

/** CPU seconds (user + system) in a /proc stat file: fields 14 and 15, in clock ticks of 1/100 s. */
function statCpuSeconds(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(stat[11]) + Number(stat[12])) / 100;
}

/** CPU seconds of the local Kafka broker and S3 server, or (as a rate) per million events; null when not local. */
type ServerCpu = { kafka: number; s3: number } | null;

/** CPU seconds of a live process, all its threads. */
function processCpuSeconds(pid: number | string): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/**
 * CPU seconds so far of the local Kafka broker and S3 server, when `infra/local` started them on this machine
 * (their pid files); null otherwise. Both share the machine's cores with what is measured, so the results
 * show their share per phase.
 */
function serverCpuSeconds(): ServerCpu {
  const run = `${process.env.SERVQ_DATA_DIR ?? `${root}.data`}/run`;
  try {
    return {
      kafka: processCpuSeconds(readFileSync(`${run}/kafka.pid`, 'utf8').trim()),
      s3: processCpuSeconds(readFileSync(`${run}/s3.pid`, 'utf8').trim()),
    };
  } catch {
    return null;
  }
}

/** Runs a phase and reports the servers' CPU per million events during it. */
async function withServerCpu<T>(phase: () => Promise<T>): Promise<T & { serverCpuPerMillion: ServerCpu }> {
  const before = serverCpuSeconds();
  const result = await phase();
  const after = serverCpuSeconds();
  const perMillion = (a: number, b: number) => round(((b - a) / TOTAL) * 1e6, 2);
  return {
    ...result,
    serverCpuPerMillion:
      before && after ? { kafka: perMillion(before.kafka, after.kafka), s3: perMillion(before.s3, after.s3) } : null,
  };
}

/**
 * CPU seconds of a live process per thread, largest first: `main` for the process's own thread, then the others
 * by thread id (Node names them all "node": DuckDB's threads, the libuv pool, V8's helpers).
 */
function cpuByThread(pid: number): Record<string, number> {
  const threads: [string, number][] = [];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      threads.push([tid === String(pid) ? 'main' : `thread ${tid}`, statCpuSeconds(`/proc/${pid}/task/${tid}/stat`)]);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return Object.fromEntries(threads.filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]));
}

async function land(run: number, dir = landerDir): Promise<LandingRun> {
  const port = 19_000 + Math.floor(Math.random() * 1000);
  const metricsPort = port + 1000;
  const peaks = { heap: 0, external: 0 };
  // Landers before their own metrics listener (LANDER_METRICS_ADDR) answered /metrics on the probes' port.
  let metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const landedRows = async (): Promise<number> => {
    try {
      const body = await (await fetch(metricsUrl)).text();
      peaks.heap = Math.max(peaks.heap, gauge(body, 'lander_nodejs_heap_size_used_bytes'));
      peaks.external = Math.max(peaks.external, gauge(body, 'lander_nodejs_external_memory_bytes'));
      return Number(/^lander_rows_landed_total\{table="survey_events"\} (\d+)/m.exec(body)?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  // BENCH_LANDER_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the lander process.
  const flags = (process.env.BENCH_LANDER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    dir === landerDir ? process.execPath : BEFORE_NODE,
    [...flags, '--import', 'tsx', 'src/main.ts'],
    {
      cwd: dir,
      env: {
        ...process.env,
        LANDER_TOPICS: `${topic}=survey_events`,
        LANDER_GROUP_ID: `bench-lander-${id}-${run}`,
        LANDER_LAKE_PREFIX: prefixOf(run),
        LANDER_HTTP_PORT: String(port),
        LANDER_METRICS_ADDR: `127.0.0.1:${metricsPort}`,
        LANDER_FLUSH_MAX_EVENTS: String(FLUSH.maxEvents),
        LANDER_FLUSH_MAX_AGE_MS: String(FLUSH.maxAgeMs),
        LANDER_COMPACTION_INTERVAL_MS: '0',
        LANDER_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    await pollUntil(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
        } catch {
          return false;
        }
      },
      { intervalMs: 20, timeoutMs: 60_000 },
    );
    const ownListener = await fetch(metricsUrl).then(
      (res) => res.ok,
      () => false,
    );
    if (!ownListener) metricsUrl = `http://127.0.0.1:${port}/metrics`;
    const started = performance.now();
    let at10 = 0;
    let at90 = 0;
    await pollUntil(
      async () => {
        const rows = await landedRows();
        if (!at10 && rows >= TOTAL * 0.1) at10 = performance.now();
        if (!at90 && rows >= TOTAL * 0.9) at90 = performance.now();
        return rows >= TOTAL;
      },
      { intervalMs: 50, timeoutMs: 600_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakKiB = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    const cpuSeconds = processCpuSeconds(child.pid as number);
    const threads = cpuByThread(child.pid as number);
    return {
      cpuSecondsPerMillion: round((cpuSeconds / TOTAL) * 1e6, 2),
      cpuSecondsPerMillionByThread: Object.fromEntries(
        Object.entries(threads).map(([name, seconds]) => [name, round((seconds / TOTAL) * 1e6, 2)]),
      ),
      seconds,
      steadyEventsPerSecond: round((TOTAL * 0.8) / ((at90 - at10) / 1000)),
      peakRssMiB: round(peakKiB / 1024, 1),
      sampledPeakHeapUsedMiB: round(peaks.heap),
      sampledPeakExternalMiB: round(peaks.external),
    };
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  const s3 = createS3Client(shared.s3);
  const store = new LakeStore(s3, shared.s3.bucket);
  const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
  try {
    const ndjsonBytes = await produce();
    const baselineSeconds: number[] = [];
    const baselineCpu: number[] = [];
    const baselineServerCpu: ServerCpu[] = [];
    const landings: (LandingRun & { serverCpuPerMillion: ServerCpu })[] = [];
    const beforeLandings: (LandingRun & { serverCpuPerMillion: ServerCpu })[] = [];
    for (let run = 0; run < REPEATS; run++) {
      const baseline = await withServerCpu(() => consumeAndDiscard(run));
      baselineSeconds.push(baseline.seconds);
      baselineCpu.push(baseline.cpuSeconds);
      baselineServerCpu.push(baseline.serverCpuPerMillion);
      // With a lander of another checkout, the two take turns going first.
      const landers = [
        async () => landings.push(await withServerCpu(() => land(run))),
        async () => BEFORE_DIR && beforeLandings.push(await withServerCpu(() => land(REPEATS + run, BEFORE_DIR))),
      ];
      for (const lander of run % 2 ? landers.reverse() : landers) await lander();
      console.error(
        `run ${run}: baseline ${round(TOTAL / (baselineSeconds.at(-1) ?? 1))}/s, ` +
          `landing ${round(TOTAL / (landings.at(-1)?.seconds ?? 1))}/s` +
          (BEFORE_DIR ? `, before ${round(TOTAL / (beforeLandings.at(-1)?.seconds ?? 1))}/s` : ''),
      );
    }
    const objects = await store.list(`${prefixOf(0)}survey_events/`);
    const parquetBytes = objects.reduce((n, o) => n + o.size, 0);
    const baselineRate = round(TOTAL / median(baselineSeconds));
    const landingRate = round(TOTAL / median(landings.map((l) => l.seconds)));
    const steadyRate = median(landings.map((l) => l.steadyEventsPerSecond));
    const result = {
      benchmark: 'lander',
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 2), node: process.version },
      events: TOTAL,
      partitions: PARTITIONS,
      repeats: REPEATS,
      settings: {
        flushMaxEvents: FLUSH.maxEvents,
        flushMaxAgeMs: FLUSH.maxAgeMs,
        eventType: 'survey.submitted',
      },
      baseline: {
        what: 'partition consumer (packages/kafka) consume with JSON.parse of every value, then discard, of the same topic, fresh group per run; first batch → last event seen',
        medianSeconds: round(median(baselineSeconds), 3),
        eventsPerSecond: baselineRate,
        runsEventsPerSecond: baselineSeconds.map((s) => round(TOTAL / s)),
        cpuSecondsPerMillion: round((median(baselineCpu) / TOTAL) * 1e6, 2),
        serverCpuSecondsPerMillion: baselineServerCpu,
      },
      landing: {
        what:
          'lander process (src/main.ts), fresh group and prefix per run: decode, validate, Parquet (zstd) with ' +
          'DuckDB, upload to S3Proxy, Kafka commit, checkpoint; joined → every row landed, including the final ' +
          'age flush of partial buffers (≤ flushMaxAgeMs); excludes process start-up and group join',
        medianSeconds: round(median(landings.map((l) => l.seconds)), 3),
        eventsPerSecond: landingRate,
        shareOfBaseline: round(landingRate / baselineRate, 2),
        steadyEventsPerSecond: steadyRate,
        steadyWhat: 'rate between 10 % and 90 % of rows landed (no start, no final age flush)',
        steadyShareOfBaseline: round(steadyRate / baselineRate, 2),
        runsEventsPerSecond: landings.map((l) => round(TOTAL / l.seconds)),
        runsSteadyEventsPerSecond: landings.map((l) => l.steadyEventsPerSecond),
        runsCpuSecondsPerMillion: landings.map((l) => l.cpuSecondsPerMillion),
        cpuSecondsPerMillion: median(landings.map((l) => l.cpuSecondsPerMillion)),
        cpuWhat:
          'CPU time of the lander process (all threads, start-up included) per million events; less noisy than rates',
        cpuSecondsPerMillionByThread: landings.map((l) => l.cpuSecondsPerMillionByThread),
        serverCpuSecondsPerMillion: landings.map((l) => l.serverCpuPerMillion),
        serverCpuWhat:
          'CPU of the local Kafka broker and S3 server during each run (lander start-up included), per million events',
        objects: objects.length,
        peakRssMiB: Math.max(...landings.map((l) => l.peakRssMiB)),
        peakRssWhat: 'largest VmHWM of the lander process over the runs',
        sampledPeakHeapUsedMiB: Math.max(...landings.map((l) => l.sampledPeakHeapUsedMiB)),
        sampledPeakExternalMiB: Math.max(...landings.map((l) => l.sampledPeakExternalMiB)),
      },
      ...(BEFORE_DIR && {
        landingBefore: {
          what: `the lander of another checkout (BENCH_LANDER_BEFORE_DIR=${BEFORE_DIR}) on ${BEFORE_NODE}, alternated in each run`,
          eventsPerSecond: round(TOTAL / median(beforeLandings.map((l) => l.seconds))),
          steadyEventsPerSecond: median(beforeLandings.map((l) => l.steadyEventsPerSecond)),
          runsEventsPerSecond: beforeLandings.map((l) => round(TOTAL / l.seconds)),
          runsSteadyEventsPerSecond: beforeLandings.map((l) => l.steadyEventsPerSecond),
          cpuSecondsPerMillion: median(beforeLandings.map((l) => l.cpuSecondsPerMillion)),
          runsCpuSecondsPerMillion: beforeLandings.map((l) => l.cpuSecondsPerMillion),
          cpuSecondsPerMillionByThread: beforeLandings.map((l) => l.cpuSecondsPerMillionByThread),
          peakRssMiB: Math.max(...beforeLandings.map((l) => l.peakRssMiB)),
        },
      }),
      size: {
        ndjsonBytesPerEvent: round(ndjsonBytes / TOTAL, 1),
        parquetBytesPerEvent: round(parquetBytes / TOTAL, 1),
        parquetToNdjson: round(parquetBytes / ndjsonBytes, 3),
      },
    };
    // `pnpm bench` (test/bench/run.ts) names the file it collects into its one report.
    const out = process.env.BENCH_RESULT_FILE ?? `${root}bench/results/lander.json`;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await store.delete((await store.list(`bench-lander/${id}/`)).map((o) => o.key));
    await withAdmin(kafka, (admin) => admin.deleteTopics([topic])).catch(() => undefined);
    s3.destroy();
  }
}

await main();
