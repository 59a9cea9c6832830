/**
 * Freshness: from an event's acknowledgement by ingest (its 200) to its visibility in GET /v1/query, with
 * ingest, lander and query as real processes on their default flush and sync intervals, over topics and a lake
 * prefix of this run only (deleted afterwards). One survey at a time, so each waits for its own flush: the
 * baseline is what the design allows, the lander's flush age plus the query's sync interval. Also each
 * service's peak memory (VmHWM) at the end.
 * Writes BENCH_RESULT_FILE. Usage: node --import tsx test/bench/freshness.bench.ts [samples]
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, LakeTables, Topics } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel, withAdmin } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { freePort, repoRoot, startService, type RunningService } from '../support/services.ts';

const SAMPLES = Number(process.argv[2] ?? 20);
/** The services' defaults (LANDER_FLUSH_MAX_AGE_MS, QUERY_SYNC_INTERVAL_MS), set explicitly to name the baseline. */
const FLUSH_MS = 5000;
const SYNC_MS = 5000;
const OUT = process.env.BENCH_RESULT_FILE ?? `${repoRoot}bench/results/freshness.json`;
const MANAGEMENT = { authorization: 'Bearer servq-dev-management-token' };
const OFFICE = 'cesis';
const runId = randomUUID().slice(0, 8);
const topicPrefix = `bench.freshness.${runId}.`;
const lakePrefix = `bench-freshness/${runId}/lake/`;
const tableOf: Record<string, string> = {
  [Topics.visit]: LakeTables.visit,
  [Topics.survey]: LakeTables.survey,
  [Topics.complaint]: LakeTables.complaint,
  [Topics.rejected]: LakeTables.rejected,
  [Topics.alert]: LakeTables.alert,
};

const shared = loadSharedConfig(process.env);
const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
const s3 = createS3Client(shared.s3);
const ports = { ingest: freePort(), lander: freePort(), query: freePort() };
const dataDir = mkdtempSync(`${tmpdir()}/servq-bench-freshness-`);
const services: RunningService[] = [];

function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

function peakRssMiB(pid: number | undefined): number {
  const kiB = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kiB) / 1024);
}

async function surveysAnswered(): Promise<number> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const url = `http://127.0.0.1:${ports.query}/v1/query?metrics=surveys_answered&from=${day(-1)}&to=${day(1)}&filter.office=${OFFICE}`;
  const res = await fetch(url, { headers: MANAGEMENT });
  if (!res.ok) throw new Error(`query answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { rows: { surveys_answered?: { n: number } }[] };
  return body.rows[0]?.surveys_answered?.n ?? 0;
}

async function sendOne(i: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${ports.ingest}/v1/events`, {
    method: 'POST',
    headers: { authorization: 'Bearer servq-dev-survey-key', 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        event_id: randomUUID(),
        type: 'survey.submitted',
        schema_version: 1,
        occurred_at: new Date(Date.now() - 60_000).toISOString(),
        source: 'bench',
        channel: 'in_person',
        office_id: OFFICE,
        survey_id: `bench-${runId}-${i}`,
        satisfaction: 4,
      },
    ]),
  });
  if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return performance.now();
}

try {
  const topic = (name: string) => `${topicPrefix}${name}`;
  await ensureTopics(
    kafka,
    ALL_TOPICS.map((t) => ({ topic: topic(t), numPartitions: 3 })),
  );
  services.push(
    await startService(
      'ingest',
      { INGEST_PORT: String(ports.ingest), INGEST_LOG_LEVEL: 'warn', INGEST_TOPIC_PREFIX: topicPrefix },
      `http://127.0.0.1:${ports.ingest}/healthz`,
    ),
    await startService(
      'lander',
      {
        LANDER_HTTP_PORT: String(ports.lander),
        LANDER_LAKE_PREFIX: lakePrefix,
        LANDER_GROUP_ID: `bench-freshness-${runId}`,
        LANDER_TOPICS: ALL_TOPICS.map((t) => `${topic(t)}=${tableOf[t]}`).join(','),
        LANDER_FLUSH_MAX_AGE_MS: String(FLUSH_MS),
        LANDER_COMPACTION_INTERVAL_MS: '0',
        LANDER_LOG_LEVEL: 'warn',
      },
      `http://127.0.0.1:${ports.lander}/healthz`,
    ),
    await startService(
      'query',
      {
        QUERY_PORT: String(ports.query),
        QUERY_LAKE_PREFIX: lakePrefix,
        QUERY_DATA_DIR: dataDir,
        QUERY_SYNC_INTERVAL_MS: String(SYNC_MS),
      },
      `http://127.0.0.1:${ports.query}/readyz`,
    ),
  );
  const seconds: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const before = await surveysAnswered();
    const acked = await sendOne(i);
    let visibleAt = 0;
    await pollUntil(
      async () => {
        const seen = (await surveysAnswered()) > before;
        if (seen) visibleAt = performance.now();
        return seen;
      },
      { intervalMs: 50, timeoutMs: 60_000 },
    );
    seconds.push((visibleAt - acked) / 1000);
    console.error(`[freshness] sample ${i + 1}/${SAMPLES}: ${seconds.at(-1)?.toFixed(2)} s`);
  }
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const result = {
    benchmark: 'freshness',
    at: new Date().toISOString(),
    samples: SAMPLES,
    what: 'one survey at a time: ingest 200 → its count visible in GET /v1/query (polled every 50 ms)',
    p50Seconds: round2(quantile(seconds, 0.5)),
    p95Seconds: round2(quantile(seconds, 0.95)),
    maxSeconds: round2(Math.max(...seconds)),
    baseline: {
      what: 'lander flush age (LANDER_FLUSH_MAX_AGE_MS) + query sync interval (QUERY_SYNC_INTERVAL_MS)',
      flushMs: FLUSH_MS,
      syncMs: SYNC_MS,
      seconds: (FLUSH_MS + SYNC_MS) / 1000,
    },
    peakRssMiB: Object.fromEntries(services.map((s) => [s.name, peakRssMiB(s.process.pid)])),
    samplesSeconds: seconds.map(round2),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  for (const service of services.reverse()) await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await withAdmin(kafka, (admin) => admin.deleteTopics(ALL_TOPICS.map((t) => `${topicPrefix}${t}`))).catch(
    () => undefined,
  );
  for (;;) {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: shared.s3.bucket, Prefix: lakePrefix }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length === 0) break;
    await s3.send(new DeleteObjectsCommand({ Bucket: shared.s3.bucket, Delete: { Objects: keys, Quiet: true } }));
  }
  s3.destroy();
}
