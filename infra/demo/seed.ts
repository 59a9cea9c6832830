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

const s3Config = toS3Config(parseEnv(S3Env, process.env));
const s3 = createS3Client(s3Config);

/** Up to when this demo was sent already, from the marker in the bucket (null: nothing, or another demo). */
async function sentBefore(): Promise<string | null> {
  try {
    return sendAfter(await readMarker(s3, s3Config.bucket), seed);
  } catch (error) {
    console.error(`[demo] could not read the seed marker (${String(error)}); sending the whole demo`);
    return null;
  }
}

function markSent(until: string): Promise<void> {
  return writeMarker(s3, s3Config.bucket, { version: DEMO_VERSION, seed, sentUntil: until }).catch((error: unknown) =>
    console.error(`[demo] could not write the seed marker: ${String(error)}`),
  );
}

/** Sends the year up to now (or what is newer than the marker); returns the instant it sent up to. */
async function seedHistory(): Promise<string> {
  const now = new Date();
  const after = await sentBefore();
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
  await markSent(now.toISOString());
  return now.toISOString();
}

/** The demo going on in real time from `after`; the marker follows about once a minute. */
async function live(after: string): Promise<void> {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  console.log(`[demo] live mode: the demo's day goes on in real time from ${after} (stop with Ctrl-C)`);
  const send = async (events: Parameters<typeof sendEvents>[0]) => {
    const totals = await sendEvents(events, { baseUrl: baseUrl!, apiKey: apiKey! });
    console.log(`[demo] ${new Date().toISOString()} sent ${events.length} (${totals.accepted} accepted)`);
    if (totals.rejected > 0)
      console.error('[demo] live event rejected:', JSON.stringify(totals.firstRejections).slice(0, 600));
  };
  let marked = Date.now();
  const sent = await runLive({
    seed,
    send,
    signal: controller.signal,
    after,
    onSent: (until) => {
      if (Date.now() - marked < 60_000) return;
      marked = Date.now();
      void markSent(until);
    },
    onError: (error) => console.error(`[demo] live send failed, trying again: ${String(error)}`),
  });
  console.log(`[demo] live mode stopped after ${sent} events`);
}

const sentUntil = values['live-only'] ? ((await sentBefore()) ?? new Date().toISOString()) : await seedHistory();
if (!values['no-live']) await live(sentUntil);
s3.destroy();
