import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel, readTopics, withAdmin } from '@servq/kafka';
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
});
