import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, REJECTED_TABLE } from './lake.contract.ts';
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

  async function readBack(path: string): Promise<Record<string, unknown>[]> {
    return writer.withConnection(async (c) => {
      const reader = await c.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)}) ORDER BY kafka_offset`);
      return reader.getRowObjectsJson();
    });
  }

  it('writes event rows with typed columns that read back equal, timestamps as UTC instants', async () => {
    const path = join(dir, 'events.parquet');
    const rows = [0, 1].map((i) => ({
      event_id: `00000000-0000-4000-8000-00000000000${i}`,
      type: 'visit.called',
      schema_version: 1,
      occurred_at: '2026-03-02T09:15:00+02:00',
      source: 'kiosk',
      office_id: i === 0 ? 'riga' : null,
      channel: 'in_person',
      payload: JSON.stringify({ a: 'Rīga — Даугавпилс', n: i }),
      kafka_topic: 't',
      kafka_partition: 3,
      kafka_offset: String(9_007_199_254_740_993n + BigInt(i)),
      ingested_at: '2026-03-02T07:15:01.123Z',
    }));
    const size = await writer.write(path, columnsOf('visit_events'), rows);
    expect(size).toBeGreaterThan(0);
    const back = await readBack(path);
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({
      event_id: '00000000-0000-4000-8000-000000000000',
      office_id: 'riga',
      kafka_partition: 3,
      kafka_offset: '9007199254740993',
    });
    expect(back[1]?.office_id).toBeNull();
    expect(JSON.parse(String(back[0]?.payload))).toEqual({ a: 'Rīga — Даугавпилс', n: 0 });
    const instants = await writer.withConnection(async (c) => {
      const r = await c.runAndReadAll(
        `SELECT epoch_ms(occurred_at)::BIGINT AS ms FROM read_parquet(${sqlString(path)}) LIMIT 1`,
      );
      return r.getRowObjectsJson();
    });
    expect(instants[0]?.ms).toBe(String(Date.parse('2026-03-02T07:15:00Z')));
  });

  it('writes rejected rows with their list of reasons', async () => {
    const path = join(dir, 'rejected.parquet');
    const row = {
      raw: '{"bad": true, "quote": "it\'s"}',
      reasons: ['type: required', 'lander: x'],
      source: null,
      received_at: '2026-03-02T07:15:00Z',
      kafka_topic: 't',
      kafka_partition: 0,
      kafka_offset: '7',
      ingested_at: '2026-03-02T07:15:00Z',
    };
    await writer.write(path, columnsOf(REJECTED_TABLE), [row]);
    const [back] = await readBack(path);
    expect(back).toMatchObject({ raw: row.raw, reasons: row.reasons, source: null, kafka_offset: '7' });
  });
});
