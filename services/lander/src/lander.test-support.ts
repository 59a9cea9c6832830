/**
 * Helpers for the lander's integration tests: an isolated configuration (random topics, group and lake prefix),
 * valid test events, producing, and reading the lake back independently with DuckDB.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSharedConfig } from '@servq/config';
import {
  createKafka,
  ensureTopics,
  logLevel,
  withAdmin,
  type KafkaClient,
  type KafkaProducer,
  type ProducerMessage,
} from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadConfig, type LanderConfig } from './config.ts';
import { LakeStore } from './lake/lake.store.ts';
import { sqlString } from './lake/parquet.writer.ts';

/** Produces one topic's messages, acknowledged by all in-sync replicas. */
export interface TestProducer {
  send(batch: { topic: string; messages: ProducerMessage[] }): Promise<void>;
}

/** A test producer on a connected producer. */
export function testProducer(producer: KafkaProducer): TestProducer {
  return { send: async ({ topic, messages }) => void (await producer.send(topic, messages)) };
}

/** The clients a lander integration suite shares, and the cleanups registered by its tests. */
export interface SuiteClients {
  kafka: KafkaClient;
  s3: S3Client;
  producer: TestProducer;
  cleanups: (() => Promise<void>)[];
}

/**
 * Registers the suite's hooks: clients made before all tests, each test's cleanups run (last first) after it,
 * clients closed after all. The fields are set once `beforeAll` has run, i.e. inside tests.
 */
