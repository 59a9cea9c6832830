/**
 * Roles by bearer token, checked by the one bearer check in @servq/config (tokens compared by their SHA-256,
 * so configuration never holds a usable token); this file only words the query API's 401 and 403.
 * management: everything; office: its own office in detail, every office in comparisons; analyst: adds SQL.
 */
import { createHash } from 'node:crypto';
import { principalOf, type Principal, type Role, type TokenEntry } from '@servq/config';
import { QueryError, QueryErrorCode } from '../errors.ts';

export type { Principal };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function authenticate(tokens: readonly TokenEntry[], header: string | undefined): Principal {
  const principal = principalOf(tokens, header);
  if (principal === 'missing') {
    throw new QueryError(QueryErrorCode.Unauthorized, 'a bearer token is required', [
      { parameter: 'Authorization', expected: 'Bearer <token>' },
    ]);
  }
  if (principal === 'unknown') {
    throw new QueryError(QueryErrorCode.Unauthorized, 'unknown token', [
      { parameter: 'Authorization', expected: 'a token issued for this service' },
    ]);
  }
  return principal;
}

export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role)) {
    throw new QueryError(QueryErrorCode.Forbidden, `the ${principal.role} role may not use this endpoint`, [
      { parameter: 'Authorization', expected: `a token with role ${roles.join(' or ')}` },
    ]);
  }
}
