/**
 * An event made safe for Kafka: free text scrubbed, person identifiers pseudonymised. The result is an event of
 * the same type that still satisfies its schema (a text that grows past its limit through placeholders is cut).
 */
import { MAX_FREE_TEXT_LENGTH } from './envelope.ts';
import type { ServqEvent } from './events.ts';
import { pseudonymise } from './pseudonymise.ts';
import { scrubText } from './scrub.ts';

/** Free-text fields and their length limits. */
export const FREE_TEXT_FIELDS = {
  comment: MAX_FREE_TEXT_LENGTH,
  summary: MAX_FREE_TEXT_LENGTH,
  text: MAX_FREE_TEXT_LENGTH,
  regulation_ref: 200,
  redirected_to: 200,
  forwarded_to: 200,
} as const;

/** Fields that identify a person. */
export const PERSON_REF_FIELDS = ['customer_ref', 'staff_ref'] as const;

export interface ScrubEventOptions {
  /** The pseudonymisation secret (from configuration). */
  secret: string;
}

export function scrubEvent<E extends ServqEvent>(event: E, options: ScrubEventOptions): E {
  const result: Record<string, unknown> = { ...event };
  for (const [field, max] of Object.entries(FREE_TEXT_FIELDS)) {
    const value = result[field];
    if (typeof value === 'string') result[field] = [...scrubText(value)].slice(0, max).join('');
  }
  for (const field of PERSON_REF_FIELDS) {
    const value = result[field];
    if (typeof value === 'string') result[field] = pseudonymise(value, options.secret);
  }
  return result as E;
}
