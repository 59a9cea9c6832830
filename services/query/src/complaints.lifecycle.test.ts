/**
 * Regression tests for two complaint lifecycles the hand-built lake does not hold: an extension that names its
 * own new due date, and a complaint answered, reopened and answered again. Expected values worked out by hand
 * on the Riga calendar (March 2026 has no public holiday; the 10-working-day rule applies from 1 March 2026).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacklog } from './complaints.ts';
import { LakeTables } from './contracts.adapter.ts';
import { writeParquet, type FixtureEvent } from './fixtures.ts';
import { DuckDbStore } from './store/duckdb.store.ts';

let n = 0;
const ev = (type: string, occurred_at: string, office_id: string, complaint_id: string, extra: FixtureEvent = {}) => ({
  event_id: `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
  type,
  occurred_at,
  ingested_at: occurred_at,
  channel: 'email',
  office_id,
  complaint_id,
  kafka_partition: 0,
  kafka_offset: n,
  ...extra,
});
const at = (date: string) => `${date}T10:00:00+02:00`;

/**
 * Liepāja: x1 received Monday 2 March, extended on 10 March to Friday 27 March; x2 received the same day, its
 * extension event without a new date (the rule's longest extension, one month: Thursday 2 April).
 * Cēsis: r1 received 2 March, answered 5 March, reopened Wednesday 11 March, answered again 18 March; r2
 * received 2 March, answered 4 March, reopened Thursday 19 March and still open. Both are due 16 March (ten
 * working days after 2 March).
 */
const events = [
  ev('complaint.received', at('2026-03-02'), 'liepaja', 'x1', { category: 'waiting' }),
  ev('complaint.extended', at('2026-03-10'), 'liepaja', 'x1', {
    extension_reason: 'additional_information',
    new_due_date: '2026-03-27',
    notice_method: 'email',
  }),
  ev('complaint.received', at('2026-03-02'), 'liepaja', 'x2', { category: 'waiting' }),
  ev('complaint.extended', at('2026-03-10'), 'liepaja', 'x2', { extension_reason: 'additional_information' }),
  ev('complaint.received', at('2026-03-02'), 'cesis', 'r1', { category: 'staff_conduct' }),
  ev('complaint.responded', at('2026-03-05'), 'cesis', 'r1', { outcome: 'explained' }),
  ev('complaint.reopened', at('2026-03-11'), 'cesis', 'r1', { reopen_reason: 'new_information' }),
  ev('complaint.responded', at('2026-03-18'), 'cesis', 'r1', { outcome: 'upheld' }),
  ev('complaint.received', at('2026-03-02'), 'cesis', 'r2', { category: 'waiting' }),
  ev('complaint.responded', at('2026-03-04'), 'cesis', 'r2', { outcome: 'explained' }),
  ev('complaint.reopened', at('2026-03-19'), 'cesis', 'r2', { reopen_reason: 'new_information' }),
];

describe('complaint lifecycles: extensions with their own date, reopenings in the backlog', () => {
  let dir: string;
  let store: DuckDbStore;
  const today = '2026-04-01';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-lifecycle-'));
    const key = `${LakeTables.complaint}/date=2026-03-02/servq.complaint.v1+0+1+${events.length}.parquet`;
    await writeParquet(join(dir, key), LakeTables.complaint, events);
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => new Date(`${today}T09:00:00Z`),
      temp: { tempDir: join(dir, 'tmp'), maxTempSize: '1GB', memoryLimit: '512MB' },
    });
    await store.reconcile([{ key, etag: 'e', size: 1, table: LakeTables.complaint, path: join(dir, key) }]);
  });

  afterAll(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("takes an extended complaint's deadline from the extension's new_due_date, the rule's maximum only without one", async () => {
    const rows = await store.query(
      `SELECT complaint_id, CAST(legal_due_date AS VARCHAR) AS due, legal_deadline_met FROM complaints
       WHERE office_id = 'liepaja' ORDER BY complaint_id`,
    );
    expect(rows).toEqual([
      // Open on 1 April and due 27 March: overdue, so the deadline is already missed.
      { complaint_id: 'x1', due: '2026-03-27', legal_deadline_met: false },
      { complaint_id: 'x2', due: '2026-04-02', legal_deadline_met: null },
    ]);
  });

  it('counts a reopened complaint in the backlog again from its reopening until its next answer', async () => {
    const answer = await runBacklog(
      store,
      today,
      { from: '2026-03-02', to: '2026-03-29', grain: 'week' },
      { office: ['cesis'] },
    );
    expect(answer.points).toEqual([
      // Both answered in their first week.
      { period: '2026-03-02', asOf: '2026-03-08', open: 0, overdue: 0, received: 2, answered: 2 },
      // r1 reopened on the 11th; due the 16th, so not yet overdue on the 15th.
      { period: '2026-03-09', asOf: '2026-03-15', open: 1, overdue: 0, received: 0, answered: 0 },
      // r1 answered again on the 18th; r2 reopened on the 19th, past its due date of the 16th.
      { period: '2026-03-16', asOf: '2026-03-22', open: 1, overdue: 1, received: 0, answered: 1 },
      { period: '2026-03-23', asOf: '2026-03-29', open: 1, overdue: 1, received: 0, answered: 0 },
    ]);
  });
});
