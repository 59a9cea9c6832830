/**
 * kafkajs against @platformatic/kafka on this machine's broker, in one run: producing through the seam's
 * acknowledged producer (idempotent, acks=all, as ingest sends: one awaited send per request, batches of 100
 * and 1000 events, 1 and 8 requests at a time), and consuming a topic from the beginning (the seam's
 * partition consumer on kafkajs, which the lander uses, against a bare @platformatic/kafka stream). Runs
 * alternate between the libraries; medians are reported. A section of `pnpm bench` (test/bench/run.ts), which
 * passes BENCH_RESULT_FILE; run alone, it writes bench/results/kafka-clients.json.
 *
 *   node --import tsx packages/kafka/bench/clients.bench.ts [runs per library, default 3] [scale of the message counts, default 1]
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Consumer, stringDeserializers } from '@platformatic/kafka';
import { loadSharedConfig } from '@servq/config';
import { pollUntil } from '@servq/runtime';
import {
  createKafka,
  ensureTopics,
  logLevel,
  withAdmin,
  type AckedProducer,
  type OutgoingMessage,
} from '../src/index.ts';
import { createPlatformaticAckedProducer } from '../src/platformatic/acked.producer.ts';

const shared = loadSharedConfig(process.env);
const id = randomUUID().slice(0, 8);
const kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
const PARTITIONS = 6;
const RUNS = Number(process.argv[2] ?? 3);
/** `pnpm bench --quick` sends a quarter of the messages. */
const SCALE = Number(process.argv[3] ?? 1);
const CONSUME_TOTAL = Math.round(200_000 * SCALE);
const root = new URL('../../../', import.meta.url).pathname;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** A survey event as ingest writes it (about 380 bytes of JSON), keyed by survey. */
function message(i: number): OutgoingMessage {
  const survey = `s-${id}-${i}`;
  return {
    key: survey,
    value: JSON.stringify({
      event_id: randomUUID(),
      type: 'survey.submitted',
      schema_version: 1,
      occurred_at: new Date().toISOString(),
      source: 'bench-kiosk',
      channel: 'in_person',
      office_id: 'riga-valnu-30',
      survey_id: survey,
      satisfaction: 1 + (i % 5),
      comment: 'Ātri un laipni apkalpoja, paldies! Rinda bija īsa, un darbiniece visu izskaidroja.',
      ingested_at: new Date().toISOString(),
    }),
    headers: { source: 'bench-kiosk', type: 'survey.submitted' },
  };
}

type Library = 'kafkajs' | 'platformatic';

function producerOf(library: Library): AckedProducer {
  const options = { sendTimeoutMs: 30_000 };
  return library === 'kafkajs' ? kafka.ackedProducer(options) : createPlatformaticAckedProducer(shared.kafka, options);
}

/** Messages per second for `total` messages sent as batches of `batch`, `concurrency` sends at a time. */
async function produceRun(library: Library, topic: string, batch: number, concurrency: number, total: number) {
  const producer = producerOf(library);
  await producer.start();
  const batches = Array.from({ length: Math.ceil(total / batch) }, (_, b) =>
    Array.from({ length: batch }, (_, j) => message(b * batch + j)),
  );
  // One warm-up send: connections and metadata are not what is measured.
  await producer.send([{ topic, messages: [message(-1)] }]);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const messages = batches[next++] as OutgoingMessage[];
        await producer.send([{ topic, messages }]);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await producer.stop();
  return Math.round(total / seconds);
}

