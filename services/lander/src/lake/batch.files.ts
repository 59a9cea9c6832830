/**
 * Writes a batch's Parquet files, one per (table, day), so that no row can stop its partition. Decoding already
 * repairs what is known to stop DuckDB (text.repair.ts); this is the net under it. When DuckDB refuses a file
 * because of what a row holds (its "Invalid Input", "Conversion" and "Out of Range" errors), the rows it refuses
 * ("poison") are found by bisection and go to the rejected table of the same batch with DuckDB's reason, and the
 * rest lands. Any other failure (I/O, memory) is the machine's: it is thrown, and the batch is read again.
 *
 * A poison row of the rejected table itself keeps only its Kafka coordinates and the reason, a row DuckDB always
 * reads. Nothing is dropped: every row of the batch is in exactly one file.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REJECTED_TABLE, columnsOf, rejectedLine, rowOfLine, scrubText, stagingBytes } from './lake.contract.ts';
import type { ObjectGroup } from '../consume/fetched.batch.ts';
import { lakeDate } from './object.names.ts';
import { offsetBefore } from '../consume/offsets.ts';
import type { ParquetWriter } from './parquet.writer.ts';

export interface StagedFile extends Omit<ObjectGroup, 'parts'> {
  path: string;
  bytes: number;
}

export interface Poison {
  table: string;
  /** The row as DuckDB was given it, without its newline. */
  line: Buffer;
  /** DuckDB's refusal, without the staging file's name. */
  reason: string;
}

export interface BatchFiles {
  files: StagedFile[];
  /** Rows DuckDB refused, each now a row of the rejected table. */
  poison: Poison[];
}

/** Whether DuckDB refused a write because of the data it was given (as opposed to the machine). */
export function isDataError(error: unknown): boolean {
  return error instanceof Error && /^(Invalid Input|Conversion|Out of Range) Error\b/.test(error.message);
}

/**
 * DuckDB's message without the parts that name our staging file and its line numbers, and without the row it
 * may quote (it goes to logs and to the rejected row's reasons; the row itself is kept as `raw`, scrubbed).
 */
export function reasonOf(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const reason = first
    .replace(/ in file "[^"]*"/g, '')
    .replace(/,? at byte \d+/g, '')
    .replace(/,? in line \d+/g, '')
    .replace(/Object \{.* has /, 'an object has ')
    .trim();
  return scrubText(reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason);
}
const MAX_REASON = 300;

/** The rows of staged parts (each row ends with a newline; a row never spans two parts). */
export function splitLines(parts: readonly Uint8Array[]): Buffer[] {
  const lines: Buffer[] = [];
  for (const part of parts) {
    const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
      lines.push(bytes.subarray(start, end));
      start = end + 1;
    }
    if (start < bytes.length) lines.push(bytes.subarray(start));
  }
  return lines;
}

function joinLines(lines: readonly Buffer[]): Buffer {
  return Buffer.concat(lines.flatMap((line) => [line, NEWLINE]));
}
const NEWLINE = Buffer.from('\n');

/**
 * Splits rows that fail together into those that can be written and those that cannot, by halving: a group of
 * n rows with k poison rows costs about 2·k·log2(n) probe writes of shrinking halves.
 */
export async function sift(
  lines: readonly Buffer[],
  probe: (lines: readonly Buffer[]) => Promise<unknown>,
  failure: unknown,
): Promise<{ good: Buffer[]; poison: { line: Buffer; reason: string }[] }> {
  const good: Buffer[] = [];
  const poison: { line: Buffer; reason: string }[] = [];
  const visit = async (part: readonly Buffer[], error: unknown): Promise<void> => {
    if (part.length === 1) {
      poison.push({ line: part[0] as Buffer, reason: reasonOf(error) });
      return;
    }
    const middle = Math.ceil(part.length / 2);
    for (const half of [part.slice(0, middle), part.slice(middle)]) {
      try {
        await probe(half);
        good.push(...half);
      } catch (halfError) {
        if (!isDataError(halfError)) throw halfError;
        await visit(half, halfError);
      }
    }
  };
  await visit(lines, failure);
  return { good, poison };
}

interface RowFields {
  kafka_topic?: unknown;
  kafka_partition?: unknown;
  kafka_offset?: unknown;
  ingested_at?: unknown;
  source?: unknown;
}

