/**
 * Fault: the lander is killed with SIGKILL in the middle of a flush (a landing checkpoint shows a pending
 * batch), again and again, while ingest takes events at a steady rate. Each time it is started again at once.
 * Audit: every event ingest acknowledged is in the lake exactly once. Time to recover: from the restart until
 * every event acknowledged before the kill is in the lake.
 */
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { eachRound, expectExactlyOnce, finishScenario } from './finish.ts';
import { Pipeline } from './pipeline.ts';
import { roundsFor, scenarioTimeoutMs } from './report.ts';

const SCENARIO = 'lander-sigkill';
const rounds = roundsFor(2);

describe('fault: lander killed with SIGKILL mid-flush', () => {
  const pipeline = new Pipeline(SCENARIO, { query: false });

  beforeAll(() => pipeline.start(), 120_000);
  afterAll(() => pipeline.stop(), 120_000);

  it(
    `lands every acknowledged event exactly once through ${rounds} kills`,
    async () => {
      const client = pipeline.client();
      await client.prime();
      client.start();
      const recoveries: number[] = [];
      let killedMidFlush = 0;
      const outcome = await eachRound(rounds, async () => {
        // Wait for a flush in progress; if none is caught within the deadline, kill anyway (and say so).
        let caught = false;
        await pollUntil(
          async () => {
            caught = (await pipeline.pendingFlushes()) > 0;
            return caught;
          },
          { intervalMs: 20, timeoutMs: 20_000 },
        ).catch(() => undefined);
        await pipeline.killLander();
        if (caught) killedMidFlush += 1;
        const acceptedAtKill = new Set(client.accepted);
        await pipeline.startLander();
        recoveries.push(await pipeline.waitUntilLanded(acceptedAtKill, client.sent, 120_000));
      });
      const audit = await finishScenario(pipeline, client, {
        scenario: SCENARIO,
        rounds,
        recoveries,
        outcome,
        extra: { killedMidFlush },
      });
      expectExactlyOnce(audit, client, outcome);
    },
    scenarioTimeoutMs(rounds, 60_000),
  );
});
