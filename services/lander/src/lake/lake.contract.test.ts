import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The contracts' generators of valid events; not in the package's exports yet (asked for `@servq/contracts/testing`).
import { anyEventArb } from '../../../../packages/contracts/src/events.arbitraries.ts';
import {
  columnsOf,
  decodeEvent,
  jsonLine,
  referenceRow,
  rowText,
  stagingBytes,
  type KafkaCoordinates,
  type RowBytes,
} from './lake.contract.ts';
import { ParquetWriter, sqlString } from './parquet.writer.ts';

describe('the fast row path', () => {
  let dir: string;
  let writer: ParquetWriter;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lander-contract-'));
    writer = await ParquetWriter.create({ threads: 1 });
  });
  afterAll(async () => {
    writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function readBack(path: string): Promise<Record<string, unknown>[]> {
    return writer.withConnection(async (c) =>
      (
        await c.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)}) ORDER BY kafka_offset`)
      ).getRowObjectsJson(),
    );
  }

  it('lands exactly the rows the contracts’ toLakeRow defines, for generated events of every type', async () => {
    const events = fc.sample(anyEventArb, { numRuns: 400, seed: 20260302 });
    const byTable = new Map<string, { rows: RowBytes[]; reference: string[] }>();
    for (const [i, event] of events.entries()) {
      const at: KafkaCoordinates = {
        topic: 'servq.any.v1',
        partition: i % 3,
        offset: String(9_007_199_254_740_000n + BigInt(i)),
        ingestedAt: new Date(Date.UTC(2026, 2, 2, 10, 0, i % 60)),
      };
      // Some messages as a slice of a larger buffer with trailing spaces, as a fetched message may be.
      const text = i % 2 ? JSON.stringify(event) : `${JSON.stringify(event)}  `;
      const raw = Buffer.from(`xx${text}yy`).subarray(2, 2 + Buffer.byteLength(text));
      const decoded = decodeEvent(raw, event, at);
      if (!decoded.ok) throw new Error(`generated event rejected: ${JSON.stringify(decoded.reasons)}`);
      const columns = new Set(columnsOf(decoded.table).map((c) => c.name));
      // A field without a column would be dropped silently by the fast path.
      expect(Object.keys(event).filter((k) => !columns.has(k))).toEqual([]);
      const entry = byTable.get(decoded.table) ?? { rows: [], reference: [] };
      entry.rows.push(decoded.row);
      entry.reference.push(jsonLine(referenceRow(event, at)));
      byTable.set(decoded.table, entry);
    }
    expect([...byTable.keys()].sort()).toEqual(['complaint_events', 'survey_events', 'visit_events']);
    for (const [table, { rows, reference }] of byTable) {
      const fast = join(dir, `${table}.fast.parquet`);
      const ref = join(dir, `${table}.reference.parquet`);
      await writer.writeStaged(fast, columnsOf(table), [stagingBytes(rows)]);
      await writer.write(ref, columnsOf(table), reference);
      expect(await readBack(fast)).toEqual(await readBack(ref));
    }
  });

  it('re-serialises an event sent as multi-line JSON, so the staging file keeps one row per line', () => {
    const [event] = fc.sample(anyEventArb, { numRuns: 1, seed: 7 });
    const at = { topic: 't', partition: 0, offset: '1', ingestedAt: new Date() };
    const decoded = decodeEvent(Buffer.from(JSON.stringify(event, null, 2)), event, at);
    expect(decoded.ok && !rowText(decoded.row).includes('\n')).toBe(true);
  });
});
