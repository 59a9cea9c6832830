/**
 * Turns one Kafka message into one lake record: the row, its table and its office-local day. Never throws and
 * never drops: a message that cannot be decoded becomes a row of the rejected table carrying the reasons.
 */
import type { TopicRoute } from '../config.ts';
import {
  ALERT_TABLE,
  REJECTED_TABLE,
  decodeAlert,
  decodeEvent,
  decodeRejected,
  rejectedLine,
  rowOfLine,
  type KafkaCoordinates,
  type RowBytes,
  type RejectionReason,
} from '../lake/lake.contract.ts';
import { lakeDate } from '../lake/object.names.ts';
import type { Offset } from '../consume/offsets.ts';

/** What decoding needs of a Kafka message. */
export interface RawMessage {
  offset: Offset;
  value: Buffer | null;
  /** Kafka's timestamp, epoch milliseconds. */
  timestamp: number;
  /** The `source` header, which rejected rows keep. */
  source?: string;
}

export interface LakeRecord {
  table: string;
  date: string;
  offset: string;
  /** The row as JSON keyed by column name, in bytes (see lake.contract.ts). */
  row: RowBytes;
  /** Size of the message value, for the byte bound of the buffers. */
  bytes: number;
  rejected: boolean;
  /** Its text held what DuckDB cannot read (a lone surrogate, bytes not UTF-8) and was repaired to U+FFFD. */
  repaired?: boolean;
}

function kafkaTime(message: RawMessage): Date {
  const ms = message.timestamp;
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : new Date();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: RejectionReason } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: { path: '(message)', message: `not JSON: ${(error as Error).message}` } };
  }
}

/** A rejected-table record for a message that could not be decoded, with the reasons. */
function rejectedRecord(
  message: RawMessage,
  text: string,
  reasons: RejectionReason[],
  at: KafkaCoordinates,
): LakeRecord {
  const receivedAt = kafkaTime(message);
  const line = rejectedLine({ raw: text, reasons, source: message.source, receivedAt }, at);
  const bytes = message.value?.length ?? 0;
  const row = rowOfLine(line);
  return { table: REJECTED_TABLE, date: lakeDate(receivedAt), offset: message.offset, row, bytes, rejected: true };
}

export function decodeMessage(route: TopicRoute, partition: number, message: RawMessage, ingestedAt: Date): LakeRecord {
  const at: KafkaCoordinates = { topic: route.topic, partition, offset: message.offset, ingestedAt };
  const value = message.value ?? Buffer.alloc(0);
  const text = value.toString('utf8');
  if (value.length === 0) return rejectedRecord(message, text, [{ path: '(message)', message: 'empty message' }], at);
  const json = parseJson(text);
  if (!json.ok) return rejectedRecord(message, text, [json.reason], at);
  const decoded =
    route.table === REJECTED_TABLE
      ? decodeRejected(json.value, at)
      : route.table === ALERT_TABLE
        ? decodeAlert(json.value, at)
        : decodeEvent(value, json.value, at);
  if (!decoded.ok) return rejectedRecord(message, text, decoded.reasons, at);
  return {
    table: decoded.table,
    date: lakeDate(decoded.day),
    offset: message.offset,
    row: decoded.row,
    bytes: value.length,
    rejected: false,
    ...(decoded.repaired && { repaired: true }),
  };
}
