import type { QueryAnswer } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { neutralise, rowsToCsv } from './csv.ts';
import { answerToCsv } from './metric.query.ts';

// Regression: formula-like cells reached spreadsheets as formulas, and a comma in a column name split the header.
describe('csv_formula_injection_and_header_quoting', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+cmd', `'+1+cmd`],
    ['-1+cmd', `'-1+cmd`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-', `'-`],
    ['-Infinity', `'-Infinity`],
  ])('prefixes the formula-like cell %j with a quote mark', (text, expected) => {
    expect(neutralise(text)).toBe(expected);
  });

  it.each(['-12', '-0.5', '-.5', '-1e-3', '-12.', '12', 'riga', 'a=b', ''])(
    'leaves %j as it is (a genuine number or plain text)',
    (text) => {
      expect(neutralise(text)).toBe(text);
    },
  );

  it('quotes a header with a comma, and cells with quotes and line breaks, per RFC 4180', () => {
    const csv = rowsToCsv(
      ['a,b', 'say "hi"', 'n'],
      [
        { 'a,b': 'x,y', 'say "hi"': 'line\nbreak', n: -3 },
        { 'a,b': null, 'say "hi"': true, n: 2.5 },
      ],
    );
    expect(csv).toBe('"a,b","say ""hi""",n\n"x,y","line\nbreak",-3\n,true,2.5\n');
  });

  it('neutralises the header and JSON cells too, and keeps negative numbers numeric', () => {
    const csv = rowsToCsv(['=cmd', 'list'], [{ '=cmd': -7, list: [-1, 2] }]);
    expect(csv).toBe(`'=cmd,list\n-7,"[-1,2]"\n`);
  });

  it('neutralises a catalogue answer’s keys and keeps its negative values', () => {
    const answer: QueryAnswer = {
      freshness: { newestEventAt: null, syncedAt: null, dataVersion: 1 },
      query: {
        metrics: ['nps'],
        dimensions: ['office'],
        filters: {},
        from: '2026-03-01',
        to: '2026-03-31',
        grain: null,
      },
      rows: [{ office: '=1+1', nps: { value: -12.5, n: 40, target: null, suppressed: false } }],
    };
    expect(answerToCsv(answer)).toBe(`office,nps,nps_n\n'=1+1,-12.5,40\n`);
  });
});
