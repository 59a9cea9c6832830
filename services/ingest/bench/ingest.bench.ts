/**
 * Ingest throughput benchmark: events per second through POST /v1/events (batches of 100 and 1 000), with the
 * acknowledged producer on kafkajs (the baseline: ingest before @platformatic/kafka) and on @platformatic/kafka
 * (KAFKA_PRODUCER_LIBRARY), each its own ingest process, against the raw acked producer of packages/kafka sending the
 * same events to the same broker in the same run, through kafkajs (issue 4's baseline, target: HTTP ≥ 60 % of it)
 * and through platformatic (the faster library, which ingest uses: the client a user would pick instead). The service
 * runs as its own process (src/main.ts) so its peak memory (VmHWM) is its own. Both write to topics of their own
 * (INGEST_TOPIC_PREFIX), deleted afterwards: the benchmark's surveys never reach the pipeline's real topics, where
 * a running lander would land them into the lake the dashboard shows.
 *
 * With BENCH_INGEST_BEFORE_DIR (another checkout's root), that checkout's ingest runs too, on the Node of
 * BENCH_INGEST_BEFORE_NODE (default: the one on PATH), driven by the same client and alternated with the others in
 * every run: before/after on the same machine load. BENCH_INGEST_RUNS sets the runs (default 3),
 * BENCH_INGEST_BATCH_SIZES the batch sizes (default 100,1000), BENCH_INGEST_NODE_FLAGS Node flags of this
 * checkout's ingest processes (e.g. --cpu-prof).
 *
 * Writes bench/results/ingest.json. Usage: node --import tsx services/ingest/bench/ingest.bench.ts [events]
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, scrubEvent, Topics } from '@servq/contracts';
import { createAckedProducer, createKafka, ensureTopics, logLevel, withAdmin } from '@servq/kafka';
import { pollUntil } from '@servq/runtime';
import { Pool } from 'undici';
import { brokerPid, cpuSeconds, peakRssMiB } from './process.stats.ts';

const TOTAL = Number(process.argv[2] ?? 20_000);
/** Where the figures go: `pnpm bench` (test/bench/run.ts) collects them into its one report. */
const OUT = process.env.BENCH_RESULT_FILE;
/** The broker's own jars (infra/local/infra.sh `jars_for kafka`), for its ProducerPerformance tool. */
const KAFKA_LIB = process.env.SERVQ_KAFKA_LIB;
const CONCURRENCY = 4;
const RUNS = Number(process.env.BENCH_INGEST_RUNS ?? 3);
/** Batch sizes, e.g. "1000" to profile one of them alone. */
const BATCH_SIZES = (process.env.BENCH_INGEST_BATCH_SIZES ?? '100,1000').split(',').map(Number);
/** e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": Node flags for this checkout's ingest processes. */
const NODE_FLAGS = (process.env.BENCH_INGEST_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** Another checkout's root, whose ingest is measured beside this one's (before/after), and the Node it runs on. */
const BEFORE_DIR = process.env.BENCH_INGEST_BEFORE_DIR;
const BEFORE_NODE = process.env.BENCH_INGEST_BEFORE_NODE ?? 'node';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = loadSharedConfig(process.env);
const PORT = 18_000 + Math.floor(Math.random() * 1000);
const KEY = 'servq-dev-all-key';
const TOPIC_PREFIX = `bench.ingest.${randomUUID().slice(0, 8)}.`;
const benchTopics = ALL_TOPICS.map((topic) => `${TOPIC_PREFIX}${topic}`);
/** As many partitions as the pipeline's own topics (infra/local/provision.ts). */
const TOPIC_PARTITIONS = Number(process.env.SERVQ_TOPIC_PARTITIONS ?? 6);

function surveyEvent(i: number) {
  return {
    event_id: randomUUID(),
    type: 'survey.submitted' as const,
    schema_version: 1 as const,
    occurred_at: new Date(Date.now() - 3_600_000).toISOString(),
    source: 'bench',
    channel: 'in_person' as const,
    office_id: (['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'] as const)[i % 4],
    survey_id: `bench-${i}-${randomUUID().slice(0, 8)}`,
    satisfaction: 1 + (i % 5),
    courtesy: 1 + ((i + 2) % 5),
    recommend: i % 11,
    comment: 'Apkalpošana bija ātra un laipna, paldies! Zvaniet man: 29123456.',
  };
}

async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function batches<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** The bare acked producer of packages/kafka through one library, sending the same batches at the same concurrency. */
async function rawProducer(batchSize: number, library: Library): Promise<number> {
  const producer = createAckedProducer(createKafka({ ...shared.kafka, producerLibrary: library }), {
    sendTimeoutMs: 30_000,
  });
  await producer.start();
  const events = Array.from({ length: TOTAL }, (_, i) => surveyEvent(i));
  const started = performance.now();
  await pool(
    batches(events, batchSize).map((batch) => () => {
      // The same work the service does per event that is not HTTP: scrub and serialise.
      const messages = batch.map((e) => {
        const scrubbed = scrubEvent(e, { secret: 'bench-secret-0123456789' });
        return { key: scrubbed.survey_id, value: JSON.stringify(scrubbed), headers: { source: 'bench' } };
      });
      return producer.send([{ topic: `${TOPIC_PREFIX}${Topics.survey}`, messages }]);
    }),
    CONCURRENCY,
  );
  const seconds = (performance.now() - started) / 1000;
  await producer.stop();
  return TOTAL / seconds;
}

/**
 * How the benchmark's load reaches the service. `fetch` is the first client (WHATWG fetch, each body serialised
 * inside the timed run), kept so that figures stay comparable with earlier runs. `undici` is the fastest client
 * Node has (undici's Pool, `request`, one keep-alive connection per worker), with every body serialised before the
 * clock starts, as a sender that already holds its JSON would: on two shared cores, fetch's own CPU (16–20 µs an
 * event, measured) is taken from the service it measures.
 */
type Client = 'fetch' | 'undici';
const CLIENTS: Client[] = (process.env.BENCH_INGEST_CLIENTS ?? 'undici,fetch').split(',') as Client[];
const pools = new Map<number, Pool>();
const poolFor = (port: number) => {
  let pool = pools.get(port);
  if (!pool) pools.set(port, (pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY })));
  return pool;
};
const HEADERS = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

