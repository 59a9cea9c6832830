import { describe, expect, it } from 'vitest';
import { createDecoder } from '../decode/decoder.ts';
import { decodeMessages, decodePacked, groupByObject, packBatch, type DecodedBatch } from './fetched.batch.ts';
import { kafkaMessage, readAt, visitEvent, visitRoute } from '../decode/message.fixtures.ts';

const route = visitRoute;
const now = readAt;
const day1 = JSON.stringify({ ...visitEvent, occurred_at: '2026-03-01T10:00:00Z' });
const day2 = JSON.stringify(visitEvent);
const message = (value: string | null, offset: number, source?: string) =>
  kafkaMessage(value, offset, source === undefined ? {} : { source });
const rowsOf = (ndjson: Uint8Array) =>
  Buffer.from(ndjson)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const summary = (batch: DecodedBatch | undefined) =>
  batch?.groups.map((g) => [g.table, g.date, g.firstOffset, g.lastOffset, g.rows, g.rejected]);

describe('decoding a fetched batch', () => {
  it('stages one group per table and day, each named by its own first and last offset', () => {
    const messages = [day1, day2, '{bad', day1, day2].map((v, i) => message(v, 10 + i, 'kiosk-2'));
    const decoded = decodeMessages(route, 3, messages, now);
    expect(decoded).toMatchObject({ firstOffset: '10', lastOffset: '14', rows: 5, partition: 3 });
    expect(decoded?.bytes).toBe(messages.reduce((n, m) => n + (m.value?.length ?? 0), 0));
    expect(summary(decoded)).toEqual([
      ['visit_events', '2026-03-01', '10', '13', 2, 0],
      ['visit_events', '2026-03-02', '11', '14', 2, 0],
      ['rejected_events', '2026-03-02', '12', '12', 1, 1],
    ]);
    const [first, , rejected] = decoded?.groups ?? [];
    expect(
      rowsOf(first?.ndjson ?? new Uint8Array()).map((r) => [r.kafka_offset, r.kafka_partition, r.visit_id]),
    ).toEqual([
      ['10', 3, 'v-1'],
      ['13', 3, 'v-1'],
    ]);
    // A rejected row keeps the message's `source` header and the redacted form of the text (its length).
    expect(rowsOf(rejected?.ndjson ?? new Uint8Array())).toEqual([
      expect.objectContaining({
        raw: '"[unparsed text: 4 chars]"',
        source: 'kiosk-2',
        kafka_offset: '12',
        kafka_topic: route.topic,
      }),
    ]);
  });

  it('packs only the messages at or after the resume point, and nothing when none is left', () => {
    const messages = [day1, day1, day2].map((v, i) => message(v, 98 + i));
    const packed = packBatch(route.topic, 0, messages, 99n, now.getTime());
    expect(packed && [...packed.offsets]).toEqual([99, 100]);
    expect(packed && summary(decodePacked(route, packed))).toEqual([
      ['visit_events', '2026-03-01', '99', '99', 1, 0],
      ['visit_events', '2026-03-02', '100', '100', 1, 0],
    ]);
    expect(packBatch(route.topic, 0, messages, 101n, now.getTime())).toBeUndefined();
  });

  it('lands an empty (tombstone) value as a rejected row, never skipping it', () => {
    const decoded = decodeMessages(route, 0, [message(day1, 1), message(null, 2), message(day1, 3)], now);
    expect(summary(decoded)).toEqual([
      ['visit_events', '2026-03-01', '1', '3', 2, 0],
      ['rejected_events', '2026-03-02', '2', '2', 1, 1],
    ]);
  });

  it('gathers the groups of consecutive batches into one object per table and day', () => {
    const a = decodeMessages(route, 0, [message(day1, 1), message(day2, 2)], now);
    const b = decodeMessages(route, 0, [message(day1, 3), message(day1, 4)], now);
    if (!a || !b) throw new Error('nothing decoded');
    const objects = groupByObject([a, b]);
    expect(objects.map((o) => [o.date, o.firstOffset, o.lastOffset, o.rows, o.parts.length])).toEqual([
      ['2026-03-01', '1', '4', 3, 2],
      ['2026-03-02', '2', '2', 1, 1],
    ]);
    expect(objects[0]?.parts.flatMap((p) => rowsOf(p).map((r) => r.kafka_offset))).toEqual(['1', '3', '4']);
  });
});

describe('the decoder', () => {
  it('decodes a packed batch exactly as decoding in one call does', async () => {
    const messages = [day1, '{bad', day2, day1].map((v, i) => message(v, 40 + i, 'kiosk-9'));
    const inline = decodeMessages(route, 1, messages, now);
    const packed = packBatch(route.topic, 1, messages, null, now.getTime());
    if (!packed) throw new Error('nothing packed');
    const decoded = await createDecoder().decode(route, packed);
    expect(summary(decoded)).toEqual(summary(inline));
    expect(decoded.groups.map((g) => rowsOf(g.ndjson))).toEqual(inline?.groups.map((g) => rowsOf(g.ndjson)));
  });
});
