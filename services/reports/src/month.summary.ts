/**
 * What the monthly report's e-mail says before the PDF is opened: the month's headline figures (the overview's
 * tiles, HEADLINE_METRICS) that are off their target — the whole 95 % interval on the wrong side, as the tiles'
 * verdict (verdictOf) has it, so noise is not news — each with its figure and target, written by servq's one
 * formatter. Pure: the figures are the query API's /v1/query for the month and office, the catalogue its /v1/metrics.
 */
import { formatValue, verdictOf, type Figure, type Lang, type MetricInfo, type QueryCell } from '@servq/query-api';

export interface OffTarget {
  metric: string;
  /** "Mean satisfaction: 4.22 / 5 (target ≥ 4.30 / 5)". */
  line: string;
}

const TARGET: Record<Lang, string> = { lv: 'mērķis', en: 'target' };

const isFigure = (cell: QueryCell | undefined): cell is Figure => typeof cell === 'object' && cell !== null;

/** The figures off target, in the order of `metrics` (the tiles' order). */
export function offTarget(
  metrics: readonly string[],
  row: Readonly<Record<string, QueryCell>>,
  catalogue: readonly MetricInfo[],
  lang: Lang,
): OffTarget[] {
  const off: OffTarget[] = [];
  for (const id of metrics) {
    const figure = row[id];
    const info = catalogue.find((m) => m.id === id);
    if (!info || !isFigure(figure) || verdictOf(figure, info.direction, info.unit) !== 'off') continue;
    const sign = info.direction === 'higher_is_better' ? '≥' : '≤';
    const value = formatValue(info.unit, figure.value, lang);
    const target = formatValue(info.unit, figure.target, lang);
    off.push({ metric: id, line: `${info.label[lang]}: ${value} (${TARGET[lang]} ${sign} ${target})` });
  }
  return off;
}
