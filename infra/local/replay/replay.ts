/**
 * Replay of rejected events after a fix: reads the rejected topic (`servq.rejected.v1`) from its oldest retained
 * message up to where it ended when the replay started, re-validates each payload with the contracts as they
 * are now, and sends the ones that pass to their family's topic the way ingest does (validate → scrub and
 * pseudonymise → key by entity), with their original `event_id`, so an event that also arrived another way is
 * one event in the lake (deduplicated by id). The rest stay where they are, rejected; nothing is written back.
 *
 * An event is validated against the clock of its own arrival (`received_at`), not of the replay: it was not too
 * old when it came, and a replay days later must not reject it for age.
 *
 * What it reports is counts and field paths only: a rejected payload's values never reach a log.
 */
import { randomUUID } from 'node:crypto';
import {
  messageKeyFor,
  redactReasons,
  RejectedEvent,
  rejectedPayload,
  scrubEvent,
  Topics,
  topicFor,
  validateEvent,
  type ServqEvent,
} from '@servq/contracts';
import { createAckedProducer, withAdmin, type KafkaClient, type OutgoingMessage, type TopicBatch } from '@servq/kafka';
import { pollUntil } from '@servq/runtime';

export interface ReplayOptions {
  kafka: KafkaClient;
  /** Prepended to topic names (isolated runs); empty in production. */
  topicPrefix: string;
  /** The pseudonymisation secret ingest uses, so replayed identifiers join with the others. */
  pseudonymSecret: string;
  validation: { maxSkewMs: number; horizonDays: number };
  /** Only messages received at or after this instant. */
  since?: Date;
  /** Count what would be replayed without sending anything. */
  dryRun: boolean;
  /** The longest the read of the topic may take. */
  timeoutMs: number;
  now?: () => Date;
}

export interface ReplayReport {
  /** Messages read from the rejected topic. */
  read: number;
  /** Events sent to their topics (or that would be, in a dry run), by topic. */
  replayed: Record<string, number>;
  /**
   * Payloads that still fail, by the field paths of their reasons (unknown names collapsed), or `(not JSON)` and
   * `(truncated)` for payloads that cannot be read as an event at all.
   */
  stillRejected: Record<string, number>;
  /** Messages before `since`, or not of the rejected topic's format. */
  skipped: number;
  /** Passing events of an event_id already replayed in this run. */
  duplicates: number;
}

interface Position {
  partition: number;
  /** The offset after the last message present when the replay started. */
  end: bigint;
}

async function endOffsets(kafka: KafkaClient, topic: string): Promise<Position[]> {
  const offsets = await withAdmin(kafka, (admin) => admin.topicOffsets(topic));
  return offsets.map((o) => ({ partition: o.partition, end: o.end }));
}

/** Reads every message present at the start, partition by partition, through an ephemeral consumer group. */
async function readAll(
  kafka: KafkaClient,
  topic: string,
  timeoutMs: number,
  onMessage: (value: Buffer | null, at: string) => void,
): Promise<void> {
  const ends = (await endOffsets(kafka, topic)).filter((p) => p.end > 0n);
  if (ends.length === 0) return;
  const remaining = new Map(ends.map((p) => [p.partition, p.end]));
  const groupId = `servq-replay-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, topics: [topic], sessionTimeoutMs: 10_000, silentAfterMs: 60_000 });
  try {
    await consumer.start({
      // Nothing is committed: the group is thrown away. Offsets retention already deleted are skipped by the
      // broker (a group without offsets starts at the oldest kept).
      assigned: () => Promise.resolve(null),
      batch: (batch) => {
        const end = remaining.get(batch.partition);
        for (const message of batch.messages) {
          if (end === undefined || message.offset >= end) break;
          onMessage(message.value, `${batch.partition}/${message.offset}`);
          if (message.offset + 1n >= end) remaining.delete(batch.partition);
        }
        return Promise.resolve();
      },
      revoked: () => undefined,
    });
    await pollUntil(() => remaining.size === 0, { intervalMs: 100, timeoutMs });
  } finally {
    await consumer.stop();
    await withAdmin(kafka, (admin) => admin.deleteGroups([groupId])).catch(() => undefined);
  }
}

function parseRejected(value: Buffer | null): RejectedEvent | undefined {
  if (value === null) return undefined;
  try {
    const parsed = RejectedEvent.safeParse(JSON.parse(value.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function replayRejected(options: ReplayOptions): Promise<ReplayReport> {
  const now = options.now ?? (() => new Date());
  const report: ReplayReport = { read: 0, replayed: {}, stillRejected: {}, skipped: 0, duplicates: 0 };
  const byTopic = new Map<string, OutgoingMessage[]>();
  const seen = new Set<string>();

  const handle = (value: Buffer | null, at: string): void => {
    report.read += 1;
    const rejected = parseRejected(value);
    if (!rejected || (options.since && Date.parse(rejected.received_at) < options.since.getTime())) {
      report.skipped += 1;
      return;
    }
    const payload = rejectedPayload(rejected);
    if (!payload.ok) {
      const why = `(${payload.why})`;
      report.stillRejected[why] = (report.stillRejected[why] ?? 0) + 1;
      return;
    }
    const result = validateEvent(payload.value, { now: new Date(rejected.received_at), ...options.validation });
    if (!result.ok) {
      // Paths as the lake shows them: an unknown field's name is never echoed.
      for (const { path } of redactReasons(result.issues, new Map())) {
        report.stillRejected[path] = (report.stillRejected[path] ?? 0) + 1;
      }
      return;
    }
    const event: ServqEvent = scrubEvent(result.event, { secret: options.pseudonymSecret });
    if (seen.has(event.event_id)) {
      report.duplicates += 1;
      return;
    }
    seen.add(event.event_id);
    const topic = `${options.topicPrefix}${topicFor(event)}`;
    const list = byTopic.get(topic) ?? [];
    list.push({
      key: messageKeyFor(event),
      value: JSON.stringify(event),
      headers: {
        source: rejected.source ?? 'replay',
        type: event.type,
        schema_version: String(event.schema_version),
        ingested_at: now().toISOString(),
        replayed_from: at,
      },
    });
    byTopic.set(topic, list);
    report.replayed[topic] = (report.replayed[topic] ?? 0) + 1;
  };

  await readAll(options.kafka, `${options.topicPrefix}${Topics.rejected}`, options.timeoutMs, handle);
  if (options.dryRun || byTopic.size === 0) return report;

  const producer = createAckedProducer(options.kafka, { sendTimeoutMs: 30_000 });
  await producer.start();
  try {
    const batches: TopicBatch[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    for (const batch of batches) {
      for (let i = 0; i < batch.messages.length; i += 500) {
        await producer.send([{ topic: batch.topic, messages: batch.messages.slice(i, i + 500) }]);
      }
    }
  } finally {
    await producer.stop();
  }
  return report;
}
