/**
 * A comparison's CSV (Offices, Equal service), as the Visits bars' (`figureColumns`): each group's figure at full
 * precision with its n and 95 % bounds in the unit its header names, the p-value of its difference from the rest,
 * the change against the previous period in the same unit (percentage points for a share) and the verdict's word.
 * A group below the minimum sample keeps its n and nothing else.
 */
import type { Lang, Unit } from '../api.types.ts';
import { csvUnit, plotValue } from '../format.ts';
import { figureCells, figureColumns, type CsvData } from '../csv.ts';
import { t } from '../i18n.ts';
import type { ComparisonRow } from './compare.shape.ts';

/** The unit of a difference between two figures: a share's is in percentage points, not percent. */
export const csvChangeUnit = (unit: Unit): string => (unit === 'share' ? 'pp' : csvUnit(unit));

export function comparisonCsv(
  lang: Lang,
  figure: { name: string; unit: Unit },
  rows: readonly ComparisonRow[],
  verdict: (row: ComparisonRow) => string,
): CsvData {
  const { unit } = figure;
  return {
    columns: [
      t(lang, 'group'),
      ...figureColumns(figure.name, unit, true),
      'p',
      `${t(lang, 'change')} (${csvChangeUnit(unit)})`,
      t(lang, 'vsRest'),
    ],
    rows: rows.map((r) => [
      r.label,
      ...figureCells(unit, r, true),
      r.suppressed ? null : r.pValue,
      r.suppressed || r.change === null ? null : plotValue(unit, r.change),
      verdict(r),
    ]),
  };
}
