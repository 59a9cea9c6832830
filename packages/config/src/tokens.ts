/**
 * Bearer tokens as services configure them: hashed (SHA-256), with a role and, for an office token, its office.
 * One schema for the query, alerts and reports services, so a token issued for one reads the same in the other.
 */
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
