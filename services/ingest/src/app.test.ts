/**
 * The HTTP contract of POST /v1/events, with an in-memory producer standing in for Kafka (this is a unit
 * test; the same behaviour against the real broker is in events.integration.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { KafkaAdapterError, KafkaErrorCode, type AckedProducer, type TopicBatch } from '@servq/kafka';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { sha256Hex } from './auth.ts';
import type { IngestConfig } from './config.ts';
import { createIngestMetrics, type IngestMetrics } from './metrics.ts';

const NOW = new Date('2026-11-24T10:00:00Z');

function config(overrides: Partial<IngestConfig['limits']> = {}): IngestConfig {
  return {
    http: { host: '127.0.0.1', port: 0 },
    kafka: { brokers: ['127.0.0.1:1'], clientId: 'test' },
    topicPrefix: '',
    apiKeys: [
      { id: 'kiosk', sha256: sha256Hex('kiosk-key'), families: ['survey'] },
      { id: 'all', sha256: sha256Hex('all-key'), families: ['visit', 'survey', 'complaint'] },
    ],
    pseudonymSecret: 'test-secret-of-sixteen+',
    limits: {
      maxEventsPerRequest: 5,
      maxBodyBytes: 64 * 1024,
      maxImportBytes: 256 * 1024,
      ratePerMinute: 1000,
      ...overrides,
    },
    produceTimeoutMs: 1000,
    dedup: { windowMs: 60_000, maxEntries: 1000 },
    validation: { maxSkewMs: 300_000, horizonDays: 400 },
    logLevel: 'silent',
  };
}

class MemoryProducer implements AckedProducer {
  sent: TopicBatch[] = [];
  failWith: Error | null = null;
  readonly connected = true;
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  send(batches: TopicBatch[]): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.sent.push(...batches);
    return Promise.resolve();
  }
  messages(topic: string) {
    return this.sent.filter((b) => b.topic === topic).flatMap((b) => b.messages);
  }
}

function survey(overrides: Record<string, unknown> = {}) {
  return {
    event_id: randomUUID(),
    type: 'survey.submitted',
    schema_version: 1,
    occurred_at: '2026-11-24T11:30:00+02:00',
    source: 'kiosk-riga',
    channel: 'in_person',
    office_id: 'riga-valnu-30',
    survey_id: `s-${randomUUID().slice(0, 8)}`,
    satisfaction: 4,
    courtesy: 5,
    comment: 'Paldies! Rakstiet man uz janis.berzins@example.lv vai zvaniet +371 29123456.',
    ...overrides,
  };
}

describe('POST /v1/events', () => {
  let app: FastifyInstance;
  let producer: MemoryProducer;
  let metrics: IngestMetrics;

  beforeEach(async () => {
    producer = new MemoryProducer();
    metrics = createIngestMetrics();
    app = await buildApp(config(), {
      producer,
      checkKafka: () => Promise.resolve(),
      now: () => NOW,
      logger: false,
      metrics,
    });
  });
  afterEach(() => app.close());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: 'Bearer kiosk-key', 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('accepts a valid batch with 200 and produces scrubbed events keyed by survey id', async () => {
    const events = [survey(), survey()];
    const res = await post(events);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    const produced = producer.messages('servq.survey.v1');
    expect(produced.map((m) => m.key)).toEqual(events.map((e) => e.survey_id));
    const first = JSON.parse(produced[0]!.value) as { comment: string };
    expect(first.comment).not.toContain('janis.berzins@example.lv');
    expect(first.comment).not.toContain('29123456');
    expect(first.comment).toContain('Paldies!');
    expect(produced[0]!.headers).toMatchObject({ source: 'kiosk', type: 'survey.submitted', schema_version: '1' });
  });

  it('keeps valid events and reports invalid ones with field path and expectation (207)', async () => {
    const res = await post([survey(), survey({ satisfaction: 7 }), survey({ surprise: true })]);
    expect(res.statusCode).toBe(207);
    const body = res.json<{ results: { status: string; errors?: { path: string; message: string }[] }[] }>();
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(body.results[1]!.errors).toEqual([{ path: 'satisfaction', message: 'expected an integer from 1 to 5' }]);
    expect(body.results[2]!.errors?.[0]?.path).toContain('surprise');
    expect(producer.messages('servq.survey.v1')).toHaveLength(1);
    const rejected = producer.messages('servq.rejected.v1').map((m) => JSON.parse(m.value) as { reasons: unknown[] });
    expect(rejected).toHaveLength(2);
    expect(rejected[0]!.reasons).toEqual([{ path: 'satisfaction', message: 'expected an integer from 1 to 5' }]);
  });

  it('answers 422 with the error shape when every event is rejected, and still keeps them', async () => {
    const res = await post([survey({ occurred_at: 'yesterday' })]);
    expect(res.statusCode).toBe(422);
    const body = res.json<{ error: { code: string; details: { field: string }[] } }>();
    expect(body.error.code).toBe('INGEST_ALL_REJECTED');
    expect(body.error.details[0]!.field).toBe('[0].occurred_at');
    expect(producer.messages('servq.rejected.v1')).toHaveLength(1);
  });

  it('reports an event id seen before as a duplicate and does not produce it again', async () => {
    const event = survey();
    await post([event]);
    const again = await post([event, event]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(producer.messages('servq.survey.v1')).toHaveLength(1);
  });

  it('reads NDJSON, rejecting only the line that is not JSON', async () => {
    const res = await post(`${JSON.stringify(survey())}\n{"broken":\n${JSON.stringify(survey())}\n`, {
      'content-type': 'application/x-ndjson',
    });
    expect(res.statusCode).toBe(207);
    const body = res.json<{ results: { status: string; errors?: { message: string }[] }[] }>();
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(body.results[1]!.errors![0]!.message).toMatch(/^line 2: not valid JSON/);
  });

  it('answers 503 with Retry-After when Kafka does not acknowledge, and accepts the retry later', async () => {
    const event = survey();
    producer.failWith = new KafkaAdapterError(KafkaErrorCode.ProduceTimeout, 'timeout', 'retryable');
    const res = await post([event]);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json<{ error: { code: string } }>().error.code).toBe('INGEST_KAFKA_UNAVAILABLE');
    producer.failWith = null;
    const retry = await post([event]);
    expect(retry.json()).toMatchObject({ accepted: 1, duplicates: 0 });
  });

  it.each([
    ['no key', {}, 401, 'INGEST_UNAUTHORIZED'],
    ['an unknown key', { authorization: 'Bearer nope' }, 401, 'INGEST_UNAUTHORIZED'],
  ])('refuses a request with %s (401)', async (_name, headers, status, code) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify([survey()]),
    });
    expect(res.statusCode).toBe(status);
    expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
  });

  it('refuses with 403 an event family the key may not send, producing nothing', async () => {
    const res = await post([survey(), { ...survey(), type: 'visit.no_show' }]);
    expect(res.statusCode).toBe(403);
    const body = res.json<{ error: { code: string; details: { field: string }[] } }>();
    expect(body.error.code).toBe('INGEST_FORBIDDEN');
    expect(body.error.details[0]!.field).toBe('[1].type');
    expect(producer.sent).toHaveLength(0);
  });

  it.each([
    ['a body that is not JSON', '[{"a":', 'application/json', 400, 'INGEST_BAD_BODY'],
    ['a JSON scalar', '"hello"', 'application/json', 400, 'INGEST_BAD_BODY'],
    ['an empty batch', '[]', 'application/json', 400, 'INGEST_BAD_BODY'],
    ['a wrong content type', 'a,b', 'text/csv', 415, 'INGEST_UNSUPPORTED_MEDIA_TYPE'],
  ])('answers %s with a clear 4xx and stays healthy', async (_name, payload, type, status, code) => {
    const res = await post(payload, { 'content-type': type });
    expect(res.statusCode).toBe(status);
    expect(res.json<{ error: { code: string; details: unknown[] } }>().error.code).toBe(code);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers 413 for too many events, naming the limit', async () => {
    const res = await post(Array.from({ length: 6 }, () => survey()));
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { details: { expected: string }[] } }>().error.details[0]!.expected).toContain(
      'at most 5',
    );
  });

  it('answers 413 for a body over the byte limit', async () => {
    const res = await post([survey({ comment: 'x'.repeat(70 * 1024) })]);
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('INGEST_BODY_TOO_LARGE');
  });

  it('counts outcomes in the Prometheus metrics by type and source', async () => {
    await post([survey(), survey({ satisfaction: 0 })]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('servq_ingest_events_total{outcome="accepted",type="survey.submitted",source="kiosk"} 1');
    expect(text).toContain('servq_ingest_events_total{outcome="rejected",type="survey.submitted",source="kiosk"} 1');
  });

  it('does not serve Prometheus metrics on the API listener (they have a listener of their own)', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('serves an OpenAPI document at /docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ paths: Record<string, unknown> }>().paths).toHaveProperty('/v1/events');
  });
});

describe('POST /v1/import (CSV)', () => {
  let app: FastifyInstance;
  let producer: MemoryProducer;

  beforeEach(async () => {
    producer = new MemoryProducer();
    app = await buildApp(config(), { producer, checkKafka: () => Promise.resolve(), now: () => NOW, logger: false });
  });
  afterEach(() => app.close());

  it('imports rows in chunks through the same validation and reports rejected rows by line number', async () => {
    const header = 'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,backfill';
    const rows = Array.from({ length: 7 }, (_, i) =>
      [
        randomUUID(),
        'survey.submitted',
        1,
        '2024-05-06T10:00:00+03:00',
        'sheet',
        'in_person',
        'cesis',
        `h${i}`,
        i === 3 ? 9 : 4,
        'true',
      ].join(','),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/v1/import',
      headers: { authorization: 'Bearer all-key', 'content-type': 'text/csv' },
      payload: [header, ...rows].join('\n'),
    });
    expect(res.statusCode).toBe(207);
    const body = res.json<{ accepted: number; rejected: number; results: { line: number; status: string }[] }>();
    expect(body).toMatchObject({ accepted: 6, rejected: 1 });
    expect(body.results.filter((r) => r.status === 'rejected').map((r) => r.line)).toEqual([5]);
    // maxEventsPerRequest is 5 in this config: seven rows took two Kafka sends.
    expect(producer.sent.filter((b) => b.topic === 'servq.survey.v1')).toHaveLength(2);
    expect(producer.messages('servq.survey.v1')).toHaveLength(6);
  });

  it('rejects history older than the horizon unless marked as a backfill', async () => {
    const header = 'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction';
    const row = [
      randomUUID(),
      'survey.submitted',
      1,
      '2023-01-10T10:00:00+02:00',
      'sheet',
      'in_person',
      'cesis',
      'old',
      4,
    ];
    const res = await app.inject({
      method: 'POST',
      url: '/v1/import',
      headers: { authorization: 'Bearer all-key', 'content-type': 'text/csv' },
      payload: `${header}\n${row.join(',')}\n`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('line 2.occurred_at');
  });
});

describe('rate limit per key', () => {
  it('answers 429 in the error shape once a key exceeds its requests per minute, other keys unaffected', async () => {
    const app = await buildApp(
      { ...config({ ratePerMinute: 2 }) },
      { producer: new MemoryProducer(), checkKafka: () => Promise.resolve(), now: () => NOW, logger: false },
    );
    const post = (key: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        payload: JSON.stringify([survey()]),
      });
    expect((await post('kiosk-key')).statusCode).toBe(200);
    expect((await post('kiosk-key')).statusCode).toBe(200);
    const limited = await post('kiosk-key');
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('INGEST_RATE_LIMITED');
    expect((await post('all-key')).statusCode).toBe(200);
    await app.close();
  });
});
