import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel, readTopics, withAdmin } from '@servq/kafka';
import { createS3Client, writeMarker } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./infra.sh', import.meta.url));

async function infra(...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [script, ...args], { env: process.env, timeout: 150_000 });
  return stdout;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shared = loadSharedConfig(process.env);
const kafkaAddress = escape(shared.kafka.brokers[0] ?? '');
const s3Address = escape(new URL(shared.s3.endpoint).host);
const dataDir = process.env.SERVQ_DATA_DIR ?? fileURLToPath(new URL('../../.data', import.meta.url));

describe('local infrastructure scripts', () => {
  it('report both components running, with address and data directory, and a second up is a no-op', async () => {
    const up = await infra('up');
    expect(up).toMatch(/kafka: already running \(pid \d+\)/);
    expect(up).toMatch(/s3: already running \(pid \d+\)/);
    const status = await infra('status');
    expect(status).toMatch(new RegExp(`^kafka\\s+running \\(pid \\d+\\)\\s+${kafkaAddress}\\s+\\S+/kafka$`, 'm'));
    expect(status).toMatch(
      new RegExp(
        `^s3\\s+running \\(pid \\d+\\)\\s+${s3Address}\\s+\\S+/s3 \\(bucket ${escape(shared.s3.bucket)}\\)$`,
        'm',
      ),
    );
  });

  it('a broker restart keeps the topics and the messages already written', async () => {
    const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
    const topic = `test.restart.${randomUUID()}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 2 }]);
    const producer = kafka.producer();
    await producer.connect();
    const values = Array.from({ length: 20 }, (_, i) => `before-restart-${i}`);
    await producer.send(
      topic,
      values.map((value, i) => ({ key: `k${i % 4}`, value })),
    );
    await producer.disconnect();

    await infra('down', 'kafka');
    expect(await infra('status')).toMatch(/^kafka\s+stopped/m);
    await infra('up', 'kafka');

    const topics = await withAdmin(kafka, (admin) => admin.listTopics());
    expect(topics).toEqual(expect.arrayContaining([topic, ...ALL_TOPICS]));

    const seen: string[] = [];
    const reader = await readTopics(kafka, { groupId: `test-restart-${randomUUID()}`, topics: [topic] }, (batch) => {
      for (const message of batch.messages) seen.push(message.value?.toString() ?? '');
    });
    try {
      await pollUntil(() => seen.length >= values.length, { intervalMs: 100, timeoutMs: 30_000 });
      expect([...seen].sort()).toEqual([...values].sort());
    } finally {
      await reader.stop();
    }
  }, 180_000);
  it('an S3 restart removes a write the stopped server left unfinished, so listings answer again', async () => {
    const s3 = createS3Client(shared.s3);
    const prefix = `test/restart-${randomUUID()}/`;
    try {
      await writeMarker(s3, shared.s3.bucket, `${prefix}kept.json`, { kept: true });
      await infra('down', 's3');
      // What S3Proxy's filesystem store leaves when it is stopped mid-write: the object's bytes under
      // "<key>-<random UUID>", never renamed into place and without the checksum attribute a finished write has.
      const unfinished = join(dataDir, 's3', shared.s3.bucket, `${prefix}part.parquet-${randomUUID()}`);
      writeFileSync(unfinished, 'PAR1 half written');
      const up = await infra('up', 's3');
      expect(up).toContain(`s3: removed an unfinished write: ${shared.s3.bucket}/${prefix}part.parquet-`);
      expect(existsSync(unfinished)).toBe(false);
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: shared.s3.bucket, Prefix: prefix }));
      expect((listed.Contents ?? []).map((o) => o.Key)).toEqual([`${prefix}kept.json`]);
    } finally {
      await s3.send(new DeleteObjectCommand({ Bucket: shared.s3.bucket, Key: `${prefix}kept.json` }));
      s3.destroy();
    }
  }, 180_000);
});
