import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue } from '@servq/metrics';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { handBuiltLake, tableOf, testTokens, writeLake } from './fixtures.ts';
import { LakeStore } from './lake.store.ts';
import { SqlSandbox } from './sandbox.ts';

const analyst = { authorization: 'Bearer analyst-token' };

describe('POST /v1/sql sandbox', () => {
  let dir: string;
  let store: LakeStore;
  let sandbox: SqlSandbox;
  let app: FastifyInstance;
  const canary = join(tmpdir(), `servq-canary-${process.pid}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servq-sandbox-'));
    const lake = handBuiltLake();
    await writeLake(join(dir, 'lake'), lake);
    store = await LakeStore.create({ complaintTargetWorkingDays: 5, now: () => new Date('2026-04-01T09:00:00Z') });
    await store.reconcile(
      lake.map((f) => ({
        key: f.relativeKey,
        etag: 'e',
        size: 1,
        table: tableOf(f.relativeKey),
        path: join(dir, 'lake', f.relativeKey),
      })),
    );
    sandbox = new SqlSandbox(
      { timeoutMs: 1_500, maxRows: 5, memoryLimit: '128MB', threads: 1, exportDir: join(dir, 'models') },
      store,
    );
    app = await buildApp(
      { tokens: testTokens, cacheEntries: 10 },
      { store, catalogue: buildCatalogue({ waitTargetMinutes: 15 }), sql: sandbox },
    );
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await sandbox.stop();
    store.close();
    await rm(dir, { recursive: true, force: true });
    await rm(canary, { recursive: true, force: true });
  });

  const sql = (text: string, headers = analyst) =>
    app.inject({ method: 'POST', url: '/v1/sql', headers, payload: { sql: text } });

  async function stillHealthy(): Promise<void> {
    const response = await sql('SELECT count(*) AS n FROM visits');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ rows: unknown[] }>().rows).toEqual([{ n: '6' }]);
  }

  it('answers a SELECT over the modelled tables with rows, columns and freshness', async () => {
    const response = await sql(
      "SELECT visit_id, wait_minutes FROM visits WHERE office_id = 'cesis' ORDER BY visit_id LIMIT 2",
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      columns: ['visit_id', 'wait_minutes'],
      rows: [
        { visit_id: 'v1', wait_minutes: 10 },
        { visit_id: 'v2', wait_minutes: 30 },
      ],
      truncated: false,
      freshness: { dataVersion: 1 },
    });
  });

  it('cuts results at the row limit and says so', async () => {
    const body = (await sql('SELECT * FROM range(100)')).json<{ rows: unknown[]; truncated: boolean }>();
    expect(body.rows).toHaveLength(5);
    expect(body.truncated).toBe(true);
  });

  it('answers CSV when asked', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/sql',
      headers: analyst,
      payload: { sql: 'SELECT visit_id FROM visits ORDER BY 1 LIMIT 2', format: 'csv' },
    });
    expect(response.body).toBe('visit_id\nv1\nv2\n');
  });

  it('is for analysts only (403 for management and office tokens, 401 without)', async () => {
    expect((await sql('SELECT 1', { authorization: 'Bearer mgmt-token' })).statusCode).toBe(403);
    expect((await sql('SELECT 1', { authorization: 'Bearer cesis-token' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/v1/sql', payload: { sql: 'SELECT 1' } })).statusCode).toBe(401);
  });

  it('describes the tables and columns for the SQL editor', async () => {
    const body = (await app.inject({ url: '/v1/schema', headers: analyst })).json<{ tables: { id: string }[] }>();
    expect(body.tables.map((t) => t.id)).toEqual(['visits', 'complaints', 'surveys', 'feedback']);
  });

  const escapes: [string, string][] = [
    ['reads /etc/passwd with read_csv', "SELECT * FROM read_csv('/etc/passwd')"],
    ['reads /etc/passwd with read_text', "SELECT * FROM read_text('/etc/passwd')"],
    ['reads /etc/passwd with read_blob', "SELECT * FROM read_blob('/etc/passwd')"],
    ['reads a file with read_json', "SELECT * FROM read_json('/etc/hostname')"],
    ['reads a file with read_parquet', "SELECT * FROM read_parquet('/etc/passwd')"],
    ['reads a file by a replacement scan', "SELECT * FROM '/etc/passwd'"],
    ['sniffs a file with sniff_csv', "SELECT * FROM sniff_csv('/etc/passwd')"],
    ['lists files with glob', "SELECT * FROM glob('/etc/*')"],
    ['reads parquet metadata of a file', "SELECT * FROM parquet_metadata('/etc/passwd')"],
    ['reads over HTTP from the lake', "SELECT * FROM read_csv('http://127.0.0.1:9000/servq-lake/x.csv')"],
    ['writes a file with COPY … TO', `COPY visits TO '${canary}.csv'`],
    ['exports the database', `EXPORT DATABASE '${canary}'`],
    ['attaches a database file', `ATTACH '${canary}.db' AS x`],
    ['installs an extension', 'INSTALL httpfs'],
    ['loads an extension', 'LOAD httpfs'],
    ['turns external access back on', 'SET enable_external_access = true'],
    ['unlocks the configuration', 'SET lock_configuration = false'],
    ['moves the home directory', "SET home_directory = '/'"],
    ['runs a PRAGMA', 'PRAGMA enable_profiling'],
    ['calls a table function with CALL', 'CALL pragma_version()'],
    ['hides a DROP after a SELECT', 'SELECT 1; DROP TABLE visits'],
    ['hides a COPY after a SELECT', `SELECT 1; COPY visits TO '${canary}-2.csv'`],
    ['drops a table', 'DROP TABLE visits'],
    ['deletes rows', 'DELETE FROM visits'],
    ['inserts rows', 'INSERT INTO visits SELECT * FROM visits'],
    ['creates a table', 'CREATE TABLE x AS SELECT 1'],
    ['creates a macro', 'CREATE MACRO f(a) AS a'],
    ['detaches the database', 'DETACH memory'],
    ['runs a statement through query()', `SELECT * FROM query('COPY visits TO ''${canary}-3.csv''')`],
    ['reads a file through query_table()', "SELECT * FROM query_table('/etc/passwd')"],
    ['checkpoints', 'CHECKPOINT'],
    ['sends an empty statement list', ';'],
    ['exhausts memory with a cross join', 'SELECT count(*) FROM range(100000000) a, range(100000000) b'],
    [
      'runs an endless recursive CTE',
      'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r',
    ],
    ['builds a gigabyte string', "SELECT length(repeat('x', 1000000000)) AS n"],
  ];

  it.each(escapes)(
    'refuses or stops an attempt that %s, and stays healthy',
    async (_name, text) => {
      const started = Date.now();
      const response = await sql(text);
      expect([400, 408]).toContain(response.statusCode);
      const body = response.json<{ error: { code: string; details: { parameter: string }[] } }>();
      expect(['QUERY_SQL_REJECTED', 'QUERY_SQL_FAILED', 'QUERY_SQL_TIMEOUT']).toContain(body.error.code);
      expect(body.error.details[0]?.parameter).toBe('sql');
      expect(Date.now() - started).toBeLessThan(1_500 + 3_000 + 2_000);
      expect(existsSync(`${canary}.csv`) || existsSync(canary) || existsSync(`${canary}.db`)).toBe(false);
      await stillHealthy();
    },
    20_000,
  );
});
