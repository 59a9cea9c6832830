import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDataError, reasonOf, sift, writeBatchFiles, type StagedFile } from './batch.files.ts';
import { decodeMessages, groupByObject } from '../consume/fetched.batch.ts';
import { kafkaMessage, readAt, visitEvent, visitRoute } from '../decode/message.fixtures.ts';
import { ParquetWriter, sqlString } from './parquet.writer.ts';

const surveyEvent = {
  event_id: '0b8e7c52-6f0e-4a4b-9d3e-2b1f6c7d8e90',
  type: 'survey.submitted',
  schema_version: 1,
  occurred_at: '2026-03-02T09:30:00+02:00',
  source: 'kiosk',
  channel: 'in_person',
  office_id: 'cesis',
  survey_id: 's-1',
  satisfaction: 4,
};

describe('writing a batch’s files', () => {
  let dir: string;
  let writer: ParquetWriter;
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lander-files-'));
    writer = await ParquetWriter.create({ threads: 1 });
  });
  afterAll(async () => {
    writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function rowsOf(files: readonly StagedFile[]): Promise<Record<string, Record<string, unknown>[]>> {
    const byTable: Record<string, Record<string, unknown>[]> = {};
    for (const file of files) {
      const rows = await writer.withConnection(async (c) =>
        (
          await c.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(file.path)}) ORDER BY kafka_offset`)
        ).getRowObjectsJson(),
      );
      (byTable[file.table] ??= []).push(...rows);
    }
    return byTable;
  }

  async function land(values: (string | Buffer)[]) {
    const messages = values.map((v, i) => ({ ...kafkaMessage(null, 100 + i), value: Buffer.from(v) }));
    const decoded = decodeMessages(visitRoute, 0, messages, readAt);
    if (!decoded) throw new Error('nothing decoded');
    const batchDir = join(dir, String(n++));
    await mkdir(batchDir);
    const staged = await writeBatchFiles(writer, batchDir, groupByObject([decoded]));
    return { decoded, staged, rows: await rowsOf(staged.files) };
  }

  it('a lone surrogate in an accepted survey comment is landed in its table, repaired to U+FFFD', async () => {
    const comment = 'paldies \ud800 un \udc00 bet 😀 paliek';
    const { decoded, staged, rows } = await land([JSON.stringify({ ...surveyEvent, comment })]);
    expect(decoded.repaired).toBe(1);
    expect(staged.poison).toEqual([]);
    expect(rows.survey_events?.map((r) => r.comment)).toEqual(['paldies \ufffd un \ufffd bet 😀 paliek']);
  });

  it('an accepted event whose bytes are not UTF-8 is landed with U+FFFD in their place', async () => {
    const [head, tail] = JSON.stringify({ ...surveyEvent, comment: 'a|b' }).split('|') as [string, string];
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xc3]), Buffer.from(tail)]);
    const { staged, rows } = await land([bytes]);
    expect(staged.poison).toEqual([]);
    expect(rows.survey_events?.map((r) => r.comment)).toEqual(['a\ufffd\ufffdb']);
  });

  it('a row DuckDB refuses goes to the rejected table with DuckDB’s reason, and the rest of its batch lands', async () => {
    const valid = (i: number) =>
      JSON.stringify({ ...visitEvent, event_id: visitEvent.event_id.replace(/0$/, String(i)) });
    // JavaScript takes the last of two equal keys, so the event is valid; DuckDB refuses the object.
    const duplicated = `${JSON.stringify(visitEvent).slice(0, -1)},"desk":"D4"}`;
    const { staged, rows } = await land([valid(1), valid(2), duplicated, valid(3), valid(4), valid(5)]);
    expect(staged.poison.map((p) => [p.table, p.reason])).toEqual([
      ['visit_events', expect.stringMatching(/duplicate key "desk"/) as unknown],
    ]);
    expect(rows.visit_events?.map((r) => r.kafka_offset)).toEqual(['100', '101', '103', '104', '105']);
    const [rejected] = rows.rejected_events ?? [];
    expect(rows.rejected_events).toHaveLength(1);
    expect(rejected).toMatchObject({ kafka_offset: '102', kafka_partition: 0, kafka_topic: visitRoute.topic });
    expect(JSON.parse(String(rejected?.reasons))).toEqual([
      { path: '(message)', message: expect.stringMatching(/^the lake could not store it: .*duplicate key/) as unknown },
    ]);
    expect(String(rejected?.reasons)).not.toContain('ps_0123');
  });

  it('a refused row joins the batch’s rejected rows of its day, in one object named by its offsets', async () => {
    const duplicated = `${JSON.stringify(visitEvent).slice(0, -1)},"desk":"D4"}`;
    const { staged, rows } = await land(['{not json', JSON.stringify(visitEvent), duplicated, '{"also":"not valid"}']);
    const rejected = staged.files.filter((f) => f.table === 'rejected_events');
    expect(rejected.map((f) => [f.firstOffset, f.lastOffset, f.rows])).toEqual([['100', '103', 3]]);
    expect(rows.rejected_events?.map((r) => r.kafka_offset)).toEqual(['100', '102', '103']);
    expect(rows.visit_events?.map((r) => r.kafka_offset)).toEqual(['101']);
  });

  it('throws what is not the data’s fault (the machine’s), so the batch is read again', async () => {
    const decoded = decodeMessages(visitRoute, 0, [kafkaMessage(JSON.stringify(visitEvent), 1)], readAt);
    const error = await writeBatchFiles(
      writer,
      join(dir, 'missing', 'dir'),
      groupByObject(decoded ? [decoded] : []),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isDataError(error)).toBe(false);
  });

  it('sift finds every refused line among many by halving, and keeps the others in order', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => Buffer.from(String(i)));
    const bad = new Set(['7', '500', '501', '999']);
    let probes = 0;
    const refuse = (part: readonly Buffer[]) => {
      probes++;
      const found = part.find((l) => bad.has(l.toString()));
      return found ? Promise.reject(new Error(`Invalid Input Error: bad ${found.toString()}`)) : Promise.resolve();
    };
    const sifted = await sift(lines, refuse, new Error('Invalid Input Error: first'));
    expect(sifted.poison.map((p) => [p.line.toString(), p.reason])).toEqual(
      [...bad].map((b) => [b, `Invalid Input Error: bad ${b}`]),
    );
    expect(sifted.good.map(String)).toEqual(lines.map(String).filter((l) => !bad.has(l)));
    expect(probes).toBeLessThanOrEqual(2 * bad.size * Math.ceil(Math.log2(lines.length)));
  });

  it('words DuckDB’s reason without the staging file, line numbers or the row it quotes', () => {
    const error = new Error(
      'Invalid Input Error: JSON transform error in file "/tmp/x/0.parquet.ndjson", in line 3: Object {"a":"x","a":"y"} has duplicate key "a"\nTry setting',
    );
    expect(reasonOf(error)).toBe('Invalid Input Error: JSON transform error: an object has duplicate key "a"');
  });
});
