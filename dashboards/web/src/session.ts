/**
 * Sign-in: the token lives in sessionStorage (gone when the tab closes), and the role is learned from the API
 * itself, since the API has no "who am I" endpoint yet: /v1/metrics checks the token (401), /v1/schema is
 * refused to office tokens (403), /v1/sql only to non-analysts, and an office token's answers echo the office
 * its queries are scoped to.
 */
import { isApiError, type ApiClient } from './api.ts';
import type { Role } from './api.types.ts';

export const TOKEN_KEY = 'servq.token';

export interface Identity {
  role: Role;
  /** The office an office token belongs to. */
  office?: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function loadToken(storage: KeyValueStore): string | null {
  const token = storage.getItem(TOKEN_KEY);
  return token && token.trim().length > 0 ? token.trim() : null;
}

export function saveToken(storage: KeyValueStore, token: string): void {
  storage.setItem(TOKEN_KEY, token.trim());
}

export function forgetToken(storage: KeyValueStore): void {
  storage.removeItem(TOKEN_KEY);
}

const forbidden = (error: unknown): boolean => isApiError(error) && error.status === 403;

/**
 * Finds the role of the client's token; rejects with the API's error when the token is refused. The three
 * probes go out together (one round trip instead of three in a row) and are read in the order the role is
 * decided: the token first, then the schema, then SQL. `metrics` is the caller's own /v1/metrics request,
 * so the catalogue it needs anyway is asked for once. `today` is asked for only by an office token's probe,
 * after the others are on the wire (the page's first Riga date loads the time zone's data).
 */
export async function identify(
  client: ApiClient,
  today: () => string,
  metrics: Promise<unknown> = client.metrics(),
): Promise<Identity> {
  // Settled at once, so a probe that fails after the token was refused is not an unhandled rejection.
  const [token, schema, sql] = await Promise.allSettled([metrics, client.schema(), client.sql('SELECT 1 AS ok')]);
  if (token.status === 'rejected') throw token.reason;
  if (schema.status === 'rejected') {
    if (!forbidden(schema.reason)) throw schema.reason;
    const day = today();
    const probe = await client.query({ metrics: ['surveys_answered'], from: day, to: day });
    const office = probe.query.filters.office?.[0];
    return office === undefined ? { role: 'office' } : { role: 'office', office };
  }
  if (sql.status === 'fulfilled') return { role: 'analyst' };
  const error: unknown = sql.reason;
  if (forbidden(error)) return { role: 'management' };
  // Past the role check (a sandbox that is off or busy) the token is still an analyst's.
  if (isApiError(error) && error.status !== 401) return { role: 'analyst' };
  throw error;
}
