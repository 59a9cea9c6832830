/**
 * The note over a chart whose groups are below the metric's minimum sample: without it an office head sees an
 * empty chart and no reason. The note names the groups left out with their sample size, and the count a
 * reader may still read where there is one ("3 of 3 answered in time": a count, not an estimate).
 */
import type { GroupFigure, Lang } from './api.types.ts';
import { t } from './i18n.ts';

export interface SampledGroup {
  /** The group's name ('' when the chart has a single group, said by its title). */
  label: string;
  n: number;
  suppressed: boolean;
  /** A count that stays readable below the minimum sample, e.g. "3 of 3 answered in time". */
  count?: string;
}

/**
 * True when a chart would have no point at all: every group with data is below the minimum sample (or none has
 * data). Such a chart is an empty axis (an office head saw a blank 95–100 % chart under "11 of 11"), so the
 * figure shows its note in the chart's place instead.
 */
export function nothingPlotted(groups: readonly SampledGroup[]): boolean {
  return groups.every((g) => g.n === 0 || g.suppressed);
}

/**
 * More groups than this, all left out and none with a count, are summed up by the range of their sizes: a year's
 * suppressed trend listed thirteen months ("jūn. 2026: n = 8; …"), three lines on a phone to say one thing.
 */
const MAX_LISTED = 4;

/**
 * The note for a chart's groups, or undefined when every group with data is plotted. Groups without data
 * (n = 0) are not "too few", just absent; a chart with no data at all says so.
 */
export function sampleNote(lang: Lang, groups: readonly SampledGroup[], minSample: number): string | undefined {
  const withData = groups.filter((g) => g.n > 0);
  if (withData.length === 0) return t(lang, 'chartNoData');
  const left = withData.filter((g) => g.suppressed);
  if (left.length === 0) return undefined;
  const item = (g: SampledGroup) =>
    [g.label ? `${g.label}: n = ${g.n}` : `n = ${g.n}`, g.count].filter(Boolean).join(', ');
  if (left.length < withData.length)
    return t(lang, 'someNotPlotted', { min: minSample, list: left.map(item).join('; ') });
  const only = left.length === 1 ? left[0] : undefined;
  const sizes = left.map((g) => g.n);
  const [low, high] = [Math.min(...sizes), Math.max(...sizes)];
  const list =
    left.length > MAX_LISTED && left.every((g) => !g.count)
      ? t(lang, 'sampleRange', { n: low === high ? `${low}` : `${low}–${high}`, count: left.length })
      : left.map(item).join('; ');
  const detail = only
    ? `${only.label ? `${only.label}: ` : ''}${t(lang, 'tooFewToEstimate', { n: only.n, min: minSample })}${only.count ? ` — ${only.count}` : ''}`
    : t(lang, 'tooFewEach', { min: minSample, list });
  return t(lang, 'nothingPlotted', { detail });
}

/**
 * Where a chart's sample note goes: over the chart (`note`) while something is plotted, or in the chart's place
 * (`empty`, for chartFigure) when nothing would be, so no chart draws an empty axis under a reason it could have
 * given instead. The one rule for every chart whose points can all fall below the minimum sample.
 */
export function samplePlace(
  lang: Lang,
  groups: readonly SampledGroup[],
  minSample: number,
): { note: string | undefined; empty: string | undefined } {
  const note = sampleNote(lang, groups, minSample);
  return note !== undefined && nothingPlotted(groups) ? { note: undefined, empty: note } : { note, empty: undefined };
}

/**
 * Why a change against an earlier period is not stated, or null when it is: an earlier period without any data
 * says so (a year before the data began is not a sample-size problem), one below the minimum says how thin it was.
 */
export function earlierGap(lang: Lang, previous: GroupFigure['previous']): string | null {
  if (previous.n === 0 || (!previous.suppressed && previous.value === null)) return t(lang, 'earlierNoData');
  if (previous.suppressed) return t(lang, 'earlierTooFew', { n: previous.n });
  return null;
}

/**
 * The one reason shared by several changes not stated (the previous period and the year earlier, or every row
 * of a table), or null when they differ or some change is stated: said once, not on every line ("no data for
 * that period" twice in each overview tile and in every office's row).
 */
export function sharedGap(gaps: readonly (string | null)[]): string | null {
  const first = gaps[0] ?? null;
  return gaps.length > 1 && first !== null && gaps.every((g) => g === first) ? first : null;
}
