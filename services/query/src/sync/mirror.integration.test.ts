import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, ensureBucket } from '@servq/lake';
import { buildCatalogue } from '@servq/metrics';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type QueryConfig } from '../config.ts';
import { handBuiltLake, testTokens, writeParquet } from '../fixtures.ts';
import { DuckDbStore } from '../store/duckdb.store.ts';
import { LakeMirror } from './mirror.ts';
import { SyncLoop, type SyncEvent } from './sync.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('lake mirror and query service against the real S3', () => {
  const prefix = `test/${randomUUID()}/lake/`;
  let config: QueryConfig;
  let s3: S3Client;
  let dir: string;
  let store: DuckDbStore;
  let mirror: LakeMirror;
  let loop: SyncLoop;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-mirror-'));
    config = loadConfig({
      ...process.env,
      QUERY_DATA_DIR: dir,
      QUERY_LAKE_PREFIX: prefix,
      QUERY_TOKENS: JSON.stringify(testTokens),
    });
    s3 = createS3Client(config.s3);
    await ensureBucket(s3, config.s3.bucket);
    for (const file of handBuiltLake()) {
      const local = join(dir, 'fixtures', file.relativeKey);
      await writeParquet(local, file.table, file.events);
      await s3.send(
        new PutObjectCommand({ Bucket: config.s3.bucket, Key: prefix + file.relativeKey, Body: await readFile(local) }),
      );
    }
    await s3.send(
      new PutObjectCommand({
        Bucket: config.s3.bucket,
        Key: `${prefix}visit_events/date=2026-03-02/_SUCCESS`,
        Body: '',
      }),
    );
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => new Date('2026-04-01T09:00:00Z'),
      temp: config.store,
    });
    mirror = new LakeMirror(s3, config.sync);
    await mirror.load();
    loop = new SyncLoop(mirror, store, config.sync.intervalMs, silent);
    app = await buildApp(
      { tokens: testTokens, cacheEntries: 10 },
      { store, catalogue: buildCatalogue({ waitTargetMinutes: 15 }) },
    );
  });

  afterAll(async () => {
    await app.close();
    await loop.stop();
    store.close();
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: config.s3.bucket, Prefix: prefix }));
    const objects = (listed.Contents ?? []).map((c) => ({ Key: c.Key }));
    if (objects.length > 0) {
      await s3.send(new DeleteObjectsCommand({ Bucket: config.s3.bucket, Delete: { Objects: objects } }));
    }
    s3.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const visits = async (): Promise<number | null> => {
    const response = await app.inject({
      url: '/v1/query?metrics=visits&from=2026-01-01&to=2026-12-31',
      headers: { authorization: 'Bearer mgmt-token' },
    });
    return response.json<{ rows: { visits: { value: number | null } }[] }>().rows[0]?.visits.value ?? null;
  };

  it('downloads the Parquet objects (ignoring markers) and answers from them', async () => {
    const heard: SyncEvent[] = [];
    const remove = loop.onSync((event) => void heard.push(event));
    const first = await loop.syncOnce();
    remove();
    expect(first).toMatchObject({ downloaded: 6, removed: 0, loadedFiles: 6 });
    // The hook after a sync: its listeners hear the data version now served.
    expect(heard).toEqual([{ dataVersion: store.getFreshness().dataVersion, changed: true, result: first }]);
    expect(store.getFreshness().dataVersion).toBeGreaterThan(0);
    expect(await visits()).toBe(4);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
  });

  it('downloads nothing when nothing changed', async () => {
    const again = await loop.syncOnce();
    expect(again).toMatchObject({ downloaded: 0, removed: 0, unchanged: 6, loadedFiles: 0 });
  });

  it('follows a new, a rewritten and a deleted object on the next sync', async () => {
    const fresh = join(dir, 'fixtures', 'extra.parquet');
    await writeParquet(fresh, 'visit_events', [
      {
        event_id: randomUUID(),
        type: 'visit.checked_in',
        occurred_at: '2026-03-03T09:00:00+02:00',
        office_id: 'liepaja',
        visit_id: 'v9',
        arrival: 'walk_in',
        kafka_partition: 1,
        kafka_offset: 0,
      },
    ]);
    await s3.send(
      new PutObjectCommand({
        Bucket: config.s3.bucket,
        Key: `${prefix}visit_events/date=2026-03-03/servq.visit.v1+1+0+0.parquet`,
        Body: await readFile(fresh),
      }),
    );
    const synced = await loop.syncOnce();
    expect(synced).toMatchObject({ downloaded: 1, loadedFiles: 1 });
    expect(await visits()).toBe(5);

    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: config.s3.bucket, Prefix: `${prefix}complaint_events/` }),
    );
    await s3.send(
      new DeleteObjectsCommand({
        Bucket: config.s3.bucket,
        Delete: { Objects: (listed.Contents ?? []).map((c) => ({ Key: c.Key })) },
      }),
    );
    const afterDelete = await loop.syncOnce();
    expect(afterDelete).toMatchObject({ removed: 1, droppedFiles: 1 });
    const complaints = await app.inject({
      url: '/v1/query?metrics=complaints_received&from=2026-01-01&to=2026-12-31',
      headers: { authorization: 'Bearer mgmt-token' },
    });
    expect(
      complaints.json<{ rows: { complaints_received: { value: number } }[] }>().rows[0]?.complaints_received.value,
    ).toBe(0);
  });
});
