/**
 * The lake's form of a rejected payload: enough to see what was wrong, nothing a person could be found by. The
 * raw payload stays on the rejected topic only (for replay); the `rejected_events` row holds this instead.
 *
 * - a field the contracts know keeps its name; a value that passes its field's schema is kept when the field's
 *   kind stores values as sent (codes, identifiers, times), scrubbed when it is free text and replaced by
 *   `[PERSON_REF]` when it identifies a person; a value that fails its schema is described, never kept
 *   (`[string: 2400 chars]`, `[number: 8 digits]`), since a wrong value is exactly where personal data rides;
 * - an unknown field's name becomes `[unknown field 1]`, `[unknown field 2]`, … and its value is described;
 * - text that was not JSON is described by its length only;
 * - reasons keep their field paths (unknown names replaced as in the payload) and messages without anything
 *   quoted and without long digit runs, scrubbed.
 */
import type { z } from 'zod';
import { EVENT_SCHEMAS, isEventType } from './events.ts';
import { kindOf } from './field-kinds.ts';
import { MAX_FREE_TEXT_LENGTH } from './envelope.ts';
import type { RawFormat, RejectionReason } from './rejected.ts';
import { scrubFreeText } from './scrub-event.ts';
import { scrubText } from './scrub.ts';

/** Longest redacted payload kept, in characters of JSON. */
export const MAX_REDACTED_LENGTH = 65_536;
/** Fields described one by one; the rest of a huge object is counted. */
const MAX_FIELDS = 200;
const MAX_MESSAGE_LENGTH = 300;
export const PERSON_REF_PLACEHOLDER = '[PERSON_REF]';

type Shape = Readonly<Record<string, z.ZodType>>;

const SHAPES: ReadonlyMap<string, Shape> = new Map(EVENT_SCHEMAS.map((s) => [s.shape.type.value, s.shape as Shape]));

/** Any event's field by name, for payloads whose type is unknown (a field has one kind wherever it appears). */
const ANY_FIELD: Shape = Object.assign({}, ...EVENT_SCHEMAS.map((s) => s.shape as Shape)) as Shape;

/** What a value is, without what it says. */
export function describeValue(value: unknown): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // Small numbers (a score of 9, a slot of 600 minutes) say what was wrong; long digit runs may be a phone.
    return Number.isInteger(value) && Math.abs(value) < 10_000
      ? value
      : `[number: ${String(Math.trunc(Math.abs(value))).length} digits]`;
  }
  if (typeof value === 'string') return `[string: ${[...value].length} chars]`;
  if (Array.isArray(value)) return `[array: ${value.length} items]`;
  if (typeof value === 'object') return `[object: ${Object.keys(value).length} fields]`;
  return `[${typeof value}]`;
}

function redactKnown(value: unknown, schema: z.ZodType): unknown {
  const meta = kindOf(schema);
  if (!schema.safeParse(value).success) return describeValue(value);
  if (typeof value !== 'string' || meta === undefined) return value;
  if (meta.kind === 'free_text') return scrubFreeText(value, meta.maxLength ?? MAX_FREE_TEXT_LENGTH);
  if (meta.kind === 'person_ref') return PERSON_REF_PLACEHOLDER;
  return value;
}

export interface RedactedPayload {
  /** The redacted payload as JSON text, at most MAX_REDACTED_LENGTH characters. */
  raw: string;
  /** Unknown field names → their placeholders, for redacting the reasons. */
  unknownKeys: ReadonlyMap<string, string>;
}

function redactObject(payload: Record<string, unknown>): {
  value: Record<string, unknown>;
  unknown: Map<string, string>;
} {
  const type = payload.type;
  const shape = isEventType(type) ? SHAPES.get(type) : undefined;
  const unknown = new Map<string, string>();
  const out: Record<string, unknown> = {};
  const entries = Object.entries(payload);
  for (const [key, value] of entries.slice(0, MAX_FIELDS)) {
    const schema = shape?.[key] ?? (Object.hasOwn(ANY_FIELD, key) ? ANY_FIELD[key] : undefined);
    if (schema !== undefined) {
      out[key] = redactKnown(value, schema);
      continue;
    }
    const placeholder = `[unknown field ${unknown.size + 1}]`;
    unknown.set(key, placeholder);
    out[placeholder] = describeValue(value);
  }
  if (entries.length > MAX_FIELDS) out['[more fields]'] = entries.length - MAX_FIELDS;
  return { value: out, unknown };
}

/** The lake's form of a rejected payload (see the module comment). */
export function redactRejectedPayload(raw: string, format: RawFormat, truncated = false): RedactedPayload {
  let parsed: unknown;
  try {
    parsed = truncated ? undefined : JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) {
    const what = format === 'text' ? 'unparsed text' : truncated ? 'truncated payload' : 'invalid JSON';
    return { raw: JSON.stringify(`[${what}: ${[...raw].length} chars]`), unknownKeys: new Map() };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { raw: JSON.stringify(describeValue(parsed)), unknownKeys: new Map() };
  }
  const { value, unknown } = redactObject(parsed as Record<string, unknown>);
  const text = JSON.stringify(value);
  return {
    raw: text.length <= MAX_REDACTED_LENGTH ? text : JSON.stringify(`[redacted payload: ${text.length} chars]`),
    unknownKeys: unknown,
  };
}

const KEPT_SEGMENTS = new Set(['', '(event)', '(message)']);

function redactPath(path: string, unknownKeys: ReadonlyMap<string, string>): string {
  const whole = unknownKeys.get(path);
  if (whole !== undefined) return whole;
  return (
    path
      .split('.')
      .map((segment) => {
        if (KEPT_SEGMENTS.has(segment) || Object.hasOwn(ANY_FIELD, segment) || /^\d{1,4}$/.test(segment))
          return segment;
        return unknownKeys.get(segment) ?? '[unknown field]';
      })
      .join('.')
      // A name with dots in it (an e-mail address) is one unknown field, not several.
      .replace(/\[unknown field\](?:\.\[unknown field\])+/g, '[unknown field]')
  );
}

/**
 * A reason's message without what the sender wrote: quoted parts (where parsers and our own messages put input)
 * become `"…"`, runs of six or more digits `[digits]`, and what is left is scrubbed.
 */
export function redactReasonMessage(message: string): string {
  const unquoted = message
    .replace(/"(?:[^"\\]|\\.)*"?/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'?/g, "'…'")
    .replace(/`[^`]*`?/g, '`…`')
    .replace(/\d{6,}/g, '[digits]');
  return [...scrubText(unquoted)].slice(0, MAX_MESSAGE_LENGTH).join('');
}

export function redactReasons(
  reasons: readonly RejectionReason[],
  unknownKeys: ReadonlyMap<string, string>,
): RejectionReason[] {
  return reasons.map((r) => ({ path: redactPath(r.path, unknownKeys), message: redactReasonMessage(r.message) }));
}
