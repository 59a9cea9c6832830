/**
 * Complaints: the standard's promise to answer "in the shortest possible time" — received per week, the
 * backlog and its oldest age, response times, compliance with the legal deadline and the internal target, and
 * outcomes and categories.
 */
import { barOption, COLOURS, trendOption } from '../chart.options.ts';
import { breakdown, weeklyCounts, type Slice } from '../complaints.shape.ts';
import { h, table } from '../dom.ts';
import { formatPeriod, formatValue, plotValue } from '../format.ts';
import { tilesOf } from '../tiles.shape.ts';
import { trendOf } from '../trend.shape.ts';
import { partialPeriods } from '../periods.shape.ts';
import { chartFigure, metricLabel, tileElement, tr, type ViewContext } from '../view.ts';
import { scopedQuery } from '../scoped.query.ts';

const TILE_METRICS = [
  'complaints_received',
  'open_complaints',
  'oldest_open_age',
  'response_p50',
  'legal_deadline_share',
  'internal_target_share',
];
const COMPLIANCE = ['legal_deadline_share', 'internal_target_share'] as const;

export async function renderComplaints(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  const { from, to, grain } = ctx.filters;
  const [headline, weekly, outcomes, categories, compliance] = await Promise.all([
    scopedQuery(ctx, { metrics: TILE_METRICS, from, to }),
    scopedQuery(ctx, { metrics: ['complaints_received'], from, to, grain: 'week' }),
    scopedQuery(ctx, { metrics: ['complaints_received'], dimensions: ['outcome'], from, to }),
    scopedQuery(ctx, { metrics: ['complaints_received'], dimensions: ['category'], from, to }),
    scopedQuery(ctx, { metrics: [...COMPLIANCE], from, to, grain }),
  ]);
  for (const a of [headline, weekly, outcomes, categories, compliance]) ctx.onFreshness(a.freshness);

  const weeks = weeklyCounts(weekly, 'complaints_received');
  const weekPartial = partialPeriods(
    weeks.map((w) => w.week),
    'week',
    ctx.filters.from,
    ctx.filters.to,
    ctx.dataEnd,
  );
  const weekLabels = weeks.map((w, i) => (weekPartial[i] ? `${w.week}\n(${l('partial')})` : w.week));
  const received = chartFigure({
    ctx,
    title: l('complaintsPerWeek'),
    note: weekPartial.some(Boolean) ? l('partialBarNote') : undefined,
    summary: `${l('complaintsPerWeek')}: ${weeks.map((w) => `${w.week} ${w.count}`).join(', ')}`,
    option: barOption(
      weekLabels,
      weeks.map((w) => w.count),
      { name: metricLabel(ctx, 'complaints_received'), partial: weekPartial },
    ),
    height: 260,
    tableLabel: l('dataTable'),
    table: table(
      l('complaintsPerWeek'),
      [l('period'), l('count')],
      weeks.map((w, i) => [
        weekPartial[i]
          ? `${formatPeriod(w.week, 'week', ctx.lang)} (${l('partial')})`
          : formatPeriod(w.week, 'week', ctx.lang),
        String(w.count),
      ]),
    ),
  });

  const sliceFigure = (title: string, dimension: string, slices: Slice[], colour: string) => {
    const name = (s: Slice) =>
      dimension === 'outcome' && s.key === null ? l('unanswered') : ctx.labels.value(dimension, s.key, ctx.lang);
    return chartFigure({
      ctx,
      title,
      summary: `${title}: ${slices.map((s) => `${name(s)} ${s.count}`).join(', ') || l('noRows')}`,
      option: barOption(
        slices.map(name),
        slices.map((s) => s.count),
        { horizontal: true, colour, name: l('count') },
      ),
      height: 40 + Math.max(1, slices.length) * 34,
      tableLabel: l('dataTable'),
      table: table(
        title,
        [l('group'), l('count'), l('share')],
        slices.map((s) => [name(s), String(s.count), formatValue('share', s.share, ctx.lang)]),
      ),
    });
  };

  const trends = COMPLIANCE.map((m) => trendOf(m, compliance, null));
  const periods = trends[0]?.periods ?? [];
  const partial = partialPeriods(periods, grain, ctx.filters.from, ctx.filters.to, ctx.dataEnd);
  const complianceFigure = chartFigure({
    ctx,
    title: l('deadlineCompliance'),
    note: l('complianceNote'),
    summary: trends
      .map(
        (tr) =>
          `${metricLabel(ctx, tr.metric)}: ${tr.series[0]?.points.map((p) => formatValue('share', p.value, ctx.lang)).join(', ') ?? ''}`,
      )
      .join('. '),
    option: trendOption(
      periods.map((p) => formatPeriod(p, grain, ctx.lang)),
      trends.map((tr, i) => ({
        name: metricLabel(ctx, tr.metric),
        values: tr.series[0]?.points.map((p) => (p.value === null ? null : plotValue('share', p.value))) ?? [],
        emphasis: i === 0,
      })),
      { unit: 'share', target: 100, targetLabel: `${l('target')} 100 %`, partial, partialLabel: l('partial') },
    ),
    height: 280,
    tableLabel: l('dataTable'),
    table: table(
      l('deadlineCompliance'),
      [l('period'), ...trends.map((tr) => metricLabel(ctx, tr.metric))],
      periods.map((p, i) => [
        partial[i] ? `${formatPeriod(p, grain, ctx.lang)} (${l('partial')})` : formatPeriod(p, grain, ctx.lang),
        ...trends.map((tr) => {
          const point = tr.series[0]?.points[i];
          if (!point || point.n === 0) return '—';
          return point.suppressed
            ? h('span', { class: 'too-few' }, `${l('tooFew')} (n=${point.n})`)
            : `${formatValue('share', point.value, ctx.lang)} (n=${point.n})`;
        }),
      ]),
    ),
  });

  return h(
    'div',
    { class: 'screen screen-complaints' },
    h(
      'section',
      {},
      h(
        'div',
        { class: 'tiles' },
        tilesOf(headline, ctx.catalogue, TILE_METRICS).map((t) => tileElement(ctx, t)),
      ),
    ),
    h('p', { class: 'note' }, l('openNote')),
    h('section', { class: 'grid-2' }, received, complianceFigure),
    h(
      'section',
      { class: 'grid-2' },
      sliceFigure(
        l('outcomes'),
        'outcome',
        breakdown(outcomes, 'outcome', 'complaints_received'),
        COLOURS.offices[2] ?? '#2f855a',
      ),
      sliceFigure(
        l('categories'),
        'category',
        breakdown(categories, 'category', 'complaints_received'),
        COLOURS.offices[1] ?? '#d9822b',
      ),
    ),
  );
}
