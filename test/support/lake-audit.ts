/**
 * The fault suite's audit: reads a lake table's Parquet objects straight from S3 (downloaded and scanned with
 * DuckDB, not through any servq service) and compares the event ids in them, one by one, with the ids ingest
 * acknowledged. Objects are downloaded once per key and ETag, so repeated audits while a scenario waits for
 * landing cost one listing plus the new objects.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface AuditCounts {
  /** Distinct acknowledged event ids found in the lake. */
  landed: number;
  /** Acknowledged ids missing from the lake. */
  lost: number;
  /** Extra copies: rows beyond the first of each event id. */
  duplicated: number;
  /** Ids in the lake that no client of the scenario ever sent. */
  unexpected: number;
  /** Parquet objects read. */
  objects: number;
  /**
   * Of the extra copies, those at the same Kafka coordinates as another copy (the lander landed a message
   * twice); the rest sit at other offsets (the message was produced to Kafka twice).
   */
  duplicatedSameOffset: number;
}

export interface AuditResult extends AuditCounts {
  lostIds: string[];
  duplicatedIds: string[];
}

const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;

export class LakeAuditor {
  private dir: string | undefined;
  private db: DuckDBInstance | undefined;
  private connection: DuckDBConnection | undefined;
  /** S3 key → local file, for objects already downloaded (key + ETag identify an object's content). */
  private readonly local = new Map<string, { etag: string; file: string }>();
  private downloads = 0;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    /** The table's key prefix, e.g. `<lake prefix>survey_events/`. */
    private readonly tablePrefix: string,
  ) {}

  async open(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'servq-chaos-audit-'));
    this.db = await DuckDBInstance.create(':memory:', { threads: '1' });
    this.connection = await this.db.connect();
  }

  async close(): Promise<void> {
    this.connection?.closeSync();
    this.db?.closeSync();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  /** Every event id in the table's Parquet objects, with how many rows (and distinct Kafka messages) carry it. */
  async lakeIds(): Promise<{ counts: Map<string, number>; messages: Map<string, number>; objects: number }> {
    const objects = await this.list();
    const files: string[] = [];
    for (const { key, etag } of objects) {
      let entry = this.local.get(key);
      if (entry?.etag !== etag) {
        entry = { etag, file: join(this.dir!, `${this.downloads++}.parquet`) };
        await this.download(key, entry.file);
        this.local.set(key, entry);
      }
      files.push(entry.file);
    }
    for (const key of [...this.local.keys()]) if (!objects.some((o) => o.key === key)) this.local.delete(key);
    const counts = new Map<string, number>();
    const messages = new Map<string, number>();
    if (files.length === 0) return { counts, messages, objects: 0 };
    const reader = await this.connection!.runAndReadAll(
      `SELECT CAST(event_id AS VARCHAR) AS id, count(*)::INTEGER AS n,
         count(DISTINCT (kafka_topic, kafka_partition, kafka_offset))::INTEGER AS m
       FROM read_parquet([${files.map(sqlString).join(', ')}]) GROUP BY 1`,
    );
    for (const [id, n, m] of reader.getRows()) {
      counts.set(String(id), Number(n));
      messages.set(String(id), Number(m));
    }
    return { counts, messages, objects: files.length };
  }

  /** Compares the lake with what was acknowledged (`accepted`) and with everything ever sent (`sent`). */
  async audit(accepted: ReadonlySet<string>, sent: ReadonlySet<string>): Promise<AuditResult> {
    const { counts, messages, objects } = await this.lakeIds();
    return compareIds(counts, messages, accepted, sent, objects);
  }

  private async list(): Promise<{ key: string; etag: string }[]> {
    const out: { key: string; etag: string }[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.tablePrefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key?.endsWith('.parquet')) out.push({ key: o.Key, etag: o.ETag ?? '' });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  private async download(key: string, file: string): Promise<void> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    await pipeline(object.Body as Readable, createWriteStream(file));
  }
}

/**
 * The id-by-id comparison of the rows found (id → copies; id → distinct Kafka messages among them) with the
 * acknowledged and the sent ids.
 */
export function compareIds(
  counts: ReadonlyMap<string, number>,
  messages: ReadonlyMap<string, number>,
  accepted: ReadonlySet<string>,
  sent: ReadonlySet<string>,
  objects: number,
): AuditResult {
  const lostIds: string[] = [];
  const duplicatedIds: string[] = [];
  let landed = 0;
  let duplicated = 0;
  let unexpected = 0;
  let duplicatedSameOffset = 0;
  for (const id of accepted) {
    if (counts.has(id)) landed += 1;
    else lostIds.push(id);
  }
  for (const [id, n] of counts) {
    if (n > 1) {
      duplicated += n - 1;
      duplicatedSameOffset += n - (messages.get(id) ?? n);
      duplicatedIds.push(id);
    }
    if (!sent.has(id)) unexpected += 1;
  }
  return {
    landed,
    lost: lostIds.length,
    duplicated,
    duplicatedSameOffset,
    unexpected,
    objects,
    lostIds,
    duplicatedIds,
  };
}
