/**
 * Events to lake rows: one flat record per event keyed by its table's columns. Absent fields are null (and
 * `backfill` false); timestamps become UTC ISO strings; the Kafka offset a bigint.
 */
import { LakeTables, type LakeTableName } from './constants.ts';
import { LakeColumns, type LakeColumn } from './lake.columns.ts';
import type { z } from 'zod';
import { EventId, Source, Timestamp } from './envelope.ts';
import { familyOf, isEventType, type ServqEvent } from './events.ts';
import { redactReasons, redactRejectedPayload } from './rejected.redact.ts';
import type { RejectedEvent } from './rejected.ts';
import type { AlertEvent } from './alert.events.ts';

export type LakeValue = string | number | boolean | bigint | null;
export type LakeRow = Record<string, LakeValue>;

export interface KafkaMeta {
  partition: number;
  /** The offset as Kafka clients give it: a decimal string (offsets can pass 2^53). */
  offset: string;
  ingestedAt: string;
}

export function lakeTableFor(event: Pick<ServqEvent, 'type'>): LakeTableName {
  return LakeTables[familyOf(event.type)];
}

function convert(column: LakeColumn, value: unknown): LakeValue {
  if (value === undefined || value === null) return column.name === 'backfill' ? false : null;
  if (column.type === 'TIMESTAMPTZ' && typeof value === 'string') return new Date(value).toISOString();
  if (column.type === 'BIGINT' && (typeof value === 'string' || typeof value === 'number')) return BigInt(value);
  return value as LakeValue;
}

function rowOf(columns: readonly LakeColumn[], record: Record<string, unknown>, meta: KafkaMeta): LakeRow {
  const values: Record<string, unknown> = {
    ...record,
    ingested_at: meta.ingestedAt,
    kafka_partition: meta.partition,
    kafka_offset: meta.offset,
  };
  return Object.fromEntries(columns.map((c) => [c.name, convert(c, values[c.name])]));
}

export function toLakeRow(event: ServqEvent, meta: KafkaMeta): LakeRow {
  return rowOf(LakeColumns[lakeTableFor(event)], event, meta);
}

function stringField(record: unknown, key: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** A payload's own field, kept only when it has the documented shape (so it cannot carry personal data). */
function shapedField(record: unknown, key: string, schema: z.ZodType): string | undefined {
  const value = stringField(record, key);
  return value !== undefined && schema.safeParse(value).success ? value : undefined;
}

/**
 * The row of a rejected message: the payload and the reasons in their redacted form (`rejected.redact.ts`), and
 * the envelope fields only where they have their documented shapes.
 */
export function toRejectedLakeRow(rejected: RejectedEvent, meta: KafkaMeta): LakeRow {
  const format = rejected.raw_format ?? 'json';
  const redacted = redactRejectedPayload(rejected.raw, format, rejected.raw_truncated ?? false);
  let payload: unknown;
  try {
    payload = rejected.raw_truncated ? undefined : JSON.parse(rejected.raw);
  } catch {
    payload = undefined;
  }
  const type = stringField(payload, 'type');
  const source =
    rejected.source !== undefined && Source.safeParse(rejected.source).success ? rejected.source : undefined;
  return rowOf(
    LakeColumns[LakeTables.rejected],
    {
      event_id: shapedField(payload, 'event_id', EventId),
      type: isEventType(type) ? type : undefined,
      occurred_at: shapedField(payload, 'occurred_at', Timestamp),
      source: source ?? shapedField(payload, 'source', Source),
      received_at: rejected.received_at,
      raw: redacted.raw,
      reasons: JSON.stringify(redactReasons(rejected.reasons, redacted.unknownKeys)),
    },
    meta,
  );
}

/** The row of an alert event (alert.events.ts): its fields by column name, the rest null. */
export function toAlertLakeRow(event: AlertEvent, meta: KafkaMeta): LakeRow {
  return rowOf(LakeColumns[LakeTables.alert], event, meta);
}
