import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import type { S3Client } from '@aws-sdk/client-s3';
import { loadSharedConfig } from '@servq/config';
import { createKafka, logLevel } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import type { Kafka, Producer } from 'kafkajs';
import pWaitFor from 'p-wait-for';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildLander } from './app.ts';
import { loadConfig } from './config.ts';
import { asMessages, cleanUp, countLake, isolate, readLake, visitCalled } from './lander.test-support.ts';

const shared = loadSharedConfig(process.env);
const bucket = shared.s3.bucket;

/** A TCP proxy in front of the shared S3 server that can be switched off and on, like an S3 outage. */
class SwitchableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: URL) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe('lander when S3 fails', () => {
  let kafka: Kafka;
  let s3: S3Client;
  let producer: Producer;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    kafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
    s3 = createS3Client(shared.s3);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => {
    await producer.disconnect();
    s3.destroy();
  });

  it('retries with backoff through a 30 s S3 outage, reports not ready meanwhile, and lands everything exactly once after it', async () => {
    const proxy = new SwitchableProxy(new URL(shared.s3.endpoint));
    await proxy.up();
    cleanups.push(() => proxy.down());
    const iso = await isolate(kafka);
    cleanups.push(() => cleanUp(kafka, s3, bucket, iso));
    const config = loadConfig({ ...iso.env, S3_ENDPOINT: `http://127.0.0.1:${proxy.port}` });
    const lander = await buildLander(config, { logger: pino({ level: 'silent' }) });
    await lander.start();
    cleanups.push(() => lander.stop());

    const first = Array.from({ length: 200 }, (_, i) => visitCalled(i, new Date().toISOString()));
    await producer.send({ topic: iso.topic, acks: -1, messages: asMessages(first) });
    await pWaitFor(async () => (await countLake(s3, bucket, iso.prefix, 'visit_events')) === first.length, {
      interval: 300,
      timeout: 20_000,
    });

    await proxy.down();
    const downAt = Date.now();
    const second = Array.from({ length: 300 }, (_, i) => visitCalled(1000 + i, new Date().toISOString()));
    await producer.send({ topic: iso.topic, acks: -1, messages: asMessages(second) });
    await pWaitFor(async () => (await lander.http.inject({ method: 'GET', url: '/readyz' })).statusCode === 503, {
      interval: 100,
      timeout: 20_000,
    });
    // Keep S3 away for several backoff rounds, not just the first failure.
    const s3Errors = async () => {
      const metrics = await lander.http.inject({ method: 'GET', url: '/metrics' });
      return Number(/^lander_s3_errors_total (\d+)/m.exec(metrics.body)?.[1] ?? 0);
    };
    // The outage the issue describes: S3 unreachable for 30 s, through several backoff rounds.
    await pWaitFor(async () => Date.now() - downAt >= 30_000 && (await s3Errors()) >= 6, {
      interval: 500,
      timeout: 60_000,
    });
    expect(await countLake(s3, bucket, iso.prefix, 'visit_events')).toBe(first.length);

    await proxy.up();
    await pWaitFor(async () => (await countLake(s3, bucket, iso.prefix, 'visit_events')) >= 500, {
      interval: 300,
      timeout: 30_000,
    });
    const { rows } = await readLake(s3, bucket, iso.prefix, 'visit_events');
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(500);
    await pWaitFor(async () => (await lander.http.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, {
      interval: 100,
      timeout: 10_000,
    });
  }, 150_000);
});
