/**
 * "What drives satisfaction" on the Overview: the service aspects of the standard as importance against
 * performance (GET /v1/drivers), with the page's filters that survey responses can take.
 */
import type { DriversRequest } from '@servq/query-api';
import { driverQuadrants, driversOption, type Quadrant } from '../charts/drivers.chart.ts';
import { h, table } from '../dom.ts';
import { scopeFilters } from '../filter.scope.ts';
import { formatDecimal, formatP } from '../format.ts';
import type { StringKey } from '../i18n.ts';
import { chartFigure, tr, type ViewContext } from '../view.ts';

const QUADRANT_KEYS: Record<Quadrant, StringKey> = {
  fix: 'quadrantFix',
  keep: 'quadrantKeep',
  watch: 'quadrantWatch',
  ok: 'quadrantOk',
};

export async function driversPanel(ctx: ViewContext, request: DriversRequest): Promise<HTMLElement> {
  const l = tr(ctx);
  const scoped = scopeFilters(ctx.filters, ['satisfaction_mean'], ctx.catalogue, ctx.dimensions);
  for (const skipped of scoped.skipped) ctx.skippedFilters.add(skipped);
  const answer = await ctx.api.drivers({ ...request, filters: scoped.filters });
  ctx.onFreshness(answer.freshness);
  const quadrants = driverQuadrants(answer, ctx.lang);
  const title = l('driversTitle');
  const interval = (i: { lower: number; upper: number } | null, digits: number) =>
    i ? `${formatDecimal(i.lower, ctx.lang, digits)} – ${formatDecimal(i.upper, ctx.lang, digits)}` : '—';
  const rows = answer.drivers.map((d) => {
    const point = quadrants.points.find((p) => p.dimension === d.dimension);
    return [
      d.label[ctx.lang],
      d.suppressed
        ? h('span', { class: 'too-few' }, `${l('tooFew')} (n=${d.n})`)
        : formatDecimal(d.performance, ctx.lang),
      interval(d.performanceInterval, 2),
      formatDecimal(d.importance, ctx.lang),
      interval(d.importanceInterval, 2),
      formatP(d.p, ctx.lang),
      String(d.n),
      point ? l(QUADRANT_KEYS[point.quadrant]) : '—',
    ];
  });
  const head = [
    l('driversAspect'),
    l('driversPerformance'),
    '95 %',
    l('driversImportance'),
    '95 %',
    'p',
    'n',
    l('driversQuadrant'),
  ];
  const fix = quadrants.points.filter((p) => p.quadrant === 'fix').map((p) => p.label);
  const summary =
    quadrants.points.length === 0 ? l('driversNone') : `${title}. ${l('quadrantFix')}: ${fix.join(', ') || '—'}.`;
  return chartFigure({
    ctx,
    title,
    note: quadrants.points.length === 0 ? l('driversNone') : l('driversNote'),
    summary,
    option: driversOption(quadrants, {
      x: l('driversPerformanceAxis'),
      y: l('driversImportanceAxis'),
      quadrants: {
        fix: l('quadrantFixShort'),
        keep: l('quadrantKeepShort'),
        watch: l('quadrantWatchShort'),
        ok: l('quadrantOkShort'),
      },
      formatTick: (value, digits) => formatDecimal(value, ctx.lang, digits),
    }),
    height: 340,
    tableLabel: l('dataTable'),
    tableOpen: false,
    data: {
      columns: [
        'dimension',
        'performance',
        'performance_low',
        'performance_high',
        'importance_r',
        'r_low',
        'r_high',
        'p',
        'n',
      ],
      rows: answer.drivers.map((d) => [
        d.dimension,
        d.performance,
        d.performanceInterval?.lower ?? null,
        d.performanceInterval?.upper ?? null,
        d.importance,
        d.importanceInterval?.lower ?? null,
        d.importanceInterval?.upper ?? null,
        d.p,
        d.n,
      ]),
    },
    table: table(title, head, rows),
  });
}