function postWith(client: Client, port: number): (body: string) => Promise<void> {
  const check = async (status: number, text: () => Promise<string>) => {
    if (status !== 200) throw new Error(`ingest answered ${status}: ${await text()}`);
  };
  if (client === 'fetch')
    return async (body) => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/events`, { method: 'POST', headers: HEADERS, body });
      await check(res.status, () => res.text());
      await res.arrayBuffer();
    };
  const pool = poolFor(port);
  return async (body) => {
    const res = await pool.request({ path: '/v1/events', method: 'POST', headers: HEADERS, body });
    await check(res.statusCode, () => res.body.text());
    await res.body.dump();
  };
}

/** Events per second of one run, and the CPU the benchmark's own process (the client) spent an event. */
async function httpIngest(
  batchSize: number,
  port: number,
  client: Client,
): Promise<{ eventsPerSecond: number; clientCpuUs: number }> {
  const chunks = batches(
    Array.from({ length: TOTAL }, (_, i) => surveyEvent(i)),
    batchSize,
  );
  const post = postWith(client, port);
  const bodies = client === 'undici' ? chunks.map((batch) => JSON.stringify(batch)) : [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await pool(
    chunks.map((batch, i) => () => post(client === 'undici' ? bodies[i]! : JSON.stringify(batch))),
    CONCURRENCY,
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { eventsPerSecond: TOTAL / seconds, clientCpuUs: (cpu.user + cpu.system) / TOTAL };
}

/** A summary line of ProducerPerformance: "N records sent, R records/sec (…), A ms avg latency, … P ms 99th, …". */
interface JavaFigures {
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * The broker's own producer benchmark (org.apache.kafka.tools.ProducerPerformance from kafka-tools), sending the
 * same serialised events (picked at random from a payload file, one per line) with the service's producer
 * settings (idempotent, acks=all); `throughput` -1 is as fast as it goes. JVM start-up is not in its figures.
 */
async function javaProducerPerformance(records: number, throughput: number): Promise<JavaFigures | null> {
  if (!KAFKA_LIB) return null;
  const payloads = join(tmpdir(), `servq-bench-payloads-${process.pid}.ndjson`);
  writeFileSync(
    payloads,
    Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify(scrubEvent(surveyEvent(i), { secret: 'bench-secret-0123456789' })),
    ).join('\n'),
  );
  const { stdout } = await promisify(execFile)(
    'java',
    [
      '-Xmx256m',
      '-cp',
      `${KAFKA_LIB}/*`,
      `-Dlog4j2.configurationFile=${root}infra/local/log4j2.kafka.xml`,
      'org.apache.kafka.tools.ProducerPerformance',
      '--topic',
      `${TOPIC_PREFIX}${Topics.survey}`,
      '--num-records',
      String(records),
      '--throughput',
      String(Math.round(throughput)),
      '--payload-file',
      payloads,
      '--producer-props',
      `bootstrap.servers=${shared.kafka.brokers.join(',')}`,
      'acks=all',
      'enable.idempotence=true',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const summary = /records sent, ([\d.]+) records\/sec.*?([\d.]+) ms 50th, [\d.]+ ms 95th, ([\d.]+) ms 99th/.exec(
    stdout,
  );
  if (!summary) throw new Error(`ProducerPerformance printed no summary: ${stdout.slice(-500)}`);
  return { eventsPerSecond: Number(summary[1]), p50Ms: Number(summary[2]), p99Ms: Number(summary[3]) };
}

/**
 * Acknowledgement latency through HTTP at a fixed offered rate (batches of 100 sent on a clock, not waiting for
 * each other): the time from sending a batch to its 200, i.e. to the broker's acknowledgement of every event.
 */
async function httpLatencyAtRate(
  eventsPerSecond: number,
  events: number,
  port: number,
): Promise<{ p50Ms: number; p99Ms: number }> {
  const batchSize = 100;
  const bodies = batches(
    Array.from({ length: events }, (_, i) => surveyEvent(i)),
    batchSize,
  ).map((batch) => JSON.stringify(batch));
  const post = postWith('undici', port);
  const intervalMs = (batchSize / eventsPerSecond) * 1000;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    bodies.map(async (body, i) => {
      const due = started + i * intervalMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const sent = performance.now();
      await post(body);
      latencies.push(performance.now() - sent);
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0) * 10) / 10;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

const benchKafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
await ensureTopics(
  benchKafka,
  benchTopics.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS })),
);
type Library = 'kafkajs' | 'platformatic';
/** What is measured: this checkout's ingest per producer library, and with BENCH_INGEST_BEFORE_DIR the other's. */
type Arm = Library | 'before';
const LIBRARIES: Library[] = ['kafkajs', 'platformatic'];
const ARMS: Arm[] = BEFORE_DIR ? ['before', ...LIBRARIES] : LIBRARIES;

