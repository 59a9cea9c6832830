/**
 * Regression tests for requests that hurt the service (issue 13, "Trust"), each named after the defect: lone
 * surrogates, deep nesting, hexadecimal numbers in CSV, the import's size limit, charsets and mojibake, and
 * error answers that did not name their limit. An in-memory producer stands in for Kafka (a unit test).
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { AckedProducer, TopicBatch } from '@servq/kafka';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { sha256Hex } from './auth.ts';
import { MAX_JSON_DEPTH } from './body.ts';
import type { IngestConfig } from './config.ts';

const NOW = new Date('2026-11-24T10:00:00Z');
const LIMITS = { maxEventsPerRequest: 50, maxBodyBytes: 64 * 1024, maxImportBytes: 256 * 1024, ratePerMinute: 1000 };

function config(limits: Partial<IngestConfig['limits']> = {}): IngestConfig {
  return {
    http: { host: '127.0.0.1', port: 0 },
    kafka: { brokers: ['127.0.0.1:1'], clientId: 'test' },
    topicPrefix: '',
    apiKeys: [{ id: 'all', sha256: sha256Hex('all-key'), families: ['visit', 'survey', 'complaint'] }],
    pseudonymSecret: 'test-secret-of-sixteen+',
    limits: { ...LIMITS, ...limits },
    produceTimeoutMs: 1000,
    dedup: { windowMs: 60_000, maxEntries: 1000 },
    validation: { maxSkewMs: 300_000, horizonDays: 400 },
    logLevel: 'silent',
  };
}

class MemoryProducer implements AckedProducer {
  sent: TopicBatch[] = [];
  readonly connected = true;
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  send(batches: TopicBatch[]): Promise<void> {
    this.sent.push(...batches);
    return Promise.resolve();
  }
  comments(): string[] {
    return this.sent
      .filter((b) => b.topic === 'servq.survey.v1')
      .flatMap((b) => b.messages.map((m) => (JSON.parse(m.value) as { comment?: string }).comment ?? ''));
  }
}

function survey(overrides: Record<string, unknown> = {}) {
  return {
    event_id: randomUUID(),
    type: 'survey.submitted',
    schema_version: 1,
    occurred_at: '2026-11-24T11:30:00+02:00',
    source: 'kiosk-riga',
    channel: 'in_person',
    office_id: 'riga-valnu-30',
    survey_id: `s-${randomUUID().slice(0, 8)}`,
    satisfaction: 4,
    ...overrides,
  };
}

const CSV_HEADER = 'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,comment';
const csvRow = (satisfaction: string, comment = 'Paldies') =>
  [
    randomUUID(),
    'survey.submitted',
    1,
    '2026-11-24T11:30:00+02:00',
    'sheet',
    'in_person',
    'cesis',
    `c-${randomUUID().slice(0, 8)}`,
    satisfaction,
    `"${comment}"`,
  ].join(',');

/** windows-1257 bytes of a text, from the decoder's own table (Node has no encoder for it). */
function windows1257(text: string): Buffer {
  const decoder = new TextDecoder('windows-1257');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => byteOf.get(c)!));
}

type ErrorAnswer = { error: { code: string; message: string; details: { field: string; expected: string }[] } };

