import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildCatalogue, compileQuery } from '@servq/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintDeadline } from '../contracts.adapter.ts';
import { handBuiltLake, tableOf, writeLake, type FixtureFile } from '../fixtures.ts';
import { DuckDbStore } from './duckdb.store.ts';
import type { MirroredFile } from '../sync/mirror.ts';

const catalogue = buildCatalogue({ waitTargetMinutes: 15 });
const now = new Date('2026-04-01T09:00:00Z');

function mirrored(root: string, files: FixtureFile[], etag = 'e1'): MirroredFile[] {
  return files.map((f) => ({
    key: f.relativeKey,
    etag,
    size: 1,
    table: tableOf(f.relativeKey),
    path: join(root, f.relativeKey),
  }));
}

describe('DuckDbStore on the hand-built lake', () => {
  let dir: string;
  let store: DuckDbStore;
  let files: MirroredFile[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-store-'));
    const lake = handBuiltLake();
    await writeLake(dir, lake);
    files = mirrored(dir, lake);
    store = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => now,
      temp: { tempDir: join(dir, 'tmp'), maxTempSize: '1GB', memoryLimit: '512MB' },
    });
    await store.reconcile(files);
  });

  afterAll(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function metric(ids: string[], extra: { dimensions?: string[] } = {}) {
    const compiled = compileQuery(catalogue, { metrics: ids, from: '2026-01-01', to: '2026-12-31', ...extra });
    return store.query(compiled.sql, compiled.params);
  }

  it('builds one row per visit despite a duplicated event and a completion that arrived before its check-in', async () => {
    const rows = await store.query(
      'SELECT visit_id, status, wait_minutes, service_minutes, appointment FROM visits ORDER BY visit_id',
    );
    expect(rows).toEqual([
      { visit_id: 'v1', status: 'completed', wait_minutes: 10, service_minutes: 15, appointment: true },
      { visit_id: 'v2', status: 'completed', wait_minutes: 30, service_minutes: 10, appointment: false },
      { visit_id: 'v3', status: 'completed', wait_minutes: 4, service_minutes: 6, appointment: false },
      { visit_id: 'v4', status: 'completed', wait_minutes: 20, service_minutes: 6, appointment: false },
      { visit_id: 'v5', status: 'no_show', wait_minutes: null, service_minutes: null, appointment: true },
      { visit_id: 'v6', status: 'cancelled', wait_minutes: null, service_minutes: null, appointment: true },
    ]);
  });

  it('computes the visit metrics worked out by hand (median 15, p90 27, 2 of 4 within 15 minutes)', async () => {
    const [row] = await metric([
      'visits',
      'wait_p50',
      'wait_p90',
      'wait_within_target',
      'service_time_p50',
      'no_show_share',
      'refusal_share',
      'refusal_regulation_share',
    ]);
    expect(row).toMatchObject({
      visits: '4',
      wait_p50: 15,
      wait_p90: expect.closeTo(27, 9) as number,
      wait_within_target: 0.5,
      wait_within_target__n: '4',
      service_time_p50: 8,
      no_show_share: 0.5,
      refusal_share: 0.5,
      refusal_regulation_share: 0.5,
    });
  });

  it('computes survey metrics by hand (CSAT 2/4, mean 3.5, NPS −25) and splits satisfaction by the visit wait', async () => {
    const [row] = await metric(['surveys_answered', 'csat', 'satisfaction_mean', 'nps', 'courtesy_mean']);
    expect(row).toMatchObject({ surveys_answered: '4', csat: 0.5, satisfaction_mean: 3.5, nps: -25 });
    expect(row?.courtesy_mean__n).toBe('1');
    const byWait = await metric(['satisfaction_mean'], { dimensions: ['wait_band'] });
    expect(byWait.map((r) => [r.wait_band, r.satisfaction_mean])).toEqual([
      ['0-10', 4],
      ['10-20', 5],
      ['30+', 3],
      ['unknown', 2],
    ]);
  });

  it('counts working days across the May holidays and applies the law in force on the day of receipt', async () => {
    const rows = await store.query(
      `SELECT complaint_id, response_working_days, response_calendar_days, CAST(legal_due_date AS VARCHAR) AS due,
         legal_deadline_met, internal_target_met, is_open, age_days FROM complaints ORDER BY complaint_id`,
    );
    expect(rows).toEqual([
      {
        complaint_id: 'c1',
        response_working_days: 18,
        response_calendar_days: 26,
        due: '2026-03-20',
        legal_deadline_met: true,
        internal_target_met: false,
        is_open: false,
        age_days: null,
      },
      {
        complaint_id: 'c2',
        response_working_days: 11,
        response_calendar_days: 15,
        due: '2026-03-16',
        legal_deadline_met: false,
        internal_target_met: false,
        is_open: false,
        age_days: null,
      },
      {
        complaint_id: 'c3',
        response_working_days: 8,
        response_calendar_days: 14,
        due: '2026-05-14',
        legal_deadline_met: true,
        internal_target_met: false,
        is_open: false,
        age_days: null,
      },
      {
        complaint_id: 'c4',
        response_working_days: null,
        response_calendar_days: null,
        due: '2026-03-24',
        legal_deadline_met: false,
        internal_target_met: false,
        is_open: true,
        age_days: 22,
      },
      {
        complaint_id: 'c5',
        response_working_days: null,
        response_calendar_days: null,
        due: '2026-04-15',
        legal_deadline_met: null,
        internal_target_met: null,
        is_open: true,
        age_days: 2,
      },
    ]);
  });

  it('agrees with the contracts deadline function for every complaint', async () => {
    const rows = await store.query(
      `SELECT CAST(received_at AS VARCHAR) AS received_at, CAST(responded_at AS VARCHAR) AS responded_at,
         response_working_days, CAST(legal_due_date AS VARCHAR) AS due, legal_deadline_met FROM complaints`,
    );
    for (const row of rows) {
      const expected = complaintDeadline(
        {
          received_at: new Date(row.received_at as string),
          responded_at: typeof row.responded_at === 'string' ? new Date(row.responded_at) : null,
        },
        { now },
      );
      expect({ due: row.due, met: row.legal_deadline_met, wd: row.response_working_days }).toEqual({
        due: expected.dueOn,
        met: expected.met,
        wd: expected.workingDaysTaken,
      });
    }
  });

  it('computes complaint metrics (median 11 working days, 2 of 4 within the law, 2 open, oldest 22 days, 1 praise)', async () => {
    const [row] = await metric([
      'complaints_received',
      'response_p50',
      'legal_deadline_share',
      'internal_target_share',
      'open_complaints',
      'oldest_open_age',
      'praise_received',
    ]);
    expect(row).toMatchObject({
      complaints_received: '5',
      response_p50: 11,
      legal_deadline_share: 0.5,
      internal_target_share: 0,
      open_complaints: '2',
      oldest_open_age: 22,
      praise_received: '1',
    });
  });

  it('reports freshness: the newest event time and a data version that moves only when data changes', async () => {
    const before = store.getFreshness();
    expect(before.newestEventAt).toBe('2026-05-12T07:00:00.000Z');
    expect(before.dataVersion).toBe(1);
    const again = await store.reconcile(files);
    expect(again.changed).toBe(false);
    expect(store.getFreshness().dataVersion).toBe(1);
  });

  it('drops the rows of a removed file and rebuilds only what it touched', async () => {
    const duplicate = files[3]!;
    const withoutDuplicate = files.filter((f) => f !== duplicate);
    expect(withoutDuplicate.length).toBe(files.length - 1);
    const result = await store.reconcile(withoutDuplicate);
    expect(result).toMatchObject({ droppedFiles: 1, loadedFiles: 0, changed: true });
    const [row] = await metric(['visits', 'wait_p50']);
    expect(row).toMatchObject({ visits: '4', wait_p50: 15 });
    const withoutComplaints = withoutDuplicate.filter((f) => f.table !== 'complaint_events');
    await store.reconcile(withoutComplaints);
    expect(await store.query('SELECT count(*)::INTEGER AS n FROM complaints')).toEqual([{ n: 0 }]);
    await store.reconcile(files);
    expect(await store.query('SELECT count(*)::INTEGER AS n FROM complaints')).toEqual([{ n: 5 }]);
  });

  it('ages open complaints when the day changes, with nothing new in the lake', async () => {
    let clock = now;
    const fresh = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => clock,
      temp: { tempDir: join(dir, 'tmp-day'), maxTempSize: '1GB', memoryLimit: '256MB' },
    });
    try {
      await fresh.reconcile(files);
      const ages = 'SELECT complaint_id, age_days FROM complaints WHERE is_open ORDER BY complaint_id';
      expect(await fresh.query(ages)).toEqual([
        { complaint_id: 'c4', age_days: 22 },
        { complaint_id: 'c5', age_days: 2 },
      ]);
      clock = new Date(now.getTime() + 86_400_000);
      expect(await fresh.reconcile(files)).toMatchObject({ changed: true, loadedFiles: 0 });
      expect(await fresh.query(ages)).toEqual([
        { complaint_id: 'c4', age_days: 23 },
        { complaint_id: 'c5', age_days: 3 },
      ]);
    } finally {
      fresh.close();
    }
  });

  it('keeps the synchronised tables compressed in memory', async () => {
    // Left uncompressed, an in-memory table reports every segment 'Uncompressed'.
    const segments = await store.query(
      "SELECT column_name, compression FROM pragma_storage_info('visits') WHERE segment_type = 'VARCHAR'",
    );
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.filter((s) => s.compression === 'Uncompressed')).toEqual([]);
  });

  it('loads nothing twice when a first sync fails after some of its raw rows were committed', async () => {
    const broken = join(dir, 'lake/complaint_events/date=2026-04-02/broken.parquet');
    await mkdir(dirname(broken), { recursive: true });
    await writeFile(broken, 'not parquet');
    const fresh = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => now,
      temp: { tempDir: join(dir, 'tmp-failed-first'), maxTempSize: '1GB', memoryLimit: '256MB' },
    });
    try {
      // Visits and surveys are loaded and committed before the complaint files, the broken one among them.
      const withBroken = [
        ...files,
        { key: 'broken', etag: 'b', size: 1, table: tableOf('complaint_events/broken.parquet'), path: broken },
      ];
      await expect(fresh.reconcile(withBroken)).rejects.toThrow();
      await fresh.reconcile(files);
      const counts =
        'SELECT (SELECT count(*) FROM raw_visit_events)::INTEGER AS raw, (SELECT count(*) FROM visits)::INTEGER AS visits';
      expect(await fresh.query(counts)).toEqual(await store.query(counts));
    } finally {
      fresh.close();
      await rm(broken);
    }
  });

  it.each([
    ['the first sync builds them in many small parts', false],
    // Once an (empty) answer has gone out, the first files are built in one transaction, as every later sync.
    ['the lake was empty at the first sync', true],
  ])('builds the same models when %s', async (_name, emptyFirst) => {
    const parted = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => now,
      temp: { tempDir: join(dir, `tmp-parted-${String(emptyFirst)}`), maxTempSize: '1GB', memoryLimit: '256MB' },
      firstBuildRowsPerPart: 3,
    });
    try {
      if (emptyFirst) await parted.reconcile([]);
      await parted.reconcile(files);
      for (const [model, key] of [
        ['visits', 'visit_id'],
        ['surveys', 'survey_id'],
        ['complaints', 'complaint_id'],
        ['feedback', 'feedback_id'],
      ] as const) {
        const sql = `SELECT * FROM ${model} ORDER BY ${key}`;
        const expected = await store.query(sql);
        expect(expected.length).toBeGreaterThan(0);
        expect(await parted.query(sql)).toEqual(expected);
      }
    } finally {
      parted.close();
    }
  });

  it('answers a repeated query from the data of the moment, not from a statement prepared before a sync', async () => {
    const fresh = await DuckDbStore.create({
      complaintTargetWorkingDays: 5,
      now: () => now,
      temp: { tempDir: join(dir, 'tmp-fresh'), maxTempSize: '1GB', memoryLimit: '256MB' },
    });
    try {
      // A constant filter, as compiled metrics have: DuckDB 1.5 folds it against the statistics at prepare
      // time, and an empty table's statistics exclude every value.
      const sql = "SELECT count(*)::INTEGER AS n FROM complaints WHERE complaint_id = 'c1'";
      await fresh.reconcile(files.filter((f) => f.table !== 'complaint_events'));
      expect(await fresh.query(sql)).toEqual([{ n: 0 }]);
      await fresh.reconcile(files);
      expect(await fresh.query(sql)).toEqual([{ n: 1 }]);
    } finally {
      fresh.close();
    }
  });
});
