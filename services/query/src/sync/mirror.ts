/**
 * A local mirror of the lake's Parquet objects. `sync()` lists the prefix, downloads objects that are new or
 * whose ETag changed (to a temporary name, then renamed, so a reader never sees half a file), and deletes the
 * local copies of objects that are gone. Objects that are not `<table>/…/*.parquet` under a known table are
 * ignored (the lander may leave markers). The manifest is kept on disk so a restart does not re-download.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { LakeTables, type LakeTableName } from '../contracts.adapter.ts';

export interface MirroredFile {
  key: string;
  etag: string;
  size: number;
  table: LakeTableName;
  /** Absolute local path. */
  path: string;
}

export interface SyncReport {
  downloaded: number;
  removed: number;
  unchanged: number;
  bytes: number;
  at: Date;
}

export interface MirrorOptions {
  bucket: string;
  prefix: string;
  mirrorDir: string;
  /** Parallel downloads. */
  concurrency?: number;
}

const tables = new Set<string>(Object.values(LakeTables));

export class LakeMirror {
  private manifest = new Map<string, MirroredFile>();
  private readonly root: string;
  private readonly manifestPath: string;

  constructor(
    private readonly s3: S3Client,
    private readonly options: MirrorOptions,
  ) {
    this.root = resolve(options.mirrorDir);
    this.manifestPath = join(this.root, 'manifest.json');
  }

  /** The local root every mirrored file lives under. */
  get directory(): string {
    return this.root;
  }

  files(): MirroredFile[] {
    return [...this.manifest.values()];
  }

  /** Restores the manifest written by the last run, keeping only entries whose file is still there. */
  async load(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    let entries: MirroredFile[];
    try {
      entries = JSON.parse(await readFile(this.manifestPath, 'utf8')) as MirroredFile[];
    } catch {
      entries = [];
    }
    this.manifest = new Map(entries.filter((e) => e.path.startsWith(this.root + sep)).map((e) => [e.key, e]));
  }

  async sync(): Promise<SyncReport> {
    const listed = await this.list();
    const toFetch = listed.filter((o) => this.manifest.get(o.key)?.etag !== o.etag);
    // A set, not a scan of the listing per manifest entry: that was quadratic in the lake's object count.
    const listedKeys = new Set(listed.map((o) => o.key));
    const gone = [...this.manifest.keys()].filter((key) => !listedKeys.has(key));
    let bytes = 0;
    let taken = 0;
    const workers = Array.from({ length: Math.min(this.options.concurrency ?? 4, toFetch.length) }, async () => {
      for (let next = toFetch[taken++]; next; next = toFetch[taken++]) {
        await this.download(next);
        bytes += next.size;
        this.manifest.set(next.key, next);
      }
    });
    await Promise.all(workers);
    for (const key of gone) {
      const entry = this.manifest.get(key);
      this.manifest.delete(key);
      if (entry) await rm(entry.path, { force: true });
    }
    if (toFetch.length > 0 || gone.length > 0) {
      await writeFile(`${this.manifestPath}.tmp`, JSON.stringify(this.files()));
      await rename(`${this.manifestPath}.tmp`, this.manifestPath);
    }
    return {
      downloaded: toFetch.length,
      removed: gone.length,
      unchanged: listed.length - toFetch.length,
      bytes,
      at: new Date(),
    };
  }

  private async list(): Promise<MirroredFile[]> {
    const found: MirroredFile[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: this.options.prefix,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        const file = this.toFile(object.Key, object.ETag, object.Size);
        if (file) found.push(file);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  private toFile(key: string | undefined, etag: string | undefined, size: number | undefined): MirroredFile | null {
    if (!key?.endsWith('.parquet') || etag === undefined) return null;
    const relative = key.slice(this.options.prefix.length);
    const segments = relative.split('/');
    const table = segments[0];
    if (table === undefined || !tables.has(table) || segments.some((s) => s === '' || s === '.' || s === '..')) {
      return null;
    }
    const path = resolve(this.root, 'files', ...segments);
    if (!path.startsWith(this.root + sep)) return null;
    return { key, etag, size: size ?? 0, table: table as LakeTableName, path };
  }

  private async download(file: MirroredFile): Promise<void> {
    await mkdir(dirname(file.path), { recursive: true });
    const response = await this.s3.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: file.key }));
    const temporary = `${file.path}.download`;
    await pipeline(response.Body as Readable, createWriteStream(temporary));
    await rename(temporary, file.path);
  }
}
