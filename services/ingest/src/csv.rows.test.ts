import { describe, expect, it } from 'vitest';
import { parseCsvEvents } from './csv.rows.ts';

const header =
  'event_id,type,schema_version,occurred_at,source,channel,office_id,survey_id,satisfaction,courtesy,comment';

describe('parseCsvEvents', () => {
  it('types each cell by the contract of its row: numbers for scores, text for ids, absent for empty cells', () => {
    const csv = `${header}\n5f0c7e2e-1d0b-4f7e-9d55-5d3f9f7a9a11,survey.submitted,1,2025-06-02T10:00:00+03:00,sheet,in_person,liepaja,0042,5,,"Ļoti laipni, paldies"\n`;
    const [row] = parseCsvEvents(csv);
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

  it('numbers rows by their line in the file, quoted newlines included', () => {
    const csv = `${header}\na,survey.submitted,1,x,s,in_person,cesis,1,4,,"two\nlines"\nb,survey.submitted,1,x,s,in_person,cesis,2,3,,\n`;
    expect(parseCsvEvents(csv).map((r) => r.line)).toEqual([3, 4]);
  });

  it('reports a malformed file as one rejected item with the reason', () => {
    const [row] = parseCsvEvents(`${header}\na,b\n`);
    expect(row?.item.ok).toBe(false);
    expect(row?.item.ok === false && row.item.reason).toMatch(/^CSV could not be read/);
  });
});
