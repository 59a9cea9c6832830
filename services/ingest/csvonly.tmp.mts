import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { csvEventChunks } from './src/csv.rows.ts';
import { decodingLimit } from './src/body.ts';
import { parse } from 'csv-parse';
const SHORT = 'Apkalpošana bija ātra un laipna, paldies! Zvaniet man: 29123456.';
const lines = ['event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,courtesy,recommend,comment'];
for (let i = 0; i < 50000; i++) lines.push([randomUUID(),'survey.submitted','1',new Date().toISOString(),'bench','in_person','cesis',`bench-${i}`,1,2,3,`"${SHORT}"`].join(','));
const file = Buffer.from(lines.join('\r\n') + '\r\n');
const pieces = () => { const out = []; for (let i = 0; i < file.length; i += 65536) out.push(file.subarray(i, i + 65536)); return out; };
const opts = { bom: true, trim: true, skip_empty_lines: true, info: true, relax_column_count: true, skip_records_with_error: true };
const mode = process.argv[2];
for (let r = 0; r < 5; r++) {
  const t = process.cpuUsage(); let n = 0;
  if (mode === 'chunks') { for await (const c of csvEventChunks(Readable.from(pieces()).pipe(decodingLimit('text/csv', 1e9)), 1000)) n += c.length; }
  else if (mode === 'chunks-nodecode') { for await (const c of csvEventChunks(Readable.from(pieces()), 1000)) n += c.length; }
  else if (mode === 'parse-iter') { for await (const _ of Readable.from(pieces()).pipe(parse(opts))) n++; }
  else if (mode === 'parse-noinfo') { for await (const _ of Readable.from(pieces()).pipe(parse({ ...opts, info: false }))) n++; }
  else if (mode === 'parse-data') { const p = Readable.from(pieces()).pipe(parse(opts)); p.on('data', () => n++); await new Promise((res) => p.on('end', res)); }
  const u = process.cpuUsage(t);
  console.log(mode, n, ((u.user + u.system) / n).toFixed(2));
}