/** An event row's tail, the Kafka fields the lander appended to the message (see `tailOf` in lake.contract.ts). */
const EVENT_TAIL =
  /,"ingested_at":"[^"]*","kafka_partition":\d+,"kafka_topic":"(?:[^"\\]|\\.)*","kafka_offset":"\d+"\}$/;

/**
 * The rejected row of a row DuckDB refused, with its reason: the message itself as `raw` (a row of an event
 * table is the message plus the Kafka fields), or, for a row of the rejected table, its coordinates only.
 */
export function rejectionOfPoison(poison: Poison): { date: string; offset: string; line: Buffer } {
  const text = poison.line.toString('utf8');
  let fields: RowFields;
  try {
    fields = JSON.parse(text) as RowFields;
  } catch {
    // Every row is written from JSON that JavaScript parsed or wrote itself; this cannot be one of them.
    throw new Error(`a refused row of ${poison.table} is not JSON: ${text.slice(0, 200)}`);
  }
  const offset = String(fields.kafka_offset);
  const ingestedAt = new Date(String(fields.ingested_at));
  const receivedAt = Number.isNaN(ingestedAt.getTime()) ? new Date() : ingestedAt;
  const keepRaw = poison.table !== REJECTED_TABLE;
  const line = rejectedLine(
    {
      raw: keepRaw ? `${text.replace(EVENT_TAIL, '')}}` : '',
      reasons: [{ path: '(message)', message: `the lake could not store it: ${poison.reason}` }],
      source: keepRaw && typeof fields.source === 'string' ? fields.source : undefined,
      receivedAt,
    },
    {
      topic: String(fields.kafka_topic),
      partition: Number(fields.kafka_partition),
      offset,
      ingestedAt: receivedAt,
    },
  );
  return { date: lakeDate(receivedAt), offset, line: stagingBytes([rowOfLine(line)]) };
}

/** Adds a refused row's rejected row to the batch's rejected group of its day (made when there is none). */
function addRejection(rejected: Map<string, ObjectGroup>, poison: Poison): void {
  const { date, offset, line } = rejectionOfPoison(poison);
  const group = rejected.get(date);
  if (!group) {
    rejected.set(date, {
      table: REJECTED_TABLE,
      date,
      firstOffset: offset,
      lastOffset: offset,
      rows: 1,
      parts: [line],
    });
    return;
  }
  group.rows++;
  group.parts.push(line);
  if (offsetBefore(offset, group.firstOffset)) group.firstOffset = offset;
  if (offsetBefore(group.lastOffset, offset)) group.lastOffset = offset;
}

/**
 * Writes one group to `path`; on a data error, the rows that can be written are, and the others are returned.
 * `replace` gives rows to write in place of the refused ones (for the rejected table, their bare rejections).
 */
async function writeGroup(
  writer: ParquetWriter,
  path: string,
  group: ObjectGroup,
  replace: (poison: Poison[]) => Buffer[],
): Promise<{ file: StagedFile | undefined; poison: Poison[] }> {
  const columns = columnsOf(group.table);
  const { parts, ...rest } = group;
  let failure: unknown;
  try {
    return { file: { ...rest, path, bytes: await writer.writeStaged(path, columns, parts) }, poison: [] };
  } catch (error) {
    if (!isDataError(error)) throw error;
    failure = error;
  }
  const probePath = `${path}.probe.parquet`;
  const sifted = await sift(
    splitLines(parts),
    async (lines) => {
      try {
        await writer.writeStaged(probePath, columns, [joinLines(lines)]);
      } finally {
        await rm(probePath, { force: true });
      }
    },
    failure,
  );
  const poison = sifted.poison.map((p) => ({ table: group.table, ...p }));
  const rows = [...sifted.good, ...replace(poison)];
  if (rows.length === 0) return { file: undefined, poison };
  // Rows that were each written in a part are written together; should they still fail, the batch fails.
  const bytes = await writer.writeStaged(path, columns, [joinLines(rows)]);
  return { file: { ...rest, rows: rows.length, path, bytes }, poison };
}

/** Writes the groups of a batch into `dir`: the event tables first, then the rejected table with any poison. */
export async function writeBatchFiles(
  writer: ParquetWriter,
  dir: string,
  groups: readonly ObjectGroup[],
): Promise<BatchFiles> {
  const files: StagedFile[] = [];
  const poison: Poison[] = [];
  const rejected = new Map<string, ObjectGroup>();
  let n = 0;
  for (const group of groups) {
    if (group.table === REJECTED_TABLE) {
      rejected.set(group.date, { ...group, parts: [...group.parts] });
      continue;
    }
    const written = await writeGroup(writer, join(dir, `${n++}.parquet`), group, () => []);
    if (written.file) files.push(written.file);
    poison.push(...written.poison);
  }
  for (const p of poison) addRejection(rejected, p);
  for (const group of rejected.values()) {
    const written = await writeGroup(writer, join(dir, `${n++}.parquet`), group, (refused) =>
      refused.map((p) => splitLines([rejectionOfPoison(p).line])[0] as Buffer),
    );
    if (written.file) files.push(written.file);
    poison.push(...written.poison);
  }
  return { files, poison };
}
