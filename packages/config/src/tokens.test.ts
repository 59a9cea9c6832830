import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maySeeOffice, principalOf, TokenEntry } from './tokens.ts';

const sha256 = 'a'.repeat(64);

describe('TokenEntry', () => {
  it('accepts a hashed token with a role, and an office token with its office', () => {
    expect(TokenEntry.parse({ id: 'analyst-1', sha256, role: 'analyst' })).toEqual({
      id: 'analyst-1',
      sha256,
      role: 'analyst',
    });
    expect(TokenEntry.parse({ id: 'office-cesis', sha256, role: 'office', office: 'cesis' }).office).toBe('cesis');
  });

  it('refuses an office token without its office, naming the field', () => {
    const result = TokenEntry.safeParse({ id: 'office-cesis', sha256, role: 'office' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['office']);
  });
});

describe('principalOf', () => {
  const hash = (token: string) => createHash('sha256').update(token).digest('hex');
  const tokens = [
    { id: 'management', sha256: hash('secret-m'), role: 'management' as const },
    { id: 'office-cesis', sha256: hash('secret-c'), role: 'office' as const, office: 'cesis' },
  ];

  it('finds the token of a bearer header, with its office, and says why when there is none', () => {
    expect(principalOf(tokens, 'Bearer secret-c')).toEqual({ id: 'office-cesis', role: 'office', office: 'cesis' });
    expect(principalOf(tokens, 'bearer secret-m')).toEqual({ id: 'management', role: 'management' });
    expect(principalOf(tokens, undefined)).toBe('missing');
    expect(principalOf(tokens, 'Basic secret-m')).toBe('missing');
    expect(principalOf(tokens, 'Bearer secret-x')).toBe('unknown');
  });

  it('lets an office token see its own office only, the others everything', () => {
    const cesis = { id: 'office-cesis', role: 'office' as const, office: 'cesis' };
    expect([maySeeOffice(cesis, 'cesis'), maySeeOffice(cesis, 'liepaja'), maySeeOffice(cesis, undefined)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(maySeeOffice({ id: 'management', role: 'management' }, 'liepaja')).toBe(true);
  });
});
