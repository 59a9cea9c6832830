/**
 * The office filter's "no office" value (`filter.office=no-office`, NO_OFFICE_FILTER in @servq/contracts) on a
 * lake of Parquet files read by the real store: complaints, feedback and e-service surveys with no office beside
 * those of Cēsis and Liepāja. The alerts' no-office deadline alert links the Complaints screen with this filter,
 * so the case list and the figures must hold exactly the records whose office is missing.
 * Today is Wednesday 1 April 2026; the 10-working-day rule applies from 1 March 2026 (Easter: 3 and 6 April).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_OFFICE_FILTER } from '@servq/contracts';
import { buildCatalogue } from '@servq/metrics';
import { BacklogAnswer, DueAnswer, ErrorBody, QueryAnswer, type Figure } from '@servq/query-api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { LakeTables } from './contracts.adapter.ts';
import { testTokens, writeParquet, type FixtureEvent } from './fixtures.ts';
import { DuckDbStore } from './store/duckdb.store.ts';

let n = 0;
const ev = (type: string, date: string, fields: FixtureEvent): FixtureEvent => ({
  event_id: `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
  type,
  occurred_at: `${date}T10:00:00+02:00`,
  ingested_at: `${date}T10:00:00+02:00`,
  channel: 'email',
  kafka_partition: 0,
  kafka_offset: n,
  ...fields,
});
const complaint = (id: string, office: string | null, date: string) =>
  ev('complaint.received', date, { complaint_id: id, category: 'waiting', ...(office ? { office_id: office } : {}) });

/**
 * n1 (no office, 2 March, open: due 16 March, overdue), n2 (no office, 30 March, open: due 15 April), n3 (no
 * office, 2 March, answered 5 March); c1 (Cēsis, 2 March, open, overdue); l1 (Liepāja, 30 March, open). Feedback
 * f1 with no office, f2 Cēsis; surveys s1 after an e-service case (no office), s2 Cēsis.
 */
const complaintEvents = [
  complaint('n1', null, '2026-03-02'),
  complaint('n2', null, '2026-03-30'),
  complaint('n3', null, '2026-03-02'),
  ev('complaint.responded', '2026-03-05', { complaint_id: 'n3', outcome: 'explained' }),
  complaint('c1', 'cesis', '2026-03-02'),
  complaint('l1', 'liepaja', '2026-03-30'),
  ev('feedback.received', '2026-03-05', { feedback_id: 'f1', feedback_kind: 'praise' }),
  ev('feedback.received', '2026-03-05', { feedback_id: 'f2', feedback_kind: 'praise', office_id: 'cesis' }),
];
const surveyEvents = [
  ev('survey.submitted', '2026-03-05', { survey_id: 's1', case_id: 'e1', satisfaction: 5 }),
  ev('survey.submitted', '2026-03-05', { survey_id: 's2', office_id: 'cesis', satisfaction: 4 }),
];

