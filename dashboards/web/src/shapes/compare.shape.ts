/**
 * /v1/compare answers → what the comparison screens draw: one row per group plus the all-group row, each
 * with its figure, 95% interval (as error-bar bounds in plotting units), sample, whether it is suppressed and
 * whether its difference from the rest is significant. Suppressed groups carry no value, no bounds and no
 * marker — only their sample size and the minimum they missed.
 */
import type { GroupFigure, Lang, MetricComparison, Unit } from '../api.types.ts';
import { plotValue, targetStatus, type TargetStatus } from '../format.ts';
import type { Labels } from '../labels.ts';

export interface ComparisonRow {
  /** Group id, `null` for a group not recorded, or the string `'*all'` for the all-group row. */
  key: string | null;
  label: string;
  isAll: boolean;
  /**
   * Records with no office (complaints not yet assigned to one), in an offices comparison: not an office, so
   * shown after every office, set apart, and never ranked against them.
   */
  noOffice: boolean;
  value: number | null;
  interval: { low: number; high: number } | null;
  n: number;
  suppressed: boolean;
  significant: boolean;
  /** How a significant difference reads in the metric's own direction; null when not significant. */
  effect: Effect | null;
  pValue: number | null;
  target: number | null;
  status: TargetStatus;
  change: number | null;
  changeSignificant: boolean;
  /** The group's figure in the previous period (no data at all, too few, or the base of `change`). */
  previous: GroupFigure['previous'];
}

export type Effect = 'better' | 'worse' | 'different';

/** Better or worse by the metric's direction: a higher wait is worse, a higher satisfaction better. */
export function effectOf(direction: MetricComparison['direction'], value: number, reference: number): Effect {
  if (direction === 'neutral' || value === reference) return 'different';
  const higher = value > reference;
  return higher === (direction === 'higher_is_better') ? 'better' : 'worse';
}

export interface ErrorBar {
  /** Category index on the chart's axis. */
  index: number;
  low: number;
  high: number;
}

export interface ComparisonChart {
  categories: string[];
  /** Plotted figure per category; null where suppressed or missing. */
  values: (number | null)[];
  errorBars: ErrorBar[];
  /** Category indexes whose difference from the rest is significant. */
  significant: number[];
  /** The same indexes split by what the difference means in the metric's direction. */
  better: number[];
  worse: number[];
  different: number[];
  /** Category indexes whose group is suppressed. */
  suppressed: number[];
  /** The category of the records with no office, drawn apart from the offices' points (none elsewhere). */
  noOffice?: number[];
  target: number | null;
}

export const ALL_KEY = '*all';

function rowOf(
  metric: MetricComparison,
  figure: GroupFigure,
  key: string | null,
  label: string,
  isAll: boolean,
  noOffice = false,
): ComparisonRow {
  const value = figure.suppressed ? null : figure.value;
  const significant = !figure.suppressed && !isAll && !noOffice && figure.significant;
  const reference = metric.all.suppressed ? null : metric.all.value;
  const effect =
    significant && value !== null && reference !== null ? effectOf(metric.direction, value, reference) : null;
  return {
    key,
    label,
    isAll,
    noOffice,
    value,
    interval: figure.suppressed ? null : figure.interval,
    n: figure.n,
    suppressed: figure.suppressed,
    significant,
    effect,
    pValue: figure.suppressed ? null : figure.pValue,
    target: figure.target,
    status: figure.suppressed ? 'none' : targetStatus(metric.direction, value, figure.target),
    change: figure.suppressed ? null : figure.change,
    changeSignificant: !figure.suppressed && figure.changeSignificant,
    previous: figure.previous,
  };
}

/**
 * Rows in a stable order: the groups in `order` first (so every office keeps its place across metrics and
 * reloads), then any others by id, then the group not recorded (for offices: the records with no office, which
 * the all-group figure includes), then the all-group row last.
 */
export function comparisonRows(
  metric: MetricComparison,
  dimension: string,
  lang: Lang,
  labels: Labels,
  order: readonly string[] = [],
  allLabel = 'All',
): ComparisonRow[] {
  const rank = (g: string | null) => {
    const i = g === null ? -1 : order.indexOf(g);
    return i === -1 ? order.length + (g === null ? 1 : 0) : i;
  };
  const groups = [...metric.groups].sort(
    (a, b) => rank(a.group) - rank(b.group) || String(a.group).localeCompare(String(b.group)),
  );
  return [
    ...groups.map((g) =>
      rowOf(
        metric,
        g,
        g.group,
        labels.value(dimension, g.group, lang),
        false,
        dimension === 'office' && g.group === null,
      ),
    ),
    rowOf(metric, metric.all, ALL_KEY, allLabel, true),
  ];
}

/** Chart data in plotting units (percent for shares). */
export function comparisonChart(rows: readonly ComparisonRow[], unit: Unit): ComparisonChart {
  const chart: ComparisonChart = {
    categories: rows.map((r) => r.label),
    values: rows.map((r) => (r.value === null ? null : plotValue(unit, r.value))),
    errorBars: [],
    significant: [],
    better: [],
    worse: [],
    different: [],
    suppressed: [],
    target: null,
  };
  rows.forEach((row, index) => {
    if (row.suppressed) chart.suppressed.push(index);
    if (row.noOffice) chart.noOffice = [...(chart.noOffice ?? []), index];
    if (row.interval && !row.suppressed)
      chart.errorBars.push({
        index,
        low: plotValue(unit, row.interval.low),
        high: plotValue(unit, row.interval.high),
      });
    if (row.significant) {
      chart.significant.push(index);
      chart[row.effect ?? 'different'].push(index);
    }
  });
  const allRow = rows.find((r) => r.isAll);
  const target = allRow?.target ?? rows.find((r) => r.target !== null)?.target ?? null;
  chart.target = target === null ? null : plotValue(unit, target);
  return chart;
}
