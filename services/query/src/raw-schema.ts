/**
 * The lake columns the query service loads, per table, with the DuckDB type each is cast to. Columns the
 * files lack are loaded as NULL, columns the service does not use (free text, person references) are never
 * loaded, so the modelled tables cannot leak them. Mirrors the event schemas of @servq/contracts; when the
 * contracts package exports its lake column list this becomes a projection of it.
 */
import { LakeTables, type LakeTableName } from './contracts.adapter.ts';

export interface RawColumn {
  name: string;
  type: 'VARCHAR' | 'TIMESTAMPTZ' | 'INTEGER' | 'BIGINT' | 'BOOLEAN' | 'DATE';
}

const col = (name: string, type: RawColumn['type'] = 'VARCHAR'): RawColumn => ({ name, type });

const envelope: RawColumn[] = [
  col('event_id'),
  col('type'),
  col('occurred_at', 'TIMESTAMPTZ'),
  col('ingested_at', 'TIMESTAMPTZ'),
  col('kafka_partition', 'INTEGER'),
  col('kafka_offset', 'BIGINT'),
  col('office_id'),
  col('channel'),
];

export const RawColumns: Record<Exclude<LakeTableName, 'rejected_events'>, readonly RawColumn[]> = {
  [LakeTables.visit]: [
    ...envelope,
    col('visit_id'),
    col('service_id'),
    col('slot_start', 'TIMESTAMPTZ'),
    col('arrival'),
    col('special_needs', 'BOOLEAN'),
    col('service_language'),
    col('outcome'),
    col('refusal_reason'),
    col('regulation_ref'),
  ],
  [LakeTables.survey]: [
    ...envelope,
    col('survey_id'),
    col('visit_id'),
    col('service_id'),
    col('satisfaction', 'INTEGER'),
    col('competence', 'INTEGER'),
    col('courtesy', 'INTEGER'),
    col('speed', 'INTEGER'),
    col('clarity', 'INTEGER'),
    col('identifiable', 'INTEGER'),
    col('recommend', 'INTEGER'),
    col('service_language'),
  ],
  [LakeTables.complaint]: [
    ...envelope,
    col('complaint_id'),
    col('feedback_id'),
    col('feedback_kind'),
    col('category'),
    col('language'),
    col('outcome'),
  ],
};

export type LoadedTable = keyof typeof RawColumns;

export function isLoadedTable(table: string): table is LoadedTable {
  return Object.hasOwn(RawColumns, table);
}

export function rawTableName(table: LoadedTable): string {
  return `raw_${table}`;
}
