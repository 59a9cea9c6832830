/**
 * Property of issue 13: whatever strings or bytes a message holds — lone surrogates, NUL, bytes that are not
 * UTF-8, quotes and escapes, a megabyte of any of them — the lander's decoding and file writing (the same code
 * a flush runs, with the real DuckDB) land every message exactly once, in its table or in the rejected table,
 * and never throw: nothing a message holds can stop its partition.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBatchFiles } from './lake/batch.files.ts';
import { decodeMessages, groupByObject } from './consume/fetched.batch.ts';
import { kafkaMessage, readAt, rejectedRoute, visitEvent, visitRoute } from './decode/message.fixtures.ts';
import { ParquetWriter, sqlString } from './lake/parquet.writer.ts';
import { wellFormed } from './decode/text.repair.ts';

interface Generated {
  value: Buffer;
  /** When the message lands as a survey, the comment it must have. */
  comment?: string;
}

const survey = (comment: string) => ({
  event_id: '0b8e7c52-6f0e-4a4b-9d3e-2b1f6c7d8e90',
  type: 'survey.submitted',
  schema_version: 1,
  occurred_at: '2026-03-02T09:30:00+02:00',
  source: 'kiosk',
  channel: 'in_person',
  office_id: 'cesis',
  survey_id: 's-1',
  satisfaction: 4,
  comment,
});

/** Strings rich in what has broken JSON readers: lone surrogates, NUL and control characters, quotes, escapes. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '\ud800',
      '\udbff',
      '\udc00',
      '\udfff',
      '\u0000',
      '\u0001',
      '\n',
      '"',
      '\\',
      'ā',
      '😀',
      '\u2028',
    ),
    maxLength: 20,
  }),
  fc.constantFrom('\\ud800', '\\u0000', 'null', '}{', '"}'),
);
const bytes = fc.uint8Array({ maxLength: 60 }).map((a) => Buffer.from(a));

const messageArb: fc.Arbitrary<Generated> = fc.oneof(
  // An accepted survey whose comment holds the string, sent as ingest sends (JSON.stringify).
  nasty.map((s) => ({ value: Buffer.from(JSON.stringify(survey(s))), comment: wellFormed(s) })),
  // The same with bytes that are not UTF-8 spliced into the comment.
  fc.tuple(nasty, bytes).map(([s, b]) => {
    const [head, tail] = JSON.stringify(survey(`${s}|`)).split('|') as [string, string];
    return { value: Buffer.concat([Buffer.from(head), b.filter((x) => x !== 0x22 && x !== 0x5c), Buffer.from(tail)]) };
  }),
  // A visit event with the string in a field of its own, or a field repeated.
  nasty.map((s) => ({ value: Buffer.from(JSON.stringify({ ...visitEvent, desk: s })) })),
  fc.constantFrom('desk', 'office_id', 'channel').map((key) => {
    const repeated = `"${key}":${JSON.stringify(visitEvent[key])}`;
    return { value: Buffer.from(`${JSON.stringify(visitEvent).slice(0, -1)},${repeated}}`) };
  }),
  // A rejected-topic message carrying the string as payload, reason and source.
  nasty.map((s) => ({
    value: Buffer.from(
      JSON.stringify({
        received_at: '2026-03-02T09:00:00Z',
        source: s.slice(0, 100),
        raw: JSON.stringify({ event_id: s, occurred_at: s, comment: s }),
        reasons: [{ path: s, message: s }],
      }),
    ),
  })),
  // Anything at all: text, and bytes.
  nasty.map((s) => ({ value: Buffer.from(s) })),
  bytes.map((value) => ({ value })),
);

describe('landing arbitrary strings', () => {
  let dir: string;
  let writer: ParquetWriter;
  let runs = 0;
  /** Over all runs: rows repaired in decoding and rows DuckDB refused, so the property is seen to reach both. */
  const seen = { repaired: 0, poison: 0 };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lander-property-'));
    writer = await ParquetWriter.create({ threads: 1 });
  });
  afterAll(async () => {
    writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Decodes and writes one batch as a flush does; returns every written row with its table. */
  async function land(route: typeof visitRoute, generated: readonly Generated[]) {
    const messages = generated.map((g, i) => ({ ...kafkaMessage(null, 1000 + i), value: g.value }));
    const decoded = decodeMessages(route, 0, messages, readAt);
    if (!decoded) throw new Error('nothing decoded');
    const batchDir = await mkdtemp(join(dir, `${runs++}-`));
    const { files, poison } = await writeBatchFiles(writer, batchDir, groupByObject([decoded]));
    seen.repaired += decoded.repaired;
    seen.poison += poison.length;
    const rows: { table: string; row: Record<string, unknown> }[] = [];
    for (const file of files) {
      const read = await writer.withConnection((c) =>
        c.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(file.path)})`),
      );
      rows.push(...read.getRowObjectsJson().map((row) => ({ table: file.table, row })));
    }
    await rm(batchDir, { recursive: true, force: true });
    return rows;
  }

  function expectEachLandedOnce(generated: readonly Generated[], rows: Awaited<ReturnType<typeof land>>): void {
    const offsets = rows.map((r) => String(r.row.kafka_offset)).sort();
    expect(offsets).toEqual(generated.map((_, i) => String(1000 + i)).sort());
    for (const { table, row } of rows) {
      expect(['visit_events', 'survey_events', 'rejected_events']).toContain(table);
      const expected = generated[Number(row.kafka_offset) - 1000]?.comment;
      if (table === 'survey_events' && expected !== undefined) expect(row.comment).toBe(expected);
    }
  }

  // DuckDB writes a file per table and batch; a loaded two-core machine needs more than the default 5 s.
  it(
    'every message lands exactly once, in its table or rejected, whatever its strings or bytes hold',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(visitRoute, rejectedRoute),
          fc.array(messageArb, { minLength: 1, maxLength: 8 }),
          async (route, generated) => expectEachLandedOnce(generated, await land(route, generated)),
        ),
        { numRuns: 60, seed: 20261213 },
      );
      expect(seen.repaired).toBeGreaterThan(0);
      expect(seen.poison).toBeGreaterThan(0);
    },
  );

  it('a megabyte of any of them lands or is rejected too', { timeout: 120_000 }, async () => {
    const mb = 1024 * 1024;
    const random = Buffer.from(
      fc.sample(fc.uint8Array({ minLength: mb, maxLength: mb }), { numRuns: 1, seed: 13 })[0] ?? [],
    );
    const generated: Generated[] = [
      { value: Buffer.from(JSON.stringify(survey('\ud800'.repeat(mb)))) },
      {
        value: Buffer.from(JSON.stringify(survey('ā'.repeat(1999) + '\udc00')).replace('ā', 'a')),
        comment: `a${'ā'.repeat(1998)}\ufffd`,
      },
      { value: Buffer.from(JSON.stringify({ ...visitEvent, desk: '\u0000'.repeat(mb) })) },
      { value: random },
      { value: Buffer.from('x'.repeat(mb)) },
      {
        value: Buffer.from(
          JSON.stringify({
            received_at: '2026-03-02T09:00:00Z',
            raw: JSON.stringify({ comment: '\udbff\u0000'.repeat(mb / 2) }),
            reasons: [{ path: 'comment', message: 'too long' }],
          }),
        ),
      },
    ];
    for (const route of [visitRoute, rejectedRoute]) expectEachLandedOnce(generated, await land(route, generated));
  });
});
