/**
 * An event made safe for Kafka: every field is treated by the kind its schema declares (`field-kinds.ts`) — free
 * text scrubbed, person identifiers pseudonymised, codes, identifiers and times kept as sent (their shapes leave
 * no room for personal data). The result is an event of the same type that still satisfies its schema (a text
 * that grows past its limit through placeholders is cut).
 */
import type { z } from 'zod';
import { EVENT_SCHEMAS, type ServqEvent } from './events.ts';
import { kindOf, type FieldKind, type FieldKindMeta } from './field-kinds.ts';
import { pseudonymise } from './pseudonymise.ts';
import { scrubText } from './scrub.ts';

export interface ScrubEventOptions {
  /** The pseudonymisation secret (from configuration). */
  secret: string;
}

/** Each event type's fields with their declared kinds (fields without a kind are not strings). */
const KINDS_BY_TYPE: ReadonlyMap<string, ReadonlyMap<string, FieldKindMeta>> = new Map(
  EVENT_SCHEMAS.map((schema) => [
    schema.shape.type.value,
    new Map(
      Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([field, fieldSchema]) => {
        const meta = kindOf(fieldSchema);
        return meta ? [[field, meta] as const] : [];
      }),
    ),
  ]),
);

/** The fields of an event type declared with a kind, e.g. every free-text field of `survey.submitted`. */
export function fieldsOfKind(type: ServqEvent['type'], kind: FieldKind): string[] {
  return [...(KINDS_BY_TYPE.get(type) ?? new Map<string, FieldKindMeta>())]
    .filter(([, meta]) => meta.kind === kind)
    .map(([field]) => field);
}

/** Free text scrubbed and cut to its field's limit (counted in code points, as the schema counts). */
export function scrubFreeText(value: string, maxLength: number | undefined): string {
  const scrubbed = scrubText(value);
  // A string has at least as many UTF-16 units as code points: one within the limit in units needs no cut.
  if (maxLength === undefined || scrubbed.length <= maxLength) return scrubbed;
  return [...scrubbed].slice(0, maxLength).join('');
}

export function scrubEvent<E extends ServqEvent>(event: E, options: ScrubEventOptions): E {
  const result: Record<string, unknown> = { ...event };
  for (const [field, meta] of KINDS_BY_TYPE.get(event.type) ?? []) {
    const value = result[field];
    if (typeof value !== 'string') continue;
    if (meta.kind === 'free_text') result[field] = scrubFreeText(value, meta.maxLength);
    else if (meta.kind === 'person_ref') result[field] = pseudonymise(value, options.secret);
  }
  return result as E;
}
