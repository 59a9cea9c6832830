/**
 * The tables analysts read through /v1/sql and /v1/schema: the modelled tables of @servq/metrics, and
 * `alert_events`, the alerts service's decisions as it landed them in the lake (one row per event). Alert
 * events are not a model (no metric is written against them), so they are defined here, from the lake's own
 * column descriptions in @servq/contracts: one list, so the schema, the sandbox's export and its worker agree.
 * Only the analyst role may run SQL and only analysts and management read the schema: an office token never
 * reaches these tables, as for the models, which hold every office too.
 */
import { Models } from '@servq/metrics';
import type { SchemaTable } from '@servq/query-api';
import { LakeColumns, LakeTables, OFFICE_TIME_ZONE, type LakeColumn } from '../contracts.adapter.ts';

/** Lake bookkeeping the analysts do not need; `kafka_offset` is kept in the raw table to deduplicate. */
const internal = new Set(['kafka_partition', 'kafka_offset']);
const tz = `'${OFFICE_TIME_ZONE}'`;

const alertLakeColumns = LakeColumns[LakeTables.alert].filter((c) => !internal.has(c.name));

/** A lake column as the schema serves it: the Latvian page must not fall back to English, so a gap fails at start. */
function bothLanguages(c: LakeColumn): { lv: string; en: string } {
  if (!c.descriptionLv) throw new Error(`${LakeTables.alert}.${c.name} has no Latvian description in @servq/contracts`);
  return { lv: c.descriptionLv, en: c.description };
}

export const alertEventsTable: SchemaTable = {
  id: LakeTables.alert,
  description: {
    lv:
      'Viena rinda katram brīdinājuma notikumam (event_id): izsaukts, atgādināts, apstiprināts, atrisināts vai ' +
      'piegādāts, kā to reģistrējis brīdinājumu serviss. Brīdinājums (alert_id) ir atvērts no pēdējā alert.raised ' +
      'līdz alert.resolved.',
    en:
      'One row per alert event (event_id): raised, renotified, acknowledged, resolved or delivered, as the alerts ' +
      'service recorded them. An alert (alert_id) is open from its last alert.raised until an alert.resolved.',
  },
  key: 'event_id',
  anchoredOn: {
    lv: 'occurred_at — kad brīdinājumu serviss to izlēma vai izdarīja',
    en: 'occurred_at, when the alerts service decided or did it',
  },
  columns: [
    ...alertLakeColumns.map((c) => ({ name: c.name, type: c.type, description: bothLanguages(c) })),
    {
      name: 'event_date',
      type: 'DATE',
      description: { lv: 'occurred_at datums pēc Rīgas kalendāra', en: 'Riga calendar date of occurred_at' },
    },
    {
      name: 'event_hour',
      type: 'INTEGER',
      description: { lv: 'occurred_at stunda (0–23) Rīgas laikā', en: 'Riga hour of day (0-23) of occurred_at' },
    },
    {
      name: 'event_weekday',
      type: 'INTEGER',
      description: {
        lv: 'ISO nedēļas diena (1 = pirmdiena … 7 = svētdiena) Rīgas laikā',
        en: 'ISO weekday (1 = Monday … 7 = Sunday) in Riga',
      },
    },
  ],
};

/** A view over the raw rows, deduplicated by event_id as the models are (a redelivered event counts once). */
export const alertEventsViewSql = `
CREATE VIEW ${LakeTables.alert} AS
SELECT ${alertLakeColumns.map((c) => c.name).join(', ')},
  CAST(timezone(${tz}, occurred_at) AS DATE) AS event_date,
  CAST(hour(timezone(${tz}, occurred_at)) AS INTEGER) AS event_hour,
  CAST(isodow(timezone(${tz}, occurred_at)) AS INTEGER) AS event_weekday
FROM raw_${LakeTables.alert}
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY _file, kafka_offset) = 1`;

/** Every table of /v1/sql, in the order /v1/schema lists them. */
export const SqlTables: readonly SchemaTable[] = [...Object.values(Models), alertEventsTable];
export const SqlTableIds: readonly string[] = SqlTables.map((t) => t.id);
