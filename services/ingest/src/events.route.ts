/**
 * POST /v1/events — a batch of events as a JSON array or NDJSON. Answers only after Kafka acknowledged every
 * accepted and every rejected event (`acks=all`), so a 2xx means durable. Status:
 *   200  every event accepted or a known duplicate
 *   207  some rejected: the valid ones are durable, `results` says which failed and why
 *   422  all rejected (they are kept on the rejected topic); 403 a family the key may not send;
 *   413  too many events or bytes; 415 wrong content type; 400 unparseable JSON; 503 Kafka did not acknowledge
 *        in time (`Retry-After`; nothing is remembered, so the retry is not reported as a duplicate)
 */
import type { AckedProducer } from '@servq/kafka';
import { isKafkaAdapterError } from '@servq/kafka';
import type { FastifyInstance } from 'fastify';
import type { Authenticate } from './auth.ts';
import { itemsFromJson, parseNdjson, type RawItem } from './body.ts';
import type { IngestConfig } from './config.ts';
import type { DedupWindow } from './dedup.ts';
import { IngestError, IngestErrorCode } from './errors.ts';
import { prepareBatch, type ItemOutcome } from './batch.pipeline.ts';
import type { IngestMetrics } from './metrics.ts';

export interface EventsRouteDeps {
  config: IngestConfig;
  authenticate: Authenticate;
  producer: AckedProducer;
  dedup: DedupWindow;
  metrics: IngestMetrics;
  now: () => Date;
}

function summarise(outcomes: ItemOutcome[]) {
  const count = (s: ItemOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected') };
}

function toItems(body: unknown, contentType: string | undefined): RawItem[] {
  if (contentType?.startsWith('application/x-ndjson')) return parseNdjson(typeof body === 'string' ? body : '');
  const items = itemsFromJson(body);
  if (!items) {
    throw new IngestError(IngestErrorCode.BadBody, 'the body must be a JSON array of events or one event object', [
      { field: 'body', expected: 'a JSON array of event objects' },
    ]);
  }
  return items;
}

export function registerEventsRoute(app: FastifyInstance, deps: EventsRouteDeps): void {
  const { config, metrics } = deps;

  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string', bodyLimit: config.limits.maxBodyBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/v1/events',
    {
      config: { rateLimit: { max: config.limits.ratePerMinute, timeWindow: '1 minute' } },
      schema: {
        summary: 'Submit a batch of visit, survey, complaint or feedback events',
        description:
          'JSON array or NDJSON. Each event is validated against its versioned contract, scrubbed of personal data and produced to Kafka with acks=all before the answer.',
        tags: ['events'],
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const caller = deps.authenticate(request.headers.authorization);
      if (!caller) {
        throw new IngestError(IngestErrorCode.Unauthorized, 'a valid API key is required', [
          { field: 'Authorization', expected: 'Bearer <api key of this source>' },
        ]);
      }
      const items = toItems(request.body, request.headers['content-type']);
      if (items.length === 0) {
        throw new IngestError(IngestErrorCode.BadBody, 'the batch is empty', [
          { field: 'body', expected: 'at least one event' },
        ]);
      }
      if (items.length > config.limits.maxEventsPerRequest) {
        throw new IngestError(IngestErrorCode.TooManyEvents, `${items.length} events in one request`, [
          { field: 'body', expected: `at most ${config.limits.maxEventsPerRequest} events per request` },
        ]);
      }
      metrics.batchSize.observe(items.length);

      const now = deps.now();
      const prepared = prepareBatch(items, {
        caller,
        now,
        validation: config.validation,
        pseudonymSecret: config.pseudonymSecret,
        dedup: deps.dedup,
      });
      if (prepared.forbidden.length > 0) {
        throw new IngestError(
          IngestErrorCode.Forbidden,
          `key '${caller.keyId}' may not send these event families`,
          prepared.forbidden.map((f) => ({
            field: `[${f.index}].type`,
            expected: `an event of the families [${[...caller.families].join(', ')}], not '${f.type}'`,
          })),
        );
      }

      const stopTimer = metrics.produceSeconds.startTimer();
      try {
        await deps.producer.send(prepared.batches);
        stopTimer({ result: 'ok' });
      } catch (error) {
        stopTimer({ result: 'error' });
        if (isKafkaAdapterError(error)) {
          request.log.warn({ code: error.code }, 'Kafka did not acknowledge the batch');
          throw new IngestError(
            IngestErrorCode.KafkaUnavailable,
            'the event log did not acknowledge in time; retry later',
            [],
            {
              cause: error,
              retryable: true,
            },
          );
        }
        throw error;
      }
      deps.dedup.remember(prepared.acceptedIds);

      for (const o of prepared.outcomes) {
        metrics.events.inc({ outcome: o.status, type: o.type ?? 'unknown', source: caller.keyId });
      }
      const summary = summarise(prepared.outcomes);
      const body = { ...summary, results: prepared.outcomes };
      if (summary.rejected === 0) return reply.status(200).send(body);
      if (summary.rejected < prepared.outcomes.length) return reply.status(207).send(body);
      return reply.status(422).send({
        error: {
          code: IngestErrorCode.AllRejected,
          message: 'every event in the batch was rejected; they are kept on the rejected topic',
          details: prepared.outcomes.flatMap((o) =>
            o.status === 'rejected'
              ? o.errors.map((e) => ({ field: `[${o.index}].${e.path}`, expected: e.message }))
              : [],
          ),
        },
        ...body,
      });
    },
  );
}
