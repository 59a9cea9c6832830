/**
 * Parsing an environment with a zod schema. Every problem is reported at once, naming the variable, so an
 * operator fixes a deployment in one pass instead of one restart per typo.
 */
import { z } from 'zod';
import { ConfigError } from './errors.ts';

export type Env = Record<string, string | undefined>;

export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}

/** "true"/"false"/"1"/"0" as a boolean; anything else is an error rather than a silent false. */
export const envBoolean = z
  .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1');

/** A comma-separated list with blanks removed. */
export const envList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  )
  .pipe(z.array(z.string()).min(1, 'expected at least one value'));

export const envPort = z.coerce.number().int().min(0).max(65535);

export const envPositiveInt = z.coerce.number().int().positive();

/** A variable holding JSON (key lists, token lists), parsed and then validated by `schema`. */
export function envJson<S extends z.ZodType>(schema: S, what: string) {
  return z
    .string({ message: `required: ${what}` })
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
