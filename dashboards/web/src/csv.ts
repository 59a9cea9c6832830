/**
 * CSV of an SQL result, in the same dialect as the API's own CSV (RFC 4180 quoting, empty cell for null,
 * JSON for nested values), with a byte-order mark so spreadsheet programs read Latvian letters correctly.
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe, as in the query service's own CSV; numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV of rows of cells (a chart's data table). */
export function rowsCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return (
    [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}

export const CSV_BOM = '\uFEFF';
