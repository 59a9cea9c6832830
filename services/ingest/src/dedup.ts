/**
 * Remembers the event ids Kafka has acknowledged, for a window, so a client retrying a request (after a
 * timeout, say) gets "duplicate" instead of producing the event twice. Bounded in entries and time; the lake
 * deduplicates by event id as well, so an id forgotten here (restart, eviction) costs a row, never a wrong count.
 */
import { LRUCache } from 'lru-cache';

export interface DedupWindow {
  seen(eventId: string): boolean;
  remember(eventIds: Iterable<string>): void;
  readonly size: number;
}

export function createDedupWindow(options: { windowMs: number; maxEntries: number }): DedupWindow {
  const cache = new LRUCache<string, true>({ max: options.maxEntries, ttl: options.windowMs, ttlAutopurge: false });
  return {
    seen: (eventId) => cache.has(eventId),
    remember(eventIds) {
      for (const id of eventIds) cache.set(id, true);
    },
    get size() {
      return cache.size;
    },
  };
}
