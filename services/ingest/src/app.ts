/**
 * Builds the ingest HTTP app from explicit config and dependencies; ready but not listening. Tests inject
 * requests into it; main.ts makes the Kafka producer, listens and handles signals.
 */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { scrubText } from '@servq/contracts';
import type { AckedProducer } from '@servq/kafka';
import { serviceLogOptions } from '@servq/runtime';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAuthenticator } from './auth.ts';
import type { IngestConfig } from './config.ts';
import { createDedupWindow, type DedupWindow } from './dedup.ts';
import { installErrorHandler } from './error.handler.ts';
import { errorBody, IngestErrorCode } from './errors.ts';
import { registerEventsRoute } from './events.route.ts';
import { createIngestMetrics, type IngestMetrics } from './metrics.ts';

export interface IngestDeps {
  producer: AckedProducer;
  /** Resolves when Kafka answers a metadata request; rejects otherwise. */
  checkKafka: () => Promise<void>;
  now?: () => Date;
  dedup?: DedupWindow;
  /** pino options, or false for silence in tests; by default the services' censoring options. */
  logger?: boolean | Record<string, unknown>;
  /** The registry main.ts serves on its metrics listener; an app-own one otherwise. */
  metrics?: IngestMetrics;
}

export async function buildApp(config: IngestConfig, deps: IngestDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // Keys, secret URL parameters and personal data never reach the log; bodies are not logged at all.
    logger: deps.logger ?? serviceLogOptions({ service: 'ingest', level: config.logLevel, scrubText }),
    bodyLimit: config.limits.maxBodyBytes,
    requestIdHeader: 'x-request-id',
  });
  const authenticate = createAuthenticator(config.apiKeys);
  const metrics = deps.metrics ?? createIngestMetrics();
  const dedup = deps.dedup ?? createDedupWindow(config.dedup);

  installErrorHandler(app, config.limits.maxBodyBytes);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'servq ingest',
        version: '1',
        description: 'Visit, survey, complaint and feedback events from the ATD systems into servq.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => authenticate(request.headers.authorization)?.keyId ?? request.ip,
  });

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.checkKafka();
      return { status: 'ready', kafka: 'reachable' };
    } catch (error) {
      return reply
        .status(503)
        .send(errorBody(IngestErrorCode.KafkaUnavailable, `Kafka is not reachable: ${(error as Error).message}`));
    }
  });

  registerEventsRoute(app, {
    config,
    authenticate,
    producer: deps.producer,
    dedup,
    metrics,
    now: deps.now ?? (() => new Date()),
  });
  await app.ready();
  return app;
}
