import { describe, expect, it } from 'vitest';
import { cellText, isNumericType, numericCellText } from './sql.cells.ts';

describe('SQL result cells', () => {
  it('counts every DuckDB integer, float and decimal type as numeric, whatever its JSON form', () => {
    for (const type of ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UBIGINT', 'UINTEGER', 'UHUGEINT'])
      expect({ type, numeric: isNumericType(type) }).toEqual({ type, numeric: true });
    for (const type of ['FLOAT', 'DOUBLE', 'DECIMAL(18,3)', 'DECIMAL(4, 1)', 'VARINT'])
      expect({ type, numeric: isNumericType(type) }).toEqual({ type, numeric: true });
  });

  it('keeps text, dates, intervals, lists and structs out of the numeric columns', () => {
    for (const type of ['VARCHAR', 'DATE', 'TIMESTAMP WITH TIME ZONE', 'INTERVAL', 'BOOLEAN', 'INTEGER[]', 'UUID'])
      expect({ type, numeric: isNumericType(type) }).toEqual({ type, numeric: false });
    expect(isNumericType('STRUCT(a INTEGER)')).toBe(false);
    expect(isNumericType(undefined)).toBe(false);
  });

  it('shows NULL as a word, big integers as DuckDB sent them and trims floating point noise', () => {
    expect(cellText(null)).toBe('NULL');
    expect(cellText('9007199254740993')).toBe('9007199254740993');
    expect(cellText(4.199999999999999)).toBe('4.2');
    expect(cellText(632)).toBe('632');
    expect(cellText([1, 2])).toBe('[1,2]');
  });

  it("writes numeric cells in the page's language with every digit kept and none grouped", () => {
    expect(numericCellText(4.32, 'lv')).toBe('4,32');
    expect(numericCellText(4.32, 'en')).toBe('4.32');
    expect(numericCellText(4.199999999999999, 'lv')).toBe('4,2');
    // DECIMAL and BIGINT arrive as strings: their scale and every digit survive (no float in between).
    expect(numericCellText('4.320', 'lv')).toBe('4,320');
    expect(numericCellText('-12345678901234567890.123456789', 'lv')).toBe('-12345678901234567890,123456789');
    expect(numericCellText('9007199254740993', 'lv')).toBe('9007199254740993');
    expect(numericCellText(2026, 'en')).toBe('2026');
    expect(numericCellText(null, 'lv')).toBe('NULL');
    // Not a plain decimal: shown as it came.
    expect(numericCellText(1e-7, 'lv')).toBe('1e-7');
    expect(numericCellText('inf', 'lv')).toBe('inf');
  });
});
