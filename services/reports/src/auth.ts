/**
 * Bearer tokens, compared by their SHA-256 like the query service's: management and analysts may have every
 * report, an office token its own office's only.
 * The check itself is shared (@servq/config); this file words its 401s.
 */
import { maySeeOffice, principalOf, type Principal, type TokenEntry } from '@servq/config';
import { ReportsError, ReportsErrorCode } from './errors.ts';

export type { Principal };

export function authenticate(tokens: readonly TokenEntry[], header: string | undefined): Principal {
  const principal = principalOf(tokens, header);
  if (principal === 'missing') {
    throw new ReportsError(ReportsErrorCode.Unauthorized, 'a bearer token is required', {
      details: [{ parameter: 'Authorization', expected: 'Bearer <token>' }],
    });
  }
  if (principal === 'unknown') {
    throw new ReportsError(ReportsErrorCode.Unauthorized, 'unknown token', {
      details: [{ parameter: 'Authorization', expected: 'a token issued for this service' }],
    });
  }
  return principal;
}

/** Whether the principal may have the report of this office (undefined: the whole agency). */
export const maySee = maySeeOffice;
