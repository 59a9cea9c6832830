/**
 * The end of every fault scenario: the client stops sending and waits until all it sent is acknowledged,
 * everything acknowledged is waited for in the lake, and the audit compares event ids one by one. The
 * summary line is written before the assertions, so a failing run still leaves its figures.
 */
import { expect } from 'vitest';
import type { AuditResult } from '../support/lake-audit.ts';
import type { SteadyIngest } from '../support/steady-ingest.ts';
import type { Pipeline } from './pipeline.ts';
import { report, spread } from './report.ts';

/**
 * Runs the rounds of a scenario, stopping at the first that fails: the scenario still drains, audits and
 * reports what it has, and then fails with that round's error.
 */
export async function eachRound(
  rounds: number,
  round: (index: number) => Promise<void>,
): Promise<{ completed: number; failure?: string }> {
  for (let index = 0; index < rounds; index++) {
    try {
      await round(index);
    } catch (error) {
      return {
        completed: index,
        failure: `round ${index + 1}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return { completed: rounds };
}

export interface Finish {
  scenario: string;
  rounds: number;
  recoveries: number[];
  /** What eachRound returned. */
  outcome: { completed: number; failure?: string };
  extra?: Record<string, unknown>;
  /** Figures taken once everything sent is acknowledged and landed (the query service's view, say). */
  afterDrain?: () => Promise<Record<string, unknown>>;
}

export async function finishScenario(pipeline: Pipeline, client: SteadyIngest, finish: Finish): Promise<AuditResult> {
  await client.stop(120_000);
  // A shortfall is reported by the audit below, id by id, rather than as a timeout.
  await pipeline.waitUntilLanded(client.accepted, client.sent, 180_000).catch(() => undefined);
  const audit = await pipeline.auditor.audit(client.accepted, client.sent);
  const drained = (await finish.afterDrain?.()) ?? {};
  report({
    scenario: finish.scenario,
    rounds: finish.rounds,
    roundsCompleted: finish.outcome.completed,
    ...(finish.outcome.failure ? { failure: finish.outcome.failure } : {}),
    sent: client.sent.size,
    accepted: client.accepted.size,
    landed: audit.landed,
    lost: audit.lost,
    duplicated: audit.duplicated,
    duplicatedSameOffset: audit.duplicatedSameOffset,
    unexpected: audit.unexpected,
    timeToRecoverMs: spread(finish.recoveries),
    lakeObjects: audit.objects,
    statuses: client.statusCounts(),
    ...finish.extra,
    ...drained,
  });
  return audit;
}

/** What every scenario's audit must show (after every round completed). */
export function expectExactlyOnce(audit: AuditResult, client: SteadyIngest, outcome: { failure?: string }): void {
  expect(outcome.failure, 'a round that did not complete').toBeUndefined();
  expect(client.unacknowledged(), 'events never acknowledged').toEqual([]);
  expect(audit.lostIds, 'acknowledged events missing from the lake').toEqual([]);
  expect(audit.unexpected, 'events in the lake that were never sent').toBe(0);
  expect(audit.duplicatedSameOffset, 'Kafka messages landed twice').toBe(0);
  // A copy at another offset means ingest produced the event twice. The only case the suite tolerates is an
  // event whose request was answered 503 and retried (ingest could not know whether Kafka had stored it; see
  // the README's fault-suite paragraph); an event acknowledged at its first attempt must exist once.
  expect(
    audit.duplicatedIds.filter((id) => !client.retried.has(id)),
    'duplicates of events acknowledged at their first attempt',
  ).toEqual([]);
  expect(audit.landed).toBe(client.accepted.size);
}
