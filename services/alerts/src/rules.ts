/**
 * Rules and subscriptions as data: the schema of a rules file (services/alerts/rules/*.rules.json) and its
 * loading. A file is checked whole before the service starts, and every problem is reported at once, each naming
 * where it is (`rules[2].metric`) and what was expected — the operator fixes a file in one pass. Metric ids are
 * checked against the catalogue of @servq/metrics, so a typo is an error at start-up, not a rule that never fires.
 */
import { readFile } from 'node:fs/promises';
import { OfficeId } from '@servq/contracts';
import { buildCatalogue } from '@servq/metrics';
import { z } from 'zod';
import { AlertsError, AlertsErrorCode } from './errors.ts';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'expected an id of lowercase letters, digits and "-"');
const Severity = z.enum(['warning', 'critical'], { message: 'expected warning or critical' });
const Offices = z.array(OfficeId).min(1, 'expected at least one office id').optional();

const common = {
  id: Id,
  severity: Severity.default('warning'),
  /** Offices to evaluate separately; absent: the whole agency. */
  offices: Offices,
  /** Days evaluated, ending at the newest day with data. */
  window_days: z.int().min(1).max(366).optional(),
  description: z.string().max(300).optional(),
};

export const OutsideTargetRule = z.strictObject({
  ...common,
  kind: z.literal('outside_target'),
  metric: z.string(),
});

export const ChangeRule = z.strictObject({
  ...common,
  kind: z.literal('change'),
  metric: z.string(),
  against: z.enum(['previous_period', 'year_earlier'], { message: 'expected previous_period or year_earlier' }),
});

export const EqualServiceGapRule = z.strictObject({
  ...common,
  kind: z.literal('equal_service_gap'),
  metric: z.string(),
  /**
   * `service_channel`, not `channel`: a visit's `channel` is how it was booked, so a gap "by channel" would compare
   * appointments with walk-ins rather than the channels the standard promises equal service in.
   */
  by: z.enum(['language', 'service_channel'], {
    message: 'expected language or service_channel (the channel a rated service was given through)',
  }),
});

export const DeadlineRule = z.strictObject({
  ...common,
  kind: z.literal('deadline'),
  /** Fires for complaints due within this many working days (0: only overdue ones). */
  within_working_days: z.int().min(0).max(30),
});

export const Rule = z.discriminatedUnion('kind', [OutsideTargetRule, ChangeRule, EqualServiceGapRule, DeadlineRule], {
  error: () => 'expected kind outside_target, change, equal_service_gap or deadline',
});
export type Rule = z.infer<typeof Rule>;
export type MetricRule = Exclude<Rule, { kind: 'deadline' }>;

export const Subscriber = z
  .strictObject({
    id: Id,
    /** Language of the messages this subscriber gets. */
    language: z.enum(['lv', 'en'], { message: 'expected lv or en' }).default('lv'),
    email: z.email({ message: 'expected an e-mail address' }).optional(),
    webhook: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).optional(),
    /** An office head subscribes to their office; absent: every office and the agency-wide alerts. */
    offices: Offices,
    /** Only these rules; absent: every rule. */
    rules: z.array(Id).optional(),
  })
  .refine((s) => s.email !== undefined || s.webhook !== undefined, {
    message: 'expected an email or a webhook (or both)',
    path: ['email'],
  });
export type Subscriber = z.infer<typeof Subscriber>;

export const RulesFile = z.strictObject({
  version: z.literal(1, { message: 'expected version 1' }),
  defaults: z
    .strictObject({
      window_days: z.int().min(1).max(366).default(28),
      /** Clean evaluations in a row before an open alert is resolved: damps flapping. */
      clean_evaluations_to_resolve: z.int().min(1).max(100).default(3),
      /** An alert still open is notified again after this long. */
      renotify_after_hours: z.number().positive().default(24),
    })
    .prefault({}),
  rules: z.array(Rule).min(1, 'expected at least one rule'),
  subscribers: z.array(Subscriber).default([]),
});
export type RulesFile = z.infer<typeof RulesFile>;

export interface Problem {
  path: string;
  message: string;
}

const KNOWN_METRICS: ReadonlySet<string> = new Set(buildCatalogue({ waitTargetMinutes: 15 }).keys());

type Loose = Record<string, unknown>;
const records = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v !== null ? (v as Loose) : {})) : [];

/**
 * Problems a schema cannot see: unknown metrics, repeated ids, subscriptions to rules that do not exist. Read
 * from the raw file, so that they are reported together with the schema's problems, not after them are fixed.
 */
function crossChecks(file: unknown): Problem[] {
  const root = typeof file === 'object' && file !== null ? (file as Loose) : {};
  const problems: Problem[] = [];
  const seen = new Set<string>();
  records(root.rules).forEach((rule, i) => {
    if (typeof rule.id === 'string') {
      if (seen.has(rule.id)) problems.push({ path: `rules[${i}].id`, message: `"${rule.id}" is used by another rule` });
      seen.add(rule.id);
    }
    if (rule.kind !== 'deadline' && typeof rule.metric === 'string' && !KNOWN_METRICS.has(rule.metric)) {
      problems.push({
        path: `rules[${i}].metric`,
        message: `"${rule.metric}" is not a catalogue metric (one of ${[...KNOWN_METRICS].join(', ')})`,
      });
    }
  });
  const subscribers = new Set<string>();
  records(root.subscribers).forEach((s, i) => {
    if (typeof s.id === 'string') {
      if (subscribers.has(s.id)) problems.push({ path: `subscribers[${i}].id`, message: `"${s.id}" is used twice` });
      subscribers.add(s.id);
    }
    (Array.isArray(s.rules) ? s.rules : []).forEach((r: unknown, j) => {
      if (typeof r === 'string' && !seen.has(r))
        problems.push({ path: `subscribers[${i}].rules[${j}]`, message: `no rule "${r}"` });
    });
  });
  return problems;
}

function pathOf(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)),
      '',
    ) || '(file)'
  );
}

/** Parses a rules file's text; throws `ALERTS_BAD_RULES` listing every problem. */
export function parseRules(text: string, source: string): RulesFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw badRules(source, [{ path: '(file)', message: `not JSON: ${(error as Error).message}` }]);
  }
  const parsed = RulesFile.safeParse(json);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }))),
    ...crossChecks(json),
  ];
  if (problems.length > 0 || !parsed.success) throw badRules(source, problems);
  return parsed.data;
}

export async function loadRules(path: string): Promise<RulesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw badRules(path, [{ path: '(file)', message: `cannot read it: ${(error as Error).message}` }]);
  }
  return parseRules(text, path);
}

function badRules(source: string, problems: Problem[]): AlertsError {
  const list = problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n');
  return new AlertsError(
    AlertsErrorCode.BadRules,
    `the rules file ${source} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${list}`,
    { details: problems.map((p) => ({ parameter: p.path, expected: p.message })) },
  );
}

/** The window of a rule in days. */
export function windowDays(rule: Rule, file: RulesFile): number {
  return rule.window_days ?? file.defaults.window_days;
}
