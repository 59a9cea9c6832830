/**
 * CSV of an SQL result, in the same dialect as the API's own CSV (RFC 4180 quoting, empty cell for null,
 * JSON for nested values), with a byte-order mark so spreadsheet programs read Latvian letters correctly.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return (
    [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}

export const CSV_BOM = '\uFEFF';