async function consumeKafkajs(topic: string, run: number): Promise<number> {
  const consumer = kafka.consumer({
    groupId: `bench-clients-kafkajs-${id}-${run}`,
    topics: [topic],
    sessionTimeoutMs: 30_000,
    silentAfterMs: 120_000,
  });
  let seen = 0;
  let started = 0;
  await consumer.start({
    assigned: (_p, committed) => {
      started ||= performance.now();
      return Promise.resolve(committed);
    },
    batch: (batch) => {
      seen += batch.messages.length;
      return Promise.resolve();
    },
    revoked: () => undefined,
  });
  await pollUntil(() => seen >= CONSUME_TOTAL, { intervalMs: 5, timeoutMs: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  await consumer.stop();
  return Math.round(CONSUME_TOTAL / seconds);
}

async function consumePlatformatic(topic: string, run: number): Promise<number> {
  const consumer = new Consumer({
    clientId: shared.kafka.clientId,
    bootstrapBrokers: shared.kafka.brokers,
    groupId: `bench-clients-platformatic-${id}-${run}`,
    deserializers: stringDeserializers,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });
  let seen = 0;
  let started = 0;
  const stream = await consumer.consume({
    topics: [topic],
    mode: 'earliest',
    autocommit: false,
    maxBytesPerPartition: 4 * 1024 * 1024,
  });
  stream.on('data', () => {
    started ||= performance.now();
    seen++;
  });
  await pollUntil(() => seen >= CONSUME_TOTAL, { intervalMs: 5, timeoutMs: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  await stream.close();
  await consumer.close(true);
  return Math.round(CONSUME_TOTAL / seconds);
}

async function main(): Promise<void> {
  const produceTopic = `bench.clients.${id}.produce`;
  const consumeTopic = `bench.clients.${id}.consume`;
  await ensureTopics(kafka, [
    { topic: produceTopic, numPartitions: PARTITIONS },
    { topic: consumeTopic, numPartitions: PARTITIONS },
  ]);
  try {
    const cases = [
      { batch: 100, concurrency: 1, total: 20_000 },
      { batch: 100, concurrency: 8, total: 40_000 },
      { batch: 1000, concurrency: 1, total: 50_000 },
      { batch: 1000, concurrency: 8, total: 100_000 },
    ].map((c) => ({
      ...c,
      total: Math.max(c.batch * c.concurrency, Math.round((c.total * SCALE) / c.batch) * c.batch),
    }));
    const produce: Record<string, unknown>[] = [];
    for (const c of cases) {
      const runs: Record<Library, number[]> = { kafkajs: [], platformatic: [] };
      for (let r = 0; r < RUNS; r++) {
        for (const library of ['kafkajs', 'platformatic'] as const) {
          runs[library].push(await produceRun(library, produceTopic, c.batch, c.concurrency, c.total));
        }
      }
      const kafkajs = median(runs.kafkajs);
      const platformatic = median(runs.platformatic);
      const row = {
        ...c,
        kafkajsMsgPerS: kafkajs,
        platformaticMsgPerS: platformatic,
        ratio: +(platformatic / kafkajs).toFixed(2),
        runs,
      };
      console.log(JSON.stringify(row));
      produce.push(row);
    }

    // The consume topic: filled once by the faster producer (what fills it does not matter to the readers).
    const filler = producerOf('platformatic');
    await filler.start();
    for (let i = 0; i < CONSUME_TOTAL; i += 1000) {
      await filler.send([{ topic: consumeTopic, messages: Array.from({ length: 1000 }, (_, j) => message(i + j)) }]);
    }
    await filler.stop();
    const consume: Record<Library, number[]> = { kafkajs: [], platformatic: [] };
    for (let r = 0; r < RUNS; r++) {
      consume.kafkajs.push(await consumeKafkajs(consumeTopic, r));
      consume.platformatic.push(await consumePlatformatic(consumeTopic, r));
    }
    const consumeRow = {
      messages: CONSUME_TOTAL,
      kafkajsMsgPerS: median(consume.kafkajs),
      platformaticMsgPerS: median(consume.platformatic),
      ratio: +(median(consume.platformatic) / median(consume.kafkajs)).toFixed(2),
      runs: consume,
    };
    console.log(JSON.stringify(consumeRow));
    const result = {
      bench: 'kafka-clients',
      node: process.version,
      at: new Date().toISOString(),
      what: `acked producer (idempotent, acks=all) per library through packages/kafka; consume-and-discard from the beginning, fresh group per run (kafkajs: the partition consumer the lander uses; platformatic: a bare stream); medians of ${RUNS}, alternating`,
      runs: RUNS,
      produce,
      consume: consumeRow,
    };
    const out = process.env.BENCH_RESULT_FILE ?? `${root}bench/results/kafka-clients.json`;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await withAdmin(kafka, (admin) => admin.deleteTopics([produceTopic, consumeTopic])).catch(() => undefined);
  }
}

await main();
