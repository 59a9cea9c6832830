/**
 * Sign-in: the token lives in sessionStorage (gone when the tab closes), and its role and office come from the
 * API's /v1/session, so the page asks once instead of probing endpoints that refuse it (each refusal a console
 * error, and an analyst's probe started the SQL sandbox).
 */
import type { ApiClient } from './api.ts';
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

/** The role of the client's token, as the API's /v1/session says; rejects with the API's 401 for a refused token. */
export async function identify(client: ApiClient): Promise<Identity> {
  const { role, office } = await client.session();
  return office === null ? { role } : { role, office };
}
