/**
 * The envelope every event shares, and the field types events are built from. Messages are written for the
 * person reading a 400 response: they say what was expected, not what zod's internals saw.
 */
import { z } from 'zod';
import { code, identifier, time, withKind } from './field-kinds.ts';
import { ChannelId } from './reference/channels.ts';

export const SCHEMA_VERSION = 1;

/** An error message for a field: "required" when absent, else what was expected. */
export function expected(message: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'required' : message);
}

/** Longest free text kept (comments, summaries); scrubbing never makes a text longer than this. */
export const MAX_FREE_TEXT_LENGTH = 2000;

export const EventId = identifier(z.uuid({ error: expected('expected a UUID') }));

export const Timestamp = time(
  z.iso.datetime({
    offset: true,
    error: expected('expected an ISO-8601 date-time with a UTC offset, e.g. 2026-03-02T09:15:00+02:00'),
  }),
);

export const CalendarDate = time(z.iso.date({ error: expected('expected a date YYYY-MM-DD') }));

/**
 * Identifier shapes are stored exactly as sent, so they leave no room for personal data: no run of nine or more
 * digits (a personal code, a phone number with its country code) and no `DDMMYY-NNNNN` between separators (an
 * old-form personal code); the character sets exclude `@` and spaces (e-mail addresses, names as written).
 * An eight-digit run stays allowed: ids carry compact dates (20260302) and hex slices that look the same.
 */
const NO_PERSONAL_NUMBER = '(?!.*\\d{9})(?!(?:.*[._:-])?\\d{6}-\\d{5}(?:[._:-]|$))';

export const Source = identifier(
  z
    .string({ error: expected('expected the sending system name') })
    .regex(
      new RegExp(`^${NO_PERSONAL_NUMBER}[a-z0-9][a-z0-9._-]{0,63}$`),
      'expected a system name: up to 64 lowercase letters, digits, ".", "_" or "-", without a run of 9 or more digits',
    ),
);

/** A client-chosen entity id (visit, survey, complaint, feedback, e-service case). */
export const EntityId = identifier(
  z
    .string({ error: expected('expected an id') })
    .regex(
      new RegExp(`^${NO_PERSONAL_NUMBER}[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$`),
      'expected an id: up to 64 letters, digits, ".", "_", ":" or "-", with no run of 9 or more digits and no DDMMYY-NNNNN',
    ),
);

/** A queue ticket as the ticket machine prints it: up to 3 capital letters, then 1 to 4 digits (A042, KA-7). */
export const Ticket = identifier(
  z
    .string({ error: expected('expected a queue ticket') })
    .regex(/^[A-Z]{0,3}-?\d{1,4}$/, 'expected a queue ticket: up to 3 capital letters, then 1 to 4 digits, e.g. A042'),
);

/** A desk (service window) number: up to 3 capital letters, then 1 to 3 digits (3, D3, K-12). */
export const Desk = identifier(
  z
    .string({ error: expected('expected a desk number') })
    .regex(/^[A-Z]{0,3}-?\d{1,3}$/, 'expected a desk number: up to 3 capital letters, then 1 to 3 digits, e.g. D3'),
);

/** A customer or staff identifier; raw at the edge, pseudonymised (`ps_…`) before it reaches Kafka. */
export const PersonRef = withKind(
  z
    .string({ error: expected('expected an identifier') })
    .min(1, 'expected a non-empty identifier')
    .max(128, 'expected at most 128 characters'),
  { kind: 'person_ref' },
);

/** Prose written by a person, up to `max` characters; scrubbed of personal data before it is stored. */
export function freeText(max: number) {
  return withKind(
    z
      .string({ error: expected('expected text') })
      .min(1, 'expected non-empty text')
      .max(max, `expected at most ${max} characters`),
    { kind: 'free_text', maxLength: max },
  );
}

export const FreeText = freeText(MAX_FREE_TEXT_LENGTH);

/** An integer answer on a scale, e.g. 1–5. */
export function scale(min: number, max: number) {
  const error = expected(`expected an integer from ${min} to ${max}`);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/** The fields every event carries; `office_id` is added per event, required where an office always applies. */
export function envelope<const T extends string>(type: T) {
  return {
    event_id: EventId,
    type: code(z.literal(type)),
    schema_version: z.literal(SCHEMA_VERSION, { error: expected(`expected schema_version ${SCHEMA_VERSION}`) }),
    occurred_at: Timestamp,
    source: Source,
    channel: code(ChannelId),
    /** Set on events sent late on purpose (a migration, a replay); exempts them from the age horizon. */
    backfill: z.boolean({ error: expected('expected true or false') }).optional(),
  };
}
