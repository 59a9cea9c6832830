/**
 * Fault: the query service is restarted while it syncs the lake (every 500 ms, with events landing) and while
 * an analyst's long SQL query runs in its sandbox — by SIGTERM in odd rounds, SIGKILL in even ones — and
 * started again on the same data directory. Audit: every acknowledged event is in the lake exactly once and the
 * restarted service shows each of them once. Recorded: what the analyst's request got, sandbox processes left
 * running after the service was gone, and the time from the restart until the service was ready
 * (`readyMs`) and showed every event acknowledged before it (`timeToRecoverMs`).
 */
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendants, isAlive } from '../support/processes.ts';
import { eachRound, expectExactlyOnce, finishScenario } from './finish.ts';
import { killHard, Pipeline } from './pipeline.ts';
import { roundsFor, scenarioTimeoutMs, spread } from './report.ts';

const SCENARIO = 'query-restart';
const rounds = roundsFor(2);
/** Several seconds of work for one sandbox thread, whatever the data. */
const LONG_SQL = 'SELECT sum(hash(a.i * 7919 + b.i)) AS h FROM range(30000) a(i), range(30000) b(i)';

describe('fault: query service restarted during a sync and a long analyst query', () => {
  const pipeline = new Pipeline(SCENARIO, { query: true });

  beforeAll(() => pipeline.start(), 180_000);
  afterAll(() => pipeline.stop(), 180_000);

  it(
    `shows every acknowledged event exactly once after ${rounds} restarts`,
    async () => {
      const client = pipeline.client(10);
      await client.prime();
      client.start();
      const recoveries: number[] = [];
      const ready: number[] = [];
      const perRound: Record<string, unknown>[] = [];
      const outcome = await eachRound(rounds, async (round) => {
        await client.waitForMoreAccepted(200, 120_000);
        const service = pipeline.query!;
        const sentAt = Date.now();
        const analyst = pipeline.sql(LONG_SQL, AbortSignal.timeout(150_000)).then(
          (answer) => `status ${answer.status}`,
          () => 'no answer',
        );
        // The query is under way: a second after it was sent, with the service's sandbox worker running.
        await pollUntil(() => descendants(service.process.pid!).length > 0 && Date.now() - sentAt > 1000, {
          intervalMs: 50,
          timeoutMs: 30_000,
        });
        const started = descendants(service.process.pid!);
        const signal = round % 2 === 0 ? 'SIGTERM' : 'SIGKILL';
        const stopAt = Date.now();
        if (signal === 'SIGTERM') await service.stop();
        else await killHard(service);
        const restartAt = Date.now();
        const outcome = await analyst;
        // Processes of the service that outlive it by more than 5 s are left over for good.
        await pollUntil(() => !started.some(isAlive), { intervalMs: 100, timeoutMs: 5000 }).catch(() => undefined);
        const left = started.filter(isAlive);
        // Ours to clean up: they were started by the service this test started.
        for (const pid of left) process.kill(pid, 'SIGKILL');
        perRound.push({
          signal,
          // SIGTERM: exited by itself, or killed by the harness after its 15 s grace period.
          exit: service.process.signalCode ?? `code ${service.process.exitCode}`,
          stopMs: restartAt - stopAt,
          analystQuery: outcome,
          sandboxProcessesLeftRunning: left.length,
        });
        const acceptedBefore = new Set(client.accepted);
        await pipeline.startQuery();
        ready.push(Date.now() - restartAt);
        await pipeline.waitUntilQueryShows(client, acceptedBefore, 180_000);
        recoveries.push(Date.now() - restartAt);
      });
      const audit = await finishScenario(pipeline, client, {
        scenario: SCENARIO,
        rounds,
        recoveries,
        outcome,
        extra: {
          readyMs: spread(ready),
          perRound,
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
    scenarioTimeoutMs(rounds, 120_000),
  );
});
