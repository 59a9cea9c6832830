/**
 * The lander's builder: wires the consumer, the Parquet writer, the lake store, compaction and the HTTP probes
 * from a config and injected clients. Returns a ready, not yet started lander; `main.ts` starts it and listens.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { scrubText } from '@servq/contracts';
import { createKafka, type KafkaClient } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { serviceLogOptions } from '@servq/runtime';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { LanderConfig } from './config.ts';
import { Compactor } from './lake/compaction.ts';
import { createDecoder, type Decoder } from './decode/decoder.ts';
import { EventsConsumer } from './consume/events.consumer.ts';
import { buildHttpServer } from './http.server.ts';
import { LakeStore } from './lake/lake.store.ts';
import { createMetrics, type LanderMetrics } from './metrics.ts';
import { ParquetWriter } from './lake/parquet.writer.ts';

export interface LanderDeps {
  kafka?: KafkaClient;
  s3?: S3Client;
  logger?: Logger;
  /** Where fetched batches are decoded; by default in the consume thread (tests inject one that fails). */
  decoder?: Decoder;
}

export interface Lander {
  /** /healthz, /readyz, POST /compaction; not listening (main.ts listens, tests inject). */
  http: FastifyInstance;
  compactor: Compactor;
  /** Its registry is what main.ts serves on the metrics listener. */
  metrics: LanderMetrics;
  /** Starts consuming and the compaction schedule. */
  start(): Promise<void>;
  /** Stops accepting HTTP, stops consuming, lands what it holds, closes its clients. */
  stop(): Promise<void>;
}

export async function buildLander(config: LanderConfig, deps: LanderDeps = {}): Promise<Lander> {
  const logger = deps.logger ?? pino(serviceLogOptions({ service: 'lander', level: config.logLevel, scrubText }));
  const kafka = deps.kafka ?? createKafka(config.kafka, { logger: logger.child({ component: 'kafka' }) });
  const s3 = deps.s3 ?? createS3Client(config.s3);
  const metrics = createMetrics();
  const writer = await ParquetWriter.create();
  const decoder = deps.decoder ?? createDecoder();
  const store = new LakeStore(s3, config.s3.bucket);
  const consumer = new EventsConsumer(
    {
      consumer: config.consumer,
      flush: config.flush,
      lakePrefix: config.lakePrefix,
      s3RetryMaxDelayMs: config.s3RetryMaxDelayMs,
      stallAfterMs: config.stallAfterMs,
      tmpDir: config.tmpDir,
    },
    { kafka, store, writer, decoder, metrics, logger },
  );
  const tables = [...new Set(config.consumer.routes.map((r) => r.table))];
  const compactor = new Compactor(
    {
      lakePrefix: config.lakePrefix,
      tables,
      lookbackDays: config.compaction.lookbackDays,
      intervalMs: config.compaction.intervalMs,
      tmpDir: config.tmpDir,
    },
    { store, writer, metrics, logger },
  );
  const http = buildHttpServer(
    { healthy: () => consumer.healthy, ready: () => consumer.ready },
    {
      tables,
      compactDay: (table, date) => compactor.compactDay(table, date),
      compactFinishedDays: () => compactor.compactFinishedDays(),
    },
  );

  return {
    http,
    compactor,
    metrics,
    async start() {
      await consumer.start();
      compactor.start();
      logger.info({ routes: config.consumer.routes, prefix: config.lakePrefix }, 'lander started');
    },
    async stop() {
      await http.close();
      await compactor.stop();
      await consumer.stop();
      await decoder.close();
      writer.close();
      if (!deps.s3) s3.destroy();
      logger.info('lander stopped');
    },
  };
}