describe('the office filter for records with no office (filter.office=no-office)', () => {
  let dir: string;
  let store: DuckDbStore;
  let app: FastifyInstance;
  const now = () => new Date('2026-04-01T09:00:00Z');
  const get = (url: string, token = 'mgmt-token') => app.inject({ url, headers: { authorization: `Bearer ${token}` } });
  const range = 'from=2026-03-01&to=2026-04-01';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-no-office-'));
    const files = [
      { table: LakeTables.complaint, key: `${LakeTables.complaint}/date=2026-03-02/servq.complaint.v1+0+1+8.parquet` },
      { table: LakeTables.survey, key: `${LakeTables.survey}/date=2026-03-05/servq.survey.v1+0+9+10.parquet` },
    ] as const;
    await writeParquet(join(dir, files[0].key), files[0].table, complaintEvents);
    await writeParquet(join(dir, files[1].key), files[1].table, surveyEvents);
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now,
      temp: { tempDir: join(dir, 'tmp'), maxTempSize: '1GB', memoryLimit: '512MB' },
    });
    await store.reconcile(
      files.map((f) => ({ key: f.key, etag: 'e', size: 1, table: f.table, path: join(dir, f.key) })),
    );
    app = await buildApp(
      { tokens: testTokens, cacheEntries: 0 },
      { store, catalogue: buildCatalogue({ waitTargetMinutes: 15 }), now },
    );
  });

  afterAll(async () => {
    await app.close();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is spelled once, in @servq/contracts', () => {
    expect(NO_OFFICE_FILTER).toBe('no-office');
  });

  it("lists exactly the open complaints with no office in the Complaints screen's case list", async () => {
    const response = await get(`/v1/complaints/due?within=20&filter.office=${NO_OFFICE_FILTER}`);
    expect(response.statusCode).toBe(200);
    const due = DueAnswer.parse(response.json());
    expect(due.complaints.map((c) => [c.id, c.office, c.status])).toEqual([
      ['n1', null, 'overdue'],
      ['n2', null, 'due'],
    ]);
    expect(due.counts).toEqual({ overdue: 1, due: 1 });
    expect(due.filters).toEqual({ office: [NO_OFFICE_FILTER] });
    // The same cases as the unfiltered list's rows with no office: nothing added, nothing lost.
    const all = DueAnswer.parse((await get('/v1/complaints/due?within=20')).json());
    expect(all.complaints.filter((c) => c.office === null)).toEqual(due.complaints);
    expect(all.complaints.length).toBeGreaterThan(due.complaints.length);
  });

  it('takes the records with no office beside a named office', async () => {
    const due = DueAnswer.parse(
      (await get(`/v1/complaints/due?within=20&filter.office=cesis,${NO_OFFICE_FILTER}`)).json(),
    );
    expect(due.complaints.map((c) => c.id).sort()).toEqual(['c1', 'n1', 'n2']);
  });

  it('narrows the metrics of complaints, feedback and surveys to the records with no office', async () => {
    const metrics = 'complaints_received,open_complaints,open_overdue,feedback_received,surveys_answered';
    const response = await get(`/v1/query?metrics=${metrics}&${range}&filter.office=${NO_OFFICE_FILTER}`);
    expect(response.statusCode).toBe(200);
    const answer = QueryAnswer.parse(response.json());
    const row = answer.rows[0]!;
    const n = (id: string) => (row[id] as Figure).n;
    expect({
      received: n('complaints_received'),
      open: n('open_complaints'),
      feedback: n('feedback_received'),
      surveys: n('surveys_answered'),
    }).toEqual({ received: 3, open: 2, feedback: 1, surveys: 1 });
    expect((row.open_overdue as Figure).value).toBe(1);
    expect(answer.query.filters).toEqual({ office: [NO_OFFICE_FILTER] });
    // The same figures as the null group of a breakdown by office.
    const byOffice = QueryAnswer.parse(
      (await get(`/v1/query?metrics=complaints_received,open_overdue&dimensions=office&${range}`)).json(),
    );
    const nullGroup = byOffice.rows.find((r) => r.office === null)!;
    expect((nullGroup.complaints_received as Figure).n).toBe(3);
    expect((nullGroup.open_overdue as Figure).value).toBe(1);
  });

  it('counts the backlog of the complaints with no office only', async () => {
    const response = await get(
      `/v1/complaints/backlog?from=2026-03-01&to=2026-03-31&grain=month&filter.office=${NO_OFFICE_FILTER}`,
    );
    const backlog = BacklogAnswer.parse(response.json());
    expect(backlog.points.map((p) => [p.received, p.answered, p.open])).toEqual([[3, 1, 2]]);
  });

  it('refuses it with a 400 naming filter.office where visits are counted (visits, the channel mix, the day desk)', async () => {
    const visits = await get(`/v1/query?metrics=visits,complaints_received&${range}&filter.office=${NO_OFFICE_FILTER}`);
    expect(visits.statusCode).toBe(400);
    const detail = ErrorBody.parse(visits.json()).error.details[0]!;
    expect(detail.parameter).toBe('filter.office');
    expect(detail.expected).toMatch(/visits/);
    // The channel mix counts visits among its contacts.
    const channels = await get(`/v1/channels?${range}&filter.office=${NO_OFFICE_FILTER}`);
    expect(channels.statusCode).toBe(400);
    expect(ErrorBody.parse(channels.json()).error.details[0]?.parameter).toBe('filter.office');
    const drivers = await get(`/v1/drivers?${range}&filter.office=${NO_OFFICE_FILTER}`);
    expect(drivers.statusCode).toBe(200);
    const today = await get(`/v1/today?office=${NO_OFFICE_FILTER}`);
    expect(today.statusCode).toBe(400);
    expect(ErrorBody.parse(today.json()).error.details[0]?.parameter).toBe('office');
  });

  it("refuses it to an office token: the records with no office are not its office's", async () => {
    for (const url of [
      `/v1/complaints/due?filter.office=${NO_OFFICE_FILTER}`,
      `/v1/query?metrics=complaints_received&${range}&filter.office=${NO_OFFICE_FILTER}`,
    ]) {
      const response = await get(url, 'cesis-token');
      expect(response.statusCode).toBe(403);
      expect(ErrorBody.parse(response.json()).error.details[0]).toMatchObject({
        parameter: 'filter.office',
        expected: 'cesis',
        received: NO_OFFICE_FILTER,
      });
    }
  });

  it('documents the value in the OpenAPI description of filter.office', async () => {
    const doc = (await app.inject('/docs/json')).json<{
      paths: Record<string, { get?: { parameters?: { name: string; description?: string }[] } }>;
    }>();
    for (const path of ['/v1/query', '/v1/complaints/due']) {
      const office = doc.paths[path]?.get?.parameters?.find((p) => p.name === 'filter.office');
      expect({ path, documented: office?.description?.includes(NO_OFFICE_FILTER) }).toEqual({ path, documented: true });
    }
  });
});
