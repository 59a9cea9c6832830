/**
 * Fault: the Kafka broker process is stopped while ingest takes events at a steady rate, stays down for
 * SERVQ_CHAOS_KAFKA_OUTAGE_MS, and is started again. While it is down ingest must answer 503 to every new
 * request and never 2xx (nothing can be persisted then); clients retry the same event ids, and in the end every
 * acknowledged event is in the lake exactly once. Time to recover: from the broker listening again until
 * ingest acknowledged a request started after that (`ingestRecoverMs`), and until every event acknowledged
 * before the outage is landed (`timeToRecoverMs`).
 */
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachRound, expectExactlyOnce, finishScenario } from './finish.ts';
import { Pipeline } from './pipeline.ts';
import { chaosSettings, roundsFor, scenarioTimeoutMs, spread } from './report.ts';

const SCENARIO = 'kafka-restart';
const rounds = roundsFor(1);
const outageMs = chaosSettings.SERVQ_CHAOS_KAFKA_OUTAGE_MS;

describe('fault: Kafka broker stopped and restarted during ingestion', () => {
  const pipeline = new Pipeline(SCENARIO, { query: false });

  beforeAll(() => pipeline.start(), 120_000);
  afterAll(async () => {
    // A failed round must not leave the private broker down for the next scenario.
    await pipeline.infra.up('kafka');
    await pipeline.stop();
  }, 180_000);

  it(
    `answers 503 while the broker is down and lands every retried event exactly once (${rounds} outages)`,
    async () => {
      const client = pipeline.client();
      await client.prime();
      client.start();
      const recoveries: number[] = [];
      const ingestRecoveries: number[] = [];
      const whileDown: Record<string, number> = {};
      const outcome = await eachRound(rounds, async () => {
        await client.waitForMoreAccepted(200, 120_000);
        await pipeline.infra.down('kafka');
        const downAt = Date.now();
        // The outage lasts its configured time, and at least one request is answered inside it.
        await pollUntil(() => Date.now() - downAt >= outageMs && client.answersWithin(downAt, Date.now()).length > 0, {
          intervalMs: 100,
          timeoutMs: outageMs + 60_000,
        });
        const restartAt = Date.now();
        for (const a of client.answersWithin(downAt, restartAt)) {
          whileDown[String(a.status)] = (whileDown[String(a.status)] ?? 0) + 1;
        }
        await pipeline.infra.up('kafka');
        const upAt = Date.now();
        const acceptedBefore = new Set(client.accepted);
        await pollUntil(() => client.answers.some((a) => a.startedAt >= upAt && a.status === 200), {
          intervalMs: 50,
          timeoutMs: 120_000,
        });
        ingestRecoveries.push(Date.now() - upAt);
        await pipeline.waitUntilLanded(acceptedBefore, client.sent, 180_000);
        recoveries.push(Date.now() - upAt);
      });
      const audit = await finishScenario(pipeline, client, {
        scenario: SCENARIO,
        rounds,
        recoveries,
        outcome,
        extra: { outageMs, ingestRecoverMs: spread(ingestRecoveries), answersWhileDown: whileDown },
      });
      // Requests started after the broker was gone and answered before it was started again: 503 only.
      expect(Object.keys(whileDown)).toEqual(['503']);
      expectExactlyOnce(audit, client, outcome);
    },
    scenarioTimeoutMs(rounds, 120_000),
  );
});
