/**
 * Landing benchmark: events per second from a topic to Parquet objects in S3 (the lander as its own process,
 * src/main.ts) next to a bare kafkajs consume-and-discard of the same topic in the same run — the baseline the
 * issue sets (target: landing ≥ half of it). Also Parquet bytes per event against the same events as NDJSON,
 * and the lander's peak memory (VmHWM of its process).
 *
 * Both rates are timed from the moment the consumer has joined its group to the last event, so group joins
 * and process start-up are not counted. Writes bench/results/lander.json.
 * Usage: node --import tsx services/lander/bench/landing.bench.ts [events]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSharedConfig } from '@servq/config';
import { createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import pWaitFor from 'p-wait-for';
import { LakeStore } from '../src/lake.store.ts';

const TOTAL = Number(process.argv[2] ?? 200_000);
const PARTITIONS = 6;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const landerDir = fileURLToPath(new URL('..', import.meta.url));
const shared = loadSharedConfig(process.env);
const PORT = 19_000 + Math.floor(Math.random() * 1000);
const id = randomUUID().slice(0, 8);
const topic = `bench.lander.${id}`;
const prefix = `bench-lander/${id}/`;

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

async function produce(): Promise<number> {
  const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
  await ensureTopics(kafka, [{ topic, numPartitions: PARTITIONS }]);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let ndjsonBytes = 0;
  for (let start = 0; start < TOTAL; start += 2000) {
    const messages = Array.from({ length: Math.min(2000, TOTAL - start) }, (_, j) => {
      const event = surveyEvent(start + j);
      const value = JSON.stringify(event);
      ndjsonBytes += Buffer.byteLength(value) + 1;
      return { key: event.survey_id, value };
    });
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
  return ndjsonBytes;
}

/** kafkajs eachBatch that only resolves offsets: the ceiling for any consumer of this topic here. */
async function consumeAndDiscard(): Promise<number> {
  const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-discard-${id}`, maxBytesPerPartition: 4 * 1024 * 1024 });
  let joinedAt = 0;
  let seen = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => (joinedAt = performance.now()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      seen += payload.batch.messages.length;
      const last = payload.batch.messages.at(-1);
      if (last) payload.resolveOffset(last.offset);
      await Promise.resolve();
    },
  });
  await pWaitFor(() => seen >= TOTAL, { interval: 10, timeout: { milliseconds: 600_000 } });
  const seconds = (performance.now() - joinedAt) / 1000;
  await consumer.disconnect();
  return seconds;
}

/** Peaks of the lander's own memory gauges while it lands, sampled with every progress poll. */
const peaks = { heapUsedMiB: 0, externalMiB: 0 };

function gauge(body: string, name: string): number {
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)`, 'm').exec(body)?.[1] ?? 0) / 1048576;
}

async function landedRows(): Promise<number> {
  try {
    const body = await (await fetch(`http://127.0.0.1:${PORT}/metrics`)).text();
    peaks.heapUsedMiB = Math.max(peaks.heapUsedMiB, gauge(body, 'lander_nodejs_heap_size_used_bytes'));
    peaks.externalMiB = Math.max(peaks.externalMiB, gauge(body, 'lander_nodejs_external_memory_bytes'));
    return Number(/^lander_rows_landed_total\{table="survey_events"\} (\d+)/m.exec(body)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function land(): Promise<{ seconds: number; peakRssMiB: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: landerDir,
    env: {
      ...process.env,
      LANDER_TOPICS: `${topic}=survey_events`,
      LANDER_GROUP_ID: `bench-lander-${id}`,
      LANDER_LAKE_PREFIX: prefix,
      LANDER_HTTP_PORT: String(PORT),
      LANDER_FLUSH_MAX_EVENTS: '50000',
      LANDER_FLUSH_MAX_AGE_MS: '1000',
      LANDER_COMPACTION_INTERVAL_MS: '0',
      LANDER_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await pWaitFor(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${PORT}/readyz`)).status === 200;
        } catch {
          return false;
        }
      },
      { interval: 20, timeout: { milliseconds: 60_000 } },
    );
    const started = performance.now();
    await pWaitFor(async () => (await landedRows()) >= TOTAL, { interval: 50, timeout: { milliseconds: 600_000 } });
    const seconds = (performance.now() - started) / 1000;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakKiB = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    return { seconds, peakRssMiB: Math.round(peakKiB / 102.4) / 10 };
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
    const baselineSeconds = await consumeAndDiscard();
    const landing = await land();
    const objects = await store.list(`${prefix}survey_events/`);
    const parquetBytes = objects.reduce((n, o) => n + o.size, 0);
    const baselineRate = Math.round(TOTAL / baselineSeconds);
    const landingRate = Math.round(TOTAL / landing.seconds);
    const result = {
      benchmark: 'lander',
      measuredAt: new Date().toISOString(),
      events: TOTAL,
      partitions: PARTITIONS,
      settings: { flushMaxEvents: 50_000, flushMaxAgeMs: 1000, eventType: 'survey.submitted' },
      baseline: {
        what: 'kafkajs consume-and-discard, same topic',
        seconds: baselineSeconds,
        eventsPerSecond: baselineRate,
      },
      landing: {
        what: 'lander process: decode, validate, Parquet (zstd) with DuckDB, upload to S3Proxy, commit',
        seconds: landing.seconds,
        eventsPerSecond: landingRate,
        shareOfBaseline: Math.round((landingRate / baselineRate) * 100) / 100,
        objects: objects.length,
        peakRssMiB: landing.peakRssMiB,
        sampledPeakHeapUsedMiB: Math.round(peaks.heapUsedMiB),
        sampledPeakExternalMiB: Math.round(peaks.externalMiB),
      },
      size: {
        ndjsonBytesPerEvent: Math.round((ndjsonBytes / TOTAL) * 10) / 10,
        parquetBytesPerEvent: Math.round((parquetBytes / TOTAL) * 10) / 10,
        parquetToNdjson: Math.round((parquetBytes / ndjsonBytes) * 1000) / 1000,
      },
    };
    mkdirSync(`${root}bench/results`, { recursive: true });
    writeFileSync(`${root}bench/results/lander.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await store.delete((await store.list(prefix)).map((o) => o.key));
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    s3.destroy();
  }
}

await main();
