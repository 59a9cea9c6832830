import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyEventArb, eventArbs } from './events.arbitraries.ts';
import { EVENT_TYPES, ServqEvent } from './events.ts';
import { SERVICE_IDS } from './reference/services.ts';
import { validateEvent, type ValidateOptions } from './validate.ts';

const ID_SHAPE =
  'expected an id: up to 64 letters, digits, ".", "_", ":" or "-", with no run of 9 or more digits and no DDMMYY-NNNNN';

/** Far enough ahead that every generated event is in the past and inside the horizon. */
const lenient: ValidateOptions = { now: new Date('2028-01-01T00:00:00Z'), maxSkewMs: 60_000, horizonDays: 3650 };
const now = new Date('2026-03-02T10:00:00Z');
const strict: ValidateOptions = { now, maxSkewMs: 60_000, horizonDays: 30 };

const survey = {
  event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
  type: 'survey.submitted',
  schema_version: 1,
  occurred_at: '2026-03-02T11:00:00+02:00',
  source: 'survey-kiosk',
  channel: 'in_person',
  office_id: 'riga-valnu-30',
  survey_id: 'S-2026-0001',
  satisfaction: 4,
};

const completed = {
  ...survey,
  type: 'visit.completed',
  survey_id: undefined,
  satisfaction: undefined,
  visit_id: 'V-1',
  outcome: 'refused',
  service_language: 'ru',
  refusal_reason: 'documents_incomplete',
};

function issuesOf(raw: unknown, options: ValidateOptions = strict) {
  const result = validateEvent(JSON.parse(JSON.stringify(raw)) as unknown, options);
  return result.ok ? [] : result.issues;
}

