import { describe, expect, it } from 'vitest';
import { createAuthenticator, sha256Hex } from './auth.ts';

const authenticate = createAuthenticator([
  { id: 'queue-riga', sha256: sha256Hex('key-queue'), families: ['visit'] },
  { id: 'dms', sha256: sha256Hex('key-dms'), families: ['complaint', 'survey'] },
]);

describe('createAuthenticator', () => {
  it('recognises a configured key and returns its source id and families', () => {
    const caller = authenticate('Bearer key-dms');
    expect(caller?.keyId).toBe('dms');
    expect([...(caller?.families ?? [])].sort()).toEqual(['complaint', 'survey']);
  });

  it('accepts the scheme in any case', () => {
    expect(authenticate('bearer key-queue')?.keyId).toBe('queue-riga');
  });

  it.each([undefined, '', 'Bearer', 'Basic key-dms', 'Bearer key-unknown', 'Bearer key-dms extra'])(
    'refuses %j',
    (header) => {
      expect(authenticate(header)).toBeNull();
    },
  );
});
