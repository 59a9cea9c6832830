/**
 * Request bodies of POST /v1/events: a JSON array of events (or one event object), or NDJSON — one event per
 * line, as exports and queue systems stream them. An NDJSON line that is not JSON becomes a rejected item
 * with its line number rather than failing the lines around it; a JSON body that does not parse is a 400.
 */
export type RawItem = { ok: true; value: unknown } | { ok: false; text: string; reason: string };

export function parseNdjson(body: string): RawItem[] {
  const items: RawItem[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      items.push({ ok: true, value: JSON.parse(line) as unknown });
    } catch (error) {
      items.push({
        ok: false,
        text: line,
        reason: `line ${i + 1}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  });
  return items;
}

/** Normalises a parsed JSON body: an array is a batch, a single object a batch of one. */
export function itemsFromJson(body: unknown): RawItem[] | null {
  if (Array.isArray(body)) return body.map((value: unknown) => ({ ok: true, value }));
  if (typeof body === 'object' && body !== null) return [{ ok: true, value: body }];
  return null;
}
