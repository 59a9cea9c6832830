import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EntityId, freeText, FreeText, PersonRef } from './envelope.ts';
import { EVENT_SCHEMAS, EVENT_TYPES, familyOf, type EventType } from './events.ts';
import { code, kindOf, stringFieldsWithoutKind } from './field-kinds.ts';
import { fieldsOfKind, scrubEvent } from './scrub-event.ts';
import { isPseudonym } from './pseudonymise.ts';
import { isContractsError } from './errors.ts';

const secret = 'test-secret-0123456789';

describe('field kinds: scrubbing follows the field, not a list of names', () => {
  it.each(EVENT_TYPES)('every string field of %s declares its kind', (type) => {
    const schema = EVENT_SCHEMAS.find((s) => s.shape.type.value === type)!;
    expect(stringFieldsWithoutKind(schema.shape)).toEqual([]);
  });

  it('regression: a new text field without a kind would reach the lake raw — the check names it', () => {
    const shape = { ...EVENT_SCHEMAS[0].shape, note: z.string().max(100).optional(), tag: z.enum(['a', 'b']) };
    expect(stringFieldsWithoutKind(shape)).toEqual(['note', 'tag']);
    expect(
      stringFieldsWithoutKind({ ...shape, note: freeText(100).optional(), tag: code(z.enum(['a', 'b'])) }),
    ).toEqual([]);
  });

  it('finds the kind under optional()', () => {
    expect(kindOf(FreeText.optional())).toEqual({ kind: 'free_text', maxLength: 2000 });
    expect(kindOf(PersonRef.optional())?.kind).toBe('person_ref');
    expect(kindOf(EntityId)?.kind).toBe('identifier');
    expect(kindOf(z.string())).toBeUndefined();
  });

  it('derives the scrubbed fields from the schemas', () => {
    expect(fieldsOfKind('complaint.forwarded', 'free_text')).toEqual(['forwarded_to']);
    expect(fieldsOfKind('visit.completed', 'free_text').sort()).toEqual(['redirected_to', 'regulation_ref']);
    expect(fieldsOfKind('complaint.received', 'person_ref').sort()).toEqual(['customer_ref', 'staff_ref']);
    expect(fieldsOfKind('visit.checked_in', 'identifier').sort()).toEqual(['event_id', 'source', 'ticket', 'visit_id']);
  });

  it('scrubs every free-text field and pseudonymises every person field of an event by its kind', () => {
    const event = {
      event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
      type: 'complaint.forwarded',
      schema_version: 1,
      occurred_at: '2026-03-02T11:00:00+02:00',
      source: 'dms',
      channel: 'email',
      complaint_id: 'c-1',
      forwarded_to: 'CSDD, ziņot uz anna@example.lv',
      person_notified: true,
    } as const;
    expect(scrubEvent(event, { secret })).toEqual({ ...event, forwarded_to: 'CSDD, ziņot uz [EMAIL]' });
    const received = {
      event_id: event.event_id,
      type: 'complaint.received',
      schema_version: 1,
      occurred_at: event.occurred_at,
      source: 'dms',
      channel: 'email',
      complaint_id: 'c-1',
      form: 'written',
      category: 'waiting',
      language: 'lv',
      customer_ref: '010190-10007',
      summary: 'Zvaniet 29123456',
    } as const;
    const scrubbed = scrubEvent(received, { secret });
    expect(scrubbed.summary).toBe('Zvaniet [PHONE]');
    expect(isPseudonym(scrubbed.customer_ref)).toBe(true);
  });
});

describe('familyOf', () => {
  it('knows every type', () => {
    expect(Object.fromEntries(EVENT_TYPES.map((t) => [t, familyOf(t)]))).toMatchObject({
      'visit.called': 'visit',
      'survey.submitted': 'survey',
      'complaint.closed': 'complaint',
      'feedback.received': 'complaint',
    });
  });

  it('regression: an unknown prefix went silently to the complaint family — it throws now', () => {
    for (const type of ['appointment.booked', 'visit.teleported', '']) {
      let thrown: unknown;
      try {
        familyOf(type as EventType);
      } catch (error) {
        thrown = error;
      }
      expect(isContractsError(thrown) && thrown.code).toBe('CONTRACTS_UNKNOWN_EVENT_TYPE');
    }
  });
});
