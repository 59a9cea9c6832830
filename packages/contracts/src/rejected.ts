/**
 * Rejected events: what the edge could not accept, kept for diagnosis on the rejected topic and in the
 * rejected_events table. The raw payload is stored, but never raw personal data: its strings are scrubbed and
 * identifier fields pseudonymised, like an accepted event's.
 */
import { z } from 'zod';
import { Timestamp } from './envelope.ts';
import { pseudonymise } from './pseudonymise.ts';
import { PERSON_REF_FIELDS } from './scrub-event.ts';
import { scrubText } from './scrub.ts';

/** Longest raw payload kept, in characters of JSON; longer ones are kept as a marked, cut-off head. */
export const MAX_RAW_LENGTH = 65_536;

export const RejectionReason = z.strictObject({ path: z.string(), message: z.string() });
export type RejectionReason = z.infer<typeof RejectionReason>;

export const RejectedEvent = z.strictObject({
  received_at: Timestamp,
  source: z.string().max(128).optional(),
  /** The payload as JSON text, sanitised. */
  raw: z.string(),
  reasons: z.array(RejectionReason).min(1),
});
export type RejectedEvent = z.infer<typeof RejectedEvent>;

function sanitise(value: unknown, key: string | undefined, secret: string): unknown {
  if (typeof value === 'string') {
    return key !== undefined && (PERSON_REF_FIELDS as readonly string[]).includes(key) && value.length > 0
      ? pseudonymise(value, secret)
      : scrubText(value);
  }
  if (Array.isArray(value)) return value.map((v) => sanitise(v, undefined, secret));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitise(v, k, secret)]));
  }
  return value;
}

/** The raw payload as sanitised JSON text, cut to MAX_RAW_LENGTH. */
export function sanitiseRaw(raw: unknown, secret: string): string {
  const text = JSON.stringify(sanitise(raw, undefined, secret)) ?? 'null';
  if (text.length <= MAX_RAW_LENGTH) return text;
  return JSON.stringify({ truncated: true, length: text.length, head: text.slice(0, MAX_RAW_LENGTH) });
}

export interface RejectOptions {
  receivedAt: Date;
  secret: string;
  source?: string;
}

export function toRejectedEvent(raw: unknown, reasons: RejectionReason[], options: RejectOptions): RejectedEvent {
  return {
    received_at: options.receivedAt.toISOString(),
    ...(options.source === undefined ? {} : { source: options.source }),
    raw: sanitiseRaw(raw, options.secret),
    reasons,
  };
}
