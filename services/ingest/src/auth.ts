/**
 * Bearer API keys per source. Keys are configured as SHA-256 hashes; the presented key is hashed and compared
 * with every configured hash in constant time, so neither the match nor its position leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry, EventFamily } from './config.ts';

export interface Caller {
  keyId: string;
  families: ReadonlySet<EventFamily>;
}

export type Authenticate = (authorization: string | undefined) => Caller | null;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function createAuthenticator(keys: readonly ApiKeyEntry[]): Authenticate {
  const entries = keys.map((k) => ({ ...k, hash: Buffer.from(k.sha256, 'hex'), families: new Set(k.families) }));
  return (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const presented = createHash('sha256').update(match[1], 'utf8').digest();
    let found: (typeof entries)[number] | null = null;
    for (const entry of entries) {
      if (timingSafeEqual(presented, entry.hash) && found === null) found = entry;
    }
    return found ? { keyId: found.id, families: found.families } : null;
  };
}
