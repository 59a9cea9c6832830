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

/** The family of a type: `feedback.*` belongs to the complaint family (same topic, same table). */
export function familyOf(type: EventType): EventFamily {
  if (type.startsWith('visit.')) return 'visit';
  if (type.startsWith('survey.')) return 'survey';
  return 'complaint';
}

export function schemaFor(type: EventType): (typeof EVENT_SCHEMAS)[number] {
  const schema = EVENT_SCHEMAS.find((s) => s.shape.type.value === type);
  if (!schema) {
    throw new ContractsError(ContractsErrorCode.UnknownEventType, `no schema for event type "${String(type)}"`);
  }
  return schema;
}
