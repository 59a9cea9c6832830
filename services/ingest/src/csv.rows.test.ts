import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvEventChunks, type CsvItem } from './csv.rows.ts';

const header =
  'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,courtesy,comment';

async function chunksOf(csv: string, chunkRows = 1000): Promise<CsvItem[][]> {
  const chunks: CsvItem[][] = [];
  for await (const chunk of csvEventChunks(Readable.from([Buffer.from(csv)]), chunkRows)) chunks.push(chunk);
  return chunks;
}

const rowsOf = async (csv: string) => (await chunksOf(csv)).flat();

describe('csvEventChunks', () => {
  it('types each cell by the contract of its row: numbers for scores, text for ids, absent for empty cells', async () => {
    const csv = `${header}\n5f0c7e2e-1d0b-4f7e-9d55-5d3f9f7a9a11,survey.submitted,1,2025-06-02T10:00:00+03:00,sheet,in_person,liepaja,0042,5,,"Ļoti laipni, paldies"\n`;
    const [row] = await rowsOf(csv);
    expect(row?.line).toBe(2);
    expect(row?.item).toEqual({
      ok: true,
      value: {
        event_id: '5f0c7e2e-1d0b-4f7e-9d55-5d3f9f7a9a11',
        type: 'survey.submitted',
        schema_version: 1,
        occurred_at: '2025-06-02T10:00:00+03:00',
        source: 'sheet',
        channel: 'in_person',
        office_id: 'liepaja',
        survey_id: '0042',
        satisfaction: 5,
        comment: 'Ļoti laipni, paldies',
      },
    });
  });

  it('numbers rows by their line in the file, quoted newlines included (Excel: LF in cells, CRLF rows)', async () => {
    const csv = `${header}\r\na,survey.submitted,1,x,s,in_person,cesis,1,4,,"two\nlines"\r\nb,survey.submitted,1,x,s,in_person,cesis,2,3,,\r\n`;
    expect((await rowsOf(csv)).map((r) => r.line)).toEqual([3, 4]);
  });

  it('hands rows on in chunks of the given size, in file order', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `id${i},survey.submitted,1,x,s,in_person,cesis,${i},4,,`);
    const chunks = await chunksOf([header, ...rows].join('\n'), 3);
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
    expect(chunks.flat().map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('rejects a row with the wrong number of cells on its own line and keeps reading', async () => {
    const rows = await rowsOf(`${header}\na,b\nc,survey.submitted,1,x,s,in_person,cesis,2,3,,\n`);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ line: 2, item: { ok: false } });
    expect(rows[0]?.item.ok === false && rows[0].item.reason).toBe(
      'line 2: expected 11 cells as in the header row, found 2',
    );
    expect(rows[1]?.item.ok).toBe(true);
  });

  it('rejects a row that is not CSV (a stray quote) on its own line, keeping the rows around it', async () => {
    const ok = (id: string) => `${id},survey.submitted,1,x,s,in_person,cesis,1,4,,`;
    const rows = await rowsOf(`${header}\n${ok('a')}\nb,x"y"z,1\n${ok('c')}\nd,"unclosed\n`);
    expect(rows.map((r) => [r.line, r.item.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
      [5, false],
    ]);
    expect(rows[1]?.item.ok === false && rows[1].item.reason).toMatch(/^line 3: not readable as CSV/);
  });

  it('csv_hex_and_binary_numbers: only plain decimals become numbers; 0x4, 0b100, 1e0 and Infinity stay text', async () => {
    const cells = ['0x4', '0b100', '1e0', 'Infinity', '4.0', '04'];
    const rows = await rowsOf(
      [header, ...cells.map((c, i) => `id${i},survey.submitted,1,x,s,in_person,cesis,${i},${c},,`)].join('\n'),
    );
    const satisfaction = rows.map((r) => (r.item.ok ? (r.item.value as { satisfaction: unknown }).satisfaction : null));
    expect(satisfaction).toEqual(['0x4', '0b100', '1e0', 'Infinity', 4, 4]);
  });

  it('refuses a header row with empty or repeated column names', async () => {
    await expect(rowsOf('event_id,type,,type\n1,2,3,4\n')).rejects.toMatchObject({
      statusCode: 400,
      details: [{ field: 'line 1' }],
    });
  });
});
