import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyEventArb } from './events.arbitraries.ts';
import { isContractsError } from './errors.ts';
import { ServqEvent } from './events.ts';
import { isPseudonym, pseudonymise } from './pseudonymise.ts';
import { scrubEvent } from './scrub-event.ts';

const secret = 'test-secret-0123456789';

describe('pseudonymise', () => {
  it('gives a stable ps_ pseudonym per identifier and secret', () => {
    const a = pseudonymise('010101-10006', secret);
    expect(a).toMatch(/^ps_[0-9a-f]{32}$/);
    expect(pseudonymise('010101-10006', secret)).toBe(a);
    expect(pseudonymise('010101-10006', 'another-secret-0123456')).not.toBe(a);
  });

  it('treats the spellings of one identifier as one person', () => {
    expect(pseudonymise(' 01010110006 ', secret)).toBe(pseudonymise('010101-10006', secret));
    expect(pseudonymise('Anna.K@Inbox.LV', secret)).toBe(pseudonymise('anna.k@inbox.lv', secret));
  });

  it('is idempotent, so a replay cannot break joins', () => {
    const once = pseudonymise('staff-017', secret);
    expect(isPseudonym(once)).toBe(true);
    expect(pseudonymise(once, secret)).toBe(once);
  });

  it('refuses a short secret with a typed error', () => {
    let caught: unknown;
    try {
      pseudonymise('x', 'short');
    } catch (error) {
      caught = error;
    }
    expect(isContractsError(caught) && caught.code).toBe('CONTRACTS_SECRET_TOO_SHORT');
  });
});

describe('scrubEvent', () => {
  it('scrubs free text and pseudonymises people, leaving everything else alone', () => {
    const event = ServqEvent.parse({
      event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
      type: 'complaint.received',
      schema_version: 1,
      occurred_at: '2026-03-02T11:00:00+02:00',
      source: 'crm',
      channel: 'email',
      complaint_id: 'C-1',
      form: 'written',
      category: 'staff_conduct',
      language: 'lv',
      customer_ref: '010101-10006',
      staff_ref: 'staff-017',
      summary: 'Darbiniece bija nelaipna. Mans tālr. 26123456, e-pasts anna@inbox.lv.',
    });
    const scrubbed = scrubEvent(event, { secret });
    expect(scrubbed).toEqual({
      ...event,
      customer_ref: pseudonymise('010101-10006', secret),
      staff_ref: pseudonymise('staff-017', secret),
      summary: 'Darbiniece bija nelaipna. Mans tālr. [PHONE], e-pasts [EMAIL].',
    });
  });

  it('returns a valid event of the same type for any valid event, and is idempotent', () => {
    fc.assert(
      fc.property(anyEventArb, (event) => {
        const scrubbed = scrubEvent(event, { secret });
        expect(ServqEvent.parse(scrubbed)).toEqual(scrubbed);
        expect(scrubbed.type).toBe(event.type);
        expect(scrubEvent(scrubbed, { secret })).toEqual(scrubbed);
        for (const field of ['customer_ref', 'staff_ref'] as const) {
          const value = (scrubbed as Partial<Record<string, unknown>>)[field];
          if (typeof value === 'string') expect(isPseudonym(value)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a text within its limit when placeholders make it longer', () => {
    const comment = 'a@b.lv '.repeat(285);
    const event = ServqEvent.parse({
      event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
      type: 'survey.submitted',
      schema_version: 1,
      occurred_at: '2026-03-02T11:00:00+02:00',
      source: 'kiosk',
      channel: 'in_person',
      survey_id: 'S-1',
      satisfaction: 5,
      comment,
    });
    const scrubbed = scrubEvent(event, { secret });
    expect(scrubbed.type === 'survey.submitted' && scrubbed.comment?.length).toBe(2000);
  });
});
