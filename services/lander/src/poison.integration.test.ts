/**
 * Regression tests of issue 13 ("one message must never stop the lake"): a request `[{"event_id":"\ud800"}]` got
 * its 422, but its rejected copy failed to land every ten seconds since (DuckDB's JSON reader refuses a lone
 * surrogate), its partition fell behind, and /healthz kept saying ok. Against the real Kafka and S3.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSharedConfig } from '@servq/config';
import { pollUntil } from '@servq/runtime';
import { withAdmin } from '@servq/kafka';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildLander, type Lander } from './app.ts';
import {
  asMessages,
  cleanUp,
  isolate,
  readLake,
  useSuiteClients,
  visitCalled,
  type Isolation,
} from './lander.test-support.ts';

const shared = loadSharedConfig(process.env);
const bucket = shared.s3.bucket;
const landerDir = fileURLToPath(new URL('..', import.meta.url));

const survey = (comment: string) => ({
  event_id: randomUUID(),
  type: 'survey.submitted',
  schema_version: 1,
  occurred_at: new Date().toISOString(),
  source: 'lander-test',
  channel: 'in_person',
  office_id: 'cesis',
  survey_id: 'survey-1',
  satisfaction: 2,
  comment,
});

describe('one message never stops the lake', () => {
  const suite = useSuiteClients();

  async function isolated(overrides: Record<string, string> = {}): Promise<Isolation> {
    const isolation = await isolate(suite.kafka, overrides, 1);
    suite.cleanups.push(() => cleanUp(suite.kafka, suite.s3, bucket, isolation));
    return isolation;
  }

  async function startLander(iso: Isolation): Promise<Lander> {
    const lander = await buildLander(iso.config, { s3: suite.s3, logger: pino({ level: 'silent' }) });
    await lander.start();
    suite.cleanups.push(() => lander.stop());
    return lander;
  }

  /** Whether the group's committed offset of partition 0 of `topic` has reached the partition's end. */
  async function caughtUp(iso: Isolation, topic: string): Promise<boolean> {
    return withAdmin(suite.kafka, async (admin) => {
      const [end] = await admin.topicOffsets(topic);
      const [committed] = await admin.committedOffsets(iso.groupId, [topic]);
      return end !== undefined && committed?.committed === end.end;
    });
  }

  const metricsOf = (lander: Lander) => lander.metrics.registry.metrics();
  const readiness = async (lander: Lander) => (await lander.http.inject({ method: 'GET', url: '/readyz' })).statusCode;

  it('a lone surrogate in a rejected event does not stop its partition', async () => {
    const iso = await isolated();
    const rejected = (raw: unknown, path = 'event_id') =>
      JSON.stringify({
        received_at: new Date().toISOString(),
        source: 'portal',
        raw: JSON.stringify(raw),
        reasons: [{ path, message: 'expected a UUID' }],
      });
    // What ingest wrote for `[{"event_id":"\ud800"}]`, a lone surrogate in a reason too, then ordinary ones.
    const values = [
      rejected({ event_id: '\ud800' }),
      rejected({ event_id: 'x', comment: 'a\udc00b' }, 'event_id\ud800'),
      rejected({ event_id: 'y' }),
      rejected({ event_id: 'z' }),
    ];
    await suite.producer.send({ topic: iso.rejectedTopic, messages: values.map((value) => ({ value })) });
    const lander = await startLander(iso);
    await pollUntil(() => caughtUp(iso, iso.rejectedTopic), { intervalMs: 200, timeoutMs: 30_000 });
    const { rows } = await readLake(suite.s3, bucket, iso.prefix, 'rejected_events');
    expect(rows.map((r) => r.kafka_offset)).toEqual(['0', '1', '2', '3']);
    expect(rows.every((r) => r.kafka_topic === iso.rejectedTopic)).toBe(true);
    const metrics = await metricsOf(lander);
    expect(metrics).toMatch(/lander_rows_landed_total\{table="rejected_events"\} 4/);
    expect(metrics).not.toMatch(/lander_flush_failures_total [1-9]/);
    expect(await readiness(lander)).toBe(200);
  });

  it('a lone surrogate in an accepted survey comment does not stop its partition, and lands repaired', async () => {
    const iso = await isolated();
    const broken = survey('Ļoti ilgi jāgaida \ud83d. Paldies!');
    const after = visitCalled(1, new Date().toISOString());
    await suite.producer.send({
      topic: iso.topic,

      messages: [{ value: JSON.stringify(broken) }, ...asMessages([after])],
    });
    const lander = await startLander(iso);
    await pollUntil(() => caughtUp(iso, iso.topic), { intervalMs: 200, timeoutMs: 30_000 });
    const surveys = (await readLake(suite.s3, bucket, iso.prefix, 'survey_events')).rows;
    expect(surveys.map((r) => [r.event_id, r.comment])).toEqual([
      [broken.event_id, 'Ļoti ilgi jāgaida \ufffd. Paldies!'],
    ]);
    const visits = (await readLake(suite.s3, bucket, iso.prefix, 'visit_events')).rows;
    expect(visits.map((r) => r.event_id)).toEqual([after.event_id]);
    expect(await metricsOf(lander)).toMatch(/lander_repaired_rows_total 1\b/);
  });

  it('a message DuckDB cannot read lands in the rejected table with the reason, and the rest of its batch lands', async () => {
    const iso = await isolated();
    const events = Array.from({ length: 6 }, (_, i) => visitCalled(i, new Date().toISOString()));
    const messages = asMessages(events);
    // Valid to JavaScript (the last of two equal keys wins) and to the schema; DuckDB refuses the object.
    const poison = { value: `${String(messages[2]?.value).slice(0, -1)},"desk":"D9"}` };
    await suite.producer.send({
      topic: iso.topic,

      messages: [...messages.slice(0, 2), poison, ...messages.slice(2)],
    });
    const lander = await startLander(iso);
    await pollUntil(() => caughtUp(iso, iso.topic), { intervalMs: 200, timeoutMs: 30_000 });
    const visits = (await readLake(suite.s3, bucket, iso.prefix, 'visit_events')).rows;
    expect(visits.map((r) => r.event_id)).toEqual(events.map((e) => e.event_id));
    const rejected = (await readLake(suite.s3, bucket, iso.prefix, 'rejected_events')).rows;
    expect(rejected.map((r) => [r.kafka_topic, r.kafka_offset])).toEqual([[iso.topic, '2']]);
    expect(JSON.parse(String(rejected[0]?.reasons))).toEqual([
      { path: '(message)', message: expect.stringMatching(/^the lake could not store it: .*duplicate key/) as unknown },
    ]);
    expect(await metricsOf(lander)).toMatch(/lander_poison_rows_total\{table="visit_events"\} 1\b/);
    expect(await readiness(lander)).toBe(200);
  });

  it('a partition that stops advancing is not ready and shows stalled, until it advances again', async () => {
    // Staging files cannot be written (no such directory): every flush fails, for a reason not in any message.
    const staging = join(tmpdir(), `lander-stall-${randomUUID()}`);
    suite.cleanups.push(() => rm(staging, { recursive: true, force: true }));
    const iso = await isolated({ LANDER_TMP_DIR: staging, LANDER_STALL_AFTER_MS: '1500' });
    const events = Array.from({ length: 20 }, (_, i) => visitCalled(i, new Date().toISOString()));
    await suite.producer.send({ topic: iso.topic, messages: asMessages(events) });
    const lander = await startLander(iso);
    const stalled = new RegExp(
      `lander_partition_stalled\\{topic="${iso.topic.replaceAll('.', '\\.')}",partition="0"\\} (\\d)`,
    );
    const stalledNow = async () => stalled.exec(await metricsOf(lander))?.[1];
    await pollUntil(async () => (await stalledNow()) === '1', { intervalMs: 200, timeoutMs: 30_000 });
    expect(await readiness(lander)).toBe(503);
    expect(await metricsOf(lander)).toMatch(/lander_partition_seconds_since_progress\{[^}]*partition="0"\} [1-9]/);
    expect((await lander.http.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    await mkdir(staging, { recursive: true });
    await pollUntil(() => caughtUp(iso, iso.topic), { intervalMs: 200, timeoutMs: 30_000 });
    await pollUntil(async () => (await stalledNow()) === '0' && (await readiness(lander)) === 200, {
      intervalMs: 200,
      timeoutMs: 20_000,
    });
    expect((await readLake(suite.s3, bucket, iso.prefix, 'visit_events')).rows).toHaveLength(events.length);
  });

  it('answers /healthz while it waits to join its group after a crash, and /readyz once it lands', async () => {
    const iso = await isolated({ LANDER_KAFKA_SESSION_TIMEOUT_MS: '10000', LANDER_LOG_LEVEL: 'info' });
    const children: ReturnType<typeof spawn>[] = [];
    suite.cleanups.push(async () => {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await once(child, 'exit');
        }
      }
    });
    const spawnLander = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: landerDir,
        env: iso.env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const out = { text: '' };
      child.stdout?.on('data', (chunk: Buffer) => (out.text += chunk.toString()));
      return { child, out };
    };
    // A member that dies without leaving: the group waits up to its session timeout before the next can join.
    const first = spawnLander();
    await pollUntil(() => first.out.text.includes('joined group'), { intervalMs: 100, timeoutMs: 30_000 });
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');

    const second = spawnLander();
    const address = () => /"address":"(http:[^"]+)"/.exec(second.out.text)?.[1];
    await pollUntil(() => address() !== undefined, { intervalMs: 50, timeoutMs: 30_000 });
    const base = String(address());
    const status = async (path: string) => (await fetch(`${base}${path}`)).status;
    const live = await status('/healthz');
    const ready = await status('/readyz');
    const joinedYet = second.out.text.includes('joined group');
    expect([live, ready, joinedYet]).toEqual([200, 503, false]);

    await suite.producer.send({
      topic: iso.topic,

      messages: asMessages([visitCalled(1, new Date().toISOString())]),
    });
    await pollUntil(async () => (await status('/readyz')) === 200 && (await caughtUp(iso, iso.topic)), {
      intervalMs: 200,
      timeoutMs: 45_000,
    });
    expect(second.out.text).toContain('joined group');
  });
});
