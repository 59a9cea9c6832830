/**
 * Sends the demo events through the ingest API, as a real source would, in batches of 500.
 * Usage: node --import tsx infra/demo/seed.ts <ingest base URL> <api key> [days]
 */
import { addDays } from '@servq/contracts';
import { demoEvents, todayInRiga } from './demo.events.ts';

const [baseUrl, apiKey, daysArg] = process.argv.slice(2);
if (!baseUrl || !apiKey) {
  console.error('usage: seed.ts <ingest base URL> <api key> [days]');
  process.exit(2);
}
const events = demoEvents({
  days: Number(daysArg ?? 42),
  endDate: addDays(todayInRiga(), -1),
  seed: 2026,
  now: new Date(),
});
let accepted = 0;
for (let i = 0; i < events.length; i += 500) {
  const res = await fetch(`${baseUrl}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(events.slice(i, i + 500)),
  });
  const body = (await res.json()) as { accepted?: number; rejected?: number; results?: unknown[] };
  if (res.status !== 200) {
    console.error(`[demo] ingest answered ${res.status}:`, JSON.stringify(body).slice(0, 600));
    process.exit(1);
  }
  accepted += body.accepted ?? 0;
}
console.log(`[demo] sent ${events.length} events (${accepted} accepted, the rest already present)`);
