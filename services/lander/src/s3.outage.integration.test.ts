import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { loadSharedConfig } from '@servq/config';
import { pollUntil } from '@servq/runtime';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildLander } from './app.ts';
import { loadConfig } from './config.ts';
import {
  asMessages,
  cleanUp,
  countLake,
  isolate,
  readLake,
  useSuiteClients,
  visitCalled,
} from './lander.test-support.ts';

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
  const suite = useSuiteClients();

  it('retries with backoff through a 30 s S3 outage, reports not ready meanwhile, and lands everything exactly once after it', async () => {
    const proxy = new SwitchableProxy(new URL(shared.s3.endpoint));
    await proxy.up();
    suite.cleanups.push(() => proxy.down());
    const iso = await isolate(suite.kafka);
    suite.cleanups.push(() => cleanUp(suite.kafka, suite.s3, bucket, iso));
    const config = loadConfig({ ...iso.env, S3_ENDPOINT: `http://127.0.0.1:${proxy.port}` });
    const lander = await buildLander(config, { logger: pino({ level: 'silent' }) });
    await lander.start();
    suite.cleanups.push(() => lander.stop());

    const first = Array.from({ length: 200 }, (_, i) => visitCalled(i, new Date().toISOString()));
    await suite.producer.send({ topic: iso.topic, messages: asMessages(first) });
    await pollUntil(async () => (await countLake(suite.s3, bucket, iso.prefix, 'visit_events')) === first.length, {
      intervalMs: 300,
      timeoutMs: 20_000,
    });

    await proxy.down();
    const downAt = Date.now();
    const second = Array.from({ length: 300 }, (_, i) => visitCalled(1000 + i, new Date().toISOString()));
    await suite.producer.send({ topic: iso.topic, messages: asMessages(second) });
    await pollUntil(async () => (await lander.http.inject({ method: 'GET', url: '/readyz' })).statusCode === 503, {
      intervalMs: 100,
      timeoutMs: 20_000,
    });
    // Keep S3 away for several backoff rounds, not just the first failure.
    const s3Errors = async () => {
      const metrics = await lander.metrics.registry.metrics();
      return Number(/^lander_s3_errors_total (\d+)/m.exec(metrics)?.[1] ?? 0);
    };
    // The outage the issue describes: S3 unreachable for 30 s, through several backoff rounds.
    await pollUntil(async () => Date.now() - downAt >= 30_000 && (await s3Errors()) >= 6, {
      intervalMs: 500,
      timeoutMs: 60_000,
    });
    expect(await countLake(suite.s3, bucket, iso.prefix, 'visit_events')).toBe(first.length);

    await proxy.up();
    await pollUntil(async () => (await countLake(suite.s3, bucket, iso.prefix, 'visit_events')) >= 500, {
      intervalMs: 300,
      timeoutMs: 30_000,
    });
    const { rows } = await readLake(suite.s3, bucket, iso.prefix, 'visit_events');
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(500);
    await pollUntil(async () => (await lander.http.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, {
      intervalMs: 100,
      timeoutMs: 10_000,
    });
  }, 150_000);
});
