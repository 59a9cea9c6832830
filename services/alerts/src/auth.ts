/**
 * Bearer tokens, compared by their SHA-256 like the query service's: management and analysts see every alert,
 * an office token its own office's (and acknowledges only those).
 * The check itself is shared (@servq/config); this file words its 401s.
 */
import { maySeeOffice, principalOf, type Principal, type TokenEntry } from '@servq/config';
import { AlertsError, AlertsErrorCode } from './errors.ts';

export type { Principal };

export function authenticate(tokens: readonly TokenEntry[], header: string | undefined): Principal {
  const principal = principalOf(tokens, header);
  if (principal === 'missing') {
    throw new AlertsError(AlertsErrorCode.Unauthorized, 'a bearer token is required', {
      details: [{ parameter: 'Authorization', expected: 'Bearer <token>' }],
    });
  }
  if (principal === 'unknown') {
    throw new AlertsError(AlertsErrorCode.Unauthorized, 'unknown token', {
      details: [{ parameter: 'Authorization', expected: 'a token issued for this service' }],
    });
  }
  return principal;
}

/** Whether the principal may see an alert of this office (undefined: agency-wide). */
export const maySee = maySeeOffice;
