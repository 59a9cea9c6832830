/**
 * Seeding a scenario's stack with demo events: sent through its ingest with the all-families key, none rejected,
 * then waited for until every one has landed and the query service has synced after it (`Stack.settled`).
 */
import { expect } from 'vitest';
import type { DemoEvent } from '../../infra/demo/event.factory.ts';
import { sendEvents } from '../../infra/demo/ingest.sender.ts';
import type { Stack } from './stack.ts';

export async function seedStack(stack: Stack, events: readonly DemoEvent[], timeoutMs?: number): Promise<void> {
  const totals = await sendEvents(events, { baseUrl: stack.ingestUrl, apiKey: 'servq-dev-all-key' });
  expect(totals.rejected, JSON.stringify(totals.firstRejections)).toBe(0);
  await stack.settled(events, timeoutMs);
}
