/**
 * CSV import benchmark: rows per second through POST /v1/import (the service as its own process, src/main.ts, with
 * the real Kafka) next to the bare CSV parser (csv-parse's streaming API, the library the import uses) reading the
 * same file from disk in the same run — the baseline: an import cannot be faster than reading its file.
 *
 * Three files of survey rows, written once to a temporary directory:
 *   typical        short comments (about 250 bytes a row), the shape of an office's export;
 *   long-comments  1,100 rows with comments near the 2,000-character limit (about 2.1 KB a row), the issue's file;
 *   large          the typical shape, many more rows (larger than the default import limit: the bench raises it).
 * Memory: the service's peak resident set (VmHWM) after the typical file and again after the large one; an
 * import that streams keeps the second close to the first, whatever the file's size.
 * The service's CPU time per row (all its threads) is given too: on the shared machine it moves far less with
 * the neighbours' load than rows per second do.
 * Every import is checked to have accepted every row before its figure counts. The service writes to topics of
 * its own (INGEST_TOPIC_PREFIX), deleted afterwards.
 *
 * Writes bench/results/import.json. Usage: node --import tsx services/ingest/bench/import.bench.ts [typical] [large]
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { loadSharedConfig } from '@servq/config';
import { ALL_TOPICS } from '@servq/contracts';
import { createKafka, ensureTopics, logLevel } from '@servq/kafka';
import { pollUntil } from '@servq/runtime';
import { parse } from 'csv-parse';
import { CSV_PARSE_OPTIONS } from '../src/csv.rows.ts';
import { cpuSeconds, peakRssMiB } from './process.stats.ts';

const TYPICAL_ROWS = Number(process.argv[2] ?? 50_000);
const LARGE_ROWS = Number(process.argv[3] ?? 400_000);
const LONG_ROWS = 1_100;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = loadSharedConfig(process.env);
const PORT = 18_000 + Math.floor(Math.random() * 1000);
const KEY = 'servq-dev-all-key';
const TOPIC_PREFIX = `bench.import.${randomUUID().slice(0, 8)}.`;
const benchTopics = ALL_TOPICS.map((topic) => `${TOPIC_PREFIX}${topic}`);
const TOPIC_PARTITIONS = Number(process.env.SERVQ_TOPIC_PARTITIONS ?? 6);
const HEADER =
  'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,courtesy,recommend,comment';
const OFFICES = ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'];
const SHORT_COMMENT = 'Apkalpošana bija ātra un laipna, paldies! Zvaniet man: 29123456.';
const LONG_COMMENT = (
  'Ļoti laipni, paldies! Darbiniece ātri apkalpoja, bet rinda bija gara; šodien gaidīju ilgāk nekā parasti. ' +
  'Lūdzu, atzvaniet man uz 29123456 vai rakstiet uz vards.uzvards@example.lv, ja vajag ko precizēt. '
).repeat(12);

function row(i: number, comment: string, occurredAt: string): string {
  const cells = [
    randomUUID(),
    'survey.submitted',
    '1',
    occurredAt,
    'bench',
    'in_person',
    OFFICES[i % 4]!,
    `bench-${i}`,
    String(1 + (i % 5)),
    String(1 + ((i + 2) % 5)),
    String(i % 11),
    `"${comment.slice(0, 1990).replaceAll('"', '""')}"`,
  ];
  return cells.join(',');
}

async function writeCsv(path: string, rows: number, comment: string): Promise<number> {
  const out = createWriteStream(path);
  const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
  out.write(`${HEADER}\r\n`);
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${row(i, comment, occurredAt)}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return statSync(path).size;
}

/** The baseline: csv-parse's stream over the file, with the import's options, records discarded. */
async function bareParserRowsPerS(path: string): Promise<number> {
  const started = performance.now();
  let rows = 0;
  const parser = createReadStream(path).pipe(parse(CSV_PARSE_OPTIONS));
  parser.on('data', () => (rows += 1));
  await finished(parser);
  return (rows - 1) / ((performance.now() - started) / 1000); // less the header row
}

async function importRowsPerS(path: string, rows: number): Promise<number> {
  const started = performance.now();
  // Streamed, as a client uploads a large file; undici needs duplex 'half' for a stream body.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  };
  const res = await fetch(`http://127.0.0.1:${PORT}/v1/import`, init);
  const body = (await res.json()) as { accepted?: number };
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 200 || body.accepted !== rows) {
    throw new Error(`import of ${rows} rows answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return rows / seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'servq-import-bench-'));
const files = {
  warmup: { path: join(dir, 'warmup.csv'), rows: 2_000, comment: SHORT_COMMENT },
  typical: { path: join(dir, 'typical.csv'), rows: TYPICAL_ROWS, comment: SHORT_COMMENT },
  long_comments: { path: join(dir, 'long-comments.csv'), rows: LONG_ROWS, comment: LONG_COMMENT },
  large: { path: join(dir, 'large.csv'), rows: LARGE_ROWS, comment: SHORT_COMMENT },
};
const sizes: Record<string, number> = {};
for (const [name, f] of Object.entries(files)) sizes[name] = await writeCsv(f.path, f.rows, f.comment);

const benchKafka = createKafka(shared.kafka, { logLevel: logLevel.NOTHING });
await ensureTopics(
  benchKafka,
  benchTopics.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS })),
);
const admin = benchKafka.admin();
const service = spawn('node', ['--import', 'tsx', 'services/ingest/src/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    INGEST_PORT: String(PORT),
    INGEST_LOG_LEVEL: 'warn',
    INGEST_RATE_LIMIT_PER_MINUTE: '1000000',
    INGEST_TOPIC_PREFIX: TOPIC_PREFIX,
    // Any free port: a running pipeline holds the default one.
    INGEST_METRICS_ADDR: '127.0.0.1:0',
    INGEST_MAX_IMPORT_BYTES: String(sizes.large! + 1024 * 1024),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  await pollUntil(
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok;
      } catch {
        return false;
      }
    },
    { intervalMs: 200, timeoutMs: 60_000 },
  );
  await importRowsPerS(files.warmup.path, files.warmup.rows); // JIT, connections, producer metadata
  const results: Record<string, unknown>[] = [];
  const memory: Record<string, number> = {};
  for (const name of ['typical', 'long_comments', 'large'] as const) {
    const f = files[name];
    const parser = await bareParserRowsPerS(f.path);
    const cpuBefore = cpuSeconds(service.pid!);
    const imported = await importRowsPerS(f.path, f.rows);
    const cpuUsPerRow = ((cpuSeconds(service.pid!) - cpuBefore) / f.rows) * 1e6;
    memory[`after_${name}`] = Number(peakRssMiB(service.pid!).toFixed(1));
    results.push({
      file: name,
      rows: f.rows,
      mib: Number((sizes[name]! / 1024 / 1024).toFixed(1)),
      import_rows_per_s: Math.round(imported),
      bare_parser_rows_per_s: Math.round(parser),
      import_vs_parser: Number((imported / parser).toFixed(3)),
      service_cpu_us_per_row: Number(cpuUsPerRow.toFixed(1)),
      target_rows_per_s: 20_000,
    });
  }
  const report = {
    benchmark: 'import',
    when: new Date().toISOString(),
    node: process.version,
    brokers: shared.kafka.brokers,
    results,
    service_peak_rss_mib: memory,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/import.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.table(results);
  console.log('ingest peak RSS (MiB):', memory, '→ bench/results/import.json');
} finally {
  service.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  await admin.connect();
  await admin.deleteTopics(benchTopics).finally(() => admin.disconnect());
}
