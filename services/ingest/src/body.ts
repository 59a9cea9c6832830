/**
 * Request bodies of POST /v1/events: a JSON array of events (or one event object), or NDJSON — one event per
 * line, as exports and queue systems stream them. An NDJSON line that is not JSON becomes a rejected item
 * with its line number rather than failing the lines around it; a JSON body that does not parse is a 400.
 *
 * What this module guarantees about the text that goes further (to validation, scrubbing and Kafka):
 * - it was decoded from the declared charset (UTF-8 when none is declared; a UTF-8 BOM is dropped), and bytes
 *   that are not valid in that charset are refused, never turned into U+FFFD mojibake;
 * - no JSON value is nested deeper than MAX_JSON_DEPTH: deeper documents are refused before they are parsed;
 * - no string (key or value) holds an unpaired UTF-16 surrogate (`"\ud800"`), which cannot be written as
 *   UTF-8: such a request is refused whole, naming the field, so nothing of it reaches Kafka or the lake.
 */
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { IngestError, IngestErrorCode } from './errors.ts';

export type RawItem = { ok: true; value: unknown } | { ok: false; text: string; reason: string };

/** Events are flat records; 32 levels is far beyond any contract and far below a stack at risk. */
export const MAX_JSON_DEPTH = 32;

const SUPPORTED_CHARSETS = 'a charset of the WHATWG Encoding Standard, such as utf-8 or windows-1257';

/** The charset parameter of a Content-Type header, lower case, or undefined when none is declared. */
export function declaredCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * A fatal decoder for the declared charset (UTF-8 by default). An unknown charset is a 415 naming the
 * Content-Type; decoding errors surface from `decode` and are turned into a 400 by `undecodable`.
 */
export function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = declaredCharset(contentType) ?? 'utf-8';
  try {
    // ignoreBOM false: a leading UTF-8 BOM (Excel writes one) is consumed, not kept as U+FEFF.
    return new TextDecoder(charset, { fatal: true, ignoreBOM: false });
  } catch {
    throw new IngestError(IngestErrorCode.UnsupportedMediaType, `charset '${charset}' is not supported`, [
      { field: 'Content-Type', expected: `${SUPPORTED_CHARSETS}; got '${charset}'` },
    ]);
  }
}

/** The 400 for bytes that are not text in the declared charset (or in UTF-8, when none was declared). */
export function undecodable(decoder: TextDecoder, contentType: string | undefined): IngestError {
  const declared = declaredCharset(contentType) !== undefined;
  return new IngestError(IngestErrorCode.BadBody, `the body is not valid ${decoder.encoding} text`, [
    {
      field: 'body',
      expected: declared
        ? `text encoded in the declared charset ${decoder.encoding}`
        : 'UTF-8 text, or a declared charset for other encodings (e.g. Content-Type: text/csv; charset=windows-1257)',
    },
  ]);
}

/** Decodes a whole body with the declared charset; see `decoderFor` and `undecodable` for the refusals. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const decoder = decoderFor(contentType);
  try {
    return decoder.decode(bytes);
  } catch {
    throw undecodable(decoder, contentType);
  }
}

/**
 * A stream stage for uploads read as they arrive (CSV imports): counts bytes against `maxBytes` (413 naming the
 * limit) and checks that they decode in the declared charset (415/400 as `decoderFor` and `undecodable`). It
 * hands on UTF-8 bytes: UTF-8 input passes through as it came (csv-parse drops a BOM itself); any other charset
 * is re-encoded as UTF-8.
 */
export function decodingLimit(contentType: string | undefined, maxBytes: number): Transform {
  const decoder = decoderFor(contentType);
  const passThrough = decoder.encoding === 'utf-8';
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(
          new IngestError(
            IngestErrorCode.BodyTooLarge,
            `the file is larger than the import limit of ${maxBytes} bytes`,
            [{ field: 'body', expected: `a CSV file of at most ${maxBytes} bytes (INGEST_MAX_IMPORT_BYTES)` }],
          ),
        );
        return;
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        callback(undecodable(decoder, contentType));
        return;
      }
      callback(null, passThrough ? chunk : Buffer.from(text, 'utf8'));
    },
    flush(callback) {
      let rest: string;
      try {
        rest = decoder.decode();
      } catch {
        callback(undecodable(decoder, contentType));
        return;
      }
      callback(null, passThrough || rest === '' ? undefined : Buffer.from(rest, 'utf8'));
    },
  });
}

