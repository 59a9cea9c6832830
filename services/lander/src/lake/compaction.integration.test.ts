import type { S3Client } from '@aws-sdk/client-s3';
import { loadSharedConfig } from '@servq/config';
import { createKafka, logLevel, type KafkaClient, type KafkaProducer } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildLander } from '../app.ts';
import { Compactor } from './compaction.ts';
import { LakeStore } from './lake.store.ts';
import { asMessages, cleanUp, countLake, isolate, readLake, sameEvent, visitCalled } from '../lander.test-support.ts';
import { createMetrics } from '../metrics.ts';
import { ParquetWriter } from './parquet.writer.ts';

const shared = loadSharedConfig(process.env);
const bucket = shared.s3.bucket;

describe('compaction of a finished day', () => {
  let kafka: KafkaClient;
  let s3: S3Client;
  let producer: KafkaProducer;
  let writer: ParquetWriter;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
    s3 = createS3Client(shared.s3);
    producer = kafka.producer();
    await producer.connect();
    writer = await ParquetWriter.create({ threads: 1 });
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => {
    writer.close();
    await producer.disconnect();
    s3.destroy();
  });

  it('merges many small files into one per day with the same rows, and a crash halfway then a re-run gives the same result', async () => {
    const iso = await isolate(kafka, { LANDER_FLUSH_MAX_EVENTS: '15' });
    cleanups.push(() => cleanUp(kafka, s3, bucket, iso));
    const day = '2026-03-01';
    const events = Array.from({ length: 240 }, (_, i) => visitCalled(i, `${day}T12:00:00+02:00`));
    // A second copy of one event (a client retry): compaction keeps one row per event_id.
    const duplicate = events[7];
    if (!duplicate) throw new Error('no event');
    await producer.send(iso.topic, asMessages([...events, duplicate]));

    const lander = await buildLander(iso.config, { s3, logger: pino({ level: 'silent' }) });
    await lander.start();
    await pollUntil(async () => (await countLake(s3, bucket, iso.prefix, 'visit_events')) === events.length + 1, {
      intervalMs: 300,
      timeoutMs: 30_000,
    });
    await lander.stop();
    const before = await readLake(s3, bucket, iso.prefix, 'visit_events');
    expect(before.objects.length).toBeGreaterThan(10);

    const options = {
      lakePrefix: iso.prefix,
      tables: ['visit_events'],
      lookbackDays: 3,
      intervalMs: 0,
      tmpDir: undefined,
    };
    const deps = { writer, metrics: createMetrics(), logger: pino({ level: 'silent' }) };
    // Crash halfway: the merged object is written, then the process dies after deleting half of the inputs.
    class CrashingStore extends LakeStore {
      override async delete(keys: readonly string[]): Promise<void> {
        await super.delete(keys.slice(0, Math.floor(keys.length / 2)));
        throw new Error('process died');
      }
    }
    const crashing = new Compactor(options, { ...deps, store: new CrashingStore(s3, bucket) });
    await expect(crashing.compactDay('visit_events', day)).rejects.toThrow('process died');
    const halfway = await readLake(s3, bucket, iso.prefix, 'visit_events');
    // No gap for readers: every event is still there (some twice until the re-run).
    expect(new Set(halfway.rows.map((r) => r.event_id)).size).toBe(events.length);

    const compactor = new Compactor(options, {
      ...deps,
      store: new LakeStore(s3, bucket),
      now: () => new Date('2026-03-03T10:00:00Z'),
    });
    const results = await compactor.compactFinishedDays();
    expect(results.find((r) => r.date === day)).toMatchObject({ compacted: true, rows: events.length });
    const after = await readLake(s3, bucket, iso.prefix, 'visit_events');
    expect(after.objects).toHaveLength(1);
    expect(after.objects[0]).toMatch(new RegExp(`/date=${day}/compacted-[0-9a-f]{16}\\.parquet$`));
    expect(after.rows).toHaveLength(events.length);
    expect(new Set(after.rows.map((r) => r.event_id))).toEqual(new Set(events.map((e) => e.event_id)));
    const sent = new Map(events.map((e) => [e.event_id, e]));
    for (const row of after.rows) {
      const event = sent.get(String(row.event_id));
      expect(event && sameEvent(row, event)).toBe(true);
    }

    // Safe to run again: nothing left to merge, same single object.
    expect(await compactor.compactDay('visit_events', day)).toEqual({
      table: 'visit_events',
      date: day,
      compacted: false,
      objects: 1,
    });
    expect((await readLake(s3, bucket, iso.prefix, 'visit_events')).objects).toEqual(after.objects);
  });
});
