/**
 * The data path as real processes for an end-to-end scenario: ingest → Kafka → lander → S3 → query, on the
 * shared broker and S3 server but with topics, a consumer group and a lake prefix of the scenario's own
 * (support/names.ts), so it sees none of the shared topics' history and leaves nothing others see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, isEventType, LakeTables, Topics, topicFor } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { LakeAuditor } from './lake-audit.ts';
import { isolatedNames, type IsolatedNames } from './names.ts';
import { freePort, startService, type RunningService } from './services.ts';

export interface Stack {
  names: IsolatedNames;
  ingestUrl: string;
  queryUrl: string;
  /**
   * Resolves once every one of `events` is in the lake (read straight from S3, id by id) and the query service
   * has finished a whole sync after that: a count that matches says only that one family has landed, while the
   * other topics' last events may still sit in the lander's buffer and move a figure after the test read it.
   */
  settled(events: readonly SentEvent[], timeoutMs?: number): Promise<void>;
  /** Stops the services (query first) and removes the query service's data directory. */
  stop(): Promise<void>;
}

/** What `settled` needs of an event sent to ingest. */
export interface SentEvent {
  event_id: string;
  type: string;
}

export interface StackOptions {
  /** How long the lander buffers a partition before writing it (LANDER_FLUSH_MAX_AGE_MS). */
  flushMs: number;
  /** How often the query service looks for new lake objects (QUERY_SYNC_INTERVAL_MS). */
  syncMs: number;
  /** More environment for the query service (QUERY_DASHBOARD_DIR, say). */
  queryEnv?: Record<string, string>;
}

const TABLE_OF: Record<string, string> = {
  [Topics.visit]: LakeTables.visit,
  [Topics.survey]: LakeTables.survey,
  [Topics.complaint]: LakeTables.complaint,
  [Topics.rejected]: LakeTables.rejected,
  [Topics.alert]: LakeTables.alert,
};

export async function startStack(scenario: string, options: StackOptions): Promise<Stack> {
  const names = isolatedNames(scenario);
  const ports = { ingest: freePort(), lander: freePort(), query: freePort(), queryMetrics: freePort() };
  const dataDir = mkdtempSync(`${tmpdir()}/servq-e2e-${scenario}-`);
  const topic = (name: string) => `${names.topicPrefix}${name}`;
  const services: RunningService[] = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
    await ensureTopics(
      kafka,
      ALL_TOPICS.map((t) => ({ topic: topic(t), numPartitions: 3 })),
    );
    services.push(
      await startService(
        'ingest',
        { INGEST_PORT: String(ports.ingest), INGEST_LOG_LEVEL: 'warn', INGEST_TOPIC_PREFIX: names.topicPrefix },
        `http://127.0.0.1:${ports.ingest}/healthz`,
      ),
    );
    services.push(
      await startService(
        'lander',
        {
          LANDER_HTTP_PORT: String(ports.lander),
          LANDER_LAKE_PREFIX: names.lakePrefix,
          LANDER_GROUP_ID: names.groupId,
          LANDER_TOPICS: ALL_TOPICS.map((t) => `${topic(t)}=${TABLE_OF[t]}`).join(','),
          LANDER_FLUSH_MAX_AGE_MS: String(options.flushMs),
          LANDER_COMPACTION_INTERVAL_MS: '0',
          LANDER_LOG_LEVEL: 'warn',
        },
        `http://127.0.0.1:${ports.lander}/healthz`,
      ),
    );
    services.push(
      await startService(
        'query',
        {
          QUERY_PORT: String(ports.query),
          QUERY_LAKE_PREFIX: names.lakePrefix,
          QUERY_DATA_DIR: dataDir,
          QUERY_SYNC_INTERVAL_MS: String(options.syncMs),
          QUERY_METRICS_ADDR: `127.0.0.1:${ports.queryMetrics}`,
          ...options.queryEnv,
        },
        // Ready after its first sync: until then data requests answer 503.
        `http://127.0.0.1:${ports.query}/readyz`,
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    names,
    ingestUrl: `http://127.0.0.1:${ports.ingest}`,
    queryUrl: `http://127.0.0.1:${ports.query}`,
    settled: (events, timeoutMs = 90_000) =>
      settled(names, `http://127.0.0.1:${ports.queryMetrics}/metrics`, events, timeoutMs),
    stop,
  };
}

async function settled(
  names: IsolatedNames,
  queryMetricsUrl: string,
  events: readonly SentEvent[],
  timeoutMs: number,
): Promise<void> {
  const s3Config = loadSharedConfig(process.env).s3;
  const s3 = createS3Client(s3Config);
  const idsByTable = new Map<string, Set<string>>();
  for (const event of events) {
    if (!isEventType(event.type)) throw new Error(`settled: ${event.type} is no event type`);
    const table = TABLE_OF[topicFor({ type: event.type })]!;
    let ids = idsByTable.get(table);
    if (!ids) idsByTable.set(table, (ids = new Set()));
    ids.add(event.event_id);
  }
  const missing = new Map<string, number>();
  try {
    for (const [table, ids] of idsByTable) {
      const auditor = new LakeAuditor(s3, s3Config.bucket, `${names.lakePrefix}${table}/`);
      await auditor.open();
      try {
        await pollUntil(
          async () => {
            const { lost } = await auditor.audit(ids, ids);
            missing.set(table, lost);
            return lost === 0;
          },
          { intervalMs: 500, timeoutMs },
        );
      } finally {
        await auditor.close();
      }
    }
  } catch (error) {
    throw new Error(`the lake never held every sent event: ${JSON.stringify(Object.fromEntries(missing))}`, {
      cause: error,
    });
  } finally {
    s3.destroy();
  }
  // A sync that finished after this moment may have started before it; the one after that cannot have.
  const landedAt = Date.now();
  const firstSync = await syncFinishedAfter(queryMetricsUrl, landedAt, timeoutMs);
  await syncFinishedAfter(queryMetricsUrl, firstSync, timeoutMs);
}

/** When the query service's first sync to finish after `since` (epoch ms) finished, from its sync-age gauge. */
async function syncFinishedAfter(metricsUrl: string, since: number, timeoutMs: number): Promise<number> {
  let finishedAt = 0;
  await pollUntil(
    async () => {
      const text = await (await fetch(metricsUrl)).text();
      const age = Number(/^servq_query_last_sync_age_seconds (\S+)$/m.exec(text)?.[1]);
      if (!Number.isFinite(age)) return false;
      finishedAt = Date.now() - age * 1000;
      return finishedAt > since;
    },
    { intervalMs: 100, timeoutMs },
  );
  return finishedAt;
}
