/**
 * The kind of every string field is part of its schema, not of a list kept elsewhere: what happens to a value
 * before it is stored follows from the kind its field was declared with.
 *
 *   free_text   prose from a person (comments, summaries, where a customer was sent): scrubbed of personal data
 *   person_ref  a customer or staff identifier: pseudonymised
 *   code        a value from a closed list (reference data, the event type): stored as sent
 *   identifier  a value of a documented, tight shape (ids, ticket, desk, source): stored as sent, so the shape
 *               must leave no room for personal data
 *   time        a date or date-time: stored as sent (converted to UTC in the lake)
 *
 * The kinds live in a registry of their own (not zod's global metadata), so the JSON Schema that clients and the
 * lander compile stays plain. A test fails when any string field of any event has no kind.
 */
import { z } from 'zod';

export const FIELD_KINDS = ['free_text', 'person_ref', 'code', 'identifier', 'time'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldKindMeta {
  kind: FieldKind;
  /** For free text: the longest value kept; scrubbing never makes a text longer than this. */
  maxLength?: number;
}

export const fieldKinds = z.registry<FieldKindMeta>();

/** Declares the kind of a field's schema and returns the schema. */
export function withKind<S extends z.ZodType>(schema: S, meta: FieldKindMeta): S {
  fieldKinds.add(schema, meta);
  return schema;
}

/** A value from a closed list (an enum of reference data, a literal). */
export function code<S extends z.ZodType>(schema: S): S {
  return withKind(schema, { kind: 'code' });
}

/** A value of a documented shape, stored exactly as sent. */
export function identifier<S extends z.ZodType>(schema: S): S {
  return withKind(schema, { kind: 'identifier' });
}

/** A date or a date-time. */
export function time<S extends z.ZodType>(schema: S): S {
  return withKind(schema, { kind: 'time' });
}

/** The schema under `.optional()`, `.nullable()` or `.default()`. */
export function unwrapField(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The kind a field was declared with, or undefined. */
export function kindOf(schema: z.ZodType): FieldKindMeta | undefined {
  return fieldKinds.get(unwrapField(schema));
}

/** Whether a field can hold a string: a string (of any format), an enum, a template literal, a string literal. */
export function acceptsStrings(schema: z.ZodType): boolean {
  const def = unwrapField(schema)._zod.def as { type: string; values?: unknown[]; entries?: object };
  if (def.type === 'string' || def.type === 'template_literal') return true;
  if (def.type === 'enum') return Object.values(def.entries ?? {}).some((v) => typeof v === 'string');
  if (def.type === 'literal') return (def.values ?? []).some((v) => typeof v === 'string');
  return false;
}

/** The fields of an object schema that can hold a string but were declared without a kind. */
export function stringFieldsWithoutKind(shape: Readonly<Record<string, z.ZodType>>): string[] {
  return Object.entries(shape)
    .filter(([, schema]) => acceptsStrings(schema) && kindOf(schema) === undefined)
    .map(([name]) => name);
}