/** Starts ingest (src/main.ts) with the given producer library (or the other checkout's) on a port, once healthy. */
async function startIngest(arm: Arm, port: number) {
  const before = arm === 'before';
  const flags = before ? [] : NODE_FLAGS;
  const child = spawn(before ? BEFORE_NODE : 'node', [...flags, '--import', 'tsx', 'services/ingest/src/main.ts'], {
    cwd: before ? BEFORE_DIR : root,
    env: {
      ...process.env,
      INGEST_PORT: String(port),
      INGEST_LOG_LEVEL: 'warn',
      INGEST_RATE_LIMIT_PER_MINUTE: '1000000',
      INGEST_TOPIC_PREFIX: TOPIC_PREFIX,
      ...(!before && { KAFKA_PRODUCER_LIBRARY: arm }),
      // Two of them side by side: each takes a free port for its metrics.
      INGEST_METRICS_ADDR: '127.0.0.1:0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await pollUntil(
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
      } catch {
        return false;
      }
    },
    { intervalMs: 200, timeoutMs: 60_000 },
  );
  return child;
}

const services = new Map<Arm, ReturnType<typeof spawn>>();
const portOf = (arm: Arm) => PORT + ARMS.indexOf(arm);
const round1 = (n: number) => Number(n.toFixed(1));
/** Alternating runs of every arm at one batch size through one client, against the bare producers' medians. */
async function httpRow(batchSize: number, client: Client, rawKafkajs: number, rawPlatformatic: number) {
  const arms = () => ({ kafkajs: [] as number[], platformatic: [] as number[], before: [] as number[] });
  const http = arms();
  const cpu = arms();
  const clientCpu = arms();
  const brokerCpu = arms();
  const broker = brokerPid();
  for (const arm of ARMS) await httpIngest(batchSize, portOf(arm), client); // warm-up
  // Alternating: the machine is shared, and one run of either can be slowed by a neighbour. The order turns each
  // run, so no arm always follows the same one.
  for (let run = 0; run < RUNS; run++) {
    for (const [k] of ARMS.entries()) {
      const arm = ARMS[(k + run) % ARMS.length]!;
      const pid = services.get(arm)!.pid!;
      const cpuBefore = cpuSeconds(pid);
      const brokerBefore = broker === undefined ? 0 : cpuSeconds(broker);
      const { eventsPerSecond, clientCpuUs } = await httpIngest(batchSize, portOf(arm), client);
      http[arm].push(eventsPerSecond);
      cpu[arm].push(((cpuSeconds(pid) - cpuBefore) / TOTAL) * 1e6);
      clientCpu[arm].push(clientCpuUs);
      if (broker !== undefined) brokerCpu[arm].push(((cpuSeconds(broker) - brokerBefore) / TOTAL) * 1e6);
    }
  }
  const platformatic = median(http.platformatic);
  const before = BEFORE_DIR
    ? {
        http_events_per_s_before: Math.round(median(http.before)),
        platformatic_vs_before: Number((platformatic / median(http.before)).toFixed(2)),
        service_cpu_us_per_event_before: round1(median(cpu.before)),
        runs: Object.fromEntries(
          ARMS.map((arm) => [
            arm,
            {
              events_per_s: http[arm].map(Math.round),
              cpu_us_per_event: cpu[arm].map(round1),
              client_cpu_us_per_event: clientCpu[arm].map(round1),
              broker_cpu_us_per_event: brokerCpu[arm].map(round1),
            },
          ]),
        ),
      }
    : {};
  return {
    batch_size: batchSize,
    client,
    events: TOTAL,
    concurrency: CONCURRENCY,
    http_events_per_s_kafkajs: Math.round(median(http.kafkajs)),
    http_events_per_s_platformatic: Math.round(platformatic),
    platformatic_vs_kafkajs: Number((platformatic / median(http.kafkajs)).toFixed(2)),
    raw_producer_events_per_s: Math.round(rawKafkajs),
    http_vs_raw: Number((platformatic / rawKafkajs).toFixed(2)),
    raw_platformatic_events_per_s: Math.round(rawPlatformatic),
    http_vs_raw_platformatic: Number((platformatic / rawPlatformatic).toFixed(2)),
    service_cpu_us_per_event_kafkajs: round1(median(cpu.kafkajs)),
    service_cpu_us_per_event_platformatic: round1(median(cpu.platformatic)),
    client_cpu_us_per_event_platformatic: round1(median(clientCpu.platformatic)),
    broker_cpu_us_per_event_platformatic: broker === undefined ? null : round1(median(brokerCpu.platformatic)),
    target_ratio: 0.6,
    ...before,
  };
}

