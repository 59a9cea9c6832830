import { randomUUID } from 'node:crypto';
import { loadSharedConfig } from '@servq/config';
import { Topics, toRejectedEvent, type RejectionReason } from '@servq/contracts';
import { createKafka, logLevel, readTopics, withAdmin, type KafkaMessage, type TopicReader } from '@servq/kafka';
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionTopics } from '../topics.ts';
import { replayRejected, type ReplayOptions } from './replay.ts';

const secret = 'replay-test-secret-0123456789';

describe('replaying rejected events after a fix', () => {
  const kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
  const runId = randomUUID().slice(0, 8);
  const prefix = `it.replay.${runId}.`;
  const producer = kafka.producer();
  let consumer: TopicReader | undefined;
  const landed: { topic: string; message: KafkaMessage }[] = [];
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);

  const survey = (n: number, overrides: Record<string, unknown> = {}) => ({
    event_id: randomUUID(),
    type: 'survey.submitted',
    schema_version: 1,
    // Older than the 30-day horizon today, but not when it arrived: replay judges it by its arrival.
    occurred_at: new Date(receivedAt.getTime() - 20 * 86_400_000).toISOString(),
    source: 'kiosk-cesis',
    channel: 'in_person',
    office_id: 'cesis',
    survey_id: `r${runId}-s${n}`,
    satisfaction: 4,
    comment: 'Zvaniet 29123456',
    ...overrides,
  });

  async function reject(payload: { parsed: unknown } | { text: string }, reasons: RejectionReason[]): Promise<void> {
    const rejected = toRejectedEvent(payload, reasons, { receivedAt, source: 'dev-survey' });
    await producer.send(`${prefix}${Topics.rejected}`, [{ key: randomUUID(), value: JSON.stringify(rejected) }]);
  }

  const options = (dryRun: boolean): ReplayOptions => ({
    kafka,
    topicPrefix: prefix,
    pseudonymSecret: secret,
    validation: { maxSkewMs: 60_000, horizonDays: 30 },
    dryRun,
    timeoutMs: 30_000,
  });

  beforeAll(async () => {
    await provisionTopics(kafka, { partitions: 2, rejectedRetentionHours: 1, prefix });
    await producer.connect();
    consumer = await readTopics(
      kafka,
      { groupId: `it-replay-${runId}`, topics: [`${prefix}${Topics.survey}`] },
      (batch) => {
        for (const message of batch.messages) landed.push({ topic: batch.topic, message });
      },
    );
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer.disconnect();
    await withAdmin(kafka, async (admin) => {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      await admin.deleteTopics(topics).catch(() => undefined);
    });
  });

  it('sends what passes now to its topic with its original event_id, scrubbed, and leaves the rest rejected', async () => {
    // Rejected by yesterday's rules (e.g. a limit since raised): valid under today's contracts.
    const fixed = survey(1);
    await reject({ parsed: fixed }, [{ path: 'comment', message: 'expected at most 10 characters' }]);
    await reject({ parsed: fixed }, [{ path: 'comment', message: 'expected at most 10 characters' }]);
    // Still invalid today: a score out of range and a field named with an e-mail address.
    const broken = { ...survey(2), satisfaction: 9, 'anna@example.com': 'x' };
    await reject({ parsed: broken }, [{ path: 'satisfaction', message: 'expected an integer from 1 to 5' }]);
    await reject({ text: '{"comment": "Jānis 29123456"' }, [{ path: '', message: 'line 1: not valid JSON' }]);

    const dry = await replayRejected(options(true));
    expect(dry).toEqual({
      read: 4,
      replayed: { [`${prefix}${Topics.survey}`]: 1 },
      stillRejected: { satisfaction: 1, '[unknown field]': 1, '(not JSON)': 1 },
      skipped: 0,
      duplicates: 1,
    });
    const report = await replayRejected(options(false));
    expect(report).toEqual(dry);
    expect(JSON.stringify(report)).not.toContain('anna@example.com');

    await pollUntil(() => landed.length >= 1, { intervalMs: 100, timeoutMs: 30_000 });
    // A second replay sends the same event again: the same event_id, which the lake keeps once.
    await replayRejected(options(false));
    await pollUntil(() => landed.length >= 2, { intervalMs: 100, timeoutMs: 30_000 });
    const events = landed.map((l) => JSON.parse(l.message.value!.toString()) as Record<string, unknown>);
    expect(events.map((e) => e.event_id)).toEqual([fixed.event_id, fixed.event_id]);
    expect(events[0]).toMatchObject({ survey_id: fixed.survey_id, comment: 'Zvaniet [PHONE]' });
    expect(landed[0]!.message.key?.toString()).toBe(fixed.survey_id);
    expect(landed[0]!.message.headers.type).toBe('survey.submitted');
  });
});
