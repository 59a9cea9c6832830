/**
 * Pseudonyms for customer and staff identifiers: an HMAC-SHA256 keyed with a secret from configuration, so the
 * same person gets the same pseudonym (joins still work) while the raw value never reaches Kafka, and nobody
 * without the secret can test a guessed personal code against the lake.
 */
import { createHmac } from 'node:crypto';
import { ContractsError, ContractsErrorCode } from './errors.ts';

export const PSEUDONYM_PREFIX = 'ps_';
export const MIN_SECRET_LENGTH = 16;
const PSEUDONYM = /^ps_[0-9a-f]{32}$/;

export function isPseudonym(value: string): boolean {
  return PSEUDONYM.test(value);
}

/**
 * The form of an identifier that is hashed: Unicode NFC, trimmed, lower case; an all-digit identifier written
 * with spaces or hyphens (a personal code, a phone number) loses its separators. So "120345-12345" and
 * "12034512345" are one person.
 */
export function normaliseIdentifier(value: string): string {
  const normal = value.normalize('NFC').trim().toLowerCase();
  return /^[\d\s-]+$/.test(normal) ? normal.replace(/\D/g, '') : normal;
}

/**
 * `ps_` and the first 128 bits of HMAC-SHA256(secret, identifier) in hex. A value that already is a pseudonym
 * is returned unchanged, so pseudonymising twice (ingest, then a replay) cannot break joins.
 */
export function pseudonymise(value: string, secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ContractsError(
      ContractsErrorCode.SecretTooShort,
      `the pseudonymisation secret must be at least ${MIN_SECRET_LENGTH} characters`,
      { details: { minLength: MIN_SECRET_LENGTH } },
    );
  }
  if (isPseudonym(value)) return value;
  const digest = createHmac('sha256', secret).update(normaliseIdentifier(value), 'utf8').digest('hex');
  return PSEUDONYM_PREFIX + digest.slice(0, 32);
}
