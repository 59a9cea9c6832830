/**
 * Events to lake rows: one flat record per event keyed by its table's columns. Absent fields are null (and
 * `backfill` false); timestamps become UTC ISO strings; the Kafka offset a bigint.
 */
import { LakeTables, type LakeTableName } from './constants.ts';
import { LakeColumns, type LakeColumn } from './lake.columns.ts';
import { familyOf, type ServqEvent } from './events.ts';
import type { RejectedEvent } from './rejected.ts';

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

export function toRejectedLakeRow(rejected: RejectedEvent, meta: KafkaMeta): LakeRow {
  let payload: unknown;
  try {
    payload = JSON.parse(rejected.raw);
  } catch {
    payload = undefined;
  }
  const occurredAt = stringField(payload, 'occurred_at');
  return rowOf(
    LakeColumns[LakeTables.rejected],
    {
      event_id: stringField(payload, 'event_id'),
      type: stringField(payload, 'type'),
      occurred_at: occurredAt !== undefined && !Number.isNaN(Date.parse(occurredAt)) ? occurredAt : undefined,
      source: rejected.source ?? stringField(payload, 'source'),
      received_at: rejected.received_at,
      raw: rejected.raw,
      reasons: JSON.stringify(rejected.reasons),
    },
    meta,
  );
}
