/**
 * Text that DuckDB's JSON reader refuses, though JavaScript accepts it: a lone UTF-16 surrogate (`"\ud800"`
 * parses in `JSON.parse`, and `JSON.stringify` writes it back as that escape) and bytes that are not UTF-8.
 * DuckDB stops the whole file at either, so one such message used to stop its partition. Here such text is
 * repaired the way a UTF-8 decoder would: every lone surrogate, and every invalid byte sequence (Node's
 * `toString('utf8')` does this part), becomes U+FFFD.
 */
import { isUtf8 } from 'node:buffer';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/** `text` with each lone surrogate replaced by U+FFFD (the same string when there is none). */
export function wellFormed(text: string): string {
  // Surrogates are rare in this data; the plain test keeps the common case to one scan.
  return ANY_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

export function hasLoneSurrogate(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  const found = ANY_SURROGATE.test(text) && LONE_SURROGATE.test(text);
  LONE_SURROGATE.lastIndex = 0;
  return found;
}

/** A `JSON.stringify` replacer that writes every string well-formed. */
export function wellFormedStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? wellFormed(value) : value;
}

/** Whether any string in a parsed JSON value holds a lone surrogate. */
export function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([k, v]) => hasLoneSurrogate(k) || holdsLoneSurrogate(v));
  }
  return false;
}

/**
 * Whether a message's bytes, used as a row as they are, would stop DuckDB: not UTF-8, or (only possible when
 * the text has a `\u` escape) a string of the parsed value holds a lone surrogate.
 */
export function needsRepair(raw: Buffer, parsed: unknown): boolean {
  return !isUtf8(raw) || (raw.includes('\\u') && holdsLoneSurrogate(parsed));
}
