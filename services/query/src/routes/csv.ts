/**
 * CSV output of the query API (catalogue answers and analysts' results). Quoting is csv-stringify's (RFC 4180:
 * a field with a comma, quote or line break is quoted, quotes doubled), for the header too, so a column named
 * `a,b` stays one column. Empty cells for null.
 *
 * Cells are neutralised against CSV injection (OWASP): a text cell that a spreadsheet would read as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so it shows as text and
 * never runs. A cell that is exactly a number (`-12`, `-0.5`, `-1e-3`: DuckDB hands BIGINT and DECIMAL over as
 * text) is left alone, so negative figures stay numeric.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A cell's text: numbers and booleans as written, other values as JSON, null as empty. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** A cell's text that no spreadsheet evaluates: formula-like text prefixed with `'`, numbers untouched. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV document: the header, then one line per row, each cell neutralised and quoted where needed. */
export function toCsv(header: readonly string[], lines: readonly (readonly unknown[])[]): string {
  const records = [header, ...lines].map((cells) => cells.map((cell) => neutralise(cellText(cell))));
  return stringify(records, { record_delimiter: '\n' });
}

export function rowsToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return toCsv(
    columns,
    rows.map((row) => columns.map((column) => row[column])),
  );
}
