/**
 * Fault: the S3 server process itself is stopped for SERVQ_CHAOS_S3_OUTAGE_MS (30 s) while events are landed
 * and the query service syncs every 500 ms, then started again. Ingest keeps accepting (Kafka is up); the
 * lander and the query service retry. Audit: every acknowledged event is in the lake exactly once, and the
 * query service shows each of them once. Time to recover: from the S3 server listening again until every
 * event acknowledged before that is in the lake (`timeToRecoverMs`) and visible through the query service
 * (`queryRecoverMs`).
 */
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachRound, expectExactlyOnce, finishScenario } from './finish.ts';
import { Pipeline } from './pipeline.ts';
import { chaosSettings, roundsFor, scenarioTimeoutMs, spread } from './report.ts';

const SCENARIO = 's3-stop';
const rounds = roundsFor(1);
const outageMs = chaosSettings.SERVQ_CHAOS_S3_OUTAGE_MS;

describe('fault: S3 server stopped during landing and the query sync', () => {
  const pipeline = new Pipeline(SCENARIO, { query: true });

  beforeAll(() => pipeline.start(), 180_000);
  afterAll(async () => {
    // A failed round must not leave the private S3 server down for the next scenario.
    await pipeline.infra.up('s3');
    await pipeline.stop();
  }, 180_000);

  it(
    `lands every acknowledged event exactly once and the query service catches up (${rounds} outages)`,
    async () => {
      const client = pipeline.client(10);
      await client.prime();
      client.start();
      const recoveries: number[] = [];
      const queryRecoveries: number[] = [];
      const queryDuringOutage: Record<string, number> = {};
      let acceptedDuringOutage = 0;
      const outcome = await eachRound(rounds, async () => {
        await client.waitForMoreAccepted(200, 120_000);
        await pipeline.waitUntilQueryShows(client, new Set(client.accepted), 120_000);
        await pipeline.infra.down('s3');
        const downAt = Date.now();
        const acceptedAtDown = client.accepted.size;
        // While S3 is down: what an analyst gets from the query service (it keeps its last good data).
        await pollUntil(
          async () => {
            const answer = await pipeline
              .sql('SELECT count(*)::INTEGER AS n FROM surveys', AbortSignal.timeout(5000))
              .catch(() => ({ status: 0 }));
            queryDuringOutage[String(answer.status)] = (queryDuringOutage[String(answer.status)] ?? 0) + 1;
            return Date.now() - downAt >= outageMs;
          },
          { intervalMs: 1000, timeoutMs: outageMs + 60_000 },
        );
        acceptedDuringOutage += client.accepted.size - acceptedAtDown;
        await pipeline.infra.up('s3');
        const upAt = Date.now();
        const acceptedBefore = new Set(client.accepted);
        await pipeline.waitUntilLanded(acceptedBefore, client.sent, 180_000);
        recoveries.push(Date.now() - upAt);
        await pipeline.waitUntilQueryShows(client, acceptedBefore, 180_000);
        queryRecoveries.push(Date.now() - upAt);
      });
      const audit = await finishScenario(pipeline, client, {
        scenario: SCENARIO,
        rounds,
        recoveries,
        outcome,
        extra: {
          outageMs,
          acceptedDuringOutage,
          queryRecoverMs: spread(queryRecoveries),
          queryAnswersDuringOutage: queryDuringOutage,
        },
        afterDrain: async () => {
          const waited = await pipeline.waitUntilQueryShows(client, client.accepted, 180_000).catch(() => -1);
          return { query: { ...(await pipeline.queryAudit(client)), caughtUpAfterDrainMs: waited } };
        },
      });
      expectExactlyOnce(audit, client, outcome);
      const query = await pipeline.queryAudit(client);
      expect(query).toEqual({ status: 200, visible: client.accepted.size, lost: 0, duplicated: 0 });
    },
    scenarioTimeoutMs(rounds, 180_000),
  );
});
