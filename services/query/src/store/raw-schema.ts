/**
 * The lake columns the query service loads, per table, with the DuckDB type each is cast to. Columns the
 * files lack are loaded as NULL, columns the service does not use (free text, person references) are never
 * loaded, so the modelled tables cannot leak them. A projection of @servq/contracts' `LakeColumns`: a column
 * renamed there fails here at start-up, not silently as NULLs.
 */
import { LakeColumns, LakeTables, type LakeColumn } from '../contracts.adapter.ts';

export interface RawColumn {
  name: string;
  type: LakeColumn['type'];
}

/** The columns of each lake table that the models use; everything else in the files is never loaded. */
const used: Record<'visit_events' | 'survey_events' | 'complaint_events' | 'alert_events', readonly string[]> = {
  [LakeTables.visit]: [
    'visit_id',
    'service_id',
    'slot_start',
    'arrival',
    'special_needs',
    'service_language',
    'outcome',
    'refusal_reason',
    'regulation_ref',
  ],
  [LakeTables.survey]: [
    'survey_id',
    'visit_id',
    'case_id',
    'service_id',
    'satisfaction',
    'competence',
    'courtesy',
    'speed',
    'clarity',
    'identifiable',
    'recommend',
    'service_language',
  ],
  [LakeTables.complaint]: [
    'complaint_id',
    'feedback_id',
    'feedback_kind',
    'category',
    'language',
    'outcome',
    'new_due_date',
  ],
  // Analysts read alert events as they are (sql-tables.ts): every column. None is free text from a person: the
  // reason is generated, acknowledged_by a token id.
  [LakeTables.alert]: LakeColumns[LakeTables.alert].map((c) => c.name),
};
/**
 * The envelope of the ingested events that the models read; alert events have their own (no channel) and list
 * every column. `ingested_at` and `kafka_partition` stay in the lake: no model reads them, and loading them
 * took 16 % of the raw visits' memory (a year of 10 million events: 43 of 265 MiB compressed), which a large
 * lake then spills past the memory limit.
 */
const envelope = ['event_id', 'type', 'occurred_at', 'kafka_offset', 'office_id', 'channel'];

function project(table: keyof typeof used): RawColumn[] {
  const wanted = table === LakeTables.alert ? used[table] : [...envelope, ...used[table]];
  const columns = LakeColumns[table]
    .filter((c) => wanted.includes(c.name))
    .map((c) => ({ name: c.name, type: c.type }));
  const missing = wanted.filter((name) => !columns.some((c) => c.name === name));
  if (missing.length > 0) throw new Error(`lake table ${table} lacks columns ${missing.join(', ')}`);
  return columns;
}

export const RawColumns: Record<keyof typeof used, readonly RawColumn[]> = {
  [LakeTables.visit]: project(LakeTables.visit),
  [LakeTables.survey]: project(LakeTables.survey),
  [LakeTables.complaint]: project(LakeTables.complaint),
  [LakeTables.alert]: project(LakeTables.alert),
};

export type LoadedTable = keyof typeof RawColumns;

export function isLoadedTable(table: string): table is LoadedTable {
  return Object.hasOwn(RawColumns, table);
}

export function rawTableName(table: LoadedTable): string {
  return `raw_${table}`;
}
