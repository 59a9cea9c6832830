import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LakeTables } from '../contracts.adapter.ts';
import { visitsModelSql, type BuildScope } from './model.sql.ts';
import { RawColumns } from './raw-schema.ts';

describe('the models keep one copy of a redelivered event', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    const columns = RawColumns[LakeTables.visit].map((c) => `${c.name} ${c.type}`);
    await connection.run(`CREATE TABLE raw_visit_events (${[...columns, '_file VARCHAR'].join(', ')})`);
    await connection.run("CREATE TABLE affected_visits AS SELECT * FROM (VALUES ('v1'), ('v2')) t(id)");
    // v1's completion was redelivered into a later file with another time and outcome; v2's completion has no
    // event id and came twice. In each case the copy in the first file is the one that counts.
    await connection.run(`INSERT INTO raw_visit_events BY NAME
      SELECT * FROM (VALUES
        ('e1', 'visit.checked_in', TIMESTAMPTZ '2026-03-02 08:00:00Z', 1, 'v1', NULL, 'a.parquet'),
        ('e2', 'visit.called', TIMESTAMPTZ '2026-03-02 08:10:00Z', 2, 'v1', NULL, 'a.parquet'),
        ('e3', 'visit.completed', TIMESTAMPTZ '2026-03-02 08:20:00Z', 3, 'v1', 'served', 'a.parquet'),
        ('e3', 'visit.completed', TIMESTAMPTZ '2026-03-02 08:40:00Z', 1, 'v1', 'refused', 'b.parquet'),
        ('e4', 'visit.checked_in', TIMESTAMPTZ '2026-03-02 09:00:00Z', 4, 'v2', NULL, 'a.parquet'),
        ('e5', 'visit.called', TIMESTAMPTZ '2026-03-02 09:05:00Z', 5, 'v2', NULL, 'a.parquet'),
        (NULL, 'visit.completed', TIMESTAMPTZ '2026-03-02 09:30:00Z', 2, 'v2', 'served', 'b.parquet'),
        (NULL, 'visit.completed', TIMESTAMPTZ '2026-03-02 09:50:00Z', 6, 'v2', 'refused', 'c.parquet')
      ) t(event_id, type, occurred_at, kafka_offset, visit_id, outcome, _file)`);
  });

  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  const built = async (scope: BuildScope) =>
    (
      await connection.runAndReadAll(
        `SELECT visit_id, outcome, wait_minutes, service_minutes FROM (${visitsModelSql('raw_visit_events', scope)})
         ORDER BY visit_id`,
      )
    ).getRowObjectsJson();

  it.each(['all', 'affected'] as const)(
    'builds from the first file’s copy and every event seen once (%s entities)',
    async (scope) => {
      expect(await built(scope)).toEqual([
        { visit_id: 'v1', outcome: 'served', wait_minutes: 10, service_minutes: 10 },
        { visit_id: 'v2', outcome: 'served', wait_minutes: 5, service_minutes: 25 },
      ]);
    },
  );
});
