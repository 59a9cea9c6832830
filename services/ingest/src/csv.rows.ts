/**
 * Historical CSV exports → event objects, streamed. Offices keep years of history in spreadsheets; a row becomes
 * an event by its header names (the event's own field names). Cells are text, so each cell is typed by what the
 * contract of the row's `type` accepts: a number where the field takes numbers, a boolean where it takes
 * booleans, otherwise the text. Empty cells are absent fields, so unanswered questions stay unanswered.
 *
 * Numbers are plain decimals (`4`, `-1`, `2.5`): `0x4`, `0b100`, `1e0` or `Infinity` stay text, which the
 * contract then rejects with what it expected, so a cell never means something other than what it shows.
 *
 * The file is read as a stream (csv-parse's streaming API) and handed on in chunks of rows: memory holds one
 * chunk, whatever the file's size. A row with the wrong number of cells, or one that is not CSV (a stray quote),
 * is rejected on its own line and the rows around it are read as usual.
 */
import { EVENT_TYPES, schemaFor, type ServqEvent } from '@servq/contracts';
import { parse, type CsvError, type Options } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { RawItem } from './body.ts';
import { IngestError, IngestErrorCode } from './errors.ts';

export interface CsvItem {
  /** 1-based line number in the file where the row ends, counting the header as line 1. */
  line: number;
  item: RawItem;
}

type CellTyper = (text: string) => unknown;

const knownTypes: ReadonlySet<string> = new Set(EVENT_TYPES);
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

const asNumber: CellTyper = (text) => (PLAIN_DECIMAL.test(text) ? Number(text) : text);
const asBoolean: CellTyper = (text) => (text === 'true' ? true : text === 'false' ? false : text);
const asText: CellTyper = (text) => text;

/** For fields whose schema is neither plainly numeric, boolean nor text (unions, say): ask the schema. */
function askSchema(field: z.ZodType): CellTyper {
  return (text) => {
    if (field.safeParse(text).success) return text;
    if (PLAIN_DECIMAL.test(text) && field.safeParse(Number(text)).success) return Number(text);
    if ((text === 'true' || text === 'false') && field.safeParse(text === 'true').success) return text === 'true';
    return text;
  };
}

interface ZodDefLike {
  type: string;
  innerType?: { _zod: { def: ZodDefLike } };
  values?: unknown[];
}

/** How a field's cells are typed, decided once per field from its schema's definition. */
function typerFor(field: z.ZodType): CellTyper {
  let def = (field as unknown as { _zod: { def: ZodDefLike } })._zod.def;
  while ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
    def = def.innerType._zod.def;
  }
  if (def.type === 'number') return asNumber;
  if (def.type === 'boolean') return asBoolean;
  if (def.type === 'string' || def.type === 'enum') return asText;
  if (def.type === 'literal' && def.values?.every((v) => typeof v === 'number')) return asNumber;
  if (def.type === 'literal' && def.values?.every((v) => typeof v === 'string')) return asText;
  return askSchema(field);
}

const typersByType = new Map<string, ReadonlyMap<string, CellTyper>>();

function typersOf(type: string | undefined): ReadonlyMap<string, CellTyper> {
  if (!type || !knownTypes.has(type)) return new Map();
  let typers = typersByType.get(type);
  if (!typers) {
    const shape = schemaFor(type as ServqEvent['type']).shape as Record<string, z.ZodType>;
    typers = new Map(Object.entries(shape).map(([key, field]) => [key, typerFor(field)]));
    typersByType.set(type, typers);
  }
  return typers;
}

function rowToEvent(header: readonly string[], cells: readonly string[], typeColumn: number): Record<string, unknown> {
  const typers = typersOf(typeColumn >= 0 ? cells[typeColumn] : undefined);
  const event: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) {
    const text = cells[i]!;
    if (text === '') continue;
    const key = header[i]!;
    event[key] = (typers.get(key) ?? asText)(text);
  }
  return event;
}

function checkedHeader(cells: string[]): string[] {
  const seen = new Set<string>();
  const bad = cells.filter((name) => name === '' || seen.size === seen.add(name).size);
  if (bad.length > 0) {
    throw new IngestError(IngestErrorCode.BadBody, 'the header row has empty or repeated column names', [
      { field: 'line 1', expected: `distinct event field names as column names; empty or repeated: ${bad.join(', ')}` },
    ]);
  }
  return cells;
}

/** How imports read CSV (exported for the benchmark's bare-parser baseline). */
export const CSV_PARSE_OPTIONS: Options = {
  bom: true,
  trim: true,
  skip_empty_lines: true,
  info: true,
  relax_column_count: true,
  skip_records_with_error: true,
};

interface Skipped {
  line: number;
  reason: string;
}

/**
 * Reads CSV bytes (UTF-8) and yields its data rows as items, `chunkRows` at a time. Errors of the source (a size
 * limit, undecodable bytes) propagate; a row csv-parse cannot read (a stray quote) becomes a rejected item on
 * its line and reading goes on (`skip_records_with_error`: an error that destroyed the parser would also drop
 * the rows it had read but not yet handed on).
 */
export async function* csvEventChunks(source: Readable, chunkRows: number): AsyncGenerator<CsvItem[]> {
  const parser = parse(CSV_PARSE_OPTIONS);
  const skipped: Skipped[] = [];
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    const line = error.lines ?? 0;
    skipped.push({ line, reason: `line ${line}: not readable as CSV (${error.message})` });
  });
  source.pipe(parser);
  // pipe() does not forward errors: a failure of the source (a size limit, undecodable bytes) ends the parser.
  source.once('error', (error) => parser.destroy(error));
  let header: string[] | null = null;
  let typeColumn = -1;
  let chunk: CsvItem[] = [];
  // csv-parse may report several errors for one line (each stray quote) and still emit what it read of it:
  // one rejected item per line, with the first reason.
  let lastSkippedLine = 0;
  const takeSkipped = (uptoLine: number) => {
    while (skipped.length > 0 && skipped[0]!.line <= uptoLine) {
      const { line, reason } = skipped.shift()!;
      if (line !== lastSkippedLine) chunk.push({ line, item: { ok: false, text: '', reason } });
      lastSkippedLine = line;
    }
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = checkedHeader(record);
        typeColumn = header.indexOf('type');
        continue;
      }
      takeSkipped(info.lines);
      if (info.lines === lastSkippedLine) continue;
      const item: RawItem =
        record.length === header.length
          ? { ok: true, value: rowToEvent(header, record, typeColumn) }
          : {
              ok: false,
              text: record.join(','),
              reason: `line ${info.lines}: expected ${header.length} cells as in the header row, found ${record.length}`,
            };
      chunk.push({ line: info.lines, item });
      if (chunk.length >= chunkRows) {
        yield chunk;
        chunk = [];
      }
    }
    takeSkipped(Number.POSITIVE_INFINITY);
  } finally {
    source.unpipe(parser);
    parser.destroy();
  }
  // Rows skipped at the end of the file may overfill the last chunk; hand them on in chunks too.
  for (let i = 0; i < chunk.length; i += chunkRows) yield chunk.slice(i, i + chunkRows);
}
