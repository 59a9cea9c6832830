/**
 * Historical CSV exports → event objects. Offices keep years of history in spreadsheets; a row becomes an
 * event by its header names (the event's own field names). Cells are text, so each cell is typed by what the
 * contract of the row's `type` accepts: a number where the field takes numbers, a boolean where it takes
 * booleans, otherwise the text. Empty cells are absent fields, so unanswered questions stay unanswered.
 */
import { EVENT_TYPES, schemaFor, type ServqEvent } from '@servq/contracts';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { RawItem } from './body.ts';

export interface CsvItem {
  /** 1-based line number in the file, counting the header as line 1. */
  line: number;
  item: RawItem;
}

const knownTypes: ReadonlySet<string> = new Set(EVENT_TYPES);

function typedCell(field: z.ZodType | undefined, text: string): unknown {
  if (!field || field.safeParse(text).success) return text;
  const asNumber = Number(text);
  if (text.trim() !== '' && Number.isFinite(asNumber) && field.safeParse(asNumber).success) return asNumber;
  if ((text === 'true' || text === 'false') && field.safeParse(text === 'true').success) return text === 'true';
  return text;
}

function rowToEvent(row: Record<string, string>): Record<string, unknown> {
  const type = row.type;
  const shape =
    type && knownTypes.has(type) ? (schemaFor(type as ServqEvent['type']).shape as Record<string, z.ZodType>) : {};
  const event: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(row)) {
    if (text === '') continue;
    event[key] = typedCell(shape[key], text);
  }
  return event;
}

export function parseCsvEvents(text: string): CsvItem[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = (error as { lines?: number }).lines ?? 0;
    return [{ line, item: { ok: false, text: '', reason: `CSV could not be read: ${message}` } }];
  }
  return records.map(({ record, info }) => ({ line: info.lines, item: { ok: true, value: rowToEvent(record) } }));
}