try {
  for (const arm of ARMS) services.set(arm, await startIngest(arm, portOf(arm)));
  const results: Awaited<ReturnType<typeof httpRow>>[] = [];
  for (const batchSize of BATCH_SIZES) {
    const raw: Record<Library, number[]> = { kafkajs: [], platformatic: [] };
    for (const library of LIBRARIES) await rawProducer(batchSize, library); // warm-up
    for (const library of LIBRARIES)
      for (let run = 0; run < RUNS; run++) raw[library].push(await rawProducer(batchSize, library));
    for (const client of CLIENTS)
      results.push(await httpRow(batchSize, client, median(raw.kafkajs), median(raw.platformatic)));
  }
  const java = await javaProducerPerformance(TOTAL, -1);
  // Half of HTTP's rate (default producer library, batches of 100), offered to the service and to the broker's
  // own producer alike.
  const of100 = results.find((r) => r.batch_size === 100 && r.client === CLIENTS[0]);
  const halfRate = Math.round(Number(of100?.http_events_per_s_platformatic ?? 0) / 2);
  const latencyEvents = Math.min(TOTAL, halfRate * 10);
  const latency = of100 && {
    offered_events_per_s: halfRate,
    events: latencyEvents,
    http_batches_of_100: await httpLatencyAtRate(halfRate, latencyEvents, portOf('platformatic')),
    java_producer_performance: await javaProducerPerformance(latencyEvents, halfRate),
  };
  const report = {
    benchmark: 'ingest',
    when: new Date().toISOString(),
    node: process.version,
    ...(BEFORE_DIR && {
      before: { dir: BEFORE_DIR, node: execFileSync(BEFORE_NODE, ['--version'], { encoding: 'utf8' }).trim() },
    }),
    brokers: shared.kafka.brokers,
    what: `HTTP events/s per producer library (KAFKA_PRODUCER_LIBRARY)${BEFORE_DIR ? ` and of ${BEFORE_DIR}'s ingest (before, on ${BEFORE_NODE})` : ''}, medians of ${RUNS} alternating runs per client (${CLIENTS.join(', ')}: see Client); raw = the bare acked producer of packages/kafka through kafkajs, raw_platformatic through platformatic`,
    results,
    java_producer_performance: java,
    latency_at_half_rate: latency,
    service_peak_rss_mib: Object.fromEntries(
      [...services].map(([arm, child]) => [arm, Number(peakRssMiB(child.pid!).toFixed(1))]),
    ),
  };
  const out = OUT ?? `${root}bench/results/ingest.json`;
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.table(results);
  console.log(JSON.stringify({ java, latency }));
  console.log(`ingest peak RSS: ${JSON.stringify(report.service_peak_rss_mib)} MiB → ${out}`);
} finally {
  for (const child of services.values()) child.kill('SIGTERM');
  await Promise.all([...pools.values()].map((p) => p.close()));
  await withAdmin(benchKafka, (admin) => admin.deleteTopics(benchTopics));
}
