/**
 * POST /v1/events against the real broker: what a client is told matches what is on the topics.
 * The broker-outage scenario stops and restarts the shared local broker through infra/local/infra.sh, so it
 * runs last in this file (integration files run one at a time).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadSharedConfig } from '@servq/config';
import { Topics } from '@servq/contracts';
import {
  ackedClientOptions,
  createAckedProducer,
  createKafka,
  logLevel,
  readTopics,
  type AckedProducer,
  type KafkaClient,
  type KafkaMessage,
  type TopicReader,
} from '@servq/kafka';
import { pollUntil } from '@servq/runtime';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { sha256Hex } from './auth.ts';
import type { IngestConfig } from './config.ts';

const infraScript = fileURLToPath(new URL('../../../infra/local/infra.sh', import.meta.url));
const runInfra = (...args: string[]) =>
  promisify(execFile)('bash', [infraScript, ...args], { env: process.env, timeout: 150_000 });

const shared = loadSharedConfig(process.env);

function config(): IngestConfig {
  return {
    http: { host: '127.0.0.1', port: 0 },
    kafka: shared.kafka,
    topicPrefix: '',
    apiKeys: [{ id: 'it-all', sha256: sha256Hex('it-key'), families: ['visit', 'survey', 'complaint'] }],
    pseudonymSecret: 'integration-test-secret',
    limits: {
      maxEventsPerRequest: 1000,
      maxBodyBytes: 1024 * 1024,
      maxImportBytes: 1024 * 1024,
      ratePerMinute: 10_000,
    },
    produceTimeoutMs: 3000,
    dedup: { windowMs: 60_000, maxEntries: 10_000 },
    validation: { maxSkewMs: 300_000, horizonDays: 400 },
    logLevel: 'silent',
  };
}

interface Seen {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

function surveyEvent(runId: string, n: number) {
  return {
    event_id: randomUUID(),
    type: 'survey.submitted',
    schema_version: 1,
    occurred_at: new Date(Date.now() - 60_000).toISOString(),
    source: 'kiosk-cesis',
    channel: 'in_person',
    office_id: 'cesis',
    survey_id: `${runId}-s${n}`,
    satisfaction: 1 + (n % 5),
    comment: `Mans personas kods 010190-10007, e-pasts anna@example.com. Спасибо за помощь!`,
  };
}

function visitEvent(runId: string) {
  return {
    event_id: randomUUID(),
    type: 'visit.no_show',
    schema_version: 1,
    occurred_at: new Date(Date.now() - 60_000).toISOString(),
    source: 'queue-cesis',
    channel: 'in_person',
    office_id: 'cesis',
    visit_id: `${runId}-v1`,
  };
}

describe('ingest → Kafka (real broker)', () => {
  let kafka: KafkaClient;
  let producer: AckedProducer;
  let app: FastifyInstance;
  let consumer: TopicReader;
  const seen: Seen[] = [];
  const runId = randomUUID().slice(0, 8);

  beforeAll(async () => {
    // The same client settings as main.ts: bounded retries at every level.
    kafka = createKafka(shared.kafka, ackedClientOptions(3000, logLevel.NOTHING));
    producer = createAckedProducer(kafka, { sendTimeoutMs: 3000 });
    await producer.start();
    app = await buildApp(config(), { producer, checkKafka: () => Promise.resolve(), logger: false });
    consumer = await readTopics(
      kafka,
      { groupId: `it-ingest-${runId}`, topics: [Topics.survey, Topics.visit, Topics.rejected] },
      ({ topic, partition, messages }) => {
        for (const message of messages) {
          if (message.value?.toString().includes(runId)) seen.push({ topic, partition, message });
        }
      },
    );
  });

  afterAll(async () => {
    await consumer.stop();
    await app.close();
    await producer.stop();
  });

  const post = (events: unknown[]) =>
    app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: 'Bearer it-key', 'content-type': 'application/json' },
      payload: JSON.stringify(events),
    });

  it('puts accepted events on their family topic, keyed by entity, scrubbed, and rejected ones on the rejected topic', async () => {
    const surveys = [surveyEvent(runId, 1), surveyEvent(runId, 2)];
    const visit = visitEvent(runId);
    const invalid = { ...surveyEvent(runId, 3), satisfaction: 9 };
    const res = await post([...surveys, visit, invalid]);
    expect(res.statusCode).toBe(207);

    await pollUntil(() => seen.length >= 4, { intervalMs: 100, timeoutMs: 30_000 });
    const onSurvey = seen.filter((s) => s.topic === Topics.survey);
    expect(onSurvey.map((s) => s.message.key?.toString()).sort()).toEqual([`${runId}-s1`, `${runId}-s2`]);
    for (const s of onSurvey) {
      const value = s.message.value!.toString();
      expect(value).not.toContain('010190-10007');
      expect(value).not.toContain('anna@example.com');
      expect(value).toContain('Спасибо за помощь!');
      expect(s.message.headers?.source?.toString()).toBe('it-all');
      expect(s.message.headers?.type?.toString()).toBe('survey.submitted');
    }
    expect(seen.filter((s) => s.topic === Topics.visit).map((s) => s.message.key?.toString())).toEqual([`${runId}-v1`]);
    const rejected = seen.filter((s) => s.topic === Topics.rejected);
    expect(rejected).toHaveLength(1);
    const record = JSON.parse(rejected[0]!.message.value!.toString()) as { reasons: unknown; raw: string };
    expect(record.reasons).toEqual([{ path: 'satisfaction', message: 'expected an integer from 1 to 5' }]);
    // The topic keeps the payload as sent, for replay; only the lake row is redacted (see @servq/contracts).
    expect(JSON.parse(record.raw)).toEqual(invalid);
  });

  it('does not produce a duplicate event id twice', async () => {
    const event = surveyEvent(runId, 4);
    expect((await post([event])).json()).toMatchObject({ accepted: 1 });
    expect((await post([event])).json()).toMatchObject({ accepted: 0, duplicates: 1 });
    await pollUntil(() => seen.some((s) => s.message.key?.toString() === `${runId}-s4`), {
      intervalMs: 20,
      timeoutMs: 30_000,
    });
    // A later event on the same key proves the consumer has read past where a second copy would be.
    expect((await post([{ ...surveyEvent(runId, 4), satisfaction: 2 }])).json()).toMatchObject({ accepted: 1 });
    await pollUntil(() => seen.filter((s) => s.message.key?.toString() === `${runId}-s4`).length >= 2, {
      intervalMs: 20,
      timeoutMs: 30_000,
    });
    const copies = seen.filter((s) => s.message.value!.toString().includes(event.event_id));
    expect(copies).toHaveLength(1);
  });

  it('answers 503 while the broker is down and accepts the same events once it is back, exactly once', async () => {
    const events = [surveyEvent(runId, 10), surveyEvent(runId, 11)];
    await runInfra('down', 'kafka');
    try {
      const during = await post(events);
      expect(during.statusCode).toBe(503);
      expect(during.headers['retry-after']).toBeDefined();
    } finally {
      await runInfra('up', 'kafka');
    }
    let after = await post(events);
    // The producer reconnects on its own; a retry loop with a deadline is what a real client does too.
    const deadline = Date.now() + 60_000;
    while (after.statusCode === 503 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      after = await post(events);
    }
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ accepted: 2 });
    await pollUntil(() => events.every((e) => seen.some((s) => s.message.value!.toString().includes(e.event_id))), {
      intervalMs: 200,
      timeoutMs: 60_000,
    });
    for (const e of events) {
      expect(seen.filter((s) => s.message.value!.toString().includes(e.event_id))).toHaveLength(1);
    }
  }, 240_000);
});
