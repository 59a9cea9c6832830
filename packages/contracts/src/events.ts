/** The union of every event, discriminated on `type`, and the lookup from a type name to its schema. */
import { z } from 'zod';
import { COMPLAINT_EVENT_SCHEMAS } from './complaint.events.ts';
import { ContractsError, ContractsErrorCode } from './errors.ts';
import { SURVEY_EVENT_SCHEMAS } from './survey.events.ts';
import { VISIT_EVENT_SCHEMAS } from './visit.events.ts';

export const EVENT_SCHEMAS = [...VISIT_EVENT_SCHEMAS, ...SURVEY_EVENT_SCHEMAS, ...COMPLAINT_EVENT_SCHEMAS] as const;

export const EVENT_TYPES = EVENT_SCHEMAS.map((s) => s.shape.type.value);
export type EventType = (typeof EVENT_SCHEMAS)[number]['shape']['type']['value'];

export const ServqEvent = z.discriminatedUnion('type', EVENT_SCHEMAS, {
  error: (issue) =>
    typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
      ? `expected type to be one of ${EVENT_TYPES.join(', ')}`
      : 'expected a JSON object',
});
export type ServqEvent = z.infer<typeof ServqEvent>;

export type EventOfType<T extends EventType> = Extract<ServqEvent, { type: T }>;

export type EventFamily = 'visit' | 'survey' | 'complaint';

const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && KNOWN_TYPES.has(type);
}

/**
 * The family of every type, spelt out: a new type does not compile until it is given a family, and an unknown
 * prefix is never sent silently to the complaint family. `feedback.*` travels with complaints (same topic and
 * table).
 */
const FAMILY_OF_TYPE = {
  'visit.booked': 'visit',
  'visit.checked_in': 'visit',
  'visit.called': 'visit',
  'visit.completed': 'visit',
  'visit.no_show': 'visit',
  'visit.cancelled': 'visit',
  'survey.submitted': 'survey',
  'complaint.received': 'complaint',
  'complaint.acknowledged': 'complaint',
  'complaint.forwarded': 'complaint',
  'complaint.extended': 'complaint',
  'complaint.responded': 'complaint',
  'complaint.closed': 'complaint',
  'complaint.reopened': 'complaint',
  'feedback.received': 'complaint',
} as const satisfies Record<EventType, EventFamily>;

/** The family of a type; throws `CONTRACTS_UNKNOWN_EVENT_TYPE` for a type no schema defines. */
export function familyOf(type: EventType): EventFamily {
  if (!isEventType(type)) {
    throw new ContractsError(ContractsErrorCode.UnknownEventType, 'no family for an event type no schema defines', {
      details: { field: 'type', expected: `one of ${EVENT_TYPES.join(', ')}` },
    });
  }
  return FAMILY_OF_TYPE[type];
}

export function schemaFor(type: EventType): (typeof EVENT_SCHEMAS)[number] {
  const schema = EVENT_SCHEMAS.find((s) => s.shape.type.value === type);
  if (!schema) {
    throw new ContractsError(ContractsErrorCode.UnknownEventType, `no schema for event type "${String(type)}"`);
  }
  return schema;
}
