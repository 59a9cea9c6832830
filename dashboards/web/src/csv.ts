/**
 * CSV of an SQL result, in the same dialect as the API's own CSV (RFC 4180 quoting, empty cell for null,
 * JSON for nested values), with a byte-order mark so spreadsheet programs read Latvian letters correctly.
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe, as in the query service's own CSV; numbers stay numbers.
 */
import type { Unit } from './api.types.ts';
import { csvUnit, plotValue } from './format.ts';

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

/**
 * A chart's data as its CSV holds it (`chartFigure`'s `data`): raw figures, never the table's text. Numbers stay
 * numbers (a dot decimal, full precision), a unit goes in its column's header, periods and dates are ISO, and an
 * empty cell (null) is a figure withheld or absent.
 */
export type CsvCell = string | number | null;
export interface CsvData {
  columns: string[];
  rows: CsvCell[][];
}

/** A figure as the CSV takes it: the API's value and sample, and its 95 % interval where it has one. */
export interface CsvFigure {
  value: number | null;
  n: number;
  suppressed?: boolean;
  interval?: { low: number; high: number } | null;
}

/** A figure's columns: "name (unit)" and "name n", with `interval` its 95 % bounds in the same unit. */
export function figureColumns(name: string, unit: Unit, interval = false): string[] {
  const u = csvUnit(unit);
  return [`${name} (${u})`, `${name} n`, ...(interval ? [`${name} 95 % low (${u})`, `${name} 95 % high (${u})`] : [])];
}

/**
 * A figure's cells under `figureColumns`: its value as plotted (percent for a share), left empty below the minimum
 * sample as in the chart; its n whatever the sample; its bounds where the value is shown.
 */
export function figureCells(unit: Unit, figure: CsvFigure | undefined, interval = false): CsvCell[] {
  const shown = figure && !figure.suppressed && figure.value !== null ? plotValue(unit, figure.value) : null;
  const bound = (v: number | undefined) => (shown === null || v === undefined ? null : plotValue(unit, v));
  return [shown, figure?.n ?? 0, ...(interval ? [bound(figure?.interval?.low), bound(figure?.interval?.high)] : [])];
}

/** A yes/no cell (a partial period, an extended deadline), as the Overview's and the channels' CSVs mark partial periods. */
export const csvYesNo = (flag: boolean | undefined): string => (flag ? 'yes' : 'no');
