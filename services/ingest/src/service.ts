/**
 * The ingest service's builder, in the shape every servq service has: `buildIngestService(config, deps)` makes
 * the Kafka client, the acknowledged producer and the HTTP app, and returns `{ http, start, stop }` — not
 * listening, not connected. `main.ts` connects (`start`), listens and stops on signals.
 */
import { ackedClientOptions, createAckedProducer, createKafka, logLevel, type KafkaClient } from '@servq/kafka';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { IngestConfig } from './config.ts';
import { createIngestMetrics, type IngestMetrics } from './metrics.ts';

/**
 * How long `stop` may take before `main.ts` exits anyway: requests in flight wait at most the produce timeout
 * (5 s by default) for Kafka, then the producer flushes. A request cut off was never answered 2xx, so its
 * client sends it again; nothing acknowledged is lost.
 */
export const INGEST_SHUTDOWN_DEADLINE_MS = 15_000;

export interface IngestServiceDeps {
  /** Built from `config.kafka` when absent. */
  kafka?: KafkaClient;
  /** pino options, or false for silence in tests; by default the services' censoring options. */
  logger?: boolean | Record<string, unknown>;
}

export interface IngestService {
  /** The HTTP app: ready, not listening. */
  http: FastifyInstance;
  /** Its registry is what main.ts serves on the metrics listener. */
  metrics: IngestMetrics;
  /** Connects the producer and the admin client that readiness asks. */
  start(): Promise<void>;
  /** Stops accepting HTTP (requests in flight finish), flushes and disconnects the producer, then the admin. */
  stop(): Promise<void>;
}

/** How long readiness waits for Kafka's metadata answer. */
const KAFKA_CHECK_MS = 2000;

export async function buildIngestService(config: IngestConfig, deps: IngestServiceDeps = {}): Promise<IngestService> {
  const kafka = deps.kafka ?? createKafka(config.kafka, ackedClientOptions(config.produceTimeoutMs, logLevel.ERROR));
  const producer = createAckedProducer(kafka, { sendTimeoutMs: config.produceTimeoutMs });
  const admin = kafka.admin();
  const checkKafka = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('metadata request timed out')), KAFKA_CHECK_MS);
    });
    try {
      if ((await Promise.race([admin.brokerCount(), timeout])) === 0) throw new Error('no brokers');
    } finally {
      clearTimeout(timer);
    }
  };
  const metrics = createIngestMetrics();
  const http = await buildApp(config, {
    producer,
    checkKafka,
    metrics,
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
  });
  return {
    http,
    metrics,
    async start() {
      await producer.start();
      await admin.connect();
    },
    async stop() {
      await http.close();
      await producer.stop();
      await admin.disconnect();
    },
  };
}
