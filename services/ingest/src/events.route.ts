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
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Authenticate, Caller } from './auth.ts';
import { itemsFromJson, parseNdjson, type RawItem } from './body.ts';
import type { IngestConfig } from './config.ts';
import type { DedupWindow } from './dedup.ts';
import { IngestError, IngestErrorCode } from './errors.ts';
import { prepareBatch, type ItemOutcome } from './batch.pipeline.ts';
import { parseCsvEvents } from './csv.rows.ts';
import type { IngestMetrics } from './metrics.ts';

export interface EventsRouteDeps {
  config: IngestConfig;
  authenticate: Authenticate;
  producer: AckedProducer;
  dedup: DedupWindow;
  metrics: IngestMetrics;
  now: () => Date;
}

export function summarise(outcomes: ItemOutcome[]) {
  const count = (s: ItemOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected') };
}

function toItems(body: unknown, contentType: string | undefined): RawItem[] {
  if (contentType?.startsWith('text/csv')) {
    throw new IngestError(IngestErrorCode.UnsupportedMediaType, 'CSV files go to POST /v1/import', [
      { field: 'Content-Type', expected: 'application/json or application/x-ndjson' },
    ]);
  }
  if (contentType?.startsWith('application/x-ndjson')) return parseNdjson(typeof body === 'string' ? body : '');
  const items = itemsFromJson(body);
  if (!items) {
    throw new IngestError(IngestErrorCode.BadBody, 'the body must be a JSON array of events or one event object', [
      { field: 'body', expected: 'a JSON array of event objects' },
    ]);
  }
  return items;
}

function authenticated(deps: EventsRouteDeps, authorization: string | undefined): Caller {
  const caller = deps.authenticate(authorization);
  if (!caller) {
    throw new IngestError(IngestErrorCode.Unauthorized, 'a valid API key is required', [
      { field: 'Authorization', expected: 'Bearer <api key of this source>' },
    ]);
  }
  return caller;
}

/**
 * Validates, produces and remembers one chunk of items; returns their outcomes. Throws 403 for a forbidden
 * family (nothing of the chunk is produced) and 503 when Kafka does not acknowledge in time.
 */
async function submit(
  deps: EventsRouteDeps,
  caller: Caller,
  items: readonly RawItem[],
  log: FastifyBaseLogger,
): Promise<ItemOutcome[]> {
  const { config, metrics } = deps;
  const prepared = prepareBatch(items, {
    caller,
    now: deps.now(),
    validation: config.validation,
    pseudonymSecret: config.pseudonymSecret,
    dedup: deps.dedup,
    topicPrefix: config.topicPrefix,
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
      log.warn({ code: error.code }, 'Kafka did not acknowledge the batch');
      throw new IngestError(
        IngestErrorCode.KafkaUnavailable,
        'the event log did not acknowledge in time; retry later',
        [],
        { cause: error, retryable: true },
      );
    }
    throw error;
  }
  deps.dedup.remember(prepared.acceptedIds);
  for (const o of prepared.outcomes) {
    metrics.events.inc({ outcome: o.status, type: o.type ?? 'unknown', source: caller.keyId });
  }
  return prepared.outcomes;
}

function statusFor(summary: ReturnType<typeof summarise>, total: number): number {
  if (summary.rejected === 0) return 200;
  return summary.rejected < total ? 207 : 422;
}

function allRejectedError<O extends ItemOutcome>(outcomes: O[], fieldOf: (o: O) => string) {
  return {
    code: IngestErrorCode.AllRejected,
    message: 'every event was rejected; they are kept on the rejected topic',
    details: outcomes.flatMap((o) =>
      o.status === 'rejected' ? o.errors.map((e) => ({ field: `${fieldOf(o)}.${e.path}`, expected: e.message })) : [],
    ),
  };
}

export function registerEventsRoute(app: FastifyInstance, deps: EventsRouteDeps): void {
  const { config, metrics } = deps;

  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string', bodyLimit: config.limits.maxBodyBytes },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: config.limits.maxImportBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/v1/events',
    {
      config: { rateLimit: { max: config.limits.ratePerMinute, timeWindow: '1 minute' } },
      schema: {
        summary: 'Submit a batch of visit, survey, complaint or feedback events',
        description:
          'JSON array or NDJSON. Each event is validated against its versioned contract, scrubbed of personal data and produced to Kafka with acks=all before the answer. 200 all accepted or duplicates; 207 some rejected; 422 all rejected; 503 Kafka unavailable (Retry-After).',
        tags: ['events'],
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const caller = authenticated(deps, request.headers.authorization);
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
      const outcomes = await submit(deps, caller, items, request.log);
      const summary = summarise(outcomes);
      const body = { ...summary, results: outcomes };
      const status = statusFor(summary, outcomes.length);
      if (status !== 422) return reply.status(status).send(body);
      return reply.status(422).send({ error: allRejectedError(outcomes, (o) => `[${o.index}]`), ...body });
    },
  );

  app.post(
    '/v1/import',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        summary: 'Import historical events from a CSV export',
        description:
          'text/csv with a header row of event field names (event_id, type, schema_version, occurred_at, source, channel, office_id, …). Each row goes through the same validation, scrubbing and Kafka acknowledgement as POST /v1/events; results carry the line number where each row ends. Events older than the horizon need a backfill column set to true.',
        tags: ['events'],
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      const caller = authenticated(deps, request.headers.authorization);
      if (!request.headers['content-type']?.startsWith('text/csv')) {
        throw new IngestError(IngestErrorCode.UnsupportedMediaType, 'imports are CSV', [
          { field: 'Content-Type', expected: 'text/csv' },
        ]);
      }
      const rows = parseCsvEvents(typeof request.body === 'string' ? request.body : '');
      if (rows.length === 0) {
        throw new IngestError(IngestErrorCode.BadBody, 'the file has no data rows', [
          { field: 'body', expected: 'a header row and at least one data row' },
        ]);
      }
      const results: (ItemOutcome & { line: number })[] = [];
      // Chunks keep each Kafka request small; earlier chunks stay durable if a later one fails.
      for (let start = 0; start < rows.length; start += config.limits.maxEventsPerRequest) {
        const chunk = rows.slice(start, start + config.limits.maxEventsPerRequest);
        const outcomes = await submit(
          deps,
          caller,
          chunk.map((r) => r.item),
          request.log,
        );
        outcomes.forEach((o, i) => results.push({ ...o, index: start + i, line: chunk[i]!.line }));
      }
      const summary = summarise(results);
      const body = { ...summary, results };
      const status = statusFor(summary, results.length);
      if (status !== 422) return reply.status(status).send(body);
      return reply.status(422).send({
        error: allRejectedError(results, (o) => `line ${o.line}`),
        ...body,
      });
    },
  );
}
