/**
 * A fetched Kafka batch on its way from the consume loop to the buffers, in two shapes:
 *
 * - `PackedBatch`: the messages packed into a few typed arrays (values back to back, offsets, timestamps, the
 *   `source` header), so that a batch waiting to be decoded costs its bytes and not one object per message.
 * - `DecodedBatch`: the same messages decoded (see message.decoder.ts) and already staged, as newline-delimited
 *   JSON rows grouped per lake object, i.e. per (table, day), each group knowing its own first and last offset.
 *   Nothing in it is a per-event JS object, so buffered events cost their bytes and no garbage-collector work.
 */
import type { TopicRoute } from '../config.ts';
import { stagingBytes, type RowBytes } from '../lake/lake.contract.ts';
import type { KafkaMessage } from '@servq/kafka';
import { decodeMessage, type RawMessage } from '../decode/message.decoder.ts';
import { exactNumber, type Offset } from './offsets.ts';

export interface PackedBatch {
  topic: string;
  partition: number;
  /** One reading instant per fetched batch: the `ingested_at` of its rows. */
  ingestedAtMs: number;
  /** Every message value, back to back (a null value is packed as empty, which decodes the same way). */
  values: Uint8Array;
  /** Where each value ends in `values`; value i spans [valueEnds[i-1] ?? 0, valueEnds[i]). */
  valueEnds: Uint32Array;
  /** Kafka offsets; exact, since offsets stay far below 2^53. */
  offsets: Float64Array;
  /** Kafka timestamps in epoch milliseconds. */
  timestamps: Float64Array;
  /** The `source` header of each message (UTF-8, back to back), which rejected rows keep. */
  sources: Uint8Array;
  sourceEnds: Uint32Array;
}

export interface StagedGroup {
  table: string;
  date: string;
  firstOffset: Offset;
  lastOffset: Offset;
  rows: number;
  rejected: number;
  /** The group's rows as newline-delimited JSON, ready for the staging file DuckDB reads. */
  ndjson: Uint8Array;
}

export interface DecodedBatch {
  topic: string;
  partition: number;
  firstOffset: Offset;
  lastOffset: Offset;
  rows: number;
  /** Rows whose text was repaired so that DuckDB can read it (see text.repair.ts). */
  repaired: number;
  /** Message bytes of the batch: what the buffers' byte bounds count. */
  bytes: number;
  groups: StagedGroup[];
}

/** A message as the Kafka package delivers it. */
export type FetchedMessage = KafkaMessage;

/** Packs the messages at or after `resumeAt` (all when null); `undefined` when none is left. */
export function packBatch(
  topic: string,
  partition: number,
  messages: readonly FetchedMessage[],
  resumeAt: bigint | null,
  ingestedAtMs: number,
): PackedBatch | undefined {
  let skip = 0;
  if (resumeAt !== null) {
    while (skip < messages.length && (messages[skip] as FetchedMessage).offset < resumeAt) skip++;
  }
  const count = messages.length - skip;
  if (count === 0) return undefined;
  let valueBytes = 0;
  let sourceBytes = 0;
  for (let i = skip; i < messages.length; i++) {
    const message = messages[i] as FetchedMessage;
    valueBytes += message.value?.length ?? 0;
    const source = message.headers.source;
    sourceBytes += source === undefined ? 0 : Buffer.byteLength(source);
  }
  const values = Buffer.allocUnsafeSlow(valueBytes);
  const sources = Buffer.allocUnsafeSlow(sourceBytes);
  const valueEnds = new Uint32Array(count);
  const sourceEnds = new Uint32Array(count);
  const offsets = new Float64Array(count);
  const timestamps = new Float64Array(count);
  let valueAt = 0;
  let sourceAt = 0;
  for (let i = 0; i < count; i++) {
    const message = messages[skip + i] as FetchedMessage;
    if (message.value) valueAt += message.value.copy(values, valueAt);
    valueEnds[i] = valueAt;
    const source = message.headers.source;
    if (source !== undefined) sourceAt += sources.write(source, sourceAt, 'utf8');
    sourceEnds[i] = sourceAt;
    offsets[i] = exactNumber(message.offset, `${topic}/${partition}`);
    timestamps[i] = message.timestamp;
  }
  return { topic, partition, ingestedAtMs, values, valueEnds, offsets, timestamps, sources, sourceEnds };
}

