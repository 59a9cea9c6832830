/**
 * The fault suite's settings and its per-scenario summary. `SERVQ_CHAOS_ROUNDS` chooses the form: unset, each
 * scenario runs its short form (one or two rounds, part of `npm test`); `pnpm test:chaos` sets 20 or more.
 * Every scenario prints one line of JSON and writes it to test/chaos/results/<scenario>.json (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envPositiveInt, parseEnv } from '@servq/config';
import { z } from 'zod';
import type { AuditCounts } from '../support/lake-audit.ts';

const ChaosEnv = z.object({
  SERVQ_CHAOS_ROUNDS: envPositiveInt.optional(),
  /** How long the S3 server stays stopped in each round of the S3 scenario. */
  SERVQ_CHAOS_S3_OUTAGE_MS: envPositiveInt.default(30_000),
  /** How long the broker stays stopped in each round of the Kafka scenario. */
  SERVQ_CHAOS_KAFKA_OUTAGE_MS: envPositiveInt.default(10_000),
});

export const chaosSettings = parseEnv(ChaosEnv, process.env);

/** The rounds a scenario runs: its short-form count unless SERVQ_CHAOS_ROUNDS asks for the long form. */
export function roundsFor(shortForm: number): number {
  return chaosSettings.SERVQ_CHAOS_ROUNDS ?? shortForm;
}

/** Generous per-scenario test timeout: set-up, each round's fault and recovery, and the final drain. */
export function scenarioTimeoutMs(rounds: number, perRoundMs: number): number {
  return 240_000 + rounds * perRoundMs;
}

export interface ScenarioSummary extends Omit<AuditCounts, 'objects'> {
  scenario: string;
  rounds: number;
  sent: number;
  accepted: number;
  /** Per round, from the end of the fault until the pipeline caught up (see each scenario). */
  timeToRecoverMs: { min: number; median: number; max: number };
  lakeObjects: number;
  [extra: string]: unknown;
}

export function spread(values: number[]): { min: number; median: number; max: number } {
  if (values.length === 0) return { min: 0, median: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted.at(-1)! };
}

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

export function report(summary: ScenarioSummary): void {
  const line = JSON.stringify({ ...summary, at: new Date().toISOString() });
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}${summary.scenario}.json`, `${line}\n`);
  console.log(`[chaos] ${line}`);
}
