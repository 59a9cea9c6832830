/** Messages for the decoding tests: one valid visit event, read in the early hours of a Riga day. */
import type { KafkaMessage } from '@servq/kafka';
import type { RawMessage } from './message.decoder.ts';

export const visitRoute = { topic: 'servq.visit.v1', table: 'visit_events' };
export const rejectedRoute = { topic: 'servq.rejected.v1', table: 'rejected_events' };
export const readAt = new Date('2026-03-02T10:00:00Z');

/** 23:30 UTC on 1 March is 01:30 on 2 March in Riga: the lake day is the 2nd. */
export const visitEvent = {
  event_id: '6f1c2b9e-2f7a-4c1e-9a55-0d6f5b1c2a10',
  type: 'visit.called',
  schema_version: 1,
  occurred_at: '2026-03-01T23:30:00Z',
  source: 'kiosk',
  channel: 'in_person',
  office_id: 'cesis',
  visit_id: 'v-1',
  desk: 'D3',
  staff_ref: 'ps_0123',
};

const KAFKA_TIME = Date.parse('2026-03-02T09:00:00Z');

/** A message as the Kafka package delivers it. */
export function kafkaMessage(
  value: string | null,
  offset: number | string,
  headers: Record<string, string> = {},
): KafkaMessage {
  return {
    offset: BigInt(offset),
    key: null,
    value: value === null ? null : Buffer.from(value),
    timestamp: KAFKA_TIME,
    headers,
  };
}

/** A message as decoding takes it. */
export function rawMessage(value: string | null, offset: number | string, source?: string): RawMessage {
  return {
    offset: String(offset),
    value: value === null ? null : Buffer.from(value),
    timestamp: KAFKA_TIME,
    ...(source === undefined ? {} : { source }),
  };
}
