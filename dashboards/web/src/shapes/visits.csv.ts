/**
 * The Visits screen's heatmaps and wait bands as CSV, as its bars' are (`figureColumns`): one row per weekday and
 * hour (the ISO weekday number beside its name) with the raw figure and its n, and one per wait band (its key, in
 * minutes) with the share in percent and the count of answers.
 */
import type { Lang, Unit } from '../api.types.ts';
import { figureCells, figureColumns, type CsvCell, type CsvData } from '../csv.ts';
import { t } from '../i18n.ts';
import type { BandFigure, HourGrid } from './visits.shape.ts';

/** A grid's cells in the weekday's, then the hour's order: the figure (`unit`) named `name`, with its n. */
export function hourGridCsv(
  lang: Lang,
  grid: HourGrid,
  weekdayName: (weekday: number) => string,
  figure: { name: string; unit: Unit },
): CsvData {
  return {
    columns: ['weekday', t(lang, 'heatWeekday'), 'hour', ...figureColumns(figure.name, figure.unit)],
    rows: gridRows(grid, weekdayName, (cell) => figureCells(figure.unit, cell.figure)),
  };
}

/**
 * The arrivals grid: each cell's visits over the range, the days of that weekday in it, and their mean per day (as
 * the chart colours the cell), at full precision.
 */
export function arrivalsCsv(
  lang: Lang,
  grid: HourGrid,
  weekdayName: (weekday: number) => string,
  visits: string,
  daysPerWeekday: ReadonlyMap<number, number>,
): CsvData {
  return {
    columns: [
      'weekday',
      t(lang, 'heatWeekday'),
      'hour',
      `${visits} (count)`,
      'days',
      `${visits} (${t(lang, 'perDay')})`,
    ],
    rows: gridRows(grid, weekdayName, (cell) => {
      const days = daysPerWeekday.get(cell.weekday) ?? 0;
      const count = cell.figure.value;
      return [count, days, count === null || days === 0 ? null : count / days];
    }),
  };
}

function gridRows(
  grid: HourGrid,
  weekdayName: (weekday: number) => string,
  cells: (cell: HourGrid['cells'][number]) => CsvCell[],
): CsvCell[][] {
  return grid.weekdays.flatMap((weekday) =>
    grid.hours.flatMap((hour) => {
      const cell = grid.cells.find((c) => c.weekday === weekday && c.hour === hour);
      return cell ? [[weekday, weekdayName(weekday), hour, ...cells(cell)]] : [];
    }),
  );
}

/** Each wait band (its key, minutes: "5-10", "30+"): the share figure with its n, and the answers counted. */
export function waitBandsCsv(
  lang: Lang,
  share: readonly BandFigure[],
  answered: readonly BandFigure[],
  names: { share: string; answered: string },
): CsvData {
  return {
    columns: [`${t(lang, 'waitBand')} (minutes)`, ...figureColumns(names.share, 'share'), names.answered],
    rows: share.map((b, i) => [b.band, ...figureCells('share', b.figure), answered[i]?.figure.value ?? 0]),
  };
}
