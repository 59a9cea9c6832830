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

/** Finds the role of the client's token; rejects with the API's error when the token is refused. */
export async function identify(client: ApiClient, today: string): Promise<Identity> {
  await client.metrics();
  try {
    await client.schema();
  } catch (error) {
    if (!forbidden(error)) throw error;
    const probe = await client.query({ metrics: ['surveys_answered'], from: today, to: today });
    const office = probe.query.filters.office?.[0];
    return office === undefined ? { role: 'office' } : { role: 'office', office };
  }
  try {
    await client.sql('SELECT 1 AS ok');
    return { role: 'analyst' };
  } catch (error) {
    if (forbidden(error)) return { role: 'management' };
    // Past the role check (a sandbox that is off or busy) the token is still an analyst's.
    if (isApiError(error) && error.status !== 401) return { role: 'analyst' };
    throw error;
  }
}
