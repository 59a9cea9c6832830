/**
 * The envelope every event shares, and the field types events are built from. Messages are written for the
 * person reading a 400 response: they say what was expected, not what zod's internals saw.
 */
import { z } from 'zod';
import { ChannelId } from './reference/channels.ts';

export const SCHEMA_VERSION = 1;

/** An error message for a field: "required" when absent, else what was expected. */
export function expected(message: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'required' : message);
}

/** Longest free text kept (comments, summaries); scrubbing never makes a text longer than this. */
export const MAX_FREE_TEXT_LENGTH = 2000;

export const EventId = z.uuid({ error: expected('expected a UUID') });

export const Timestamp = z.iso.datetime({
  offset: true,
  error: expected('expected an ISO-8601 date-time with a UTC offset, e.g. 2026-03-02T09:15:00+02:00'),
});

export const CalendarDate = z.iso.date({ error: expected('expected a date YYYY-MM-DD') });

export const Source = z
  .string({ error: expected('expected the sending system name') })
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'expected a system name: up to 64 lowercase letters, digits, ".", "_" or "-"');

/** A client-chosen entity id (visit, survey, complaint, feedback, e-service case). */
export const EntityId = z
  .string({ error: expected('expected an id') })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'expected an id: up to 64 letters, digits, ".", "_", ":" or "-"');

/** A customer or staff identifier; raw at the edge, pseudonymised (`ps_…`) before it reaches Kafka. */
export const PersonRef = z
  .string({ error: expected('expected an identifier') })
  .min(1, 'expected a non-empty identifier')
  .max(128, 'expected at most 128 characters');

export function shortText(max: number) {
  return z
    .string({ error: expected('expected text') })
    .min(1, 'expected non-empty text')
    .max(max, `expected at most ${max} characters`);
}

export const FreeText = shortText(MAX_FREE_TEXT_LENGTH);

/** An integer answer on a scale, e.g. 1–5. */
export function scale(min: number, max: number) {
  const error = expected(`expected an integer from ${min} to ${max}`);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/** The fields every event carries; `office_id` is added per event, required where an office always applies. */
export function envelope<const T extends string>(type: T) {
  return {
    event_id: EventId,
    type: z.literal(type),
    schema_version: z.literal(SCHEMA_VERSION, { error: expected(`expected schema_version ${SCHEMA_VERSION}`) }),
    occurred_at: Timestamp,
    source: Source,
    channel: ChannelId,
    /** Set on events sent late on purpose (a migration, a replay); exempts them from the age horizon. */
    backfill: z.boolean({ error: expected('expected true or false') }).optional(),
  };
}
