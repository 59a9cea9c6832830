/**
 * Bearer tokens, compared by their SHA-256 like the query service's: management and analysts may have every
 * report, an office token its own office's only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role, TokenEntry } from './config.ts';
import { ReportsError, ReportsErrorCode } from './errors.ts';

export interface Principal {
  id: string;
  role: Role;
  office?: string;
}

export function authenticate(tokens: readonly TokenEntry[], header: string | undefined): Principal {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw new ReportsError(ReportsErrorCode.Unauthorized, 'a bearer token is required', {
      details: [{ parameter: 'Authorization', expected: 'Bearer <token>' }],
    });
  }
  const digest = createHash('sha256').update(match[1]).digest();
  const entry = tokens.find((t) => timingSafeEqual(Buffer.from(t.sha256, 'hex'), digest));
  if (!entry) {
    throw new ReportsError(ReportsErrorCode.Unauthorized, 'unknown token', {
      details: [{ parameter: 'Authorization', expected: 'a token issued for this service' }],
    });
  }
  return entry.office === undefined
    ? { id: entry.id, role: entry.role }
    : { id: entry.id, role: entry.role, office: entry.office };
}

/** Whether the principal may have the report of this office (undefined: the whole agency). */
export function maySee(principal: Principal, office: string | undefined): boolean {
  return principal.role !== 'office' || office === principal.office;
}
