import { describe, expect, it } from 'vitest';
import { rowsCsv, toCsv } from './csv.ts';

describe('CSV of SQL results', () => {
  it('quotes commas, quotes and newlines, leaves null empty and writes nested values as JSON', () => {
    const csv = toCsv(
      ['office', 'note', 'n', 'extra'],
      [
        { office: 'cēsis', note: 'a, "b"', n: 3, extra: null },
        { office: 'rīga', note: 'two\nlines', n: 0, extra: { k: 1 } },
      ],
    );
    expect(csv).toBe('office,note,n,extra\r\ncēsis,"a, ""b""",3,\r\nrīga,"two\nlines",0,"{""k"":1}"\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, and keeps negative numbers as numbers', () => {
    const csv = rowsCsv(
      ['a', 'b'],
      [
        ['=HYPERLINK("x")', -5],
        ['@SUM(A1)', '+1'],
      ],
    );
    expect(csv).toBe(`a,b\r\n"'=HYPERLINK(""x"")",-5\r\n'@SUM(A1),'+1\r\n`);
  });
});
