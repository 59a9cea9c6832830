/**
 * The overview tile's extras: a sparkline of the figure over the range's periods, its change against the
 * previous period and a year earlier (arrow and word by the metric's direction; "significant" only when the
 * API's test says so), and the verdict against the target that accounts for the 95 % interval (shared with the
 * Complaints and Visits screens' tiles).
 */
import { verdictOf, type CompareRequest, type Verdict, type VerdictFigure } from '@servq/query-api';
import type { CompareAnswer, MetricInfo, QueryAnswer } from '../api.types.ts';
import { h } from '../dom.ts';
import { figureOf, totalRow } from '../figures.ts';
import { scopeFilters } from '../filter.scope.ts';
import { formatChange, formatP } from '../format.ts';
import { earlierGap, sharedGap } from '../sample.note.ts';
import type { StringKey } from '../i18n.ts';
import { changeOf, figureIn, type TileChange } from '../shapes/tiles.change.ts';
import { tilesOf, toneOf, type Tile } from '../shapes/tiles.shape.ts';
import type { TrendPoint } from '../shapes/trend.shape.ts';
import { metricInfo, tileElement, tr, type ViewContext } from '../view.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** A 100 × 24 line of the non-empty points; decorative (the trend charts carry the numbers as tables). */
export function sparkline(points: readonly TrendPoint[]): Element | null {
  const values = points.map((p) => p.value);
  const shown = values.filter((v): v is number => v !== null);
  if (shown.length < 2) return null;
  const min = Math.min(...shown);
  const span = Math.max(...shown) - min || 1;
  const step = 100 / Math.max(1, values.length - 1);
  const d = values
    .map((v, i) => (v === null ? null : `${(i * step).toFixed(1)},${(22 - ((v - min) / span) * 20).toFixed(1)}`))
    .filter((p): p is string => p !== null)
    .join(' ');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 24');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('preserveAspectRatio', 'none');
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', d);
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', 'currentColor');
  line.setAttribute('stroke-width', '1.6');
  line.setAttribute('vector-effect', 'non-scaling-stroke');
  svg.append(line);
  return svg;
}

const WAY: Record<TileChange['way'], { arrow: string; key: StringKey }> = {
  better: { arrow: '▲', key: 'changeBetter' },
  worse: { arrow: '▼', key: 'changeWorse' },
  same: { arrow: '▬', key: 'changeSame' },
  neutral: { arrow: '◆', key: 'changeNeutral' },
};

/** Why no change is stated, or null when one is. */
function gapOf(ctx: ViewContext, change: TileChange | null): string | null {
  if (change && !change.noBase) return null;
  return (change && earlierGap(ctx.lang, change.previous)) ?? tr(ctx)('changeNoBase');
}

function changeLine(ctx: ViewContext, metric: MetricInfo, label: StringKey, change: TileChange | null): HTMLElement {
  const l = tr(ctx);
  if (!change || change.noBase) return h('p', { class: 'tile-change muted' }, `${l(label)}: ${gapOf(ctx, change)}`);
  const way = WAY[change.way];
  // Up or down on the screen follows the number; better or worse follows the metric's direction.
  const arrow = change.change === null || change.change === 0 ? '▬' : change.change > 0 ? '▲' : '▼';
  return h(
    'p',
    {
      class: `tile-change change-${change.significant ? change.way : 'unsure'}`,
      title: formatP(change.p, ctx.lang),
    },
    h('span', { 'aria-hidden': 'true' }, `${arrow} `),
    `${formatChange(metric.unit, change.change, ctx.lang)} ${l(label)}: `,
    h('strong', {}, l(way.key)),
    `, ${l(change.significant ? 'changeSignificant' : 'changeNotSignificant')}`,
  );
}

const VERDICT_WORDS: Record<Exclude<Verdict, 'none'>, StringKey> = {
  on: 'verdict_on',
  noise: 'verdict_noise',
  off: 'verdict_off_higher',
};

/**
 * A tile's verdict against its target from the figure's 95 % interval (verdictOf): its line replaces the point
 * estimate's met/missed pill and the border takes its tone, so the tile never says two things. The Overview's
 * and the Complaints screen's tiles both go through here. Returns the line for the caller to place; null (and
 * the tile untouched) where no verdict can be claimed: suppressed, no target, or a neutral metric.
 */
