/**
 * Test support: writes lake-layout Parquet files from event objects with DuckDB (as the lander would), and
 * the hand-built fixture whose right answers are worked out in the tests. Not imported by production code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sha256Hex } from './routes/auth.ts';
import type { TokenEntry } from './config.ts';
import { LakeTables, type LakeTableName } from './contracts.adapter.ts';
import { RawColumns, type LoadedTable } from './store/raw-schema.ts';

export type FixtureEvent = Record<string, string | number | boolean | null>;

export interface FixtureFile {
  /** Key relative to the lake prefix: `<table>/date=<d>/<topic>+<p>+<first>+<last>.parquet`. */
  relativeKey: string;
  table: LoadedTable;
  events: FixtureEvent[];
}

/** Writes `events` to `path` as Parquet with the lake's column types (plus a free-text column to ignore). */
export async function writeParquet(path: string, table: LoadedTable, events: FixtureEvent[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const json = `${path}.ndjson`;
  await writeFile(json, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const columns = [...RawColumns[table].map((c) => `${c.name}: '${c.type}'`), `comment: 'VARCHAR'`].join(', ');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run(
      `COPY (SELECT * FROM read_json('${json}', format = 'newline_delimited', columns = {${columns}})) ` +
        `TO '${path}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

let offset = 0;
function file(table: LoadedTable, date: string, events: FixtureEvent[]): FixtureFile {
  const topic = {
    visit_events: 'servq.visit.v1',
    survey_events: 'servq.survey.v1',
    complaint_events: 'servq.complaint.v1',
    alert_events: 'servq.alert.v1',
  }[table];
  const first = offset;
  offset += events.length;
  const withOffsets = events.map((e, i) => ({ kafka_partition: 0, kafka_offset: first + i, ...e }));
  return { relativeKey: `${table}/date=${date}/${topic}+0+${first}+${offset - 1}.parquet`, table, events: withOffsets };
}

let ids = 0;
const ev = (type: string, occurred_at: string, fields: FixtureEvent): FixtureEvent => ({
  event_id: `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`,
  type,
  occurred_at,
  ingested_at: occurred_at,
  channel: 'in_person',
  ...fields,
});

const cesis = { office_id: 'cesis' };
const day = '2026-03-02';
const t = (hhmm: string, date = day): string => `${date}T${hhmm}:00+02:00`;

/**
 * The hand-built lake. Cēsis, Monday 2 March 2026 (UTC+2). Waits 10, 30, 4, 20 minutes; services 15, 10, 6, 6;
 * v4's completion lands in an earlier file than its check-in; v2's call is delivered twice.
 */
export function handBuiltLake(): FixtureFile[] {
  ids = 0;
  offset = 0;
  const v4Completed = ev('visit.completed', t('11:26'), {
    ...cesis,
    visit_id: 'v4',
    outcome: 'refused',
    refusal_reason: 'documents_missing',
    service_language: 'en',
  });
  const v2Called = ev('visit.called', t('09:30'), { ...cesis, visit_id: 'v2' });
  return [
    file(LakeTables.visit, '2026-03-02', [v4Completed]),
    file(LakeTables.visit, '2026-02-25', [
      ev('visit.booked', '2026-02-25T10:00:00+02:00', {
        ...cesis,
        visit_id: 'v1',
        service_id: 'licence-card',
        slot_start: t('09:00'),
      }),
      ev('visit.booked', '2026-02-25T10:05:00+02:00', { ...cesis, visit_id: 'v5', slot_start: t('12:00') }),
      ev('visit.booked', '2026-02-25T10:10:00+02:00', { ...cesis, visit_id: 'v6', slot_start: t('13:00') }),
    ]),
    file(LakeTables.visit, day, [
      ev('visit.checked_in', t('08:55'), { ...cesis, visit_id: 'v1', arrival: 'appointment', special_needs: false }),
      ev('visit.called', t('09:05'), { ...cesis, visit_id: 'v1' }),
      ev('visit.completed', t('09:20'), { ...cesis, visit_id: 'v1', outcome: 'served', service_language: 'lv' }),
      ev('visit.checked_in', t('09:00'), { ...cesis, visit_id: 'v2', arrival: 'walk_in', special_needs: true }),
      v2Called,
      ev('visit.completed', t('09:40'), { ...cesis, visit_id: 'v2', outcome: 'served', service_language: 'ru' }),
      ev('visit.checked_in', t('10:00'), { ...cesis, visit_id: 'v3', arrival: 'walk_in', special_needs: false }),
      ev('visit.called', t('10:04'), { ...cesis, visit_id: 'v3' }),
      ev('visit.completed', t('10:10'), {
        ...cesis,
        visit_id: 'v3',
        outcome: 'refused',
        refusal_reason: 'documents_missing',
        regulation_ref: 'MK noteikumi Nr. 1032, 15. punkts',
        service_language: 'lv',
      }),
      ev('visit.checked_in', t('11:00'), { ...cesis, visit_id: 'v4', arrival: 'walk_in', special_needs: false }),
      ev('visit.called', t('11:20'), { ...cesis, visit_id: 'v4' }),
      ev('visit.no_show', t('12:15'), { ...cesis, visit_id: 'v5' }),
      ev('visit.cancelled', t('08:00'), { ...cesis, visit_id: 'v6' }),
    ]),
    file(LakeTables.visit, day, [{ ...v2Called }]),
    file(LakeTables.survey, day, [
      ev('survey.submitted', t('12:00'), { ...cesis, survey_id: 's1', visit_id: 'v1', satisfaction: 5, recommend: 10 }),
      ev('survey.submitted', t('12:01'), { ...cesis, survey_id: 's2', visit_id: 'v2', satisfaction: 3, recommend: 6 }),
      ev('survey.submitted', t('12:02'), { ...cesis, survey_id: 's3', visit_id: 'v3', satisfaction: 4, recommend: 8 }),
      ev('survey.submitted', t('12:03'), { ...cesis, survey_id: 's4', satisfaction: 2, recommend: 3, courtesy: 4 }),
    ]),
    file(LakeTables.complaint, '2026-02-20', [
      ev('complaint.received', '2026-02-20T10:00:00+02:00', { ...cesis, complaint_id: 'c1', category: 'waiting' }),
      ev('complaint.responded', '2026-03-18T10:00:00+02:00', { ...cesis, complaint_id: 'c1', outcome: 'explained' }),
      ev('complaint.received', '2026-03-02T10:00:00+02:00', { ...cesis, complaint_id: 'c2', category: 'refusal' }),
      ev('complaint.responded', '2026-03-17T10:00:00+02:00', { ...cesis, complaint_id: 'c2', outcome: 'upheld' }),
      ev('complaint.received', '2026-04-28T10:00:00+03:00', { ...cesis, complaint_id: 'c3', category: 'waiting' }),
      ev('complaint.responded', '2026-05-12T10:00:00+03:00', { ...cesis, complaint_id: 'c3', outcome: 'explained' }),
      ev('complaint.received', '2026-03-10T10:00:00+02:00', { ...cesis, complaint_id: 'c4', category: 'information' }),
      ev('complaint.received', '2026-03-30T10:00:00+03:00', {
        office_id: 'liepaja',
        complaint_id: 'c5',
        category: 'waiting',
      }),
      ev('feedback.received', '2026-03-05T10:00:00+02:00', { ...cesis, feedback_id: 'f1', feedback_kind: 'praise' }),
      ev('feedback.received', '2026-03-06T10:00:00+02:00', {
        ...cesis,
        feedback_id: 'f2',
        feedback_kind: 'suggestion',
      }),
    ]),
  ];
}

/** Writes fixture files under `root` in the lake layout; returns their absolute paths. */
export async function writeLake(root: string, files: FixtureFile[]): Promise<string[]> {
  const paths: string[] = [];
  for (const f of files) {
    const path = join(root, f.relativeKey);
    await writeParquet(path, f.table, f.events);
    paths.push(path);
  }
  return paths;
}

export function tableOf(relativeKey: string): LakeTableName {
  return relativeKey.split('/')[0] as LakeTableName;
}

/** Tokens of the tests: `mgmt-token`, `cesis-token` (office cesis), `analyst-token`. */
export const testTokens: TokenEntry[] = [
  { id: 'mgmt', sha256: sha256Hex('mgmt-token'), role: 'management' },
  { id: 'office-cesis', sha256: sha256Hex('cesis-token'), role: 'office', office: 'cesis' },
  { id: 'analyst', sha256: sha256Hex('analyst-token'), role: 'analyst' },
];

/**
 * Alert events of one alert, csat-below-target:cesis: raised (delivered twice by Kafka), acknowledged by the
 * Cēsis office token, then resolved; and one raised for Valmiera that is still open.
 */
export function alertEventsFile(): FixtureFile {
  const alert = (n: number, type: string, occurred_at: string, fields: FixtureEvent): FixtureEvent => ({
    event_id: `00000000-0000-4000-8000-a${String(n).padStart(11, '0')}`,
    type,
    schema_version: 1,
    occurred_at,
    ingested_at: occurred_at,
    source: 'servq-alerts',
    rule_id: 'csat-below-target',
    rule_kind: 'outside_target',
    ...fields,
  });
  const cesisAlert = { alert_id: 'csat-below-target:cesis', office_id: 'cesis' };
  const raised = alert(1, 'alert.raised', t('10:00'), {
    ...cesisAlert,
    severity: 'warning',
    metric_id: 'csat',
    value: 0.5,
    target: 0.8,
    n: 4,
    reason: 'CSAT 50 % is below the target of 80 %',
  });
  return file(LakeTables.alert, day, [
    raised,
    raised,
    alert(2, 'alert.acknowledged', t('10:30'), { ...cesisAlert, acknowledged_by: 'office-cesis' }),
    alert(3, 'alert.resolved', t('23:30'), { ...cesisAlert, clean_evaluations: 3 }),
    alert(4, 'alert.raised', t('11:00'), {
      alert_id: 'csat-below-target:valmiera',
      office_id: 'valmiera',
      severity: 'critical',
      metric_id: 'csat',
      value: 0.4,
    }),
  ]);
}
