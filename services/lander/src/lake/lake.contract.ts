/**
 * The lander's view of `@servq/contracts`: which table a topic lands in, the columns of each lake table, and
 * how a message becomes a row (`ServqEvent` + `toLakeRow`, `RejectedEvent` + `toRejectedLakeRow`). Everything
 * the lander needs from the contracts passes through this module.
 *
 * One column is the lander's own: `kafka_topic`. Rejected rows come from every topic into one table, so
 * (kafka_topic, kafka_partition, kafka_offset) is what identifies a message there; the contracts' tables end
 * with kafka_partition and kafka_offset only, and an extra trailing column is invisible to readers that select
 * by name.
 */
import {
  AlertEvent,
  LakeColumns,
  LakeTables,
  RejectedEvent,
  type ServqEvent,
  Timestamp,
  Topics,
  lakeTableFor,
  scrubText,
  toLakeRow,
  toAlertLakeRow,
  toRejectedLakeRow,
  type LakeColumn as ContractColumn,
  type LakeTableName,
  type RejectionReason,
} from '@servq/contracts';
import { EventValidator } from '../decode/event.validator.ts';
import { needsRepair, wellFormedStrings } from '../decode/text.repair.ts';

export type LakeColumn = Pick<ContractColumn, 'name' | 'nullable' | 'description'> & {
  type: string;
  /** SQL for the value of an absent field, where the contracts' `toLakeRow` supplies one (backfill → false). */
  ifAbsent?: string;
};
export type LakeRow = Record<string, unknown>;
export type { RejectionReason };
export { scrubText };

export interface KafkaCoordinates {
  topic: string;
  partition: number;
  offset: string;
  ingestedAt: Date;
}

/**
 * A row as one line of UTF-8 JSON for DuckDB, kept as bytes until it is staged: `head` is the object without its
 * closing brace (for an event, a slice of the Kafka message itself: no copy, and nothing for the garbage collector
 * to trace while the row waits in a buffer), `tail` the Kafka fields and the closing brace.
 */
export interface RowBytes {
  head: Buffer;
  tail: string;
}

/**
 * A decoded message: its table, the instant that dates it, and its row for DuckDB; `repaired` when its text
 * held what DuckDB cannot read (see text.repair.ts) and was landed repaired.
 */
export type Decoded =
  { ok: true; table: string; row: RowBytes; day: Date; repaired?: boolean } | { ok: false; reasons: RejectionReason[] };

/** The row as its JSON text (tests, logs). */
export function rowText(row: RowBytes): string {
  return `${row.head.toString('utf8')}${row.tail}`;
}

/**
 * Rows as newline-delimited JSON: each row's head bytes, its tail, a newline. Allocated outside Node's shared
 * buffer pool, so that the bytes can be transferred between threads.
 */
export function stagingBytes(rows: readonly RowBytes[]): Buffer {
  let size = 0;
  // A tail is mostly ASCII; three bytes per UTF-16 unit bounds its UTF-8 length.
  for (const row of rows) size += row.head.length + row.tail.length * 3 + 1;
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const row of rows) {
    at += row.head.copy(bytes, at);
    at += bytes.write(row.tail, at, 'utf8');
    bytes[at++] = 0x0a;
  }
  return bytes.subarray(0, at);
}

/** A row given as a JSON object's text. */
export function rowOfLine(line: string): RowBytes {
  return { head: Buffer.from(line.slice(0, line.lastIndexOf('}')), 'utf8'), tail: '}' };
}

const KAFKA_TOPIC: LakeColumn = {
  name: 'kafka_topic',
  type: 'VARCHAR',
  nullable: false,
  description: 'topic the message was read from (lander bookkeeping)',
};

const TABLE_OF_TOPIC: ReadonlyMap<string, LakeTableName> = new Map([
  [Topics.visit, LakeTables.visit],
  [Topics.survey, LakeTables.survey],
  [Topics.complaint, LakeTables.complaint],
  [Topics.rejected, LakeTables.rejected],
  [Topics.alert, LakeTables.alert],
]);

/** Mirrors `toLakeRow`'s defaults; the equivalence test in lake.contract.test.ts fails if they drift apart. */
const IF_ABSENT: Readonly<Record<string, string>> = { backfill: 'false' };

const COLUMNS: ReadonlyMap<string, LakeColumn[]> = new Map(
  Object.entries(LakeColumns).map(([table, columns]) => [
    table,
    [...columns.map((c) => (IF_ABSENT[c.name] ? { ...c, ifAbsent: IF_ABSENT[c.name] } : c)), KAFKA_TOPIC],
  ]),
);

export const REJECTED_TABLE: string = LakeTables.rejected;
export const ALERT_TABLE: string = LakeTables.alert;

/** The table a contract topic lands in; `undefined` for a topic the contracts do not know. */
export function defaultTableOf(topic: string): string | undefined {
  return TABLE_OF_TOPIC.get(topic);
}

export function isLakeTable(table: string): boolean {
  return COLUMNS.has(table);
}

export function columnsOf(table: string): LakeColumn[] {
  const columns = COLUMNS.get(table);
  if (!columns) throw new Error(`no lake columns for table "${table}"`);
  return columns;
}

/** The key that identifies one logical record when compaction deduplicates a day. */
export function dedupKeyOf(table: string): string[] {
  return table === REJECTED_TABLE ? ['kafka_topic', 'kafka_partition', 'kafka_offset'] : ['event_id'];
}

function meta(at: KafkaCoordinates) {
  return { partition: at.partition, offset: at.offset, ingestedAt: at.ingestedAt.toISOString() };
}

function reasonsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): RejectionReason[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(event)', message: i.message }));
}

/**
 * A row as one JSON line; bigints (offsets) as decimal strings, which DuckDB casts exactly, and strings
 * well-formed (a lone surrogate, which DuckDB's reader refuses, as U+FFFD).
 */
export function jsonLine(row: LakeRow): string {
  return JSON.stringify(row, (key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : wellFormedStrings(key, value),
  );
}

/** The Kafka fields but the offset, shared by the rows of one fetched batch (same topic, partition, instant). */
let tailCache = { topic: '', partition: -1, ms: Number.NaN, prefix: '' };

function tailOf(at: KafkaCoordinates): string {
  const ms = at.ingestedAt.getTime();
  if (ms !== tailCache.ms || at.partition !== tailCache.partition || at.topic !== tailCache.topic) {
    const prefix =
      `,"ingested_at":"${at.ingestedAt.toISOString()}","kafka_partition":${at.partition},` +
      `"kafka_topic":${JSON.stringify(at.topic)},"kafka_offset":"`;
    tailCache = { topic: at.topic, partition: at.partition, ms, prefix };
  }
  return `${tailCache.prefix}${at.offset}"}`;
}

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** Compiled on first use (not on import): the JSON Schema validators of every event type. */
let validator: EventValidator | undefined;

/**
 * Validates a message against the event schemas (not the clock: late events still land; see event.validator.ts)
 * and returns its row.
 * The fast path: an event's fields are its table's columns by name (a contracts rule), so the message bytes
 * themselves, with the Kafka fields appended, are the row; DuckDB casts it by the column types. That is what
 * `toLakeRow` computes, without building and re-serialising an object per event (tested equal in
 * lake.contract.test.ts).
 */
export function decodeEvent(raw: Buffer, value: unknown, at: KafkaCoordinates): Decoded {
  const checked = (validator ??= new EventValidator()).check(value);
  if (!checked.ok) return checked;
  const event = checked.event;
  // A strict object: it ends with "}" (then maybe spaces) and has at least its envelope fields. Multi-line JSON
  // is re-serialised, so that the staging file keeps one row per line; so is text DuckDB cannot read, repaired.
  let head: Buffer;
  const repaired = needsRepair(raw, value);
  if (repaired || raw.includes(0x0a) || raw.includes(0x0d)) {
    const text = JSON.stringify(event, wellFormedStrings);
    head = Buffer.from(text.slice(0, -1), 'utf8');
  } else {
    let end = raw.length;
    while (end > 0 && isSpace(raw[end - 1])) end--;
    head = raw.subarray(0, end - 1);
  }
  const row = { head, tail: tailOf(at) };
  return { ok: true, table: lakeTableFor(event), row, day: new Date(event.occurred_at), ...(repaired && { repaired }) };
}

/** The reference mapping of the contracts, for tests of the fast path. */
export function referenceRow(event: ServqEvent, at: KafkaCoordinates): LakeRow {
  return { ...toLakeRow(event, meta(at)), kafka_topic: at.topic };
}

/**
 * A rejected row as a JSON line DuckDB can always read: strings well-formed (jsonLine), and the payload's
 * `occurred_at` kept only when it is the ISO-8601 date-time events carry — `toRejectedLakeRow` keeps anything
 * `Date.parse` reads (such as "2026" or "March 1, 2026"), which DuckDB's TIMESTAMPTZ refuses.
 */
function rejectedRowLine(rejected: RejectedEvent, at: KafkaCoordinates): string {
  const row = toRejectedLakeRow(rejected, meta(at));
  const occurredAt = row.occurred_at;
  const castable = occurredAt === null || occurredAt === undefined || Timestamp.safeParse(occurredAt).success;
  return jsonLine({ ...row, ...(castable ? {} : { occurred_at: null }), kafka_topic: at.topic });
}

/** Validates a message of the rejected topic (`RejectedEvent`, written by the ingest service). */
export function decodeRejected(value: unknown, at: KafkaCoordinates): Decoded {
  const parsed = RejectedEvent.safeParse(value);
  if (!parsed.success) return { ok: false, reasons: reasonsOf(parsed.error.issues) };
  return {
    ok: true,
    table: REJECTED_TABLE,
    row: rowOfLine(rejectedRowLine(parsed.data, at)),
    day: new Date(parsed.data.received_at),
  };
}

/** Validates a message of the alert topic (`AlertEvent`, written by the alerts service). */
export function decodeAlert(value: unknown, at: KafkaCoordinates): Decoded {
  const parsed = AlertEvent.safeParse(value);
  if (!parsed.success) return { ok: false, reasons: reasonsOf(parsed.error.issues) };
  return {
    ok: true,
    table: ALERT_TABLE,
    row: rowOfLine(jsonLine({ ...toAlertLakeRow(parsed.data, meta(at)), kafka_topic: at.topic })),
    day: new Date(parsed.data.occurred_at),
  };
}

export interface LanderRejection {
  /** The message value as text; `toRejectedLakeRow` keeps only its redacted form (never what it says). */
  raw: string;
  reasons: RejectionReason[];
  source: string | undefined;
  receivedAt: Date;
}

/** A rejected row (as a JSON line) for a message the lander itself could not decode. */
export function rejectedLine(rejection: LanderRejection, at: KafkaCoordinates): string {
  const rejected: RejectedEvent = {
    received_at: rejection.receivedAt.toISOString(),
    raw: rejection.raw,
    raw_format: 'text',
    reasons: rejection.reasons,
    ...(rejection.source === undefined ? {} : { source: rejection.source.slice(0, 128) }),
  };
  return rejectedRowLine(rejected, at);
}
