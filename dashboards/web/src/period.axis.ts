/**
 * A period's name under a chart's horizontal axis. A week is written on two lines, its number over its first day
 * ("ned. 45" / "(02.11.2026)"): on one line, a chart printed at A4's width had room for every other week's name only.
 * Other grains as `formatPeriod` writes them.
 */
import { writtenWeek } from '@servq/query-api';
import type { Grain, Lang } from './api.types.ts';
import { formatDate } from './filters.ts';
import { formatPeriod } from './format.ts';

export function axisPeriodName(period: string, grain: Grain | null, lang: Lang): string {
  if (grain !== 'week') return formatPeriod(period, grain, lang);
  const day = period.slice(0, 10);
  return `${writtenWeek(day, lang)}\n(${formatDate(day, lang)})`;
}
