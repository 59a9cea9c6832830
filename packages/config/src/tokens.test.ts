import { describe, expect, it } from 'vitest';
import { TokenEntry } from './tokens.ts';

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
