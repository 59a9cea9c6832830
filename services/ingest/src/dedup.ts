/**
 * Remembers the event ids Kafka has acknowledged, for a window, so a client retrying a request (after a
 * timeout, say) gets "duplicate" instead of producing the event twice. Bounded in entries and time; the lake
 * deduplicates by event id as well, so an id forgotten here (restart, eviction) costs a row, never a wrong count.
 *
 * Two generations of ids: new ids go into the current one; when it holds half the entries, or is a window old,
 * it becomes the previous one and the previous one is dropped. So an id is remembered for at least the window,
 * unless half the bound of newer ids came after it, and at most `maxEntries` ids are held. Plain Sets, because
 * this runs twice an event: lru-cache with expiry times cost about 2 µs an event (a tenth of ingest's CPU per
 * event), and neither recency nor an exact expiry matters here.
 */
export interface DedupWindow {
  seen(eventId: string): boolean;
  remember(eventIds: Iterable<string>): void;
  readonly size: number;
}

export interface DedupWindowOptions {
  windowMs: number;
  maxEntries: number;
  /** The clock, epoch milliseconds (Date.now unless given). */
  now?: () => number;
}

export function createDedupWindow(options: DedupWindowOptions): DedupWindow {
  const { windowMs } = options;
  const now = options.now ?? Date.now;
  const generationEntries = Math.max(1, Math.floor(options.maxEntries / 2));
  let current = new Set<string>();
  let previous = new Set<string>();
  let currentSince = now();

  /** Drops what is older than the window's generations; once two windows have passed, everything. */
  function expire(): void {
    const age = now() - currentSince;
    if (age < windowMs) return;
    previous = age < 2 * windowMs ? current : new Set();
    current = new Set();
    currentSince = now();
  }

  return {
    seen(eventId) {
      expire();
      return current.has(eventId) || previous.has(eventId);
    },
    remember(eventIds) {
      expire();
      for (const id of eventIds) {
        if (current.size >= generationEntries) {
          previous = current;
          current = new Set();
          currentSince = now();
        }
        current.add(id);
      }
    },
    get size() {
      return current.size + previous.size;
    },
  };
}
