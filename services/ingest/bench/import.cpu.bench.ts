/**
 * The import's CPU path in-process, without HTTP or Kafka: a CSV file read as the route reads it (charset check,
 * csv-parse, cells typed) and every chunk prepared for Kafka (validated, scrubbed, serialised), timed per row.
 * For profiling (`node --cpu-prof --import tsx services/ingest/bench/import.cpu.bench.ts [rows] [repeats]`) and
 * for comparing commits on the shared machine, where CPU per row moves less with the load than the service's
 * rows per second. Prints µs of CPU per row (best of the repeats) and a digest of every message it would produce
 * (ingest time aside; the rows are the same in every process on a day), which must not change with a speed-up.
 */
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { decodingLimit } from '../src/body.ts';
import { prepareBatch } from '../src/batch.pipeline.ts';
import { csvEventChunks } from '../src/csv.rows.ts';
import { createDedupWindow } from '../src/dedup.ts';
import type { TopicBatch } from '@servq/kafka';
import type { Caller } from '../src/auth.ts';

const ROWS = Number(process.argv[2] ?? 20_000);
const REPEATS = Number(process.argv[3] ?? 5);
const COMMENT_LENGTH = Number(process.argv[4] ?? 0); // 0: the import bench's typical short comment
const HEADER =
  'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,courtesy,recommend,comment';
const OFFICES = ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'];
const SHORT = 'Apkalpošana bija ātra un laipna, paldies! Zvaniet man: 29123456.';
const LONG = (
  'Ļoti laipni, paldies! Darbiniece ātri apkalpoja, bet rinda bija gara; šodien gaidīju ilgāk nekā parasti. ' +
  'Lūdzu, atzvaniet man uz 29123456 vai rakstiet uz vards.uzvards@example.lv, ja vajag ko precizēt. '
).repeat(12);
const comment = COMMENT_LENGTH > 0 ? LONG.slice(0, COMMENT_LENGTH) : SHORT;
// Yesterday's midnight and ids numbered by run and row: the same rows in every process on a day, so that the digest
// of what would be produced can be compared between commits.
const occurredAt = new Date((Math.floor(Date.now() / 86_400_000) - 1) * 86_400_000).toISOString();
const idOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
/** A file of fresh event ids each run: the dedup window would make repeated rows duplicates. */
function csvFile(run: number): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      [
        idOf(run * ROWS + i),
        'survey.submitted',
        '1',
        occurredAt,
        'bench',
        'in_person',
        OFFICES[i % 4],
        `bench-${i}`,
        1 + (i % 5),
        1 + ((i + 2) % 5),
        i % 11,
        `"${comment.replaceAll('"', '""')}"`,
      ].join(','),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

const caller: Caller = { keyId: 'bench', families: new Set(['visit', 'survey', 'complaint']) };
// One window for the process, as in the service (building one allocates for all its entries).
const dedup = createDedupWindow({ windowMs: 86_400_000, maxEntries: 1_000_000 });

/** A digest of every message but its ingest time: equal digests, equal output. */
function digest(batches: readonly TopicBatch[], hash: Hash): void {
  for (const { topic, messages } of batches) {
    for (const { key, value, headers } of messages) {
      hash.update(JSON.stringify([topic, key, value, { ...headers, ingested_at: undefined }]));
    }
  }
}

const cpuUs = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** CPU µs per row of one run (the digest's own time left out). */
async function once(run: number, hash: Hash): Promise<number> {
  const file = csvFile(run);
  // In pieces of 64 KiB, as the request's socket hands them on.
  const pieces: Buffer[] = [];
  for (let at = 0; at < file.length; at += 65_536) pieces.push(file.subarray(at, at + 65_536));
  const text = Readable.from(pieces, { objectMode: false }).pipe(decodingLimit('text/csv', file.length + 1));
  const start = cpuUs();
  let digestUs = 0;
  let rows = 0;
  for await (const chunk of csvEventChunks(text, 1000)) {
    const prepared = prepareBatch(
      chunk.map((r) => r.item),
      {
        caller,
        now: new Date(),
        validation: { maxSkewMs: 300_000, horizonDays: 30 },
        pseudonymSecret: 'bench-secret',
        dedup,
        topicPrefix: '',
      },
    );
    const digestStart = cpuUs();
    digest(prepared.batches, hash);
    digestUs += cpuUs() - digestStart;
    rows += prepared.acceptedIds.length;
    dedup.remember(prepared.acceptedIds);
  }
  if (rows !== ROWS) throw new Error(`accepted ${rows} of ${ROWS}`);
  return (cpuUs() - start - digestUs) / ROWS;
}

const runs: number[] = [];
const hash = createHash('sha256');
for (let run = 0; run < REPEATS; run++) runs.push(await once(run, hash));
console.log(
  JSON.stringify({
    rows: ROWS,
    comment: comment.length,
    cpu_us_per_row_best: Number(Math.min(...runs).toFixed(2)),
    runs: runs.map((r) => Number(r.toFixed(2))),
    output_digest: hash.digest('hex').slice(0, 16),
  }),
);
