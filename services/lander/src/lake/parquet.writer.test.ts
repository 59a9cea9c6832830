import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, jsonLine, REJECTED_TABLE, type LakeColumn } from './lake.contract.ts';
import { ParquetWriter, sqlString } from './parquet.writer.ts';

describe('ParquetWriter', () => {
  let dir: string;
  let writer: ParquetWriter;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lander-parquet-'));
    writer = await ParquetWriter.create({ threads: 1 });
  });
  afterAll(async () => {
    writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function query(sql: string): Promise<Record<string, unknown>[]> {
    return writer.withConnection(async (c) => (await c.runAndReadAll(sql)).getRowObjectsJson());
  }

  it('writes rows typed by the contract columns; values, nulls, bigints and instants read back equal', async () => {
    const path = join(dir, 'visits.parquet');
    const rows = [0, 1].map((i) => ({
      event_id: `00000000-0000-4000-8000-00000000000${i}`,
      type: 'visit.completed',
      schema_version: 1,
      occurred_at: '2026-03-02T07:15:00.000Z',
      source: 'kiosk',
      channel: 'in_person',
      office_id: 'liepaja',
      ...(i === 0 ? { backfill: true } : {}),
      visit_id: 'v-1',
      outcome: i === 0 ? 'refused' : null,
      refusal_reason: i === 0 ? "Rīga — Даугавпилс “quoted” it's" : null,
      slot_minutes: i === 0 ? 15 : null,
      kafka_topic: 't',
      kafka_partition: 3,
      kafka_offset: 9_007_199_254_740_993n + BigInt(i),
      ingested_at: '2026-03-02T07:15:01.123Z',
    }));
    const size = await writer.write(path, columnsOf('visit_events'), rows.map(jsonLine));
    expect(size).toBeGreaterThan(0);
    const back = await query(`SELECT * FROM read_parquet(${sqlString(path)}) ORDER BY kafka_offset`);
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({
      event_id: rows[0]?.event_id,
      outcome: 'refused',
      refusal_reason: rows[0]?.refusal_reason,
      slot_minutes: 15,
      backfill: true,
      kafka_partition: 3,
      kafka_offset: '9007199254740993',
    });
    expect(back[1]).toMatchObject({ outcome: null, slot_minutes: null, desk: null, backfill: false });
    const [instant] = await query(
      `SELECT epoch_ms(occurred_at)::BIGINT AS ms, typeof(occurred_at) AS t FROM read_parquet(${sqlString(path)}) LIMIT 1`,
    );
    expect(instant).toEqual({ ms: String(Date.parse('2026-03-02T07:15:00Z')), t: 'TIMESTAMP WITH TIME ZONE' });
  });

  it('writes rejected rows, a JSON-typed column, and the value of an absent field', async () => {
    const path = join(dir, 'rejected.parquet');
    const row = {
      raw: '{"bad": true}',
      reasons: '[{"path":"type","message":"required"}]',
      received_at: '2026-03-02T07:15:00Z',
      kafka_topic: 't',
      kafka_partition: 0,
      kafka_offset: '7',
      ingested_at: '2026-03-02T07:15:00Z',
    };
    await writer.write(path, columnsOf(REJECTED_TABLE), [jsonLine(row)]);
    const [back] = await query(`SELECT * FROM read_parquet(${sqlString(path)})`);
    expect(back).toMatchObject({ raw: row.raw, reasons: row.reasons, source: null, event_id: null });

    const jsonPath = join(dir, 'json.parquet');
    const columns: LakeColumn[] = [{ name: 'doc', type: 'JSON', nullable: false, description: '' }];
    await writer.write(jsonPath, columns, [jsonLine({ doc: { a: [1, 2] } })]);
    expect(await query(`SELECT doc->>'$.a[1]' AS second FROM read_parquet(${sqlString(jsonPath)})`)).toEqual([
      { second: '2' },
    ]);
  });
});
