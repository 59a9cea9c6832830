/**
 * Regression: rejected events carried raw personal data into the lake. Hostile payloads — an unknown field named
 * with an e-mail address, a number field holding a phone number, an over-long comment full of personal data,
 * identifier fields holding personal codes, a broken NDJSON line and CSV rows with phones and e-mails — go
 * through the real ingest and lander processes; then every object under the run's lake prefix is read byte for
 * byte (Parquet footers keep column statistics uncompressed), every row DuckDB reads from them is scanned, and so
 * are both services' logs. None may hold an e-mail address, a phone number, a personal code or a name.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, LakeTables, Topics } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { createS3Client } from '@servq/lake';
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedNames } from './support/names.ts';
import { freePort, startService, type RunningService } from './support/services.ts';

const ALL_KEY = { authorization: 'Bearer servq-dev-all-key' };

/** What must never be found: e-mails, phones (as written and as digits), personal codes (old and new), names. */
const PERSONAL = [
  'janis.berzins@example.lv',
  'anna.ozola@example.com',
  '29123456',
  '+371 26 123 456',
  '26123456',
  '010190-10007',
  '01019010007',
  '32012345678',
  'Jānis',
  'Bērziņš',
  'Ozola',
];

describe('rejected events in the lake (regression: raw and reasons kept personal data verbatim)', () => {
  const names = isolatedNames('rejected-privacy');
  const ports = { ingest: freePort(), lander: freePort() };
  const services: RunningService[] = [];
  const s3Config = loadSharedConfig(process.env).s3;
  const s3 = createS3Client(s3Config);
  const dir = mkdtempSync(join(tmpdir(), 'servq-e2e-privacy-'));
  const topic = (name: string) => `${names.topicPrefix}${name}`;
  const tableOf: Record<string, string> = {
    [Topics.visit]: LakeTables.visit,
    [Topics.survey]: LakeTables.survey,
    [Topics.complaint]: LakeTables.complaint,
    [Topics.rejected]: LakeTables.rejected,
    [Topics.alert]: LakeTables.alert,
  };
  const occurredAt = new Date(Date.now() - 3600_000).toISOString();

  const survey = (overrides: Record<string, unknown> = {}) => ({
    event_id: randomUUID(),
    type: 'survey.submitted',
    schema_version: 1,
    occurred_at: occurredAt,
    source: 'kiosk-cesis',
    channel: 'in_person',
    office_id: 'cesis',
    survey_id: `${names.runId}-${randomUUID().slice(0, 4)}`,
    satisfaction: 4,
    ...overrides,
  });

  beforeAll(async () => {
    const kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
    await ensureTopics(
      kafka,
      ALL_TOPICS.map((t) => ({ topic: topic(t), numPartitions: 1 })),
    );
    services.push(
      await startService(
        'ingest',
        { INGEST_PORT: String(ports.ingest), INGEST_LOG_LEVEL: 'debug', INGEST_TOPIC_PREFIX: names.topicPrefix },
        `http://127.0.0.1:${ports.ingest}/healthz`,
      ),
      await startService(
        'lander',
        {
          LANDER_HTTP_PORT: String(ports.lander),
          LANDER_LAKE_PREFIX: names.lakePrefix,
          LANDER_GROUP_ID: names.groupId,
          LANDER_TOPICS: ALL_TOPICS.map((t) => `${topic(t)}=${tableOf[t]}`).join(','),
          LANDER_FLUSH_MAX_AGE_MS: '1000',
          LANDER_COMPACTION_INTERVAL_MS: '0',
          LANDER_LOG_LEVEL: 'debug',
        },
        `http://127.0.0.1:${ports.lander}/healthz`,
      ),
    );
  });

  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
    s3.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function post(path: string, contentType: string, body: string): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${ports.ingest}${path}`, {
      method: 'POST',
      headers: { ...ALL_KEY, 'content-type': contentType },
      body,
    });
    return res.status;
  }

  async function lakeObjects(): Promise<{ key: string; bytes: Buffer }[]> {
    const out: { key: string; bytes: Buffer }[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: s3Config.bucket, Prefix: names.lakePrefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        const object = await s3.send(new GetObjectCommand({ Bucket: s3Config.bucket, Key: o.Key }));
        out.push({ key: o.Key!, bytes: Buffer.from(await object.Body!.transformToByteArray()) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  /** Every row of every Parquet object, as DuckDB reads it, by table. */
  async function lakeRows(objects: { key: string; bytes: Buffer }[]): Promise<Map<string, Record<string, unknown>[]>> {
    const db = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await db.connect();
    const rows = new Map<string, Record<string, unknown>[]>();
    try {
      for (const [i, object] of objects.filter((o) => o.key.endsWith('.parquet')).entries()) {
        const file = join(dir, `${i}.parquet`);
        writeFileSync(file, object.bytes);
        const table = object.key.slice(names.lakePrefix.length).split('/')[0]!;
        const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
        rows.set(table, [...(rows.get(table) ?? []), ...(reader.getRowObjectsJson() as Record<string, unknown>[])]);
      }
    } finally {
      connection.closeSync();
      db.closeSync();
    }
    return rows;
  }

  it('keeps no e-mail, phone, personal code or name in any lake object, row or log line', async () => {
    const long = 'Jānis Bērziņš, janis.berzins@example.lv, +371 26 123 456, 010190-10007. '.repeat(40);
    const accepted = survey({ comment: 'Paldies! Rakstiet anna.ozola@example.com vai zvaniet 29123456.' });
    const json = [
      accepted,
      survey({ 'janis.berzins@example.lv': 'Jānis Bērziņš' }),
      survey({ 'Jānis Bērziņš': 1 }),
      survey({ satisfaction: 29123456 }),
      survey({ comment: long }),
      survey({ survey_id: '010190-10007', source: 'anna.ozola@example.com', event_id: 'Jānis Bērziņš' }),
      {
        ...survey({ type: 'visit.checked_in', visit_id: '32012345678', ticket: '26123456' }),
        service_id: 'licence-card',
        arrival: 'walk_in',
        special_needs: false,
      },
    ];
    expect(await post('/v1/events', 'application/json', JSON.stringify(json))).toBe(207);
    const ndjson = [
      JSON.stringify(survey()),
      '{"comment": "Jānis Bērziņš, 29123456, janis.berzins@example.lv"',
      'Ozola;01019010007;anna.ozola@example.com',
    ].join('\n');
    expect(await post('/v1/events', 'application/x-ndjson', ndjson)).toBe(207);
    const header = 'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,e-pasts';
    const csv = [
      header,
      [randomUUID(), 'survey.submitted', 1, occurredAt, 'csv', 'post', 'cesis', `${names.runId}-c1`, 5, ''].join(','),
      [randomUUID(), 'survey.submitted', 1, occurredAt, 'csv', 'post', 'cesis', `${names.runId}-c2`, 29123456, ''].join(
        ',',
      ),
      [
        randomUUID(),
        'survey.submitted',
        1,
        occurredAt,
        'csv',
        'post',
        'cesis',
        `${names.runId}-c3`,
        4,
        'anna.ozola@example.com',
      ].join(','),
    ].join('\n');
    expect(await post('/v1/import', 'text/csv', csv)).toBe(207);

    // 6 rejected in the JSON body, 2 NDJSON lines, 2 CSV rows; 3 accepted surveys.
    const expectedRejected = 10;
    let objects: { key: string; bytes: Buffer }[] = [];
    let rows = new Map<string, Record<string, unknown>[]>();
    await pollUntil(
      async () => {
        objects = await lakeObjects();
        rows = await lakeRows(objects);
        return (
          (rows.get(LakeTables.rejected)?.length ?? 0) >= expectedRejected &&
          (rows.get(LakeTables.survey)?.length ?? 0) >= 3
        );
      },
      { intervalMs: 500, timeoutMs: 60_000 },
    );

    const rejected = rows.get(LakeTables.rejected)!;
    expect(rejected).toHaveLength(expectedRejected);
    expect(rejected.map((r) => JSON.parse(String(r.raw)) as unknown)).toContainEqual(
      expect.objectContaining({ satisfaction: '[number: 8 digits]' }),
    );
    expect(rows.get(LakeTables.survey)!.find((r) => r.event_id === accepted.event_id)).toMatchObject({
      comment: 'Paldies! Rakstiet [EMAIL] vai zvaniet [PHONE].',
    });

    const rowText = JSON.stringify([...rows.values()]);
    const logs = services.map((s) => readFileSync(s.logFile, 'utf8')).join('\n');
    for (const value of PERSONAL) {
      for (const object of objects) expect(object.bytes.includes(value), `${value} in ${object.key}`).toBe(false);
      expect(rowText, `${value} in a lake row`).not.toContain(value);
      expect(logs, `${value} in a service log`).not.toContain(value);
    }
  });
});
