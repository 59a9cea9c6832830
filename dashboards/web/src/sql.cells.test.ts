import { describe, expect, it } from 'vitest';
import { cellText, isNumericType } from './sql.cells.ts';

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
});