interface GroupRows {
  table: string;
  date: string;
  firstOffset: Offset;
  lastOffset: Offset;
  rows: RowBytes[];
  rejected: number;
}

/** Decodes every message of a packed batch (never throws on a message: see `decodeMessage`) and stages the rows. */
export function decodePacked(route: TopicRoute, packed: PackedBatch): DecodedBatch {
  const ingestedAt = new Date(packed.ingestedAtMs);
  const values = Buffer.from(packed.values.buffer, packed.values.byteOffset, packed.values.byteLength);
  const sources = Buffer.from(packed.sources.buffer, packed.sources.byteOffset, packed.sources.byteLength);
  const groups = new Map<string, GroupRows>();
  const count = packed.offsets.length;
  let valueStart = 0;
  let sourceStart = 0;
  let repaired = 0;
  for (let i = 0; i < count; i++) {
    const valueEnd = packed.valueEnds[i] as number;
    const sourceEnd = packed.sourceEnds[i] as number;
    const offset: Offset = String(packed.offsets[i]);
    const message: RawMessage = {
      offset,
      value: values.subarray(valueStart, valueEnd),
      timestamp: packed.timestamps[i] as number,
      ...(sourceEnd > sourceStart ? { source: sources.toString('utf8', sourceStart, sourceEnd) } : {}),
    };
    valueStart = valueEnd;
    sourceStart = sourceEnd;
    const record = decodeMessage(route, packed.partition, message, ingestedAt);
    if (record.repaired) repaired++;
    const id = `${record.table}/${record.date}`;
    const group = groups.get(id);
    if (group) {
      group.rows.push(record.row);
      group.lastOffset = offset;
      if (record.rejected) group.rejected++;
    } else {
      const rejected = record.rejected ? 1 : 0;
      groups.set(id, {
        table: record.table,
        date: record.date,
        firstOffset: offset,
        lastOffset: offset,
        rows: [record.row],
        rejected,
      });
    }
  }
  return {
    topic: packed.topic,
    partition: packed.partition,
    firstOffset: String(packed.offsets[0]),
    lastOffset: String(packed.offsets[count - 1]),
    rows: count,
    repaired,
    bytes: packed.values.byteLength,
    groups: [...groups.values()].map(({ rows, ...group }) => ({
      ...group,
      rows: rows.length,
      ndjson: stagingBytes(rows),
    })),
  };
}

/** Packs and decodes a batch in this thread, in one call (tests; the consumer packs and decodes apart). */
export function decodeMessages(
  route: TopicRoute,
  partition: number,
  messages: readonly FetchedMessage[],
  ingestedAt: Date,
): DecodedBatch | undefined {
  const packed = packBatch(route.topic, partition, messages, null, ingestedAt.getTime());
  return packed && decodePacked(route, packed);
}

/** One lake object's rows, gathered from the groups of offset-ordered batches. */
export interface ObjectGroup {
  table: string;
  date: string;
  firstOffset: Offset;
  lastOffset: Offset;
  rows: number;
  parts: Uint8Array[];
}

/** Gathers the staged groups of offset-ordered batches into one group per (table, day), with its own offsets. */
export function groupByObject(batches: readonly DecodedBatch[]): ObjectGroup[] {
  const objects = new Map<string, ObjectGroup>();
  for (const batch of batches) {
    for (const group of batch.groups) {
      const id = `${group.table}/${group.date}`;
      const object = objects.get(id);
      if (object) {
        object.rows += group.rows;
        object.lastOffset = group.lastOffset;
        object.parts.push(group.ndjson);
      } else {
        objects.set(id, {
          table: group.table,
          date: group.date,
          firstOffset: group.firstOffset,
          lastOffset: group.lastOffset,
          rows: group.rows,
          parts: [group.ndjson],
        });
      }
    }
  }
  return [...objects.values()];
}
