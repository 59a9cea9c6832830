/**
 * The lander's S3 operations on the lake bucket: upload a staged file (multipart when large), small JSON
 * documents, listing, downloading and deleting. Errors are wrapped as retryable `LANDER_S3_FAILED`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { LanderError, LanderErrorCode } from '../errors.ts';

export interface ListedObject {
  key: string;
  size: number;
}

const MULTIPART_PART_SIZE = 8 * 1024 * 1024;

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

async function s3<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new LanderError(LanderErrorCode.S3Failed, `S3 ${what} failed: ${(error as Error).message}`, true, {
      cause: error,
    });
  }
}

export class LakeStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async putFile(key: string, path: string): Promise<void> {
    await s3(`upload of ${key}`, async () => {
      const upload = new Upload({
        client: this.client,
        params: {
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(path),
          ContentType: 'application/vnd.apache.parquet',
        },
        partSize: MULTIPART_PART_SIZE,
        queueSize: 2,
        leavePartsOnError: false,
      });
      await upload.done();
    });
  }

  async putJson(key: string, value: unknown): Promise<void> {
    await s3(`put of ${key}`, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: JSON.stringify(value),
          ContentType: 'application/json',
        }),
      ),
    );
  }

  /** The parsed JSON document at `key`, or `undefined` when there is none. */
  async getJson(key: string): Promise<unknown> {
    return s3(`get of ${key}`, async () => {
      try {
        const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
        const text = (await response.Body?.transformToString('utf8')) ?? '';
        return JSON.parse(text) as unknown;
      } catch (error) {
        if (statusOf(error) === 404 || (error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    });
  }

  async download(key: string, path: string): Promise<void> {
    await s3(`download of ${key}`, async () => {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!response.Body) throw new Error('empty body');
      await pipeline(response.Body as Readable, createWriteStream(path));
    });
  }

  async list(prefix: string): Promise<ListedObject[]> {
    return s3(`listing of ${prefix}`, async () => {
      const objects: ListedObject[] = [];
      let token: string | undefined;
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) if (o.Key) objects.push({ key: o.Key, size: o.Size ?? 0 });
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    });
  }

  /** Deletes the keys (missing ones are fine), a thousand per request. */
  async delete(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const chunk = keys.slice(i, i + 1000);
      await s3(`delete of ${chunk.length} objects`, async () => {
        const result = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (result.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        if (failed.length > 0) throw new Error(`could not delete ${failed.map((e) => e.Key).join(', ')}`);
      });
    }
  }
}
