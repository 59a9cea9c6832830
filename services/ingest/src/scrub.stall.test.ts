/**
 * Regression: scrubbing was super-linear, so a 32 KB request took 5.1 s and held /healthz for 4.2 s. The worst
 * inputs we could build go through a real listener while /healthz is probed; the event loop's delay is recorded
 * (perf_hooks.monitorEventLoopDelay) and so is the work done between two ticks of a timer. No request may hold
 * the loop for 100 ms of work (the bound). An in-memory producer stands in for Kafka: what is
 * measured is the service's own work.
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AckedProducer, TopicBatch } from '@servq/kafka';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { sha256Hex } from './auth.ts';
import type { IngestConfig } from './config.ts';
import { MAX_FREE_TEXT_LENGTH } from '@servq/contracts';

const KB = 1024;

function config(): IngestConfig {
  return {
    http: { host: '127.0.0.1', port: 0 },
    kafka: { brokers: ['127.0.0.1:1'], clientId: 'test' },
    topicPrefix: '',
    apiKeys: [{ id: 'all', sha256: sha256Hex('all-key'), families: ['visit', 'survey', 'complaint'] }],
    pseudonymSecret: 'test-secret-of-sixteen+',
    limits: { maxEventsPerRequest: 500, maxBodyBytes: 256 * KB, maxImportBytes: 256 * KB, ratePerMinute: 100_000 },
    produceTimeoutMs: 1000,
    dedup: { windowMs: 60_000, maxEntries: 10_000 },
    validation: { maxSkewMs: 300_000, horizonDays: 400 },
    logLevel: 'silent',
  };
}

class MemoryProducer implements AckedProducer {
  messages = 0;
  readonly connected = true;
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  send(batches: TopicBatch[]): Promise<void> {
    for (const batch of batches) this.messages += batch.messages.length;
    return Promise.resolve();
  }
}

function survey(comment: string) {
  return {
    event_id: randomUUID(),
    type: 'survey.submitted',
    schema_version: 1,
    occurred_at: new Date().toISOString(),
    source: 'kiosk-riga',
    channel: 'in_person',
    office_id: 'riga-valnu-30',
    survey_id: `s-${randomUUID().slice(0, 8)}`,
    satisfaction: 3,
    comment,
  };
}

/** Text of exactly `length` characters made of `unit` repeated. */
const repeated = (unit: string, length: number): string =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** The longest comment an event may carry: scrubbing happens at the edge only for accepted events. */
const LONGEST = MAX_FREE_TEXT_LENGTH;

/** Comments built to make a backtracking scrubber retry every position of a long run. */
const WORST_UNITS: Record<string, string> = {
  'a digit run': '1',
  'digits with hyphens': '1-',
  'digits with spaces': '12 ',
  'many @': 'a@',
  'a dotted word without @': 'a.',
  'one long word': 'a',
  'repeated +371': '+371 ',
  'capitals and digits': 'AB12 ',
  'name-like tokens': 'Jānis Bērziņš kungs, Ozola kundze. ',
  'short capitalised words': 'Аб ',
  initials: '.Ж',
  'names, phones and e-mails': 'Mani sauc Jānis Bērziņš, tel. +371 26123456, jb@inbox.lv; Меня зовут Иван Петров. ',
};

/** Events whose comments, each at the limit, fill a body of about `bytes`. */
function worstRequest(unit: string, bytes: number) {
  const comment = repeated(unit, LONGEST);
  return Array.from({ length: Math.ceil(bytes / Buffer.byteLength(comment)) }, () => survey(comment));
}

describe('a request with the worst inputs does not hold the event loop (regression: super-linear scrubbing)', () => {
  let app: FastifyInstance;
  let producer: MemoryProducer;
  let base: string;

  beforeEach(async () => {
    producer = new MemoryProducer();
    app = await buildApp(config(), { producer, checkKafka: () => Promise.resolve(), logger: false });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterEach(async () => {
    await app.close();
  });

  const post = (body: unknown) =>
    fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer all-key', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('holds the event loop under 100 ms per request while /healthz answers', async () => {
    // Ordinary traffic first, accepted and rejected, in Latvian and in plain ASCII: a running service has compiled
    // its code and its patterns (V8 compiles a pattern again for strings of one-byte characters) and built its name
    // lists before an attack comes. A cold process spent 60-110 ms of CPU on its first such requests here.
    const ordinary = [
      'Paldies Annai Kalniņai! Zvaniet +371 26123456 vai rakstiet anna@inbox.lv. ',
      'Thanks John, call 26123456. ',
    ];
    for (const comment of ordinary) {
      expect((await post([survey(comment), survey(repeated(comment, LONGEST))])).status).toBe(200);
      expect((await post([survey(repeated(comment, 3 * KB))])).status).toBe(422);
    }
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const probes: number[] = [];
    let sending = true;
    const probing = (async () => {
      while (sending) {
        const start = performance.now();
        const response = await fetch(`${base}/healthz`);
        expect(response.status).toBe(200);
        await response.arrayBuffer();
        probes.push(performance.now() - start);
        await nextTurn();
      }
    })();

    // Between two ticks of a 5 ms timer the loop's own work is at most the wall-clock time that passed and at most
    // the CPU time the process used: the first also counts time the machine gave to other processes, the second
    // also counts the process's other threads (garbage collection). The lesser of the two bounds the block on a
    // shared machine, where the wall clock alone stretched 3-8 times at a load of 20.
    let maxWorkBetweenTicksMs = 0;
    let lastCpu = process.cpuUsage();
    let lastWall = performance.now();
    const ticker = setInterval(() => {
      const used = process.cpuUsage(lastCpu);
      const wall = performance.now() - lastWall;
      maxWorkBetweenTicksMs = Math.max(maxWorkBetweenTicksMs, Math.min(wall, (used.user + used.system) / 1000));
      lastCpu = process.cpuUsage();
      lastWall = performance.now();
    }, 5);
    delay.enable();
    const statuses: number[] = [];
    let events = 0;
    const send = async (body: unknown[]) => {
      events += body.length;
      const response = await post(body);
      statuses.push(response.status);
      await response.arrayBuffer();
    };
    try {
      // Requests of the issue's size (32 KB), one for each kind of input. A 100 KB comment is the contracts'
      // unit test's (scrub.test.ts): an event's comment is at most 2000 characters.
      for (const unit of Object.values(WORST_UNITS)) await send(worstRequest(unit, 32 * KB));
      // One comment of 32 KB, too long for an event: rejected, kept as sent for replay, answered at once.
      await send([survey(repeated('1-', 32 * KB))]);
    } finally {
      delay.disable();
      clearInterval(ticker);
      sending = false;
      await probing;
    }

    const maxBlockMs = delay.max / 1e6;
    console.log(
      `event loop: longest block ${maxBlockMs.toFixed(1)} ms wall clock (p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms), ` +
        `at most ${maxWorkBetweenTicksMs.toFixed(1)} ms of work; ` +
        `/healthz: ${String(probes.length)} probes, slowest ${Math.max(...probes).toFixed(1)} ms`,
    );
    expect(statuses).toEqual([...Object.keys(WORST_UNITS).map(() => 200), 422]);
    expect(producer.messages).toBe(6 + events);
    expect(probes.length).toBeGreaterThan(0);
    // The bound is on the work that held the loop; the wall-clock figure is printed (on a dedicated machine the two
    // agree). The old scrubber needed about a second of work for one of these requests.
    expect(maxWorkBetweenTicksMs).toBeLessThan(100);
  });
});
