/**
 * Bearer tokens as services configure them: hashed (SHA-256), with a role and, for an office token, its office.
 * One schema for the query, alerts and reports services, so a token issued for one reads the same in the others;
 * one bearer check (principalOf) for query, alerts and reports.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const Role = z.enum(['management', 'office', 'analyst']);
export type Role = z.infer<typeof Role>;

export const TokenEntry = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected a lowercase id such as office-cesis'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of the token as 64 hex digits'),
    role: Role,
    /** The office an `office` token belongs to. */
    office: z.string().min(1).optional(),
  })
  .refine((t) => t.role !== 'office' || t.office !== undefined, {
    message: 'an office token needs "office"',
    path: ['office'],
  });
export type TokenEntry = z.infer<typeof TokenEntry>;

export interface Principal {
  id: string;
  role: Role;
  /** The office of an `office` token. */
  office?: string;
}

/**
 * The principal of an `Authorization: Bearer <token>` header, the token compared by its SHA-256 in constant time;
 * otherwise why not (`missing`: no bearer token, `unknown`: no such token). Each service words its own 401.
 */
export function principalOf(
  tokens: readonly TokenEntry[],
  header: string | undefined,
): Principal | 'missing' | 'unknown' {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return 'missing';
  const digest = createHash('sha256').update(match[1]).digest();
  const entry = tokens.find((t) => timingSafeEqual(Buffer.from(t.sha256, 'hex'), digest));
  if (!entry) return 'unknown';
  return entry.office === undefined
    ? { id: entry.id, role: entry.role }
    : { id: entry.id, role: entry.role, office: entry.office };
}

/** Whether the principal may see what belongs to this office (undefined: agency-wide): an office token its own only. */
export function maySeeOffice(principal: Principal, office: string | undefined): boolean {
  return principal.role !== 'office' || office === principal.office;
}
