/**
 * The data path as real processes for an end-to-end scenario: ingest → Kafka → lander → S3 → query, on the
 * shared broker and S3 server but with topics, a consumer group and a lake prefix of the scenario's own
 * (support/names.ts), so it sees none of the shared topics' history and leaves nothing others see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, LakeTables, Topics } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { isolatedNames, type IsolatedNames } from './names.ts';
import { freePort, startService, type RunningService } from './services.ts';

export interface Stack {
  names: IsolatedNames;
  ingestUrl: string;
  queryUrl: string;
  /** Stops the services (query first) and removes the query service's data directory. */
  stop(): Promise<void>;
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
  const ports = { ingest: freePort(), lander: freePort(), query: freePort() };
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
    stop,
  };
}
