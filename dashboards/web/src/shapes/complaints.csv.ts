/**
 * The Complaints screen's CSVs, as the Visits bars' are: raw figures, never the tables' text. Counts are numbers,
 * shares percent at full precision beside their n (empty where withheld), periods and dates ISO, age bands as the
 * API keys them with their unit (working days) in the header, and the deadline desk's working days left a signed
 * number beside the status's code.
 */
import type { DueComplaint, Lang, Unit } from '../api.types.ts';
import { csvYesNo, figureCells, figureColumns, type CsvData } from '../csv.ts';
import { plotValue } from '../format.ts';
import { t, type StringKey } from '../i18n.ts';
import type { Labels } from '../labels.ts';
import type { AgeBand } from './complaints.ageing.shape.ts';
import type { BacklogLines, Slice, WeeklyCount } from './complaints.shape.ts';
import type { TrendPoint } from './trend.shape.ts';

/** The backlog per period: open and overdue at its end (as of that day), received and answered in it. */
export function backlogCsv(
  lang: Lang,
  points: readonly { period: string; asOf: string }[],
  lines: BacklogLines,
  partial: readonly boolean[],
): CsvData {
  const l = (key: StringKey) => t(lang, key);
  return {
    columns: [
      l('period'),
      l('partial'),
      l('asOfDay'),
      l('openSeries'),
      l('overdueSeries'),
      l('receivedSeries'),
      l('answeredSeries'),
    ],
    rows: points.map((p, i) => [
      p.period,
      csvYesNo(partial[i]),
      p.asOf,
      lines.open[i] ?? null,
      lines.overdue[i] ?? null,
      lines.received[i] ?? null,
      lines.answered[i] ?? null,
    ]),
  };
}

/** The open complaints per age band (its key, "21+", in working days): all, within the deadline, past it. */
export function ageingCsv(lang: Lang, bands: readonly AgeBand[]): CsvData {
  const l = (key: StringKey) => t(lang, key);
  return {
    columns: [l('ageBand'), l('openSeries'), l('inTimeSeries'), l('overdueSeries')],
    rows: bands.map((b) => [b.band, b.open, b.inTime, b.overdue]),
  };
}

/** Complaints received per week (its Monday), a partial week marked. */
export function weeklyCsv(lang: Lang, weeks: readonly WeeklyCount[], partial: readonly boolean[]): CsvData {
  return {
    columns: [t(lang, 'period'), t(lang, 'partial'), t(lang, 'count')],
    rows: weeks.map((w, i) => [w.week, csvYesNo(partial[i]), w.count]),
  };
}

/** Complaints per outcome or category: the group's name, its count and its share of all in percent. */
export function slicesCsv(lang: Lang, slices: readonly Slice[], name: (slice: Slice) => string): CsvData {
  return {
    columns: [t(lang, 'group'), t(lang, 'count'), `${t(lang, 'share')} (%)`],
    rows: slices.map((s) => [name(s), s.count, plotValue('share', s.share)]),
  };
}

/**
 * Deadline compliance per period: each share in percent with its n (empty where below the minimum sample), and the
 * counts behind the legal one, answered within the deadline and past it, where any complaint was due.
 */
export function complianceCsv(
  lang: Lang,
  periods: readonly string[],
  partial: readonly boolean[],
  shares: readonly { name: string; unit: Unit; points: readonly TrendPoint[] }[],
  counts: { due: readonly number[]; inTime: readonly number[]; late: readonly number[] },
): CsvData {
  const l = (key: StringKey) => t(lang, key);
  return {
    columns: [
      l('period'),
      l('partial'),
      ...shares.flatMap((s) => figureColumns(s.name, s.unit)),
      l('inTimeSeries'),
      l('overdueSeries'),
    ],
    rows: periods.map((period, i) => [
      period,
      csvYesNo(partial[i]),
      ...shares.flatMap((s) => figureCells(s.unit, s.points[i])),
      ...((counts.due[i] ?? 0) > 0 ? [counts.inTime[i] ?? 0, counts.late[i] ?? 0] : [null, null]),
    ]),
  };
}

/**
 * The deadline desk's list: ISO dates, the status's code (overdue, due) and the working days left as a signed
 * number (negative: that many working days late), the extension and reopening as yes/no, and names as the page
 * gives them with every row's rule.
 */
export function deskCsv(lang: Lang, complaints: readonly DueComplaint[], labels: Labels): CsvData {
  const l = (key: StringKey) => t(lang, key);
  return {
    columns: [
      l('caseId'),
      l('status'),
      'working_days_left',
      'extended',
      'reopened',
      l('dueOn'),
      l('receivedOn'),
      l('rule'),
      l('category'),
      l('channel'),
      l('office'),
    ],
    rows: complaints.map((c) => [
      c.id,
      c.status,
      c.workingDaysLeft,
      csvYesNo(c.extended),
      csvYesNo(c.reopened),
      c.dueOn,
      c.receivedOn,
      c.rule === null ? null : labels.value('legal_rule', c.rule, lang),
      labels.value('category', c.category, lang),
      labels.value('channel', c.channel, lang),
      labels.office(c.office, lang),
    ]),
  };
}
