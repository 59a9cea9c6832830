/**
 * JSON Schema (draft 2020-12) of the events, generated from the zod schemas, for the OpenAPI document and for
 * clients written in other languages. Cross-field rules (a refusal needs a reason) and the clock checks of
 * `validateEvent` are not expressible here; the HTTP edge remains the authority.
 */
import { z } from 'zod';
import { EVENT_SCHEMAS, ServqEvent, type EventType } from './events.ts';

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** The union of all events: `oneOf` one object schema per type. */
export function eventJsonSchema(): JsonSchema {
  return z.toJSONSchema(ServqEvent, { target: 'draft-2020-12' });
}

/** One schema per event type, keyed by type name. */
export function eventJsonSchemasByType(): Record<EventType, JsonSchema> {
  const entries: [EventType, JsonSchema][] = EVENT_SCHEMAS.map((s) => [
    s.shape.type.value,
    z.toJSONSchema(s, { target: 'draft-2020-12' }),
  ]);
  return Object.fromEntries(entries) as Record<EventType, JsonSchema>;
}
