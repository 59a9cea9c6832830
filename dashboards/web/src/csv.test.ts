import { describe, expect, it } from 'vitest';
import { csvYesNo, figureCells, figureColumns, rowsCsv, toCsv } from './csv.ts';

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

describe("a chart's figures in its CSV", () => {
  it('names the unit in the header and writes the figure raw with its n: a share in percent, minutes as they are', () => {
    expect(figureColumns('CSAT', 'share')).toEqual(['CSAT (%)', 'CSAT n']);
    expect(figureColumns('Gaidīšana', 'minutes', true)).toEqual([
      'Gaidīšana (minutes)',
      'Gaidīšana n',
      'Gaidīšana 95 % low (minutes)',
      'Gaidīšana 95 % high (minutes)',
    ]);
    expect(figureCells('share', { value: 0.91234, n: 57 })).toEqual([91.23, 57]);
    expect(figureCells('minutes', { value: 12.345, n: 200, interval: { low: 10.5, high: 14.25 } }, true)).toEqual([
      12.345, 200, 10.5, 14.25,
    ]);
  });

  it('leaves a figure below the minimum sample and its bounds empty, keeping its n', () => {
    expect(figureCells('share', { value: null, n: 6, suppressed: true, interval: null }, true)).toEqual([
      null,
      6,
      null,
      null,
    ]);
    expect(figureCells('share', undefined)).toEqual([null, 0]);
  });

  // Regression: the Complaints and Offices CSVs held the tables' text ("91,2 %", "6 darba dienas").
  it('writes numbers with a dot decimal and no unit or grouping in the cell, whatever the page language', () => {
    const csv = rowsCsv(
      [...figureColumns('Termiņā', 'share'), 'count'],
      [[...figureCells('share', { value: 0.9123, n: 1234 }), 12000]],
    );
    expect(csv).toBe('Termiņā (%),Termiņā n,count\r\n91.23,1234,12000\r\n');
  });

  it('marks a partial period or a flag yes or no', () => {
    expect([csvYesNo(true), csvYesNo(false), csvYesNo(undefined)]).toEqual(['yes', 'no', 'no']);
  });
});