/**
 * Where the string opened by the quote at `open` closes (the index of its closing quote, or the text's length):
 * a quote closes it when an even number of backslashes precede it. `indexOf` jumps over the string's contents
 * natively; read a character at a time, string contents (most of an event) were nearly all of the scan's cost.
 * Each backslash is counted once, for the quote it precedes, so a string of escapes is still read once.
 */
function closingQuote(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return text.length;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, found by one scan that skips string contents.
 * Stops counting once past `limit`, so a hostile document costs no more than reading it.
 */
export function depthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = closingQuote(text, i);
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Refuses JSON nested deeper than MAX_JSON_DEPTH before it is parsed; `where` names the body or NDJSON line. */
export function assertJsonDepth(text: string, where: string): void {
  if (!depthExceeds(text, MAX_JSON_DEPTH)) return;
  throw new IngestError(IngestErrorCode.BadBody, `${where} is nested more than ${MAX_JSON_DEPTH} levels deep`, [
    { field: where, expected: `JSON nested at most ${MAX_JSON_DEPTH} levels deep (arrays and objects)` },
  ]);
}

// With the u flag a well-formed pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

function keyPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** The paths of strings (keys or values) holding an unpaired surrogate; depth is already bounded. */
export function loneSurrogatePaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => loneSurrogatePaths(v, keyPath(path, i)));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    LONE_SURROGATE.test(k) ? [keyPath(path, k)] : loneSurrogatePaths(v, keyPath(path, k)),
  );
}

/** Refuses the whole request when any string holds an unpaired surrogate, naming each field. */
export function assertWellFormedText(paths: string[]): void {
  if (paths.length === 0) return;
  throw new IngestError(
    IngestErrorCode.BadBody,
    'text holds an unpaired UTF-16 surrogate, which is not a character (nothing of the request was kept)',
    paths.map((field) => ({
      field,
      expected:
        'text of Unicode characters: a \\ud800-\\udbff escape followed by a \\udc00-\\udfff escape, never alone',
    })),
  );
}

/** String.prototype.isWellFormed (ES2024, in every Node this runs on; the repo's TypeScript lib is ES2023). */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * Whether any string (key or value) holds an unpaired surrogate. Builds no paths: nearly every body has none, and
 * building every field's path to find that out cost more than parsing the body (about 2 µs an event).
 */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return !isWellFormed(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  for (const key of Object.keys(value)) {
    if (!isWellFormed(key) || hasLoneSurrogate((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** A `\u` escape of a surrogate half (D800–DFFF). An escaped backslash before a `u` matches too: that costs a walk. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Whether a JSON text can parse into a string holding an unpaired surrogate: only through a raw half or a `\u`
 * escape of one. The text is searched natively; nearly every body has neither, and is then not walked at all.
 */
function mayHoldLoneSurrogate(text: string): boolean {
  return !isWellFormed(text) || SURROGATE_ESCAPE.test(text);
}

/** A body parsed from `text`: depth checked before parsing by the route's parser, surrogates checked here. */
export function checkedJson(body: unknown, text: string): unknown {
  if (!mayHoldLoneSurrogate(text) || !hasLoneSurrogate(body)) return body;
  assertWellFormedText(
    Array.isArray(body) ? body.flatMap((v, i) => loneSurrogatePaths(v, `[${i}]`)) : loneSurrogatePaths(body, '[0]'),
  );
  return body;
}

export function parseNdjson(body: string): RawItem[] {
  const items: RawItem[] = [];
  const badText: string[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    assertJsonDepth(line, `line ${i + 1}`);
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      items.push({
        ok: false,
        text: line,
        reason: `line ${i + 1}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
      return;
    }
    if (mayHoldLoneSurrogate(line) && hasLoneSurrogate(value))
      badText.push(...loneSurrogatePaths(value, `line ${i + 1}`));
    items.push({ ok: true, value });
  });
  assertWellFormedText(badText);
  return items;
}

/** Normalises a parsed JSON body: an array is a batch, a single object a batch of one. */
export function itemsFromJson(body: unknown): RawItem[] | null {
  if (Array.isArray(body)) return body.map((value: unknown) => ({ ok: true, value }));
  if (typeof body === 'object' && body !== null) return [{ ok: true, value: body }];
  return null;
}
