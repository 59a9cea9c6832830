/**
 * Roles by bearer token. Tokens are compared by their SHA-256, so configuration never holds a usable token.
 * management: everything; office: its own office in detail, every office in comparisons; analyst: adds SQL.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role, TokenEntry } from '../config.ts';
import { QueryError, QueryErrorCode } from '../errors.ts';

export interface Principal {
  id: string;
  role: Role;
  office?: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function authenticate(tokens: readonly TokenEntry[], header: string | undefined): Principal {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw new QueryError(QueryErrorCode.Unauthorized, 'a bearer token is required', [
      { parameter: 'Authorization', expected: 'Bearer <token>' },
    ]);
  }
  const digest = Buffer.from(sha256Hex(match[1]), 'hex');
  const entry = tokens.find((t) => timingSafeEqual(Buffer.from(t.sha256, 'hex'), digest));
  if (!entry) {
    throw new QueryError(QueryErrorCode.Unauthorized, 'unknown token', [
      { parameter: 'Authorization', expected: 'a token issued for this service' },
    ]);
  }
  return entry.office === undefined
    ? { id: entry.id, role: entry.role }
    : { id: entry.id, role: entry.role, office: entry.office };
}

export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role)) {
    throw new QueryError(QueryErrorCode.Forbidden, `the ${principal.role} role may not use this endpoint`, [
      { parameter: 'Authorization', expected: `a token with role ${roles.join(' or ')}` },
    ]);
  }
}
