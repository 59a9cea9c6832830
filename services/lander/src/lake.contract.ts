/**
 * The lander's view of `@servq/contracts`: which table a topic lands in, the columns of each lake table, how
 * an event is validated and flattened into a row. Everything the lander needs from the contracts passes
 * through this module, so adopting the package's own `ServqEvent` / lake columns / `toLakeRow` is one edit here.
 *
 * Until those exports land, event tables use an interim shape: the envelope as typed columns and the whole
 * validated event as JSON in `payload`. The bookkeeping columns (`kafka_topic`, `kafka_partition`,
 * `kafka_offset`, `ingested_at`) are added to every table whatever the contracts say, because exactly-once
 * checks depend on them.
 */
import { LakeTables, Topics } from '@servq/contracts';
import { z } from 'zod';

export interface LakeColumn {
  name: string;
  /** A DuckDB SQL type. */
  type: string;
  nullable: boolean;
  description: string;
}

export type LakeRow = Record<string, unknown>;

export interface KafkaCoordinates {
  topic: string;
  partition: number;
  offset: string;
  ingestedAt: Date;
}

export type EventDecode = { ok: true; row: LakeRow; occurredAt: Date } | { ok: false; reasons: string[] };

const BOOKKEEPING: readonly LakeColumn[] = [
  { name: 'kafka_topic', type: 'VARCHAR', nullable: false, description: 'topic the message was read from' },
  { name: 'kafka_partition', type: 'INTEGER', nullable: false, description: 'partition of the message' },
  { name: 'kafka_offset', type: 'BIGINT', nullable: false, description: 'offset of the message' },
  { name: 'ingested_at', type: 'TIMESTAMPTZ', nullable: false, description: 'when the lander read it' },
];

const INTERIM_EVENT_COLUMNS: readonly LakeColumn[] = [
  { name: 'event_id', type: 'UUID', nullable: false, description: 'client-chosen idempotency key' },
  { name: 'type', type: 'VARCHAR', nullable: false, description: 'event type' },
  { name: 'schema_version', type: 'INTEGER', nullable: false, description: 'schema version' },
  { name: 'occurred_at', type: 'TIMESTAMPTZ', nullable: false, description: 'when it happened' },
  { name: 'source', type: 'VARCHAR', nullable: false, description: 'sending system' },
  { name: 'office_id', type: 'VARCHAR', nullable: true, description: 'office, where one applies' },
  { name: 'channel', type: 'VARCHAR', nullable: false, description: 'channel' },
  { name: 'payload', type: 'JSON', nullable: false, description: 'the whole validated event' },
];

const REJECTED_COLUMNS: readonly LakeColumn[] = [
  { name: 'raw', type: 'VARCHAR', nullable: false, description: 'the payload as received' },
  { name: 'reasons', type: 'VARCHAR[]', nullable: false, description: 'why it was rejected' },
  { name: 'source', type: 'VARCHAR', nullable: true, description: 'sending system, when known' },
  { name: 'received_at', type: 'TIMESTAMPTZ', nullable: false, description: 'when it was received' },
];

const InterimEvent = z.looseObject({
  event_id: z.uuid(),
  type: z.string().min(1),
  schema_version: z.int(),
  occurred_at: z.iso.datetime({ offset: true }),
  source: z.string().min(1),
  channel: z.string().min(1),
  office_id: z.string().min(1).optional(),
});

const TABLE_OF_TOPIC: ReadonlyMap<string, string> = new Map([
  [Topics.visit, LakeTables.visit],
  [Topics.survey, LakeTables.survey],
  [Topics.complaint, LakeTables.complaint],
  [Topics.rejected, LakeTables.rejected],
]);

export const REJECTED_TABLE: string = LakeTables.rejected;
export const REJECTED_TOPIC: string = Topics.rejected;

/** The table a contract topic lands in; `undefined` for a topic the contracts do not know. */
export function defaultTableOf(topic: string): string | undefined {
  return TABLE_OF_TOPIC.get(topic);
}

export function isLakeTable(table: string): boolean {
  return COLUMNS.has(table);
}

function withBookkeeping(columns: readonly LakeColumn[]): LakeColumn[] {
  const names = new Set(columns.map((c) => c.name));
  return [...columns, ...BOOKKEEPING.filter((c) => !names.has(c.name))];
}

const COLUMNS: ReadonlyMap<string, LakeColumn[]> = new Map([
  [LakeTables.visit, withBookkeeping(INTERIM_EVENT_COLUMNS)],
  [LakeTables.survey, withBookkeeping(INTERIM_EVENT_COLUMNS)],
  [LakeTables.complaint, withBookkeeping(INTERIM_EVENT_COLUMNS)],
  [LakeTables.rejected, withBookkeeping(REJECTED_COLUMNS)],
]);

export function columnsOf(table: string): LakeColumn[] {
  const columns = COLUMNS.get(table);
  if (!columns) throw new Error(`no lake columns for table "${table}"`);
  return columns;
}

function bookkeeping(at: KafkaCoordinates): LakeRow {
  return {
    kafka_topic: at.topic,
    kafka_partition: at.partition,
    kafka_offset: at.offset,
    ingested_at: at.ingestedAt.toISOString(),
  };
}

/** Validates a parsed JSON value as an event and flattens it into its table's row. */
export function decodeEvent(value: unknown, at: KafkaCoordinates): EventDecode {
  const parsed = InterimEvent.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      reasons: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(event)'}: ${i.message}`),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    occurredAt: new Date(e.occurred_at),
    row: {
      event_id: e.event_id,
      type: e.type,
      schema_version: e.schema_version,
      occurred_at: e.occurred_at,
      source: e.source,
      office_id: e.office_id ?? null,
      channel: e.channel,
      payload: e,
      ...bookkeeping(at),
    },
  };
}

export interface RejectedFields {
  raw: string;
  reasons: string[];
  source: string | null;
  receivedAt: Date;
}

export function rejectedRow(fields: RejectedFields, at: KafkaCoordinates): LakeRow {
  return {
    raw: fields.raw,
    reasons: fields.reasons,
    source: fields.source,
    received_at: fields.receivedAt.toISOString(),
    ...bookkeeping(at),
  };
}

/** The key that identifies one logical record when compaction deduplicates a day. */
export function dedupKeyOf(table: string): string[] {
  return table === REJECTED_TABLE ? ['kafka_topic', 'kafka_partition', 'kafka_offset'] : ['event_id'];
}
