/**
 * Sends the demo year through the ingest API, as a real source would, then (unless `--no-live`) keeps sending a
 * live trickle until stopped. A marker object in the bucket records what was sent, so a second run sends only
 * what happened since; without S3 it sends everything again, which ingest and the lake count as duplicates.
 *
 * Usage: node --import tsx infra/demo/seed.ts <ingest base URL> <api key> [--months 13] [--seed 2026]
 *        [--no-live] [--live-only] [--no-history]
 */
import { parseArgs } from 'node:util';
import { parseEnv, S3Env, toS3Config } from '@servq/config';
import { rigaDate } from '@servq/contracts';
import { createS3Client } from '@servq/lake';
import { sendEvents } from './ingest.sender.ts';
import { runLive } from './live.ts';
import { DEMO_VERSION, readMarker, sendAfter, writeMarker } from './seed.marker.ts';
import { demoYear } from './year.events.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    months: { type: 'string', default: '13' },
    seed: { type: 'string', default: '2026' },
    'no-live': { type: 'boolean', default: false },
    'live-only': { type: 'boolean', default: false },
  },
});
const [baseUrl, apiKey] = positionals;
if (!baseUrl || !apiKey) {
  console.error('usage: seed.ts <ingest base URL> <api key> [--months 13] [--seed 2026] [--no-live] [--live-only]');
  process.exit(2);
}
const seed = Number(values.seed);
const months = Number(values.months);

async function seedHistory(): Promise<void> {
  const s3Config = toS3Config(parseEnv(S3Env, process.env));
  const s3 = createS3Client(s3Config);
  const now = new Date();
  let after: string | null = null;
  try {
    after = sendAfter(await readMarker(s3, s3Config.bucket), seed);
  } catch (error) {
    console.error(`[demo] could not read the seed marker (${String(error)}); sending the whole demo`);
  }
  const started = performance.now();
  const all = demoYear({ seed, endDate: rigaDate(now), months, now });
  const events = after === null ? all : all.filter((e) => e.occurred_at > after);
  const generatedMs = performance.now() - started;
  console.error(
    `[demo] generated ${all.length} events (${months} months, seed ${seed}) in ${(generatedMs / 1000).toFixed(1)} s; ` +
      (after === null ? 'sending all' : `already sent until ${after}, sending ${events.length} newer`),
  );
  const sendStart = performance.now();
  const progress = (sent: number) => {
    const seconds = (performance.now() - sendStart) / 1000;
    const share = events.length ? Math.round((100 * sent) / events.length) : 100;
    process.stderr.write(
      `\r[demo] ${sent}/${events.length} events (${share} %), ${Math.round(sent / Math.max(seconds, 0.001))} events/s   `,
    );
  };
  const totals = await sendEvents(events, {
    baseUrl: baseUrl!,
    apiKey: apiKey!,
    batchSize: 1000,
    inFlight: 3,
    onProgress: progress,
  });
  process.stderr.write('\n');
  const seconds = (performance.now() - sendStart) / 1000;
  console.log(
    `[demo] sent ${events.length} events in ${seconds.toFixed(1)} s: ${totals.accepted} accepted, ` +
      `${totals.duplicates} already present, ${totals.rejected} rejected`,
  );
  if (totals.rejected > 0) {
    console.error('[demo] first rejections:', JSON.stringify(totals.firstRejections).slice(0, 1200));
    process.exit(1);
  }
  await writeMarker(s3, s3Config.bucket, { version: DEMO_VERSION, seed, sentUntil: now.toISOString() }).catch(
    (error: unknown) => console.error(`[demo] could not write the seed marker: ${String(error)}`),
  );
  s3.destroy();
}

async function live(): Promise<void> {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  console.log('[demo] live mode: new arrivals every few seconds while offices are open (stop with Ctrl-C)');
  const send = async (events: Parameters<typeof sendEvents>[0]) => {
    const totals = await sendEvents(events, { baseUrl: baseUrl!, apiKey: apiKey! });
    if (totals.rejected > 0)
      console.error('[demo] live event rejected:', JSON.stringify(totals.firstRejections).slice(0, 600));
  };
  const arrivals = await runLive({ send, signal: controller.signal });
  console.log(`[demo] live mode stopped after ${arrivals} arrivals`);
}

if (!values['live-only']) await seedHistory();
if (!values['no-live']) await live();
