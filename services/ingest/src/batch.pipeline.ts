/**
 * Turns one request's raw items into per-item outcomes and the Kafka messages that make them durable.
 * Pure apart from reading the dedup window: nothing is produced here and nothing is remembered — the route
 * produces, and only after Kafka acknowledged does it remember the accepted ids.
 *
 * Every item ends in exactly one outcome, in request order:
 *   accepted   valid, scrubbed, pseudonymised, destined for its family's topic
 *   duplicate  its event_id was acknowledged before (within the dedup window) or earlier in this request
 *   rejected   invalid; it goes to the rejected topic exactly as it arrived, with the reasons, so that it can be
 *              replayed after a fix (`pnpm replay:rejected`); the lake keeps only its redacted form
 */
import {
  EventId,
  familyOf,
  isEventType,
  messageKeyFor,
  scrubEvent,
  toRejectedEvent,
  Topics,
  topicFor,
  validateEvent,
  type EventFamily,
  type ServqEvent,
} from '@servq/contracts';
import type { OutgoingMessage, TopicBatch } from '@servq/kafka';
import { randomUUID } from 'node:crypto';
import type { Caller } from './auth.ts';
import type { RawItem } from './body.ts';
import type { DedupWindow } from './dedup.ts';

export interface FieldError {
  path: string;
  message: string;
}

export type ItemOutcome =
  | { index: number; event_id: string; type: string; status: 'accepted' | 'duplicate' }
  | { index: number; event_id: string | null; type: string | null; status: 'rejected'; errors: FieldError[] };

export interface PipelineContext {
  caller: Caller;
  now: Date;
  validation: { maxSkewMs: number; horizonDays: number };
  pseudonymSecret: string;
  dedup: DedupWindow;
  /** Prepended to topic names (INGEST_TOPIC_PREFIX). */
  topicPrefix: string;
}

export interface PreparedBatch {
  outcomes: ItemOutcome[];
  batches: TopicBatch[];
  acceptedIds: string[];
  /** Items of a family the caller's key may not send: the whole request is refused with 403. */
  forbidden: { index: number; type: string }[];
}

function stringField(value: unknown, field: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : null;
}

function familyOfRaw(type: string | null): EventFamily | null {
  return isEventType(type) ? familyOf(type) : null;
}

function rejectedMessage(item: RawItem, errors: FieldError[], ctx: PipelineContext): OutgoingMessage {
  const rejected = toRejectedEvent(item.ok ? { parsed: item.value } : { text: item.text }, errors, {
    receivedAt: ctx.now,
    source: ctx.caller.keyId,
  });
  // The key is the event's id only when it is one (a UUID): a key is not redacted like the lake row.
  const eventId = item.ok ? stringField(item.value, 'event_id') : null;
  const key = eventId !== null && EventId.safeParse(eventId).success ? eventId : randomUUID();
  return { key, value: JSON.stringify(rejected), headers: { source: ctx.caller.keyId } };
}

/**
 * The headers of an accepted event: the same for every event of one type and version in a request (source key,
 * type, version, the request's ingest time), so one object serves them all (the producer only reads it, and
 * converts each distinct object once rather than once a message).
 */
function headersCache(ctx: PipelineContext, ingestedAt: string) {
  const byType = new Map<string, Record<string, string>>();
  return (event: ServqEvent): Record<string, string> => {
    const schemaVersion = String(event.schema_version);
    let headers = byType.get(event.type);
    if (headers?.schema_version !== schemaVersion) {
      headers = { source: ctx.caller.keyId, type: event.type, schema_version: schemaVersion, ingested_at: ingestedAt };
      byType.set(event.type, headers);
    }
    return headers;
  };
}

function acceptedMessage(event: ServqEvent, ctx: PipelineContext, headers: Record<string, string>): OutgoingMessage {
  const scrubbed = scrubEvent(event, { secret: ctx.pseudonymSecret });
  return { key: messageKeyFor(scrubbed), value: JSON.stringify(scrubbed), headers };
}

export function prepareBatch(items: readonly RawItem[], ctx: PipelineContext): PreparedBatch {
  const outcomes: ItemOutcome[] = [];
  const byTopic = new Map<string, OutgoingMessage[]>();
  const push = (topic: string, message: OutgoingMessage) => {
    const list = byTopic.get(topic) ?? [];
    list.push(message);
    byTopic.set(topic, list);
  };
  const forbidden: PreparedBatch['forbidden'] = [];
  const acceptedIds: string[] = [];
  const inThisRequest = new Set<string>();
  // One time for the whole batch (ctx.now is), formatted once rather than per event.
  const headersFor = headersCache(ctx, ctx.now.toISOString());
  const validateOptions = { now: ctx.now, ...ctx.validation };

  items.forEach((item, index) => {
    const rawType = item.ok ? stringField(item.value, 'type') : null;
    const family = familyOfRaw(rawType);
    if (rawType && family && !ctx.caller.families.has(family)) {
      forbidden.push({ index, type: rawType });
      return;
    }
    const result = item.ok
      ? validateEvent(item.value, validateOptions)
      : { ok: false as const, issues: [{ path: '', message: item.reason }] };
    if (!result.ok) {
      const eventId = item.ok ? stringField(item.value, 'event_id') : null;
      outcomes.push({ index, event_id: eventId, type: rawType, status: 'rejected', errors: result.issues });
      push(`${ctx.topicPrefix}${Topics.rejected}`, rejectedMessage(item, result.issues, ctx));
      return;
    }
    const event = result.event;
    if (ctx.dedup.seen(event.event_id) || inThisRequest.has(event.event_id)) {
      outcomes.push({ index, event_id: event.event_id, type: event.type, status: 'duplicate' });
      return;
    }
    inThisRequest.add(event.event_id);
    acceptedIds.push(event.event_id);
    outcomes.push({ index, event_id: event.event_id, type: event.type, status: 'accepted' });
    push(`${ctx.topicPrefix}${topicFor(event)}`, acceptedMessage(event, ctx, headersFor(event)));
  });

  return {
    outcomes,
    batches: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    acceptedIds,
    forbidden,
  };
}
