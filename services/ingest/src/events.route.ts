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
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { Authenticate, Caller } from './auth.ts';
import {
  assertJsonDepth,
  checkedJson,
  decodeBody,
  decodingLimit,
  itemsFromJson,
  parseNdjson,
  type RawItem,
} from './body.ts';
import type { IngestConfig } from './config.ts';
import type { DedupWindow } from './dedup.ts';
import { IngestError, IngestErrorCode, isIngestError } from './errors.ts';
import { prepareBatch, type ItemOutcome, type PreparedBatch } from './batch.pipeline.ts';
import { csvEventChunks } from './csv.rows.ts';
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
  if (contentType?.startsWith('application/x-ndjson')) return parseNdjson(typeof body === 'string' ? body : '');
  if (!contentType?.startsWith('application/json')) {
    const csv = contentType?.startsWith('text/csv') ?? false;
    throw new IngestError(
      IngestErrorCode.UnsupportedMediaType,
      csv ? 'CSV files go to POST /v1/import' : `unsupported Content-Type '${contentType ?? ''}'`,
      [{ field: 'Content-Type', expected: 'application/json or application/x-ndjson' }],
    );
  }
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
 * Validates one chunk of items into outcomes and Kafka messages; nothing is produced yet. Throws 403 for a
 * forbidden family (then nothing of the chunk is produced). `dedup` may widen the window (imports add the ids
 * of the chunk still in flight).
 */
