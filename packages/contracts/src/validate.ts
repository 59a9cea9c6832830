/**
 * Validation at the edge: the schema, then the clock. Never throws; returns every problem at once, each with the
 * path of the field (`satisfaction`, `refusal_reason`) and a message a client developer can act on.
 */
import type { z } from 'zod';
import { ServqEvent } from './events.ts';

export interface ValidationIssue {
  /** Dotted path of the field; `(event)` for the event as a whole. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; event: ServqEvent } | { ok: false; issues: ValidationIssue[] };

export interface ValidateOptions {
  now: Date;
  /** How far in the future `occurred_at` may be, for senders whose clocks run fast. */
  maxSkewMs: number;
  /** How old `occurred_at` may be, in days, unless the event is marked `backfill: true`. */
  horizonDays: number;
}

const ROOT = '(event)';
const DAY_MS = 86_400_000;

function pathOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? ROOT : path.map(String).join('.');
}

/** Messages for the cases zod words for its own developers rather than for ours. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'required';
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map(String).join(', ')}`;
  return undefined;
};

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: `unknown field "${key}"` }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}

function clockIssues(event: ServqEvent, options: ValidateOptions): ValidationIssue[] {
  const occurred = Date.parse(event.occurred_at);
  const now = options.now.getTime();
  if (occurred > now + options.maxSkewMs) {
    return [
      {
        path: 'occurred_at',
        message: `is in the future by more than the allowed clock skew of ${Math.round(options.maxSkewMs / 1000)} s`,
      },
    ];
  }
  if (!event.backfill && occurred < now - options.horizonDays * DAY_MS) {
    return [
      {
        path: 'occurred_at',
        message: `is older than ${options.horizonDays} days; send it with "backfill": true if that is intended`,
      },
    ];
  }
  return [];
}

export function validateEvent(raw: unknown, options: ValidateOptions): ValidationResult {
  const parsed = ServqEvent.safeParse(raw, { error: errorMap });
  if (!parsed.success) return { ok: false, issues: toValidationIssues(parsed.error) };
  const issues = clockIssues(parsed.data, options);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, event: parsed.data };
}
