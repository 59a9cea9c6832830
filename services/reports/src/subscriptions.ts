/**
 * Who receives which monthly report: a data file versioned in the repo, validated at start-up with every
 * problem reported at once. A subscriber without an office receives the whole agency's report.
 */
import { readFile } from 'node:fs/promises';
import { OFFICE_IDS } from '@servq/contracts';
import { z } from 'zod';
import { ReportsError, ReportsErrorCode } from './errors.ts';

export const Subscriber = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected a lowercase id such as head-cesis'),
  email: z.email({ message: 'expected an e-mail address' }),
  language: z.enum(['lv', 'en'], { message: 'expected "lv" or "en"' }).default('lv'),
  office: z.enum(OFFICE_IDS, { message: `expected one of ${OFFICE_IDS.join(', ')}` }).optional(),
});
export type Subscriber = z.infer<typeof Subscriber>;

export const Subscriptions = z
  .strictObject({ version: z.literal(1), subscribers: z.array(Subscriber) })
  .refine((s) => new Set(s.subscribers.map((x) => x.id)).size === s.subscribers.length, {
    message: 'subscriber ids must be unique',
    path: ['subscribers'],
  });
export type Subscriptions = z.infer<typeof Subscriptions>;

export function parseSubscriptions(json: unknown, source: string): Subscriptions {
  const parsed = Subscriptions.safeParse(json);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ parameter: i.path.join('.') || '(file)', expected: i.message }));
  throw new ReportsError(
    ReportsErrorCode.BadSubscriptions,
    `${source}: ${details.map((d) => `${d.parameter}: ${d.expected}`).join('; ')}`,
    { details },
  );
}

export async function loadSubscriptions(file: string): Promise<Subscriptions> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ReportsError(ReportsErrorCode.BadSubscriptions, `${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseSubscriptions(json, file);
}
