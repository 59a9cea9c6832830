/**
 * Turns one Kafka message into one lake record: the row, its table and its office-local day. Never throws and
 * never drops: a message that cannot be decoded becomes a row of the rejected table carrying the reasons.
 */
import type { TopicRoute } from './config.ts';
import { REJECTED_TABLE, decodeEvent, rejectedRow, type KafkaCoordinates, type LakeRow } from './lake.contract.ts';
import { lakeDate } from './object.names.ts';
import { z } from 'zod';

export interface RawMessage {
  offset: string;
  value: Buffer | null;
  /** Kafka's timestamp in epoch milliseconds, as kafkajs gives it. */
  timestamp: string;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

export interface LakeRecord {
  table: string;
  date: string;
  offset: string;
  row: LakeRow;
  /** Size of the message value, for the byte bound of the buffers. */
  bytes: number;
  rejected: boolean;
}

/** The message format of the rejected topic, as the ingest service writes it. */
const RejectedMessage = z.object({
  raw: z.unknown(),
  reasons: z.array(z.string()).min(1),
  source: z.string().nullish(),
  received_at: z.iso.datetime({ offset: true }),
});

function header(message: RawMessage, name: string): string | null {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? null : first.toString();
}

function kafkaTime(message: RawMessage): Date {
  const ms = Number(message.timestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : new Date();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
}

function rejected(raw: string, reasons: string[], source: string | null, receivedAt: Date, at: KafkaCoordinates) {
  const row = rejectedRow({ raw, reasons, source, receivedAt }, at);
  return { table: REJECTED_TABLE, date: lakeDate(receivedAt), row, rejected: true };
}

function decodeRejectedTopic(text: string, message: RawMessage, at: KafkaCoordinates) {
  const json = parseJson(text);
  const parsed = json.ok ? RejectedMessage.safeParse(json.value) : undefined;
  if (!parsed?.success) {
    const why = json.ok ? 'not a rejected-event message ({ raw, reasons, source, received_at })' : json.reason;
    return rejected(text, [`lander: ${why}`], header(message, 'source'), kafkaTime(message), at);
  }
  const r = parsed.data;
  const raw = typeof r.raw === 'string' ? r.raw : JSON.stringify(r.raw);
  return rejected(raw ?? '', r.reasons, r.source ?? header(message, 'source'), new Date(r.received_at), at);
}

function decodeEventTopic(table: string, text: string, message: RawMessage, at: KafkaCoordinates) {
  const source = header(message, 'source');
  const json = parseJson(text);
  if (!json.ok) return rejected(text, [`lander: ${json.reason}`], source, kafkaTime(message), at);
  const decoded = decodeEvent(json.value, at);
  if (!decoded.ok) {
    return rejected(
      text,
      decoded.reasons.map((r) => `lander: ${r}`),
      source,
      kafkaTime(message),
      at,
    );
  }
  return { table, date: lakeDate(decoded.occurredAt), row: decoded.row, rejected: false };
}

export function decodeMessage(route: TopicRoute, partition: number, message: RawMessage, ingestedAt: Date): LakeRecord {
  const at: KafkaCoordinates = { topic: route.topic, partition, offset: message.offset, ingestedAt };
  const bytes = message.value?.length ?? 0;
  const text = message.value?.toString('utf8') ?? '';
  const decoded =
    message.value === null || bytes === 0
      ? rejected('', ['lander: empty message'], header(message, 'source'), kafkaTime(message), at)
      : route.table === REJECTED_TABLE
        ? decodeRejectedTopic(text, message, at)
        : decodeEventTopic(route.table, text, message, at);
  return { ...decoded, offset: message.offset, bytes };
}