export function tileVerdict(
  ctx: ViewContext,
  element: HTMLElement,
  tile: Tile,
  metric: MetricInfo,
  figure: VerdictFigure | undefined,
): HTMLElement | null {
  if (tile.suppressed) return null;
  const verdict = verdictOf(figure, metric.direction, metric.unit);
  const tone = toneOf(tile.status, verdict);
  element.classList.remove(`tile-${tile.status}`);
  element.classList.add(`tile-${tone}`);
  if (verdict === 'none') return null;
  element.querySelector('.tile-meta .pill')?.remove();
  const key =
    verdict === 'off' && metric.direction === 'lower_is_better' ? 'verdict_off_lower' : VERDICT_WORDS[verdict];
  return h('p', { class: `verdict verdict-${verdict}` }, tr(ctx)(key));
}

/**
 * Tiles of a screen without sparklines (Complaints, Visits), each with the Overview's verdict from the 95 %
 * interval (`compared`, from /v1/compare) in place of a met/missed pill; a count or a maximum has no interval
 * there, so its exact point decides.
 */
export function verdictTiles(
  ctx: ViewContext,
  headline: QueryAnswer,
  ids: readonly string[],
  compared: CompareAnswer | null,
): HTMLElement[] {
  const row = totalRow(headline);
  return tilesOf(headline, ctx.catalogue, ids).map((t) => {
    const tile = tileElement(ctx, t);
    const metric = metricInfo(ctx, t.id);
    const verdict = metric ? tileVerdict(ctx, tile, t, metric, figureIn(compared, t.id) ?? figureOf(row, t.id)) : null;
    if (verdict) tile.querySelector('.tile-meta')?.after(verdict);
    return tile;
  });
}

export function tileExtras(
  ctx: ViewContext,
  metric: MetricInfo,
  points: readonly TrendPoint[],
  previous: CompareAnswer | null,
  year: CompareAnswer | null,
  verdict: HTMLElement | null,
): HTMLElement {
  const now = figureIn(previous, metric.id);
  const compared = previous !== null && now !== undefined;
  const vsPrevious = changeOf(now, metric.direction);
  const vsYear = changeOf(figureIn(year, metric.id), metric.direction);
  // Both earlier periods without data (the default range's): one line for the two, not the same words twice.
  const both = sharedGap([gapOf(ctx, vsPrevious), gapOf(ctx, vsYear)]);
  return h(
    'div',
    { class: 'tile-extras' },
    sparkline(points),
    verdict,
    compared && both ? h('p', { class: 'tile-change muted' }, `${tr(ctx)('vsBoth')}: ${both}`) : null,
    compared && !both ? changeLine(ctx, metric, 'vsPrevious', vsPrevious) : null,
    compared && !both ? changeLine(ctx, metric, 'vsYear', vsYear) : null,
  );
}

/**
 * The headline figures compared with an earlier period, all offices together: one /v1/compare per set of
 * filters the metrics can take (as scopedQuery does), merged. Counts are left out of the request (overviewRequests): there is no test for them.
 * Only the all-group figure is read, so no group's is asked for (`groups=none`).
 */
export async function headlineComparison(ctx: ViewContext, request: CompareRequest): Promise<CompareAnswer | null> {
  const groups = new Map<string, { filters: Record<string, string[]>; metrics: string[] }>();
  for (const id of request.metrics) {
    const { filters } = scopeFilters(ctx.filters, [id], ctx.catalogue, ctx.dimensions);
    const key = JSON.stringify(filters);
    const group = groups.get(key) ?? { filters, metrics: [] };
    group.metrics.push(id);
    groups.set(key, group);
  }
  if (groups.size === 0) return null;
  const answers = await Promise.all(
    [...groups.values()].map((g) =>
      ctx.api.compare({ ...request, groups: 'none', metrics: g.metrics, filters: g.filters }),
    ),
  );
  const [first] = answers;
  if (!first) return null;
  return { ...first, metrics: answers.flatMap((a) => a.metrics) };
}
