import { randomBytes, randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { loadSharedConfig } from '@servq/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from './s3.client.ts';

const { s3: config } = loadSharedConfig(process.env);

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

describe('@aws-sdk/client-s3 against the local S3 server', () => {
  let client: S3Client;
  const prefix = `test/${randomUUID()}/`;

  beforeAll(() => {
    client = createS3Client(config);
  });

  afterAll(async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix }));
    for (const object of listed.Contents ?? []) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: object.Key }));
    }
    client.destroy();
  });

  it('puts and gets an object whose key holds the lake layout characters (=, +, /)', async () => {
    const key = `${prefix}lake/visit_events/date=2026-03-01/servq.visit.v1+3+100+199.parquet`;
    const body = randomBytes(4096);
    await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: body }));
    const got = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: `${prefix}lake/` }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual([key]);
  });

  it('lists with paging: every key exactly once across pages of two', async () => {
    const keys = Array.from({ length: 7 }, (_, i) => `${prefix}paging/obj-${String(i).padStart(2, '0')}`);
    for (const key of keys) await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: key }));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: config.bucket,
          Prefix: `${prefix}paging/`,
          MaxKeys: 2,
          ContinuationToken: token,
        }),
      );
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      pages += 1;
    } while (token);
    expect(seen).toEqual(keys);
    expect(pages).toBe(4);
  });

  it('deletes single objects and batches, after which they are gone', async () => {
    const keys = [`${prefix}del/a`, `${prefix}del/b`, `${prefix}del/c`];
    for (const key of keys) await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: 'x' }));
    await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: keys[0] }));
    const batch = await client.send(
      new DeleteObjectsCommand({ Bucket: config.bucket, Delete: { Objects: keys.slice(1).map((Key) => ({ Key })) } }),
    );
    expect(batch.Errors ?? []).toEqual([]);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: `${prefix}del/` }));
    expect(listed.KeyCount ?? 0).toBe(0);
  });

  it('uploads a 12 MiB object in multipart parts and reads back the same bytes', async () => {
    const key = `${prefix}multipart/big.bin`;
    const body = randomBytes(12 * 1024 * 1024);
    const upload = new Upload({
      client,
      params: { Bucket: config.bucket, Key: key, Body: body },
      partSize: 5 * 1024 * 1024,
      queueSize: 2,
    });
    const parts: number[] = [];
    upload.on('httpUploadProgress', (p) => {
      if (p.part !== undefined) parts.push(p.part);
    });
    await upload.done();
    // Three distinct parts acknowledged: the upload went through CreateMultipartUpload/UploadPart, not one PUT.
    expect(new Set(parts).size).toBe(3);
    const head = await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: key }));
    expect(head.ContentLength).toBe(body.length);
    const got = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('honours conditional GETs by ETag (If-None-Match → 304, If-Match mismatch → 412)', async () => {
    const key = `${prefix}conditional/obj`;
    const put = await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: 'v1' }));
    await expect(
      client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key, IfNoneMatch: put.ETag })),
    ).rejects.toSatisfy((e) => statusOf(e) === 304);
    await expect(
      client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key, IfMatch: '"0000"' })),
    ).rejects.toSatisfy((e) => statusOf(e) === 412);
    const matched = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key, IfMatch: put.ETag }));
    expect(await matched.Body!.transformToString()).toBe('v1');
  });

  it('answers 404 for a missing object rather than an empty body', async () => {
    await expect(
      client.send(new GetObjectCommand({ Bucket: config.bucket, Key: `${prefix}missing` })),
    ).rejects.toSatisfy((e) => statusOf(e) === 404);
  });
});
