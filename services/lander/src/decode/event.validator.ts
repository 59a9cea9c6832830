/**
 * The lander's schema check of an event, about ten times cheaper than parsing it with zod: a JSON Schema
 * validator per event type (Ajv), compiled once from the contracts' own JSON Schema (`eventJsonSchemasByType`),
 * which zod generates from the same schemas. The verdict is the contracts' verdict:
 *
 * - an event the JSON Schema accepts is accepted — unless its type carries cross-field rules that JSON Schema
 *   cannot state (a zod refinement, e.g. "a refusal needs a reason"); those types are parsed with their zod schema;
 * - an event the JSON Schema rejects is parsed with zod, whose issues become the rejection reasons (the same words
 *   as before), and zod has the last word.
 *
 * Ajv counts string lengths the way zod does (code points) and matches patterns without the `u` flag; the
 * equivalence on generated and broken events of every type is tested in event.validator.test.ts.
 */
import { EVENT_SCHEMAS, ServqEvent, eventJsonSchemasByType, type RejectionReason } from '@servq/contracts';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export type EventCheck = { ok: true; event: ServqEvent } | { ok: false; reasons: RejectionReason[] };

interface TypeCheck {
  validate: ValidateFunction;
  /** The type's zod schema when it has rules beyond its JSON Schema (a refinement). */
  refined: (typeof EVENT_SCHEMAS)[number] | undefined;
}

function reasonsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): RejectionReason[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(event)', message: i.message }));
}

function hasRefinements(schema: (typeof EVENT_SCHEMAS)[number]): boolean {
  return (schema._zod.def.checks?.length ?? 0) > 0;
}

export class EventValidator {
  private readonly byType: ReadonlyMap<string, TypeCheck>;

  constructor() {
    // Formats are checked by the `pattern` zod writes beside each of them. Lengths count code points, as zod's do.
    const ajv = new Ajv2020({ strict: true, allErrors: false, unicodeRegExp: false, validateFormats: false });
    const jsonSchemas: Record<string, object> = eventJsonSchemasByType();
    const byType = new Map<string, TypeCheck>();
    for (const schema of EVENT_SCHEMAS) {
      const type = schema.shape.type.value;
      const jsonSchema = { ...jsonSchemas[type] };
      delete (jsonSchema as { $schema?: string }).$schema;
      byType.set(type, { validate: ajv.compile(jsonSchema), refined: hasRefinements(schema) ? schema : undefined });
    }
    this.byType = byType;
  }

  check(value: unknown): EventCheck {
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    const check = typeof type === 'string' ? this.byType.get(type) : undefined;
    if (check?.validate(value)) {
      if (!check.refined) return { ok: true, event: value as ServqEvent };
      const refined = check.refined.safeParse(value);
      return refined.success
        ? { ok: true, event: value as ServqEvent }
        : { ok: false, reasons: reasonsOf(refined.error.issues) };
    }
    const parsed = ServqEvent.safeParse(value);
    return parsed.success
      ? { ok: true, event: value as ServqEvent }
      : { ok: false, reasons: reasonsOf(parsed.error.issues) };
  }
}
