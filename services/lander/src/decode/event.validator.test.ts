import { ServqEvent } from '@servq/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The contracts' generators of valid events; not in the package's exports yet (asked for `@servq/contracts/testing`).
import { anyEventArb } from '../../../../packages/contracts/src/events.arbitraries.ts';
import { EventValidator } from './event.validator.ts';

const validator = new EventValidator();

/** What zod says, in the validator's terms. */
function zodVerdict(value: unknown) {
  const parsed = ServqEvent.safeParse(value);
  return parsed.success
    ? { ok: true }
    : {
        ok: false,
        reasons: parsed.error.issues.map((i) => ({
          path: i.path.map(String).join('.') || '(event)',
          message: i.message,
        })),
      };
}

const verdict = (value: unknown) => {
  const result = validator.check(value);
  return result.ok ? { ok: true } : result;
};

/** Ways to break an event: each keeps it a JSON object, so only the schema can tell. */
const mutations: ((event: Record<string, unknown>, key: string) => Record<string, unknown>)[] = [
  (e, k) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== k)),
  (e) => ({ ...e, unknown_field: 1 }),
  (e, k) => ({ ...e, [k]: 12.5 }),
  (e, k) => ({ ...e, [k]: -1 }),
  (e, k) => ({ ...e, [k]: 11 }),
  (e, k) => ({ ...e, [k]: '' }),
  (e, k) => ({ ...e, [k]: 'x'.repeat(2001) }),
  (e, k) => ({ ...e, [k]: '😀'.repeat(1001) }),
  (e, k) => ({ ...e, [k]: '😀'.repeat(2001) }),
  (e, k) => ({ ...e, [k]: 'ā'.repeat(201) }),
  (e, k) => ({ ...e, [k]: null }),
  (e, k) => ({ ...e, [k]: true }),
  (e, k) => ({ ...e, [k]: '2026-02-30T10:00:00Z' }),
  (e, k) => ({ ...e, [k]: '2026-03-01T10:00:00' }),
  (e, k) => ({ ...e, [k]: '2026-03-01' }),
  (e, k) => ({ ...e, [k]: '6f1c2b9e-2f7a-4c1e-9a55-0d6f5b1c2a1' }),
  (e, k) => ({ ...e, [k]: 'Cēsis' }),
  (e) => ({ ...e, type: 'visit.teleported' }),
  (e) => ({ ...e, schema_version: 2 }),
  (e) => ({ ...e, outcome: 'refused' }),
  (e) => ({ ...e, outcome: 'served', refusal_reason: 'documents-missing' }),
  (e) => ({ ...e, redirected_to: 'Rīga' }),
];

describe('EventValidator', () => {
  it('accepts every generated valid event of every type, as zod does', () => {
    for (const event of fc.sample(anyEventArb, { numRuns: 2000, seed: 20261124 })) {
      expect(verdict(event)).toEqual({ ok: true });
    }
  });

  it('gives zod’s verdict and zod’s reasons for broken events', () => {
    const events = fc.sample(anyEventArb, { numRuns: 300, seed: 5 }) as unknown as Record<string, unknown>[];
    let rejected = 0;
    for (const [i, event] of events.entries()) {
      const keys = Object.keys(event);
      for (const [m, mutate] of mutations.entries()) {
        const broken = mutate(event, keys[(i + m) % keys.length] ?? 'type');
        const expected = zodVerdict(broken);
        expect({ m, verdict: verdict(broken) }).toEqual({ m, verdict: expected });
        if (!expected.ok) rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(events.length * 10);
  });

  it('rejects what is not an event object with zod’s words', () => {
    for (const value of [null, [], 'text', 42, {}, { type: 7 }]) expect(verdict(value)).toEqual(zodVerdict(value));
  });
});
