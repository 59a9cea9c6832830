/**
 * The complaints screen's data: received per week (zero-filled inside the data, so a quiet week shows as zero
 * rather than a missing bar; weeks before the data starts are gaps), and breakdowns by a dimension (outcome, category) sorted by size, with open complaints (no
 * outcome yet) named as such.
 */
import type { BacklogAnswer, QueryAnswer } from '../api.types.ts';
import { figureOf, keyOf } from '../figures.ts';
import { beforeData, dataStartOf } from './periods.shape.ts';

export interface WeeklyCount {
  week: string;
  count: number;
}

/** Mondays from the week containing `from` up to the week containing `to`, as YYYY-MM-DD. */
export function mondaysBetween(from: string, to: string): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const end = new Date(`${to}T00:00:00Z`);
  const weeks: string[] = [];
  for (const d = start; d <= end && weeks.length < 1000; d.setUTCDate(d.getUTCDate() + 7))
    weeks.push(d.toISOString().slice(0, 10));
  return weeks;
}

/**
 * A quiet week inside the data is zero; a week that ends before the complaints' data starts is unknown, so it is
 * left out, and the bars span the data as the trends beside them do: a year's range over four months of data drew
 * 35 empty weeks and squeezed the data into the last third.
 */
export function weeklyCounts(answer: QueryAnswer, metric: string): WeeklyCount[] {
  const counts = new Map<string, number>();
  for (const row of answer.rows) {
    const period = keyOf(row, 'period');
    if (period !== null) counts.set(period.slice(0, 10), figureOf(row, metric).value ?? 0);
  }
  const weeks = mondaysBetween(answer.query.from, answer.query.to);
  for (const week of counts.keys()) if (!weeks.includes(week)) weeks.push(week);
  weeks.sort();
  const empty = beforeData(weeks, 'week', dataStartOf(answer.freshness, 'complaints'));
  return weeks.flatMap((week, i) => (empty[i] && !counts.has(week) ? [] : [{ week, count: counts.get(week) ?? 0 }]));
}

export interface Slice {
  key: string | null;
  count: number;
  share: number;
}

export function breakdown(answer: QueryAnswer, dimension: string, metric: string): Slice[] {
  const slices = answer.rows.map((row) => ({ key: keyOf(row, dimension), count: figureOf(row, metric).value ?? 0 }));
  const total = slices.reduce((sum, s) => sum + s.count, 0);
  return slices
    .filter((s) => s.count > 0)
    .map((s) => ({ ...s, share: total > 0 ? s.count / total : 0 }))
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

export interface BacklogLines {
  open: (number | null)[];
  overdue: (number | null)[];
  received: (number | null)[];
  answered: (number | null)[];
}

/**
 * The backlog from the first period the data reaches: the periods that end before it starts are left out, so the
 * chart spans the data as the trends beside it do (a year's range over four months of data drew eight empty
 * months and hid the first month's name).
 */
export function backlogFromData(backlog: BacklogAnswer): BacklogAnswer {
  const empty = beforeData(
    backlog.points.map((p) => p.period),
    backlog.grain,
    dataStartOf(backlog.freshness, 'complaints'),
  );
  return { ...backlog, points: backlog.points.filter((_, i) => !empty[i]) };
}

/**
 * The backlog's four series, with periods that end before the data starts (the answer's oldest event) as gaps:
 * "0 open" there would claim a clean desk nobody recorded.
 */
export function backlogLines(backlog: BacklogAnswer): BacklogLines {
  const empty = beforeData(
    backlog.points.map((p) => p.period),
    backlog.grain,
    dataStartOf(backlog.freshness, 'complaints'),
  );
  const line = (pick: (p: BacklogAnswer['points'][number]) => number) =>
    backlog.points.map((p, i) => (empty[i] ? null : pick(p)));
  return {
    open: line((p) => p.open),
    overdue: line((p) => p.overdue),
    received: line((p) => p.received),
    answered: line((p) => p.answered),
  };
}
