/**
 * Sends events to the ingest API in batches (up to 1,000 events and 900 KB a request, a few requests in flight),
 * retrying when ingest asks to (429, 503), and counting what ingest accepted, knew already or rejected.
 */
import type { DemoEvent } from './event.factory.ts';

export interface SendTotals {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first few rejection reasons, to print. */
  firstRejections: unknown[];
}

export interface SenderOptions {
  baseUrl: string;
  apiKey: string;
  batchSize?: number;
  inFlight?: number;
  onProgress?: (sent: number) => void;
}

const MAX_BODY = 900 * 1024;

function batches(events: readonly DemoEvent[], size: number): { body: string; count: number }[] {
  const bodies: { body: string; count: number }[] = [];
  let current: string[] = [];
  let bytes = 2;
  for (const event of events) {
    const json = JSON.stringify(event);
    const length = Buffer.byteLength(json) + 1;
    if (current.length > 0 && (current.length >= size || bytes + length > MAX_BODY)) {
      bodies.push({ body: `[${current.join(',')}]`, count: current.length });
      current = [];
      bytes = 2;
    }
    current.push(json);
    bytes += length;
  }
  if (current.length > 0) bodies.push({ body: `[${current.join(',')}]`, count: current.length });
  return bodies;
}

async function post(options: SenderOptions, body: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${options.baseUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if ((res.status === 429 || res.status === 503) && attempt < 20) {
      const after = Number(res.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, after) * 1000));
      continue;
    }
    if (res.status !== 200 && res.status !== 207 && res.status !== 422) {
      throw new Error(`ingest answered ${res.status}: ${JSON.stringify(answer).slice(0, 600)}`);
    }
    return answer;
  }
}

export async function sendEvents(events: readonly DemoEvent[], options: SenderOptions): Promise<SendTotals> {
  const bodies = batches(events, options.batchSize ?? 1000);
  const totals: SendTotals = { accepted: 0, duplicates: 0, rejected: 0, firstRejections: [] };
  let next = 0;
  let sent = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const { body, count } = bodies[next++]!;
      const answer = await post(options, body);
      const summary = answer as Record<string, number | undefined>;
      totals.accepted += summary.accepted ?? 0;
      totals.duplicates += summary.duplicates ?? 0;
      totals.rejected += summary.rejected ?? 0;
      if ((summary.rejected ?? 0) > 0 && totals.firstRejections.length < 3) {
        const results = (answer.results ?? []) as { status?: string }[];
        totals.firstRejections.push(...results.filter((r) => r.status === 'rejected').slice(0, 3));
      }
      sent += count;
      options.onProgress?.(sent);
    }
  };
  await Promise.all(Array.from({ length: options.inFlight ?? 3 }, worker));
  return totals;
}