export function useSuiteClients(): SuiteClients {
  const shared = loadSharedConfig(process.env);
  const suite = { cleanups: [] } as Partial<SuiteClients> & Pick<SuiteClients, 'cleanups'>;
  let producer: KafkaProducer | undefined;
  beforeAll(async () => {
    suite.kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
    suite.s3 = createS3Client(shared.s3);
    producer = suite.kafka.producer();
    await producer.connect();
    suite.producer = testProducer(producer);
  });
  afterEach(async () => {
    for (const cleanup of suite.cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await producer?.disconnect();
    suite.s3?.destroy();
  });
  return suite as SuiteClients;
}

export interface Isolation {
  topic: string;
  rejectedTopic: string;
  groupId: string;
  prefix: string;
  env: Record<string, string | undefined>;
  config: LanderConfig;
}

export async function isolate(
  kafka: KafkaClient,
  overrides: Record<string, string> = {},
  partitions = 3,
): Promise<Isolation> {
  const id = randomUUID().slice(0, 8);
  const topic = `test.lander.${id}.visit`;
  const rejectedTopic = `test.lander.${id}.rejected`;
  const groupId = `test-lander-${id}`;
  const prefix = `test-lander/${id}/`;
  await ensureTopics(kafka, [
    { topic, numPartitions: partitions },
    { topic: rejectedTopic, numPartitions: 1 },
  ]);
  const env = {
    ...process.env,
    LANDER_TOPICS: `${topic}=visit_events,${rejectedTopic}=rejected_events`,
    LANDER_GROUP_ID: groupId,
    LANDER_LAKE_PREFIX: prefix,
    LANDER_FLUSH_MAX_AGE_MS: '300',
    LANDER_FLUSH_MAX_EVENTS: '200',
    LANDER_KAFKA_SESSION_TIMEOUT_MS: '6000',
    LANDER_S3_RETRY_MAX_DELAY_MS: '1000',
    LANDER_COMPACTION_INTERVAL_MS: '0',
    LANDER_LOG_LEVEL: 'warn',
    LANDER_HTTP_PORT: '0',
    // A free port, so that landers started side by side (a crashed one and its successor) never share one.
    LANDER_METRICS_ADDR: '127.0.0.1:0',
    ...overrides,
  };
  return { topic, rejectedTopic, groupId, prefix, env, config: loadConfig(env) };
}

export async function cleanUp(kafka: KafkaClient, s3: S3Client, bucket: string, isolation: Isolation): Promise<void> {
  const store = new LakeStore(s3, bucket);
  await store.delete((await store.list(isolation.prefix)).map((o) => o.key));
  await withAdmin(kafka, (admin) =>
    admin.deleteTopics([isolation.topic, isolation.rejectedTopic]).catch(() => undefined),
  );
}

export interface TestEvent {
  event_id: string;
  type: 'visit.called';
  schema_version: 1;
  occurred_at: string;
  source: string;
  channel: string;
  office_id: string;
  visit_id: string;
  desk: string;
  staff_ref: string;
}

/** The columns a `visit.called` event fills, to compare lake rows with what was sent. */
export const VISIT_CALLED_FIELDS = [
  'event_id',
  'type',
  'schema_version',
  'source',
  'channel',
  'office_id',
  'visit_id',
  'desk',
  'staff_ref',
] as const;

/** Asserts that a lake row carries the event's values (timestamps compared as instants). */
export function sameEvent(row: Record<string, unknown>, event: TestEvent): boolean {
  return (
    VISIT_CALLED_FIELDS.every((f) => row[f] === event[f]) &&
    Date.parse(String(row.occurred_at)) === Date.parse(event.occurred_at) &&
    row.backfill === false
  );
}

/** A valid `visit.called` event. */
export function visitCalled(i: number, occurredAt: string): TestEvent {
  return {
    event_id: randomUUID(),
    type: 'visit.called',
    schema_version: 1,
    occurred_at: occurredAt,
    source: 'lander-test',
    channel: 'in_person',
    office_id: 'riga-valnu-30',
    visit_id: `visit-${i}`,
    desk: `D${i % 7}`,
    staff_ref: `ps_${i % 13}`,
  };
}

export function asMessages(events: readonly TestEvent[]): ProducerMessage[] {
  return events.map((e) => ({ key: e.visit_id, value: JSON.stringify(e), headers: { source: 'lander-test' } }));
}

/**
 * Every row of a table under the prefix, read with DuckDB from downloaded objects. A lander taking over a
 * partition deletes the objects of a batch its predecessor had not finished (landed.offsets.ts), so one listed a
 * moment ago may be gone when it is downloaded: then the table is listed and read again (a few times).
 */
export async function readLake(
  s3: S3Client,
  bucket: string,
  prefix: string,
  table: string,
): Promise<{ rows: Record<string, unknown>[]; objects: string[] }> {
  const store = new LakeStore(s3, bucket);
  const listed = async () =>
    (await store.list(`${prefix}${table}/`)).map((o) => o.key).filter((k) => k.endsWith('.parquet'));
  for (let attempt = 1; ; attempt += 1) {
    const objects = await listed();
    try {
      return await readObjects(store, objects);
    } catch (error) {
      const current = new Set(await listed());
      const vanished = objects.some((key) => !current.has(key));
      if (!vanished || attempt >= 5) throw error;
    }
  }
}

async function readObjects(
  store: LakeStore,
  objects: string[],
): Promise<{ rows: Record<string, unknown>[]; objects: string[] }> {
  if (objects.length === 0) return { rows: [], objects };
  const dir = await mkdtemp(join(tmpdir(), 'lander-read-'));
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const files = [];
    for (const [i, key] of objects.entries()) {
      const file = join(dir, `${i}.parquet`);
      await store.download(key, file);
      files.push(file);
    }
    const reader = await connection.runAndReadAll(
      `SELECT * FROM read_parquet([${files.map(sqlString).join(', ')}]) ORDER BY kafka_topic, kafka_partition, kafka_offset`,
    );
    return { rows: reader.getRowObjectsJson(), objects };
  } finally {
    connection.closeSync();
    db.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function countLake(s3: S3Client, bucket: string, prefix: string, table: string): Promise<number> {
  return (await readLake(s3, bucket, prefix, table)).rows.length;
}
