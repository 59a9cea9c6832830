import { describe, expect, it } from 'vitest';
import { rowText } from '../lake/lake.contract.ts';
import { decodeMessage, type LakeRecord } from './message.decoder.ts';
import { rawMessage, readAt, rejectedRoute, visitEvent, visitRoute } from './message.fixtures.ts';

const rowOf = (record: LakeRecord) => JSON.parse(rowText(record.row)) as Record<string, unknown>;

const route = visitRoute;
const now = readAt;
const event = visitEvent;
const message = (value: string | null, offset = '7', source?: string) => rawMessage(value, offset, source);

describe('decodeMessage', () => {
  it('turns a valid event into a row of its table, dated by its Riga day, with Kafka coordinates', () => {
    const record = decodeMessage(route, 2, message(JSON.stringify(event)), now);
    expect(record).toMatchObject({ table: 'visit_events', date: '2026-03-02', offset: '7', rejected: false });
    expect(rowOf(record)).toMatchObject({
      event_id: event.event_id,
      office_id: 'cesis',
      desk: 'D3',
      occurred_at: '2026-03-01T23:30:00Z',
      kafka_topic: 'servq.visit.v1',
      kafka_partition: 2,
      kafka_offset: '7',
      ingested_at: now.toISOString(),
    });
  });

  it('lands undecodable messages in the rejected table with the reason, never drops them', () => {
    const bad = decodeMessage(route, 0, message('{oops', '8', 'kiosk-2'), now);
    expect(bad).toMatchObject({ table: 'rejected_events', rejected: true, date: '2026-03-02' });
    // The lake keeps a redacted form of what could not be read (its length), never its text.
    expect(rowOf(bad)).toMatchObject({
      raw: '"[unparsed text: 5 chars]"',
      source: 'kiosk-2',
      kafka_offset: '8',
      kafka_topic: 'servq.visit.v1',
    });
    expect(JSON.parse(String(rowOf(bad).reasons))).toEqual([
      { path: '(message)', message: expect.stringMatching(/^not JSON/) as unknown },
    ]);

    const invalid = decodeMessage(route, 0, message(JSON.stringify({ ...event, event_id: 'nope', extra: 1 })), now);
    expect(rowOf(invalid)).toMatchObject({ type: 'visit.called', event_id: null });
    expect(JSON.parse(String(rowOf(invalid).reasons))).toEqual([
      { path: 'event_id', message: 'expected a UUID' },
      { path: '(event)', message: expect.stringContaining('Unrecognized key') as unknown },
    ]);

    const empty = decodeMessage(route, 0, message(null), now);
    expect(rowOf(empty)).toMatchObject({
      raw: '"[unparsed text: 0 chars]"',
      reasons: '[{"path":"(message)","message":"empty message"}]',
    });
  });

  it('reads the rejected topic format, and keeps a malformed rejected message too', () => {
    const value = JSON.stringify({
      raw: '{"a":1}',
      reasons: [{ path: 'type', message: 'required' }],
      source: 'portal',
      received_at: '2026-03-01T22:30:00Z',
    });
    const ok = decodeMessage(rejectedRoute, 0, message(value), now);
    expect(ok).toMatchObject({ table: 'rejected_events', date: '2026-03-02', rejected: false });
    expect(rowOf(ok)).toMatchObject({
      raw: '{"[unknown field 1]":1}',
      reasons: '[{"path":"type","message":"required"}]',
      source: 'portal',
    });

    const malformed = decodeMessage(rejectedRoute, 0, message('[]'), now);
    expect(malformed).toMatchObject({ table: 'rejected_events', rejected: true });
    expect(rowOf(malformed).raw).toBe('"[array: 0 items]"');
  });

  it('lands the alert topic in alert_events by its own schema, and an invalid alert in the rejected table', () => {
    const alertRoute = { topic: 'servq.alert.v1', table: 'alert_events' };
    const alert = {
      event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
      type: 'alert.acknowledged',
      schema_version: 1,
      occurred_at: '2026-03-01T23:30:00Z',
      source: 'servq-alerts',
      alert_id: 'csat-below-target:cesis',
      rule_id: 'csat-below-target',
      rule_kind: 'outside_target',
      office_id: 'cesis',
      acknowledged_by: 'dev-management',
    };
    const ok = decodeMessage(alertRoute, 1, message(JSON.stringify(alert)), now);
    expect(ok).toMatchObject({ table: 'alert_events', date: '2026-03-02', rejected: false });
    expect(rowOf(ok)).toMatchObject({
      alert_id: 'csat-below-target:cesis',
      acknowledged_by: 'dev-management',
      value: null,
      kafka_topic: 'servq.alert.v1',
      kafka_offset: '7',
    });

    const invalid = decodeMessage(alertRoute, 1, message(JSON.stringify({ ...alert, acknowledged_by: 'Anna B' })), now);
    expect(invalid).toMatchObject({ table: 'rejected_events', rejected: true });
  });
});
