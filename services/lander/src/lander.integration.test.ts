import { loadSharedConfig } from '@servq/config';
import { pollUntil } from '@servq/runtime';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildLander, type Lander } from './app.ts';
import { createDecoder, type Decoder } from './decode/decoder.ts';
import {
  asMessages,
  cleanUp,
  countLake,
  isolate,
  readLake,
  sameEvent,
  visitCalled,
  useSuiteClients,
  type Isolation,
} from './lander.test-support.ts';

const shared = loadSharedConfig(process.env);
const bucket = shared.s3.bucket;

describe('lander against the local Kafka and S3', () => {
  const suite = useSuiteClients();

  async function startLander(isolation: Isolation, decoder?: Decoder): Promise<Lander> {
    const lander = await buildLander(isolation.config, {
      s3: suite.s3,
      logger: pino({ level: 'silent' }),
      ...(decoder ? { decoder } : {}),
    });
    await lander.start();
    let stopped = false;
    suite.cleanups.push(async () => {
      if (!stopped) await lander.stop();
      stopped = true;
    });
    return lander;
  }

  async function isolated(overrides: Record<string, string> = {}): Promise<Isolation> {
    const isolation = await isolate(suite.kafka, overrides);
    suite.cleanups.push(() => cleanUp(suite.kafka, suite.s3, bucket, isolation));
    return isolation;
  }

  it('lands N produced events as exactly N rows with equal values, split by Riga day, bad messages rejected', async () => {
    const iso = await isolated();
    // 23:30 UTC on 1 March is already 2 March in Riga: these events must land under date=2026-03-02.
    const events = Array.from({ length: 450 }, (_, i) =>
      visitCalled(
        i,
        i % 3 === 0 ? '2026-03-01T23:30:00Z' : `2026-03-01T10:${String(i % 60).padStart(2, '0')}:00+02:00`,
      ),
    );
    await suite.producer.send({ topic: iso.topic, messages: asMessages(events) });
    await suite.producer.send({
      topic: iso.topic,

      messages: [
        { key: 'bad-1', value: '{not json', headers: { source: 'kiosk-9' } },
        { key: 'bad-2', value: JSON.stringify({ type: 'visit.called' }) },
      ],
    });
    await suite.producer.send({
      topic: iso.rejectedTopic,

      messages: [
        {
          value: JSON.stringify({
            raw: '{"x":1}',
            reasons: [{ path: 'type', message: 'required' }],
            source: 'portal',
            received_at: '2026-03-01T08:00:00Z',
          }),
        },
      ],
    });

    const lander = await startLander(iso);
    await pollUntil(async () => (await countLake(suite.s3, bucket, iso.prefix, 'visit_events')) >= events.length, {
      intervalMs: 300,
      timeoutMs: 30_000,
    });
    await pollUntil(async () => (await countLake(suite.s3, bucket, iso.prefix, 'rejected_events')) >= 3, {
      intervalMs: 300,
      timeoutMs: 10_000,
    });

    const { rows, objects } = await readLake(suite.s3, bucket, iso.prefix, 'visit_events');
    expect(rows).toHaveLength(events.length);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(events.length);
    const sent = new Map(events.map((e) => [e.event_id, e]));
    for (const row of rows) {
      const event = sent.get(String(row.event_id));
      expect(event && sameEvent(row, event)).toBe(true);
      expect(row).toMatchObject({ kafka_topic: iso.topic, slot_start: null, outcome: null });
    }
    const offsets = rows.map((r) => `${String(r.kafka_partition)}/${String(r.kafka_offset)}`);
    expect(new Set(offsets).size).toBe(rows.length);
    expect(objects.some((k) => k.includes('/date=2026-03-02/'))).toBe(true);
    expect(objects.some((k) => k.includes('/date=2026-03-01/'))).toBe(true);
    expect(objects.every((k) => /\/date=\d{4}-\d{2}-\d{2}\/test\.lander\.[^/]+\+\d+\+\d+\+\d+\.parquet$/.test(k))).toBe(
      true,
    );

    const rejected = (await readLake(suite.s3, bucket, iso.prefix, 'rejected_events')).rows;
    expect(rejected).toHaveLength(3);
    // Rejected rows hold the redacted form of a payload (@servq/contracts' rejected.redact.ts), never its text.
    const notJson = '"[unparsed text: 9 chars]"';
    expect(rejected.find((r) => r.raw === notJson)).toMatchObject({ source: 'kiosk-9' });
    expect(JSON.parse(String(rejected.find((r) => r.raw === notJson)?.reasons))).toEqual([
      { path: '(message)', message: expect.stringMatching(/^not JSON/) as unknown },
    ]);
    expect(rejected.find((r) => r.raw === '{"[unknown field 1]":1}')).toMatchObject({
      reasons: '[{"path":"type","message":"required"}]',
      source: 'portal',
      kafka_topic: iso.rejectedTopic,
    });
    const missingFields = rejected.find((r) => r.raw === '{"type":"visit.called"}');
    expect(missingFields).toMatchObject({ type: 'visit.called', kafka_topic: iso.topic });
    expect(JSON.parse(String(missingFields?.reasons))).toContainEqual({
      path: 'event_id',
      message: expect.any(String) as unknown,
    });

    expect(await lander.metrics.registry.metrics()).toMatch(/lander_rows_landed_total\{table="visit_events"\} 450/);
    expect((await lander.http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('holds no more than the memory bound: over it, the largest buffers are landed before reading on', async () => {
    const iso = await isolated({
      LANDER_MAX_BUFFERED_BYTES: '10000',
      LANDER_FLUSH_MAX_EVENTS: '100000',
      LANDER_FLUSH_MAX_AGE_MS: '60000',
    });
    const events = Array.from({ length: 400 }, (_, i) => visitCalled(i, new Date().toISOString()));
    const messages = asMessages(events);
    await suite.producer.send({ topic: iso.topic, messages });
    const lander = await startLander(iso);
    // Far below the age and count bounds: only the memory bound lands these. Under 10 kB, spread over the
    // partitions, may stay held until the age bound: 38 events of these ~261 bytes, not 33 (a flaky bound before).
    const smallest = Math.min(...messages.map((m) => Buffer.byteLength(String(m.value))));
    const mayStayHeld = Math.floor((10_000 - 1) / smallest);
    await pollUntil(
      async () => (await countLake(suite.s3, bucket, iso.prefix, 'visit_events')) >= events.length - mayStayHeld,
      {
        intervalMs: 300,
        timeoutMs: 20_000,
      },
    );
    const metrics = await lander.metrics.registry.metrics();
    expect(metrics).toMatch(/lander_flush_events_count\{reason="memory"\} [1-9]/);
    expect(metrics).not.toMatch(/lander_flush_events_count\{reason="age"\} [1-9]/);
    await lander.stop();
    const { rows } = await readLake(suite.s3, bucket, iso.prefix, 'visit_events');
    expect(rows).toHaveLength(events.length);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(events.length);
  });

  it('reads a partition again when decoding fails, without waiting for more messages', async () => {
    const iso = await isolated({ LANDER_FLUSH_MAX_AGE_MS: '500' });
    const events = Array.from({ length: 300 }, (_, i) => visitCalled(i, new Date().toISOString()));
    // All sent before the lander starts, to one partition: nothing else arrives after the failures.
    await suite.producer.send({
      topic: iso.topic,

      messages: asMessages(events).map((m) => ({ ...m, partition: 0 })),
    });
    const workers = createDecoder();
    let failures = 0;
    const dying: Decoder = {
      decode: (route, packed) =>
        failures < 2 ? Promise.reject(new Error(`worker died (${++failures})`)) : workers.decode(route, packed),
      close: () => workers.close(),
    };
    const lander = await startLander(iso, dying);
    const readiness = async () => (await lander.http.inject({ method: 'GET', url: '/readyz' })).statusCode;
    // Not ready while decoding fails (the partition waits out its backoff), ready again once it decodes.
    await pollUntil(async () => failures > 0 && (await readiness()) === 503, { intervalMs: 20, timeoutMs: 15_000 });
    await pollUntil(async () => (await countLake(suite.s3, bucket, iso.prefix, 'visit_events')) >= events.length, {
      intervalMs: 300,
      timeoutMs: 30_000,
    });
    expect(await readiness()).toBe(200);
    await lander.stop();
    expect(failures).toBe(2);
    const { rows } = await readLake(suite.s3, bucket, iso.prefix, 'visit_events');
    expect(rows).toHaveLength(events.length);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(events.length);
  });
});
