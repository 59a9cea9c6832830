/**
 * The import's CPU path in-process, without HTTP or Kafka: a CSV file read as the route reads it (charset check,
 * csv-parse, cells typed) and every chunk prepared for Kafka (validated, scrubbed, serialised), timed per row.
 * For profiling (`node --cpu-prof --import tsx services/ingest/bench/import.cpu.bench.ts [rows] [repeats]`) and
 * for comparing commits on the shared machine, where CPU per row moves less with the load than the service's
 * rows per second. Prints µs of CPU per row, best of the repeats.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { decodingLimit } from '../src/body.ts';
import { prepareBatch } from '../src/batch.pipeline.ts';
import { csvEventChunks } from '../src/csv.rows.ts';
import { createDedupWindow } from '../src/dedup.ts';
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
const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
/** A file of fresh event ids each time: the dedup window would make repeated rows duplicates. */
function csvFile(): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      [
        randomUUID(),
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

async function once(): Promise<{ us: number; bytes: number }> {
  const file = csvFile();
  const source = Readable.from([file.subarray(0, file.length >> 1), file.subarray(file.length >> 1)], {
    objectMode: false,
  });
  const text = source.pipe(decodingLimit('text/csv', file.length + 1));
  const start = process.cpuUsage();
  let bytes = 0;
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
    for (const b of prepared.batches) for (const m of b.messages) bytes += m.value.length;
    rows += prepared.acceptedIds.length;
    dedup.remember(prepared.acceptedIds);
  }
  if (rows !== ROWS) throw new Error(`accepted ${rows} of ${ROWS}`);
  const used = process.cpuUsage(start);
  return { us: (used.user + used.system) / ROWS, bytes };
}

const runs: number[] = [];
let bytes = 0;
for (let i = 0; i < REPEATS; i++) {
  const r = await once();
  runs.push(r.us);
  bytes = r.bytes;
}
console.log(
  JSON.stringify({
    rows: ROWS,
    comment: comment.length,
    cpu_us_per_row_best: Number(Math.min(...runs).toFixed(2)),
    runs: runs.map((r) => Number(r.toFixed(2))),
    value_bytes: bytes,
  }),
);
