/**
 * Trust, end to end with real processes: the three services run from their own main.ts with info-level logs
 * captured to files, and are sent what a careless or hostile client sends — an API key in the header and in
 * `?api_key=`, bearer tokens in the header and in the URL, events and CSV rows whose comments hold e-mail
 * addresses, phone numbers and personal codes, unparseable bodies, invalid events, unknown routes, and SQL that
 * fails while quoting personal data. Afterwards no captured log line may contain a key, a token or any of the
 * personal data. Prometheus metrics are served on each service's own listener (port 0 here, its address read
 * from the log) and never on the public one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS, LakeTables, Topics } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedNames } from './support/names.ts';
import { freePort, startService, type RunningService } from './support/services.ts';

const SURVEY_KEY = 'servq-dev-survey-key';
const ALL_KEY = 'servq-dev-all-key';
const MANAGEMENT_TOKEN = 'servq-dev-management-token';
const ANALYST_TOKEN = 'servq-dev-analyst-token';
const SECRETS = [SURVEY_KEY, ALL_KEY, MANAGEMENT_TOKEN, ANALYST_TOKEN];

const EMAIL = 'anna.berzina@example.lv';
const PHONE = '29123456';
const PHONE_INTERNATIONAL = '+371 26543210';
const PERSONAL_CODE = '010190-12345';
const NEW_PERSONAL_CODE = '321234-56789';
const PERSONAL_DATA = [EMAIL, encodeURIComponent(EMAIL), PHONE, '26543210', PERSONAL_CODE, NEW_PERSONAL_CODE];
const COMMENT = `Zvaniet ${PHONE} vai ${PHONE_INTERNATIONAL}, rakstiet ${EMAIL}; p.k. ${PERSONAL_CODE}, ${NEW_PERSONAL_CODE}`;

type Service = 'ingest' | 'lander' | 'query';

describe('logs carry no secret and no personal data; metrics only on their own listener', () => {
  const names = isolatedNames('log-privacy');
  const ports = { ingest: freePort(), lander: freePort(), query: freePort() };
  const dataDir = mkdtempSync(`${tmpdir()}/servq-e2e-`);
  const services = new Map<Service, RunningService>();
  const metricsUrls = new Map<Service, string>();
  const ingest = `http://127.0.0.1:${ports.ingest}`;
  const query = `http://127.0.0.1:${ports.query}`;
  const topic = (name: string) => `${names.topicPrefix}${name}`;
  const tableOf: Record<string, string> = {
    [Topics.visit]: LakeTables.visit,
    [Topics.survey]: LakeTables.survey,
    [Topics.complaint]: LakeTables.complaint,
    [Topics.rejected]: LakeTables.rejected,
    [Topics.alert]: LakeTables.alert,
  };

  /** The metrics listener's URL, as the service logged it once it listened. */
  async function metricsUrlOf(service: RunningService): Promise<string> {
    let url: string | undefined;
    await pollUntil(
      () => {
        url = logEntries(service.logFile).find((e) => e.msg === 'serving Prometheus metrics')?.url as string;
        return url !== undefined;
      },
      { intervalMs: 100, timeoutMs: 20_000 },
    );
    return url!;
  }

  beforeAll(async () => {
    const kafka = createKafka(loadSharedConfig(process.env).kafka, { logLevel: logLevel.NOTHING });
    await ensureTopics(
      kafka,
      ALL_TOPICS.map((t) => ({ topic: topic(t), numPartitions: 1 })),
    );
    const metricsAddr = '127.0.0.1:0';
    const start: [Service, Record<string, string>, string][] = [
      [
        'ingest',
        {
          INGEST_PORT: String(ports.ingest),
          INGEST_LOG_LEVEL: 'info',
          INGEST_TOPIC_PREFIX: names.topicPrefix,
          INGEST_METRICS_ADDR: metricsAddr,
        },
        `${ingest}/healthz`,
      ],
      [
        'lander',
        {
          LANDER_HTTP_PORT: String(ports.lander),
          LANDER_LAKE_PREFIX: names.lakePrefix,
          LANDER_GROUP_ID: names.groupId,
          LANDER_TOPICS: ALL_TOPICS.map((t) => `${topic(t)}=${tableOf[t]}`).join(','),
          LANDER_FLUSH_MAX_AGE_MS: '1000',
          LANDER_COMPACTION_INTERVAL_MS: '0',
          LANDER_LOG_LEVEL: 'info',
          LANDER_METRICS_ADDR: metricsAddr,
        },
        `http://127.0.0.1:${ports.lander}/healthz`,
      ],
      [
        'query',
        {
          QUERY_PORT: String(ports.query),
          QUERY_LAKE_PREFIX: names.lakePrefix,
          QUERY_DATA_DIR: dataDir,
          QUERY_SYNC_INTERVAL_MS: '500',
          QUERY_LOG_LEVEL: 'info',
          QUERY_DASHBOARD_DIR: '',
          QUERY_METRICS_ADDR: metricsAddr,
        },
        `${query}/readyz`,
      ],
    ];
    for (const [name, env, readyUrl] of start) {
      const service = await startService(name, env, readyUrl);
      services.set(name, service);
      metricsUrls.set(name, await metricsUrlOf(service));
    }
  });

  afterAll(async () => {
    for (const service of [...services.values()].reverse()) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function survey(overrides: Record<string, unknown> = {}) {
    return {
      event_id: randomUUID(),
      type: 'survey.submitted',
      schema_version: 1,
      occurred_at: new Date(Date.now() - 3600_000).toISOString(),
      source: 'e2e',
      channel: 'in_person',
      office_id: 'cesis',
      survey_id: `${names.runId}-${randomUUID().slice(0, 8)}`,
      satisfaction: 4,
      comment: COMMENT,
      ...overrides,
    };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const json = { 'content-type': 'application/json' };

  it('serves Prometheus metrics on each listener of its own, and 404 on the public listeners', async () => {
    for (const [name, url] of metricsUrls) {
      expect(url, name).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const res = await fetch(url);
      expect(res.status, name).toBe(200);
      expect(await res.text(), name).toMatch(name === 'lander' ? /^lander_/m : new RegExp(`^servq_${name}_`, 'm'));
    }
    expect((await fetch(`${ingest}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ports.lander}/metrics`)).status).toBe(404);
    expect((await fetch(`${query}/metrics`)).status).toBe(404);
  });

  it('writes no key, token or personal data to any log line, whatever the requests carry', async () => {
    // Ingest: a valid event carrying personal data, with the key in the header.
    const accepted = await fetch(`${ingest}/v1/events`, {
      method: 'POST',
      headers: { ...bearer(SURVEY_KEY), ...json },
      body: JSON.stringify([survey()]),
    });
    expect(accepted.status).toBe(200);
    // The key in the URL (refused: keys go in the header), and personal data in the query string.
    const keyInUrl = await fetch(`${ingest}/v1/events?api_key=${ALL_KEY}&note=${encodeURIComponent(EMAIL)}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify([survey()]),
    });
    expect(keyInUrl.status).toBe(401);
    // A CSV import with one good and one bad row, both carrying personal data: the good one is kept (207).
    const csv = await fetch(`${ingest}/v1/import?token=${ALL_KEY}`, {
      method: 'POST',
      headers: { ...bearer(ALL_KEY), 'content-type': 'text/csv' },
      body: [
        'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,comment',
        [
          randomUUID(),
          'survey.submitted',
          1,
          survey().occurred_at,
          'e2e',
          'in_person',
          'cesis',
          'csv-1',
          5,
          `"${COMMENT}"`,
        ],
        [
          randomUUID(),
          'survey.submitted',
          1,
          survey().occurred_at,
          'e2e',
          'in_person',
          EMAIL,
          PHONE,
          9,
          `"${COMMENT}"`,
        ],
      ].join('\n'),
    });
    expect(csv.status).toBe(207);
    const failures = [
      // An invalid event whose wrong-typed fields hold personal data.
      fetch(`${ingest}/v1/events?key=${SURVEY_KEY}`, {
        method: 'POST',
        headers: { ...bearer(SURVEY_KEY), ...json },
        body: JSON.stringify([survey({ satisfaction: PHONE, office_id: EMAIL, survey_id: PERSONAL_CODE })]),
      }),
      // Unparseable JSON with personal data in it.
      fetch(`${ingest}/v1/events`, {
        method: 'POST',
        headers: { ...bearer(SURVEY_KEY), ...json },
        body: `[{"comment":"${COMMENT}",`,
      }),
      // Wrong content type, a wrong key, and an unknown route with the key in its query string.
      fetch(`${ingest}/v1/events`, { method: 'POST', headers: bearer(SURVEY_KEY), body: EMAIL }),
      fetch(`${ingest}/v1/events`, { method: 'POST', headers: { ...bearer(`${SURVEY_KEY}x`), ...json }, body: '[]' }),
      fetch(`${ingest}/v1/nowhere?api_key=${SURVEY_KEY}&phone=${PHONE}`),
      // Query: tokens in the URL, personal data in parameters, SQL that fails quoting personal data.
      fetch(`${query}/v1/metrics?api_key=${MANAGEMENT_TOKEN}`),
      fetch(
        `${query}/v1/query?metrics=csat&from=2026-01-01&to=2026-12-31&filter.office=${encodeURIComponent(EMAIL)}&access_token=${MANAGEMENT_TOKEN}`,
        { headers: bearer(MANAGEMENT_TOKEN) },
      ),
      ...[
        `SELECT * FROM surveys WHERE comment = '${EMAIL}' AND "${PERSONAL_CODE}" = ${PHONE}`,
        `SELEC '${EMAIL}', '${PERSONAL_CODE}'`,
        `SELECT 1 FROM "${EMAIL}"`,
        `COPY (SELECT '${PHONE}') TO '/tmp/${NEW_PERSONAL_CODE}.csv'`,
      ].map((sql) =>
        fetch(`${query}/v1/sql?token=${ANALYST_TOKEN}`, {
          method: 'POST',
          headers: { ...bearer(ANALYST_TOKEN), ...json },
          body: JSON.stringify({ sql }),
        }),
      ),
      fetch(`${query}/v1/sql`, {
        method: 'POST',
        headers: { ...bearer(MANAGEMENT_TOKEN), ...json },
        body: JSON.stringify({ sql: `SELECT '${EMAIL}'` }),
      }),
      fetch(`${query}/nowhere/${encodeURIComponent(EMAIL)}?api_key=${ANALYST_TOKEN}`),
      fetch(`http://127.0.0.1:${ports.lander}/compaction?token=${ALL_KEY}`, {
        method: 'POST',
        headers: { ...bearer(ALL_KEY), ...json },
        body: JSON.stringify({ table: EMAIL, date: PERSONAL_CODE }),
      }),
    ];
    for (const res of await Promise.all(failures)) expect(res.status, res.url).toBeGreaterThanOrEqual(400);

    // The accepted event is landed (so the lander handled personal data too), then every process stops and
    // flushes its log.
    const landerMetrics = metricsUrls.get('lander')!;
    await pollUntil(
      async () => {
        const text = await (await fetch(landerMetrics)).text();
        return Number(/^lander_rows_landed_total\{table="survey_events"\} (\d+)/m.exec(text)?.[1] ?? 0) >= 1;
      },
      { intervalMs: 250, timeoutMs: 60_000 },
    );
    for (const service of [...services.values()].reverse()) await service.stop();

    const logs = new Map([...services].map(([name, s]) => [name, readFileSync(s.logFile, 'utf8')]));
    // The logs are there to scan: each service logged at info, the requests above among its lines.
    expect(logs.get('ingest')).toContain(`"url":"/v1/events?api_key=[REDACTED]`);
    expect(logs.get('query')).toContain(`"url":"/v1/sql?token=[REDACTED]"`);
    expect(logs.get('lander')).toContain('lander started');
    const leaks: string[] = [];
    for (const [name, text] of logs) {
      for (const line of text.split('\n')) {
        const found = [...SECRETS, ...PERSONAL_DATA].filter((s) => line.includes(s));
        if (found.length > 0) leaks.push(`${name}: ${found.join(', ')} in ${line}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

function logEntries(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return {};
      }
    });
}
