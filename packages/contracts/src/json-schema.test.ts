import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyEventArb } from './events.arbitraries.ts';
import { EVENT_TYPES } from './events.ts';
import { eventJsonSchema, eventJsonSchemasByType } from './json-schema.ts';

const ajv = new Ajv2020({ strict: false, validateFormats: false });
const validate = ajv.compile(eventJsonSchema());

describe('JSON Schema export', () => {
  it('is a draft 2020-12 oneOf with one closed object per event type', () => {
    const schema = eventJsonSchema() as { $schema?: string; oneOf?: { additionalProperties?: unknown }[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.oneOf).toHaveLength(EVENT_TYPES.length);
    for (const variant of schema.oneOf ?? []) expect(variant.additionalProperties).toBe(false);
    expect(Object.keys(eventJsonSchemasByType()).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('accepts every generated valid event in a standard validator', () => {
    fc.assert(
      fc.property(anyEventArb, (event) => {
        expect(validate(JSON.parse(JSON.stringify(event))), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an unknown field and an out-of-range score', () => {
    fc.assert(
      fc.property(anyEventArb, (event) => {
        expect(validate({ ...event, unknown_field: 1 })).toBe(false);
      }),
    );
    const survey = {
      event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
      type: 'survey.submitted',
      schema_version: 1,
      occurred_at: '2026-03-02T11:00:00+02:00',
      source: 'kiosk',
      channel: 'in_person',
      survey_id: 'S-1',
      satisfaction: 5,
    };
    expect(validate(survey)).toBe(true);
    expect(validate({ ...survey, satisfaction: 6 })).toBe(false);
  });
});
