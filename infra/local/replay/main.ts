/**
 * `pnpm replay:rejected [--since <ISO date-time>] [--dry-run]`: re-validates the rejected topic's payloads with
 * the current contracts and sends those that now pass to their topics (see replay.ts). Reads the same
 * environment as the services: Kafka (KAFKA_*), the pseudonymisation secret and the clock rules of ingest
 * (INGEST_PSEUDONYM_SECRET, INGEST_CLOCK_SKEW_SECONDS, INGEST_HORIZON_DAYS, INGEST_TOPIC_PREFIX). Prints a
 * JSON report of counts and field paths, never a payload's values.
 */
import { parseArgs } from 'node:util';
import { envPositiveInt, KafkaEnv, parseEnv, toKafkaConfig } from '@servq/config';
import { createKafka, logLevel } from '@servq/kafka';
import { z } from 'zod';
import { replayRejected } from './replay.ts';

const ReplayEnv = KafkaEnv.extend({
  INGEST_PSEUDONYM_SECRET: z
    .string({ message: 'required: the secret ingest keys pseudonyms with' })
    .min(16, 'expected at least 16 characters'),
  INGEST_CLOCK_SKEW_SECONDS: envPositiveInt.default(300),
  INGEST_HORIZON_DAYS: envPositiveInt.default(400),
  INGEST_TOPIC_PREFIX: z.string().default(''),
  REPLAY_TIMEOUT_MS: envPositiveInt.default(300_000),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { since: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    strict: true,
  });
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since !== undefined && Number.isNaN(since.getTime())) {
    throw new Error('--since: expected an ISO-8601 date-time, e.g. 2026-03-02T00:00:00+02:00');
  }
  const env = parseEnv(ReplayEnv, process.env);
  const kafka = createKafka(toKafkaConfig(env), { logLevel: logLevel.WARN });
  const report = await replayRejected({
    kafka,
    topicPrefix: env.INGEST_TOPIC_PREFIX,
    pseudonymSecret: env.INGEST_PSEUDONYM_SECRET,
    validation: { maxSkewMs: env.INGEST_CLOCK_SKEW_SECONDS * 1000, horizonDays: env.INGEST_HORIZON_DAYS },
    since,
    dryRun: values['dry-run'],
    timeoutMs: env.REPLAY_TIMEOUT_MS,
  });
  console.log(JSON.stringify({ dryRun: values['dry-run'], ...report }, null, 2));
}

main().catch((error: unknown) => {
  console.error(`[replay] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