function prepare(
  deps: EventsRouteDeps,
  caller: Caller,
  items: readonly RawItem[],
  dedup: DedupWindow = deps.dedup,
): PreparedBatch {
  const { config } = deps;
  const prepared = prepareBatch(items, {
    caller,
    now: deps.now(),
    validation: config.validation,
    pseudonymSecret: config.pseudonymSecret,
    dedup,
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
  return prepared;
}

/**
 * Produces a prepared chunk and, once Kafka acknowledged it, remembers its ids; returns the outcomes. Throws
 * 503 when Kafka does not acknowledge in time.
 */
async function produce(
  deps: EventsRouteDeps,
  caller: Caller,
  prepared: PreparedBatch,
  log: FastifyBaseLogger,
): Promise<ItemOutcome[]> {
  const { metrics } = deps;
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
  // Counted per outcome and type, then added to the counter once each: an import's chunk of 1,000 rows has one
  // or two such pairs, and the counter hashes its labels on every call. Maps by outcome, then type: a key made
  // of both would be a new string per event.
  const counts = new Map<ItemOutcome['status'], Map<string, number>>();
  for (const o of prepared.outcomes) {
    const type = o.type ?? 'unknown';
    let byType = counts.get(o.status);
    if (!byType) counts.set(o.status, (byType = new Map<string, number>()));
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  for (const [outcome, byType] of counts) {
    for (const [type, n] of byType) metrics.events.inc({ outcome, type, source: caller.keyId }, n);
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

/** Rows of an import listed in its answer: the ones not accepted, in file order, up to this many. */
export const MAX_LISTED_IMPORT_RESULTS = 1000;

type ImportResult = ItemOutcome & { line: number };

/** An import's running totals; keeps the first MAX_LISTED_IMPORT_RESULTS rows that were not accepted. */
class ImportTally {
  accepted = 0;
  duplicates = 0;
  rejected = 0;
  omitted = 0;
  readonly listed: ImportResult[] = [];

  /** A row's outcome; its listed copy (numbered in the file, with its line) is made only for a row listed. */
  add(outcome: ItemOutcome, line: number): void {
    const index = this.total;
    if (outcome.status === 'accepted') this.accepted += 1;
    else if (outcome.status === 'duplicate') this.duplicates += 1;
    else this.rejected += 1;
    if (outcome.status === 'accepted') return;
    if (this.listed.length < MAX_LISTED_IMPORT_RESULTS) this.listed.push({ ...outcome, index, line });
    else this.omitted += 1;
  }

  get total(): number {
    return this.accepted + this.duplicates + this.rejected;
  }
}

/** A dedup window that also knows the ids of the chunk whose send has not been acknowledged yet. */
function withInFlight(dedup: DedupWindow, inFlight: ReadonlySet<string>): DedupWindow {
  return {
    seen: (id) => inFlight.has(id) || dedup.seen(id),
    remember: (ids) => dedup.remember(ids),
    get size() {
      return dedup.size;
    },
  };
}

/**
 * Streams an import: reads chunks of rows while the previous chunk is with Kafka (the CPU work of one overlaps
 * the other's acknowledgement), and produces the chunks one after another, in file order. Returns the tally;
 * rethrows a failure with how many rows were already durable.
 */
async function importCsv(
  deps: EventsRouteDeps,
  caller: Caller,
  request: FastifyRequest,
  tally: ImportTally,
): Promise<void> {
  const contentType = request.headers['content-type'];
  const text = (request.body as Readable).pipe(decodingLimit(contentType, deps.config.limits.maxImportBytes));
  (request.body as Readable).once('error', (error) => text.destroy(error));
  let inFlight: { lines: number[]; ids: ReadonlySet<string>; done: Promise<ItemOutcome[]> } | null = null;
  const settle = async () => {
    if (!inFlight) return;
    const { lines, done } = inFlight;
    inFlight = null;
    const outcomes = await done;
    outcomes.forEach((o, i) => tally.add(o, lines[i]!));
  };
  try {
    for await (const chunk of csvEventChunks(text, deps.config.limits.maxEventsPerRequest)) {
      const dedup = withInFlight(deps.dedup, inFlight?.ids ?? new Set());
      const prepared = prepare(
        deps,
        caller,
        chunk.map((r) => r.item),
        dedup,
      );
      await settle();
      const done = produce(deps, caller, prepared, request.log);
      done.catch(() => undefined); // awaited by settle(); a failure must not surface as unhandled first
      inFlight = { lines: chunk.map((r) => r.line), ids: new Set(prepared.acceptedIds), done };
    }
    await settle();
  } catch (error) {
    // The chunk still with Kafka ends either way; count it if it was acknowledged.
    await settle().catch(() => undefined);
    if (isIngestError(error) && tally.total > 0) {
      error.message = `${error.message}; the first ${tally.total} rows were imported and their outcomes are durable (importing the file again reports the accepted ones as duplicates)`;
    }
    throw error;
  }
}

export function registerEventsRoute(app: FastifyInstance, deps: EventsRouteDeps): void {
  const { config, metrics } = deps;
  const maxBodyBytes = config.limits.maxBodyBytes;
  const rateLimited = (max: number) => ({
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request: FastifyRequest, context: { max: number; after: string }) =>
      new IngestError(IngestErrorCode.RateLimited, `rate limit reached; retry in ${context.after}`, [
        { field: 'Authorization', expected: `at most ${context.max} requests per minute for this key` },
      ]),
  });

  // JSON is read as bytes so that the charset, the nesting depth and lone surrogates are checked here, at the
  // edge, by the same rules for JSON and NDJSON; fastify's own parser still guards against prototype poisoning.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: maxBodyBytes },
    (request, body, done) => {
      try {
        const text = decodeBody(body as Buffer, request.headers['content-type']);
        assertJsonDepth(text, 'body');
        void defaultJson(request, text, (error, value) => {
          if (error) return done(error);
          try {
            done(null, checkedJson(value, text));
          } catch (checkError) {
            done(checkError as Error);
          }
        });
      } catch (error) {
        done(error as Error);
      }
    },
  );
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'buffer', bodyLimit: maxBodyBytes },
    (request, body, done) => {
      try {
        done(null, decodeBody(body as Buffer, request.headers['content-type']));
      } catch (error) {
        done(error as Error);
      }
    },
  );
  // Imports are streamed: the route reads the request itself, after authentication, within its own limit.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  app.post(
    '/v1/events',
    {
      config: { rateLimit: rateLimited(config.limits.ratePerMinute) },
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
      const outcomes = await produce(deps, caller, prepare(deps, caller, items), request.log);
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
      config: { rateLimit: rateLimited(60) },
      schema: {
        summary: 'Import historical events from a CSV export',
        description:
          'text/csv (UTF-8, or the charset declared in Content-Type, e.g. text/csv; charset=windows-1257) with a header row of event field names (event_id, type, schema_version, occurred_at, source, channel, office_id, …). The file is streamed: each chunk of rows goes through the same validation, scrubbing and Kafka acknowledgement as POST /v1/events. The answer counts accepted, duplicate and rejected rows and lists the rows that were not accepted (up to 1000, with the line where each row ends; more_results_omitted counts the rest). Events older than the horizon need a backfill column set to true.',
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
      const declaredBytes = Number(request.headers['content-length'] ?? 0);
      if (declaredBytes > config.limits.maxImportBytes) {
        throw new IngestError(
          IngestErrorCode.BodyTooLarge,
          `the file of ${declaredBytes} bytes is larger than the import limit of ${config.limits.maxImportBytes} bytes`,
          [
            {
              field: 'body',
              expected: `a CSV file of at most ${config.limits.maxImportBytes} bytes (INGEST_MAX_IMPORT_BYTES)`,
            },
          ],
        );
      }
      const tally = new ImportTally();
      await importCsv(deps, caller, request, tally);
      if (tally.total === 0) {
        throw new IngestError(IngestErrorCode.BadBody, 'the file has no data rows', [
          { field: 'body', expected: 'a header row and at least one data row' },
        ]);
      }
      const summary = { accepted: tally.accepted, duplicates: tally.duplicates, rejected: tally.rejected };
      const body = { ...summary, results: tally.listed, more_results_omitted: tally.omitted };
      const status = statusFor(summary, tally.total);
      if (status !== 422) return reply.status(status).send(body);
      return reply.status(422).send({
        error: allRejectedError(tally.listed, (o) => `line ${o.line}`),
        ...body,
      });
    },
  );
}
