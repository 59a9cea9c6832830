/**
 * Latvian personal codes (personas kods). The old form is the birth date DDMMYY, a century digit (0 = 1800s,
 * 1 = 1900s, 2 = 2000s), three serial digits and a check digit; the form issued since 1 July 2017 is `32`
 * followed by nine digits and carries no date.
 */

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The check digit of the first ten digits of an old-form code, or null when no valid digit exists (10). */
export function personalCodeCheckDigit(firstTen: string): number | null {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += Number(firstTen[i]) * (WEIGHTS[i] ?? 0);
  const check = (((1 - sum) % 11) + 11) % 11;
  return check === 10 ? null : check;
}

/** Whether DDMMYY with a century digit is a real calendar date. */
export function isPersonalCodeDate(ddmmyy: string, century: string): boolean {
  const centuries: Record<string, number> = { '0': 1800, '1': 1900, '2': 2000 };
  const base = centuries[century];
  if (base === undefined) return false;
  const day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const year = base + Number(ddmmyy.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An old-form code (11 digits, separators removed) with a real date and a correct check digit. */
export function isValidOldPersonalCode(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  if (!isPersonalCodeDate(digits.slice(0, 6), digits.charAt(6))) return false;
  return personalCodeCheckDigit(digits.slice(0, 10)) === Number(digits.charAt(10));
}

/** A new-form code: 11 digits starting with 32. */
export function isNewPersonalCode(digits: string): boolean {
  return /^32\d{9}$/.test(digits);
}

/** The Luhn checksum used by payment cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The ISO 13616 (mod 97) check of an IBAN, spaces removed. */
export function isValidIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i += 1) {
    const code = rearranged.charCodeAt(i);
    // A digit counts as itself, a letter as two digits (A = 10 … Z = 35).
    remainder = code <= 57 ? (remainder * 10 + code - 48) % 97 : (remainder * 100 + code - 55) % 97;
  }
  return remainder === 1;
}
