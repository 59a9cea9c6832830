/**
 * How the SQL screen shows a result cell. Alignment follows the column's DuckDB type as the API reports it
 * (`types` of /v1/sql), not the JSON value: DuckDB's JSON gives BIGINT, HUGEINT and DECIMAL values as strings
 * (a JavaScript number would lose digits), so `count(*)` arrives as "632" and must still line up as a number.
 * Numbers are written in the page's language (lv "4,32"), every digit kept; the CSV export keeps DuckDB's values.
 */
import type { Lang } from './api.types.ts';
import { formatExactDecimal } from './format.ts';

/** DuckDB's numeric types by the names its reader reports (DECIMAL with its width and scale). */
const NUMERIC =
  /^(?:U?(?:TINY|SMALL|BIG|HUGE)?INT(?:EGER)?|FLOAT|DOUBLE|REAL|DECIMAL(?:\(\d+,\s*\d+\))?|VARINT|BIGNUM)$/i;

/** Whether a column of this DuckDB type holds numbers (lists, structs and intervals do not). */
export function isNumericType(type: string | undefined): boolean {
  return type !== undefined && NUMERIC.test(type.trim());
}

/** A cell's text: NULL as a word, floating point noise trimmed (on screen only; the CSV keeps full precision). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * A cell of a numeric column in the page's language: "4,32" on the Latvian page, every digit DuckDB sent kept
 * (BIGINT and DECIMAL strings are formatted as text, never through a float) and none grouped (see
 * formatExactDecimal). A float is first trimmed of its noise as `cellText` does.
 */
export function numericCellText(value: unknown, lang: Lang): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string')
    return formatExactDecimal(cellText(value), lang);
  return cellText(value);
}
