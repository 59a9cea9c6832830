/**
 * Scrubbing of free text (survey comments, complaint summaries, feedback) before it leaves the ingest service.
 * E-mail addresses, IBANs, card numbers (Luhn), Latvian personal codes, phone numbers (Latvian and international
 * forms) and Latvian vehicle registration numbers become typed placeholders such as `[EMAIL]`. Everything else,
 * Latvian diacritics and Cyrillic included, is left exactly as it was.
 *
 * Choices: an old-form personal code written with its hyphen is scrubbed when its date is real even if the check
 * digit is wrong (a mistyped code is still somebody's code); without the hyphen it must pass the checksum, since
 * bare 11-digit numbers are often something else. ATD's own public contacts stay. People's names become `[NAME]`
 * (see names/detect.ts: given names in their case forms, surnames by ending or context; places never), measured
 * on the labelled corpus in names/corpus.
 *
 * Cost: every pattern is linear in the text (a match can start only where its run of characters starts, and
 * quantifiers are bounded), and names take one pass over the words, so a 100 KB comment takes milliseconds.
 */
import { findNames } from './names/detect.ts';
import { isPersonalCodeDate, isValidIban, isValidOldPersonalCode, passesLuhn } from './personal-code.ts';

export const Placeholders = {
  email: '[EMAIL]',
  iban: '[IBAN]',
  card: '[CARD]',
  personalCode: '[PERSONAL_CODE]',
  phone: '[PHONE]',
  vehicle: '[VEHICLE]',
  name: '[NAME]',
} as const;
export type PlaceholderKind = keyof typeof Placeholders;

/** ATD's own published contacts: not personal data, and useful context in a complaint. */
export const PUBLIC_CONTACTS = { emails: ['info@atd.lv'], phones: ['67280485'] } as const;

interface Rule {
  kind: Exclude<PlaceholderKind, 'name'>;
  pattern: RegExp;
  /** Whether a match is really personal data of this kind; absent means every match is. */
  accept?: (match: string) => boolean;
  /**
   * Where a match can be. `at`: every match holds an `@` and no whitespace, so only the text's whitespace-free runs
   * with an `@` are searched. `digit`: every match holds a digit, so a text without one is not searched (most
   * comments have none, and these patterns were most of the scrub's cost for them).
   */
  needs: 'at' | 'digit';
}

/**
 * The whitespace-free runs holding an `@` (a match starts only where a run starts, so this is linear too). The
 * e-mail pattern's Unicode classes cost V8 about 40 ns a character: run over every comment it was a third of the
 * scrub, while few comments hold an `@` at all.
 */
const RUN_WITH_AT = /(?<!\S)\S*@\S*/g;

const digitsOf = (s: string): string => s.replace(/\D/g, '');

function isPublicPhone(match: string): boolean {
  const digits = digitsOf(match).replace(/^(00)?371/, '');
  return (PUBLIC_CONTACTS.phones as readonly string[]).includes(digits);
}

function acceptIban(match: string): boolean {
  return isValidIban(match.replace(/ /g, ''));
}

function acceptOldPersonalCode(match: string): boolean {
  const digits = digitsOf(match);
  if (isValidOldPersonalCode(digits)) return true;
  return /[- ]/.test(match) && isPersonalCodeDate(digits.slice(0, 6), digits.charAt(6));
}

/** Two-letter prefixes that are not plates: the postal code (LV-1050), the EU, the Cabinet (MK 1032). */
const NOT_PLATES = new Set(['LV', 'EU', 'ES', 'MK', 'NR', 'ID', 'PVN']);

/**
 * The ways 8-digit Latvian numbers are written: compact, 4+4, 2+3+3, 3+2+3, 3+3+2, 2+2+2+2. Not 4+2+2, which
 * is how dates are written (2026-03-02).
 */
const LV_PHONE_GROUPINGS = [
  '[268]\\d{7}',
  '[268]\\d{3}[ -]\\d{4}',
  '[268]\\d[ -]\\d{3}[ -]\\d{3}',
  '[268]\\d{2}[ -]\\d{2}[ -]\\d{3}',
  '[268]\\d{2}[ -]\\d{3}[ -]\\d{2}',
  '[268]\\d(?:[ -]\\d{2}){3}',
];

