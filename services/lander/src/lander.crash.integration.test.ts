import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { loadSharedConfig } from '@servq/config';
import { pollUntil } from '@servq/runtime';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildLander } from './app.ts';
import { landBatch, type PartitionHandle } from './lake/batch.lander.ts';
import { LakeStore } from './lake/lake.store.ts';
import {
  asMessages,
  cleanUp,
  countLake,
  isolate,
  readLake,
  visitCalled,
  useSuiteClients,
  type Isolation,
} from './lander.test-support.ts';
import { decodeMessages } from './consume/fetched.batch.ts';
import { createMetrics } from './metrics.ts';
import { ParquetWriter } from './lake/parquet.writer.ts';

const shared = loadSharedConfig(process.env);
const bucket = shared.s3.bucket;
const landerDir = fileURLToPath(new URL('..', import.meta.url));

async function expectExactlyOnce(s3: S3Client, prefix: string, expected: number): Promise<void> {
  const { rows } = await readLake(s3, bucket, prefix, 'visit_events');
  expect(rows).toHaveLength(expected);
  expect(new Set(rows.map((r) => r.event_id)).size).toBe(expected);
  expect(new Set(rows.map((r) => `${String(r.kafka_partition)}/${String(r.kafka_offset)}`)).size).toBe(expected);
}

describe('lander crash safety', () => {
  const suite = useSuiteClients();

  async function isolated(overrides: Record<string, string> = {}): Promise<Isolation> {
    const isolation = await isolate(suite.kafka, overrides);
    suite.cleanups.push(() => cleanUp(suite.kafka, suite.s3, bucket, isolation));
    return isolation;
  }

  it('re-lands a date-spanning batch exactly once after a crash between its first and last object', async () => {
    const iso = await isolated();
    const events = Array.from({ length: 20 }, (_, i) =>
      visitCalled(i, i % 2 === 0 ? '2026-03-01T10:00:00+02:00' : '2026-03-02T10:00:00+02:00'),
    );
    await suite.producer.send({
      topic: iso.topic,

      messages: asMessages(events).map((m) => ({ ...m, partition: 0 })),
    });

    // A lander that dies right after its first object is in the bucket.
    let dead = false;
    class DyingStore extends LakeStore {
      override async putFile(key: string, path: string): Promise<void> {
        if (dead) throw new Error('process died');
        await super.putFile(key, path);
        dead = true;
      }
    }
    const writer = await ParquetWriter.create({ threads: 1 });
    const route = iso.config.consumer.routes[0];
    if (!route) throw new Error('no route');
    const messages = events.map((e, i) => ({
      offset: BigInt(i),
      key: null,
      value: Buffer.from(JSON.stringify(e)),
      timestamp: 0,
      headers: {},
    }));
    const batch = decodeMessages(route, 0, messages, new Date());
    if (!batch) throw new Error('nothing decoded');
    const handle: PartitionHandle = {
      topic: iso.topic,
      partition: 0,
      landedThrough: null,
      assertOwned: () => {
        if (dead) throw new Error('process died');
      },
      heartbeat: () => Promise.resolve(),
      commit: () => Promise.reject(new Error('never reached')),
    };
    const context = {
      store: new DyingStore(suite.s3, bucket),
      writer,
      tmpDir: '/tmp',
      lakePrefix: iso.prefix,
      s3RetryMaxDelayMs: 50,
      metrics: createMetrics(),
      logger: pino({ level: 'silent' }),
    };
    await expect(landBatch(context, handle, [batch])).rejects.toThrow('process died');
    writer.close();
    const partial = await readLake(suite.s3, bucket, iso.prefix, 'visit_events');
    expect(partial.objects).toHaveLength(1);
    expect(partial.rows).toHaveLength(10);

    const lander = await buildLander(iso.config, { s3: suite.s3, logger: pino({ level: 'silent' }) });
    await lander.start();
    suite.cleanups.push(() => lander.stop());
    await pollUntil(async () => (await countLake(suite.s3, bucket, iso.prefix, 'visit_events')) === events.length, {
      intervalMs: 300,
      timeoutMs: 30_000,
    });
    await expectExactlyOnce(suite.s3, iso.prefix, events.length);
  });

  it('lands what it holds and exits 0 on SIGTERM, before the age bound would have flushed it', async () => {
    const iso = await isolated({ LANDER_FLUSH_MAX_AGE_MS: '600000', LANDER_FLUSH_MAX_EVENTS: '100000' });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: landerDir,
      env: { ...iso.env, LANDER_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    suite.cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    });
    const events = Array.from({ length: 120 }, (_, i) => visitCalled(i, new Date().toISOString()));
    await suite.producer.send({ topic: iso.topic, messages: asMessages(events) });
    // Every partition has read its events into the buffer (recovered, then nothing landed yet).
    await pollUntil(() => (output.match(/partition recovered/g) ?? []).length >= 3, {
      intervalMs: 100,
      timeoutMs: 30_000,
    });
    expect(await countLake(suite.s3, bucket, iso.prefix, 'visit_events')).toBe(0);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    await expectExactlyOnce(suite.s3, iso.prefix, events.length);
  });

  it('keeps every event exactly once when two landers in one group are SIGKILLed mid-run and restarted', async () => {
    const iso = await isolated({ LANDER_FLUSH_MAX_EVENTS: '40', LANDER_FLUSH_MAX_AGE_MS: '200' });
    const children = new Set<ChildProcess>();
    suite.cleanups.push(async () => {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await once(child, 'exit');
        }
      }
    });
    const spawnLander = (): ChildProcess => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: landerDir,
        env: iso.env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.add(child);
      return child;
    };
    const kill = async (child: ChildProcess) => {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    };
    const objects = async () => (await new LakeStore(suite.s3, bucket).list(`${iso.prefix}visit_events/`)).length;

    const landers = [spawnLander(), spawnLander()];
    let produced = 0;
    const produce = async (n: number) => {
      const events = Array.from({ length: n }, (_, i) => visitCalled(produced + i, new Date().toISOString()));
      produced += n;
      await suite.producer.send({ topic: iso.topic, messages: asMessages(events) });
    };

    for (const victim of [0, 1, 0]) {
      await produce(600);
      const before = await objects();
      // Kill while landing is under way: after at least one new object appeared.
      await pollUntil(async () => (await objects()) > before, { intervalMs: 50, timeoutMs: 30_000 });
      const child = landers[victim];
      if (child) await kill(child);
      landers[victim] = spawnLander();
    }
    await produce(300);
    await pollUntil(async () => (await countLake(suite.s3, bucket, iso.prefix, 'visit_events')) >= produced, {
      intervalMs: 1000,
      timeoutMs: 60_000,
    });
    await expectExactlyOnce(suite.s3, iso.prefix, produced);
  });
});
