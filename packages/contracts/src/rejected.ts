/**
 * Rejected events: what the edge could not accept, as a message of the rejected topic (`servq.rejected.v1`).
 * The message keeps the payload exactly as it arrived, so that it can be re-validated and replayed after a fix
 * (`pnpm replay:rejected`); the topic's retention bounds how long that raw copy lives. Nothing of it reaches the
 * lake as sent: the `rejected_events` row is the redacted form of `rejected.redact.ts`.
 */
import { z } from 'zod';
import { Timestamp } from './envelope.ts';

/** Longest raw payload kept, in characters; a longer one is kept as a cut-off head, marked, and not replayable. */
export const MAX_RAW_LENGTH = 262_144;

export const RejectionReason = z.strictObject({ path: z.string(), message: z.string() });
export type RejectionReason = z.infer<typeof RejectionReason>;

/** `json`: raw is the payload as JSON text; `text`: raw is what could not be parsed (an NDJSON line, a message). */
export const RawFormat = z.enum(['json', 'text']);
export type RawFormat = z.infer<typeof RawFormat>;

export const RejectedEvent = z.strictObject({
  received_at: Timestamp,
  /** The sending system: the API key's id at the edge. */
  source: z.string().max(128).optional(),
  /** The payload as it arrived (see raw_format). Messages written before raw_format existed hold JSON. */
  raw: z.string(),
  raw_format: RawFormat.optional(),
  /** Set when raw is only the head of a payload longer than MAX_RAW_LENGTH. */
  raw_truncated: z.boolean().optional(),
  /** Why it was rejected, as the client was told (field names and expectations). */
  reasons: z.array(RejectionReason).min(1),
});
export type RejectedEvent = z.infer<typeof RejectedEvent>;

export interface RejectOptions {
  receivedAt: Date;
  source?: string;
}

/** The rejected-topic message of a payload: parsed JSON (any value), or the text that could not be parsed. */
export function toRejectedEvent(
  payload: { parsed: unknown } | { text: string },
  reasons: RejectionReason[],
  options: RejectOptions,
): RejectedEvent {
  const format: RawFormat = 'parsed' in payload ? 'json' : 'text';
  const full = 'parsed' in payload ? (JSON.stringify(payload.parsed) ?? 'null') : payload.text;
  const truncated = full.length > MAX_RAW_LENGTH;
  return {
    received_at: options.receivedAt.toISOString(),
    ...(options.source === undefined ? {} : { source: options.source }),
    raw: truncated ? full.slice(0, MAX_RAW_LENGTH) : full,
    raw_format: format,
    ...(truncated ? { raw_truncated: true } : {}),
    reasons,
  };
}

/** The payload of a rejected message as a value again, or why it cannot be replayed. */
export function rejectedPayload(rejected: RejectedEvent): { ok: true; value: unknown } | { ok: false; why: string } {
  if (rejected.raw_truncated) return { ok: false, why: 'truncated' };
  try {
    return { ok: true, value: JSON.parse(rejected.raw) as unknown };
  } catch {
    return { ok: false, why: 'not JSON' };
  }
}