describe('requests that hurt the service', () => {
  let app: FastifyInstance;
  let producer: MemoryProducer;

  beforeEach(async () => {
    producer = new MemoryProducer();
    app = await buildApp(config(), { producer, checkKafka: () => Promise.resolve(), now: () => NOW, logger: false });
  });
  afterEach(() => app.close());

  const post = (url: string, payload: string | Buffer | Readable, contentType: string) =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization: 'Bearer all-key', 'content-type': contentType },
      payload,
    });

  describe('lone_surrogate_in_strings', () => {
    it('refuses an event_id holding a lone surrogate with 400 naming the field, producing nothing', async () => {
      const res = await post('/v1/events', '[{"event_id":"\\ud800"}]', 'application/json');
      expect(res.statusCode).toBe(400);
      const body = res.json<ErrorAnswer>();
      expect(body.error.code).toBe('INGEST_BAD_BODY');
      expect(body.error.details.map((d) => d.field)).toEqual(['[0].event_id']);
      expect(body.error.details[0]!.expected).toContain('never alone');
      expect(producer.sent).toHaveLength(0);
    });

    it('refuses a survey comment with a lone low surrogate in NDJSON, naming the line and field', async () => {
      const line = JSON.stringify(survey()).replace(/}$/, ',"comment":"Paldies \\udc00"}');
      const res = await post('/v1/events', `${JSON.stringify(survey())}\n${line}\n`, 'application/x-ndjson');
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorAnswer>().error.details.map((d) => d.field)).toEqual(['line 2.comment']);
      expect(producer.sent).toHaveLength(0);
    });

    it('accepts a well-formed surrogate pair (an emoji written as escapes)', async () => {
      const body = JSON.stringify([survey()]).replace(/}]$/, ',"comment":"Paldies \\ud83d\\ude00"}]');
      const res = await post('/v1/events', body, 'application/json');
      expect(res.statusCode).toBe(200);
      expect(producer.comments()).toEqual(['Paldies 😀']);
    });
  });

  describe('deeply_nested_json_500', () => {
    const deepArray = '['.repeat(3000) + ']'.repeat(3000);
    const deepObject = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    it.each([
      ['an array', deepArray, 'application/json', 'body'],
      ['an object', deepObject, 'application/json', 'body'],
      ['an NDJSON line', `${JSON.stringify(survey())}\n${deepObject}\n`, 'application/x-ndjson', 'line 2'],
    ])('answers 3,000 levels in %s with 400 naming the depth limit', async (_name, payload, type, field) => {
      const res = await post('/v1/events', payload, type);
      expect(res.statusCode).toBe(400);
      const body = res.json<ErrorAnswer>();
      expect(body.error.code).toBe('INGEST_BAD_BODY');
      expect(body.error.details).toEqual([
        { field, expected: `JSON nested at most ${MAX_JSON_DEPTH} levels deep (arrays and objects)` },
      ]);
      expect(producer.sent).toHaveLength(0);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });
  });

  describe('csv_413_named_the_json_limit', () => {
    it('answers a file over the import limit with 413 naming the import limit, not the JSON one', async () => {
      const big = Buffer.alloc(LIMITS.maxImportBytes + 1, 'a');
      const res = await post('/v1/import', big, 'text/csv');
      expect(res.statusCode).toBe(413);
      const body = res.json<ErrorAnswer>();
      expect(body.error.code).toBe('INGEST_BODY_TOO_LARGE');
      expect(body.error.details).toEqual([
        { field: 'body', expected: `a CSV file of at most ${LIMITS.maxImportBytes} bytes (INGEST_MAX_IMPORT_BYTES)` },
      ]);
      expect(body.error.message).toContain(String(LIMITS.maxImportBytes));
    });

    it('enforces the import limit on a streamed upload that declares no length', async () => {
      const rows = Array.from({ length: 2000 }, () => csvRow('4', 'x'.repeat(150)));
      const csv = [CSV_HEADER, ...rows].join('\n');
      expect(Buffer.byteLength(csv)).toBeGreaterThan(LIMITS.maxImportBytes);
      const res = await post('/v1/import', Readable.from([Buffer.from(csv)]), 'text/csv');
      expect(res.statusCode).toBe(413);
      expect(res.json<ErrorAnswer>().error.details[0]!.expected).toContain(`at most ${LIMITS.maxImportBytes} bytes`);
    });

    it('imports a CSV larger than the JSON limit but within the import limit', async () => {
      const rows = Array.from({ length: 600 }, () => csvRow('4', 'x'.repeat(150)));
      const csv = [CSV_HEADER, ...rows].join('\n');
      expect(Buffer.byteLength(csv)).toBeGreaterThan(LIMITS.maxBodyBytes);
      const res = await post('/v1/import', csv, 'text/csv');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ accepted: 600, rejected: 0, results: [], more_results_omitted: 0 });
    });
  });

  describe('csv_windows_1257_mojibake', () => {
    const latvian = 'Ļoti laipni, ātri; šķūņa ģēģis';

    it('honours a declared windows-1257 charset: the comment arrives as written', async () => {
      const csv = windows1257(`${CSV_HEADER}\r\n${csvRow('5', latvian)}\r\n`);
      const res = await post('/v1/import', csv, 'text/csv; charset=windows-1257');
      expect(res.statusCode).toBe(200);
      expect(producer.comments()).toEqual([latvian]);
    });

    it('refuses the same bytes without a declared charset (not UTF-8) with 400, storing nothing', async () => {
      const csv = windows1257(`${CSV_HEADER}\r\n${csvRow('5', latvian)}\r\n`);
      const res = await post('/v1/import', csv, 'text/csv');
      expect(res.statusCode).toBe(400);
      const body = res.json<ErrorAnswer>();
      expect(body.error.details).toEqual([
        {
          field: 'body',
          expected:
            'UTF-8 text, or a declared charset for other encodings (e.g. Content-Type: text/csv; charset=windows-1257)',
        },
      ]);
      expect(producer.sent).toHaveLength(0);
    });

    it('refuses invalid UTF-8 in JSON too, instead of storing replacement characters', async () => {
      const json = Buffer.concat([
        Buffer.from(JSON.stringify([survey()]).replace(/}]$/, ',"comment":"')),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from('"}]'),
      ]);
      const res = await post('/v1/events', json, 'application/json');
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorAnswer>().error.details[0]!.field).toBe('body');
      expect(producer.sent).toHaveLength(0);
    });

    it('answers a charset it does not know with 415 naming the Content-Type', async () => {
      const res = await post('/v1/import', `${CSV_HEADER}\n${csvRow('5')}\n`, 'text/csv; charset=x-klingon');
      expect(res.statusCode).toBe(415);
      expect(res.json<ErrorAnswer>().error.details[0]).toMatchObject({ field: 'Content-Type' });
    });

    it('reads a UTF-8 BOM as no part of the first column name, in CSV and in NDJSON', async () => {
      const csv = `\ufeff${CSV_HEADER}\r\n${csvRow('5', latvian)}\r\n`;
      expect((await post('/v1/import', csv, 'text/csv')).statusCode).toBe(200);
      const ndjson = `\ufeff${JSON.stringify(survey({ comment: latvian }))}\n`;
      expect((await post('/v1/events', ndjson, 'application/x-ndjson')).statusCode).toBe(200);
      expect(producer.comments()).toEqual([latvian, latvian]);
    });
  });

  describe('error_answers_named_no_limit', () => {
    it('names the byte limit of JSON and NDJSON bodies in the 413', async () => {
      for (const type of ['application/json', 'application/x-ndjson']) {
        const res = await post('/v1/events', JSON.stringify([survey({ comment: 'x'.repeat(70 * 1024) })]), type);
        expect(res.statusCode).toBe(413);
        const body = res.json<ErrorAnswer>();
        expect(body.error.message).toContain(`${LIMITS.maxBodyBytes} bytes`);
        expect(body.error.details).toEqual([
          { field: 'body', expected: `a body of at most ${LIMITS.maxBodyBytes} bytes (INGEST_MAX_BODY_BYTES)` },
        ]);
      }
    });

    it('names the rate limit in the 429', async () => {
      const limited = await buildApp(config({ ratePerMinute: 1 }), {
        producer,
        checkKafka: () => Promise.resolve(),
        now: () => NOW,
        logger: false,
      });
      const send = () =>
        limited.inject({
          method: 'POST',
          url: '/v1/events',
          headers: { authorization: 'Bearer all-key', 'content-type': 'application/json' },
          payload: JSON.stringify([survey()]),
        });
      await send();
      const res = await send();
      await limited.close();
      expect(res.statusCode).toBe(429);
      expect(res.json<ErrorAnswer>().error.details).toEqual([
        { field: 'Authorization', expected: 'at most 1 requests per minute for this key' },
      ]);
    });

    it('names what each route reads in a 415, and the routes in a 404', async () => {
      const events = await post('/v1/events', 'hello', 'text/plain');
      expect(events.statusCode).toBe(415);
      expect(events.json<ErrorAnswer>().error.details[0]!.expected).toContain('application/json');
      const csv = await post('/v1/import', 'hello', 'text/plain');
      expect(csv.statusCode).toBe(415);
      expect(csv.json<ErrorAnswer>().error.details[0]!.expected).toBe('text/csv');
      const missing = await app.inject({ method: 'GET', url: '/v2/nothing' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json<ErrorAnswer>().error.details[0]).toMatchObject({ field: 'url' });
    });
  });
});