describe('validateEvent: properties', () => {
  it('accepts every generated valid event, and a JSON round trip gives the same event back', () => {
    fc.assert(
      fc.property(anyEventArb, (event) => {
        const result = validateEvent(JSON.parse(JSON.stringify(event)) as unknown, lenient);
        expect(result).toEqual({ ok: true, event });
      }),
      { numRuns: 500 },
    );
  });

  it('covers every event type with an arbitrary', () => {
    expect(Object.keys(eventArbs).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('rejects an unknown field, naming it', () => {
    fc.assert(
      fc.property(anyEventArb, fc.stringMatching(/^x_[a-z]{1,8}$/), (event, field) => {
        expect(issuesOf({ ...event, [field]: 1 }, lenient)).toContainEqual({
          path: field,
          message: `unknown field "${field}"`,
        });
      }),
    );
  });

  it('rejects a field replaced by a value of the wrong kind, naming the field with a readable message', () => {
    fc.assert(
      fc.property(
        anyEventArb.chain((event) => fc.tuple(fc.constant(event), fc.constantFrom(...Object.keys(event)))),
        // No field takes an object, an array, a fraction or a text longer than the free-text limit.
        fc.constantFrom<unknown>({}, [], 'x'.repeat(3000), -1.5),
        ([event, field], bad) => {
          const issues = issuesOf({ ...event, [field]: bad }, lenient);
          const issue = issues.find((i) => i.path === field);
          expect(issue, `${field} = ${JSON.stringify(bad).slice(0, 20)}`).toBeDefined();
          expect(issue?.message).toMatch(/^(expected|required)/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('rejects a missing required field with "required"', () => {
    fc.assert(
      fc.property(
        anyEventArb,
        fc.constantFrom('event_id', 'occurred_at', 'source', 'channel', 'schema_version'),
        (event, field) => {
          const rest: Record<string, unknown> = { ...event };
          delete rest[field];
          expect(issuesOf(rest, lenient)).toContainEqual({ path: field, message: 'required' });
        },
      ),
    );
  });
});

describe('validateEvent: examples', () => {
  it('accepts a minimal survey: unanswered questions are simply absent', () => {
    expect(validateEvent(survey, strict)).toEqual({ ok: true, event: survey });
  });

  it.each([
    ['satisfaction', 0, 'expected an integer from 1 to 5'],
    ['satisfaction', 4.5, 'expected an integer from 1 to 5'],
    ['satisfaction', '4', 'expected an integer from 1 to 5'],
    ['recommend', 11, 'expected an integer from 0 to 10'],
    ['event_id', 'not-a-uuid', 'expected a UUID'],
    [
      'occurred_at',
      '2026-03-02 11:00',
      'expected an ISO-8601 date-time with a UTC offset, e.g. 2026-03-02T09:15:00+02:00',
    ],
    [
      'occurred_at',
      '2026-03-02T11:00:00',
      'expected an ISO-8601 date-time with a UTC offset, e.g. 2026-03-02T09:15:00+02:00',
    ],
    ['schema_version', 2, 'expected schema_version 1'],
    ['office_id', 'valmiera', 'expected one of riga-valnu-30, cesis, daugavpils, liepaja'],
    ['service_language', 'de', 'expected one of lv, ru, en, other'],
    ['comment', '', 'expected non-empty text'],
    ['survey_id', 'has spaces', ID_SHAPE],
  ])('rejects %s = %j: "%s"', (field, value, message) => {
    expect(issuesOf({ ...survey, [field]: value })).toEqual([{ path: field, message }]);
  });

  const TICKET_SHAPE = 'expected a queue ticket: up to 3 capital letters, then 1 to 4 digits, e.g. A042';
  const DESK_SHAPE = 'expected a desk number: up to 3 capital letters, then 1 to 3 digits, e.g. D3';
  const SOURCE_SHAPE =
    'expected a system name: up to 64 lowercase letters, digits, ".", "_" or "-", without a run of 9 or more digits';
  const checkedIn = {
    ...survey,
    type: 'visit.checked_in',
    visit_id: 'V-20260302-0042',
    service_id: SERVICE_IDS[0],
    arrival: 'walk_in',
    ticket: 'A042',
    special_needs: false,
  } as Record<string, unknown>;
  delete checkedIn.survey_id;
  delete checkedIn.satisfaction;

  it('accepts identifiers of their documented shapes (ids with compact dates, tickets, desks)', () => {
    expect(validateEvent(checkedIn, strict).ok).toBe(true);
    for (const ticket of ['A042', '7', 'KA-7', 'B1234']) {
      expect(issuesOf({ ...checkedIn, ticket })).toEqual([]);
    }
    for (const id of ['v1', 'demo-riga-valnu-30-2026-03-02-12', '1a2b3c4d-s1', '12345678-9', 'V-20260302-0001']) {
      expect(issuesOf({ ...checkedIn, visit_id: id })).toEqual([]);
    }
  });

  it.each([
    ['ticket', '29123456', TICKET_SHAPE],
    ['ticket', 'Jānis', TICKET_SHAPE],
    ['ticket', '010190-10007', TICKET_SHAPE],
    ['visit_id', '010190-10007', ID_SHAPE],
    ['visit_id', 'v-32012345678', ID_SHAPE],
    ['visit_id', '37129123456', ID_SHAPE],
    ['visit_id', 'janis.berzins@example.lv', ID_SHAPE],
    ['visit_id', 'Jānis Bērziņš', ID_SHAPE],
    ['source', 'kiosk-010190-10007', SOURCE_SHAPE],
    ['source', '37129123456', SOURCE_SHAPE],
  ])('regression: personal data rides in an identifier field — rejects %s = %j', (field, value, message) => {
    expect(issuesOf({ ...checkedIn, [field]: value })).toEqual([{ path: field, message }]);
  });

  it('regression: personal data rides in the desk field — a desk takes only its documented shape', () => {
    const called = {
      ...checkedIn,
      type: 'visit.called',
      desk: 'D3',
      staff_ref: 'staff-7',
    } as Record<string, unknown>;
    for (const field of ['service_id', 'arrival', 'ticket', 'special_needs']) delete called[field];
    expect(issuesOf(called)).toEqual([]);
    for (const desk of ['26123456', 'Jānis B.', 'desk of anna@example.lv']) {
      expect(issuesOf({ ...called, desk })).toEqual([{ path: 'desk', message: DESK_SHAPE }]);
    }
  });

  it('reports every problem at once', () => {
    const issues = issuesOf({ ...survey, satisfaction: 9, channel: 'fax', extra: true });
    expect(issues.map((i) => i.path).sort()).toEqual(['channel', 'extra', 'satisfaction']);
  });

  it('names the accepted types when the type is unknown', () => {
    const [issue] = issuesOf({ ...survey, type: 'survey.deleted' });
    expect(issue?.path).toBe('type');
    expect(issue?.message).toContain('visit.completed');
  });

  it('says a non-object is not an event', () => {
    expect(issuesOf([1, 2])).toEqual([{ path: '(event)', message: 'expected a JSON object' }]);
    expect(validateEvent('{}', strict)).toEqual({
      ok: false,
      issues: [{ path: '(event)', message: 'expected a JSON object' }],
    });
  });

  it('requires an office for visit events', () => {
    expect(issuesOf({ ...completed, office_id: undefined })).toEqual([{ path: 'office_id', message: 'required' }]);
  });

  it('requires a reason for a refusal and allows a regulation reference only on refusals', () => {
    expect(issuesOf({ ...completed, refusal_reason: undefined })).toEqual([
      { path: 'refusal_reason', message: 'required when the outcome is refused' },
    ]);
    expect(issuesOf({ ...completed, outcome: 'served', refusal_reason: undefined, regulation_ref: 'MK 1' })).toEqual([
      { path: 'regulation_ref', message: 'allowed only when the outcome is refused' },
    ]);
  });
});

describe('validateEvent: the clock', () => {
  it('accepts an event within the clock skew and rejects one beyond it', () => {
    expect(issuesOf({ ...survey, occurred_at: '2026-03-02T10:00:59Z' })).toEqual([]);
    expect(issuesOf({ ...survey, occurred_at: '2026-03-02T10:01:01Z' })).toEqual([
      { path: 'occurred_at', message: 'is in the future by more than the allowed clock skew of 60 s' },
    ]);
  });

  it('rejects an event older than the horizon unless it is marked as a backfill', () => {
    const old = { ...survey, occurred_at: '2026-01-15T09:00:00+02:00' };
    expect(issuesOf(old)).toEqual([
      { path: 'occurred_at', message: 'is older than 30 days; send it with "backfill": true if that is intended' },
    ]);
    expect(issuesOf({ ...old, backfill: true })).toEqual([]);
  });

  it('compares instants, not wall clocks: +03:00 and Z describe the same moment', () => {
    expect(issuesOf({ ...survey, occurred_at: '2026-03-02T13:00:30+03:00' })).toEqual([]);
  });
});

describe('ServqEvent', () => {
  it('infers a type per variant from the discriminator', () => {
    const parsed = ServqEvent.parse(survey);
    if (parsed.type === 'survey.submitted') expect(parsed.satisfaction).toBe(4);
  });
});