/** Exported for the test that every `digit` rule really needs one. */
export const SCRUB_RULES: readonly Rule[] = [
  {
    kind: 'email',
    // The lookbehind lets a match start only where a run of address characters starts: without it the engine
    // tried every position of a long word or digit run and read to its end each time (quadratic; 32 KB took 1 s).
    pattern: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
    accept: (m) => !(PUBLIC_CONTACTS.emails as readonly string[]).includes(m.toLowerCase()),
    needs: 'at',
  },
  {
    kind: 'iban',
    pattern: /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
    accept: acceptIban,
    needs: 'digit',
  },
  {
    kind: 'card',
    pattern: /(?<![\d+])[1-9](?:[ -]?\d){12,18}(?!\d)/g,
    accept: (m) => passesLuhn(digitsOf(m)),
    needs: 'digit',
  },
  { kind: 'personalCode', pattern: /(?<!\d)32\d{4}[- ]?\d{5}(?!\d)/g, needs: 'digit' },
  {
    kind: 'personalCode',
    pattern: /(?<!\d)[0-3]\d[01]\d\d\d[- ]?[012]\d{4}(?!\d)/g,
    accept: acceptOldPersonalCode,
    needs: 'digit',
  },
  // Russian domestic mobile form: 8 (912) 345-67-89.
  { kind: 'phone', pattern: /(?<!\d)8[ -]?\(?9\d\d\)?[ -]?\d{3}[ -]?\d\d[ -]?\d\d(?!\d)/g, needs: 'digit' },
  // International numbers: + or 00, a country code, 7 to 15 digits in all, common separators.
  {
    kind: 'phone',
    pattern: /(?<!\d)(?:\((?:\+|00)[1-9]\d{0,2}\)|(?:\+|00)[1-9])(?:[ .()-]{0,2}\d){6,14}(?!\d)/g,
    accept: (m) => !isPublicPhone(m),
    needs: 'digit',
  },
  // Latvian numbers: 8 digits starting 2 (mobile), 6 (fixed) or 8 (free/special), with or without +371.
  {
    kind: 'phone',
    pattern: new RegExp(
      `(?<!\\d)(?:(?:\\+|00) ?371[ -]?|\\(\\+?371\\) ?)?(?:${LV_PHONE_GROUPINGS.join('|')})(?!\\d)`,
      'g',
    ),
    accept: (m) => !isPublicPhone(m),
    needs: 'digit',
  },
  {
    kind: 'vehicle',
    pattern: /(?<![\p{L}\p{N}-])(?:[A-Z]{2}(?:-\d{1,4}| ?\d{3,4})|[a-z]{2}-\d{3,4})(?![\p{L}\p{N}]|-\d)/gu,
    accept: (m) => !NOT_PLATES.has(m.slice(0, 2).toUpperCase()),
    needs: 'digit',
  },
];

/** What a scrub found, by kind, alongside the scrubbed text (for counting how much personal data arrives). */
export interface ScrubReport {
  text: string;
  found: Partial<Record<PlaceholderKind, number>>;
}

/** Replaces the name spans in one pass over the text. */
function replaceNames(text: string, found: ScrubReport['found']): string {
  const spans = findNames(text);
  if (spans.length === 0) return text;
  found.name = spans.length;
  let result = '';
  let from = 0;
  for (const span of spans) {
    result += text.slice(from, span.start) + Placeholders.name;
    from = span.end;
  }
  return result + text.slice(from);
}

/**
 * One rule over one text. A module-level function rather than a closure made per rule and text: the services run
 * under tsx, which names every closure bound to a variable with `Object.defineProperty` as it is made, and that
 * cost about 4 µs a comment (a tenth of an import's CPU per row).
 */
function applyRule(rule: Rule, text: string, found: ScrubReport['found']): string {
  return text.replace(rule.pattern, (match) => {
    if (rule.accept && !rule.accept(match)) return match;
    found[rule.kind] = (found[rule.kind] ?? 0) + 1;
    return Placeholders[rule.kind];
  });
}

export function scrubTextWithReport(text: string): ScrubReport {
  const found: Partial<Record<PlaceholderKind, number>> = {};
  let result = text;
  // Placeholders hold no digit, so a text without one never gains one.
  const hasDigit = /\d/.test(text);
  for (const rule of SCRUB_RULES) {
    if (rule.needs === 'digit') {
      if (hasDigit) result = applyRule(rule, result, found);
    }
    // A run's neighbours are whitespace, which no address character is: the pattern reads a run as it reads it
    // in the whole text.
    else if (result.includes('@')) result = result.replace(RUN_WITH_AT, (run) => applyRule(rule, run, found));
  }
  // Names last: the patterns above have already taken e-mail addresses such as jānis.bērziņš@inbox.lv whole.
  return { text: replaceNames(result, found), found };
}

/** The text with personal data replaced by typed placeholders. Idempotent. */
export function scrubText(text: string): string {
  return scrubTextWithReport(text).text;
}
