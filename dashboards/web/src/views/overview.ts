/**
 * Overview (management's screen): the headline tiles against their targets, and satisfaction over time for
 * all offices together (thick line) and each office. An office token sees its own office only. Scoped to one
 * office (an office head, or an office's monthly report) over a range not by month, it adds that office's
 * satisfaction month by month over a year as the range's context, since its weeks rarely hold the minimum sample.
 */
import { OFFICE_TREND_MONTHS, overviewRequests, TREND_METRICS } from '@servq/query-api';
import { placeAnnotations } from '../shapes/annotations.shape.ts';
import type { AnnotationItem, CompareAnswer, Grain, Interval, QueryAnswer, Unit } from '../api.types.ts';
import { trendOption } from '../charts/chart.options.ts';
import { h, table } from '../dom.ts';
import { csvUnit, formatPeriod, formatValue, periodParts, plotValue } from '../format.ts';
import { axisPeriodName } from '../period.axis.ts';
import { dataStartOf, partialPeriods } from '../shapes/periods.shape.ts';
import { samplePlace } from '../sample.note.ts';
import { scopedQuery } from '../scoped.query.ts';
import { figureIn } from '../shapes/tiles.change.ts';
import { tilesOf, type Tile } from '../shapes/tiles.shape.ts';
import { drawnSeries, trendOf, type Trend, type TrendPoint } from '../shapes/trend.shape.ts';
import { channelsPanel } from './channels.panel.ts';
import { driversPanel } from './drivers.panel.ts';
import { headlineComparison, tileExtras, tileVerdict } from './tile.extras.ts';
import { chartFigure, later, metricInfo, metricLabel, tileElement, tr, type ViewContext } from '../view.ts';

export async function renderOverview(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  const ownOffice = ctx.identity.role === 'office';
  // The requests come from one list (@servq/query-api), which `pnpm bench` also times. The tiles' four go out
  // first, so they take the browser's first connections (six per host) and the service starts on them first.
  const ask = overviewRequests(ctx.filters, (id) => ctx.catalogue.get(id)?.unit === 'count');
  const headline = scopedQuery(ctx, ask.headline);
  const previous = headlineComparison(ctx, ask.previous);
  const year = headlineComparison(ctx, ask.yearEarlier);
  const sparks = scopedQuery(ctx, ask.sparklines);
  // The all-office line: every filter but the office.
  const all = ownOffice ? Promise.resolve(null) : scopedQuery(ctx, ask.allOffices, ['office']);
  const byOffice = scopedQuery(ctx, ask.byOffice);
  const annotations = ctx.api.annotations().then((a) => a.annotations);
  // One office's own months over a year (see `officeYear`), as the context of a range read by any grain but the
  // month: the printed monthly report (its weeks), a head who picks weeks, days or quarters. A range by month already
  // draws the office's own months, so there the year's charts repeated the ones above them; the presets offer 12.
  const office = ownOffice ? (ctx.identity.office ?? '') : ctx.filters.office;
  const officeYear = office && ctx.filters.grain !== 'month' ? scopedQuery(ctx, ask.officeYear) : null;

  // The tiles show their figures as soon as the headline answer is in; their sparklines, changes and verdicts
  // follow with the two comparisons, the slowest answers. Each part below them is drawn when its own answers
  // are in, not when the slowest of the screen's is.
  const tiles = h('div', { class: 'tiles' });
  later(
    ctx,
    tiles,
    headline.then(async (answer) => {
      ctx.onFreshness(answer.freshness);
      const figures = tilesOf(answer, ctx.catalogue);
      tiles.replaceChildren(...figures.map((tile) => pendingTile(ctx, tile)));
      const [points, before, yearAgo] = await Promise.all([sparks, previous, year]);
      return figures.map((tile) => completeTile(ctx, tile, points, before, yearAgo));
    }),
  );
  const trends = later(
    ctx,
    h('section', { class: 'grid-2' }),
    Promise.all([all, byOffice, annotations]).then(([all, byOffice, annotations]) => {
      for (const answer of [all, byOffice]) if (answer) ctx.onFreshness(answer.freshness);
      return TREND_METRICS.map((metric) =>
        trendFigure(ctx, trendOf(metric, all, byOffice), byOffice, annotations, ctx.filters),
      );
    }),
  );
  const ownYear = officeYear
    ? later(
        ctx,
        h('div', { class: 'grid-2 office-year' }),
        Promise.all([officeYear, annotations]).then(([answer, annotations]) => {
          ctx.onFreshness(answer.freshness);
          const range = { from: ask.officeYear.from, to: ask.officeYear.to, grain: 'month' as const };
          return TREND_METRICS.map((metric) =>
            trendFigure(ctx, trendOf(metric, null, answer), answer, annotations, range, office),
          );
        }),
      )
    : null;
  const drivers = later(ctx, h('section', { class: 'drivers' }), driversPanel(ctx, ask.drivers));
  const channels = later(ctx, h('div'), channelsPanel(ctx, ask.channels));
  // The screen is shown with the tiles' figures; a failed headline request is the screen's error.
  await headline;
  return h(
    'div',
    { class: 'screen screen-overview' },
    ownOffice ? h('p', { class: 'notice' }, l('ownOfficeOnly')) : null,
    h(
      'section',
      { 'aria-labelledby': 'headlines' },
      h('h2', { id: 'headlines', class: 'section-title' }, l('headlines')),
      tiles,
    ),
    trends,
    ownYear
      ? h(
          'section',
          { 'aria-labelledby': 'office-year' },
          h(
            'h2',
            { id: 'office-year', class: 'section-title' },
            l('officeYearSection', { months: OFFICE_TREND_MONTHS }),
          ),
          ownYear,
        )
      : null,
    drivers,
    channels,
  );
}

/**
 * A tile with its figure while its extras are still coming: no tone and no met/missed pill yet, since the
 * verdict from the comparison's interval may say otherwise, and a `.loading` block where the extras will be.
 */
function pendingTile(ctx: ViewContext, tile: Tile): HTMLElement {
  const element = tileElement(ctx, tile);
  if (!metricInfo(ctx, tile.id) || tile.suppressed) return element;
  element.classList.remove(`tile-${tile.status}`);
  element.querySelector('.tile-meta .pill')?.remove();
  element.append(h('div', { class: 'tile-extras loading' }));
  return element;
}

/** The tile with its sparkline, its changes against a previous period and a year earlier, and its verdict. */
function completeTile(
  ctx: ViewContext,
  tile: Tile,
  sparks: QueryAnswer,
  previous: CompareAnswer | null,
  year: CompareAnswer | null,
): HTMLElement {
  const element = tileElement(ctx, tile);
  const metric = metricInfo(ctx, tile.id);
  if (!metric || tile.suppressed) return element;
  const points = trendOf(tile.id, sparks, null).series[0]?.points ?? [];
  const verdict = tileVerdict(ctx, element, tile, metric, figureIn(previous, tile.id));
  element.append(tileExtras(ctx, metric, points, previous, year, verdict));
  // A percentile says how it is computed, in the API's words (GET /v1/metrics): last in the tile, so its
  // sparkline and verdict line up with the other tiles of the row.
  if (metric.method)
    element.append(h('p', { class: 'tile-method' }, tr(ctx)('percentileMethod', { method: metric.method[ctx.lang] })));
  return element;
}

function seriesName(ctx: ViewContext, key: string): string {
  return key === 'all' ? tr(ctx)('allOffices') : ctx.labels.office(key, ctx.lang);
}

/**
 * A satisfaction trend over `range`. With `ownYear`, the office's own line month by month over a year (see
 * `officeYear`): its withheld months are named under the axis, since a gap alone reads as missing data.
 */
function trendFigure(
  ctx: ViewContext,
  trend: Trend,
  answer: QueryAnswer,
  annotations: readonly AnnotationItem[],
  range: { from: string; to: string; grain: Grain },
  ownYear?: string,
): HTMLElement {
  const l = tr(ctx);
  const metric = metricInfo(ctx, trend.metric);
  const unit = metric?.unit ?? 'share';
  const periods = trend.periods.map((p) => formatPeriod(p, range.grain, ctx.lang));
  // The data's start comes from the answer itself (the model's first date), so a first month entered mid-way is marked.
  const partial = partialPeriods(
    trend.periods,
    range.grain,
    range.from,
    range.to,
    ctx.dataEnd,
    dataStartOf(answer.freshness, metric?.model),
  );
  // The band belongs to the first line: all offices together, or an office head's own office.
  const banded = trend.series[0];
  const band = bandOf(unit, banded?.points ?? []);
  const target = metric?.target.default ?? null;
  const placed = placeAnnotations(trend.periods, annotations, ctx.lang, {
    lastDay: range.to,
    office: ctx.identity.role === 'office' ? ctx.identity.office : ctx.filters.office || null,
  });
  // Only lines with a point go in the chart (and its legend); the others are named in the note.
  const { drawn, undrawn } = drawnSeries(trend);
  const axisNames = trend.periods.map((p) => axisPeriodName(p, range.grain, ctx.lang));
  const option = trendOption(
    axisNames,
    drawn.map((s) => ({
      slot: trend.series.filter((o) => o.key !== 'all').indexOf(s),
      name: seriesName(ctx, s.key),
      short: s.key === 'all' ? seriesName(ctx, s.key) : ctx.labels.officeShort(s.key, ctx.lang),
      values: s.points.map((p) => (p.value === null ? null : plotValue(unit, p.value))),
      // The office's own year is its only line: drawn bold, so a single month's point is seen.
      emphasis: s.key === 'all' || ownYear !== undefined,
    })),
    {
      unit,
      lang: ctx.lang,
      target: target === null ? null : plotValue(unit, target),
      targetLabel: l('target'),
      targetText: formatValue(unit, target, ctx.lang),
      partial,
      partialLabel: l('partial'),
      periodParts: periodParts(trend.periods, range.grain, ctx.lang),
      ...(ownYear ? { periodNotes: (banded?.points ?? []).map((p) => (p.suppressed ? l('tooFew') : undefined)) } : {}),
      annotations: placed.map((a) => ({ index: a.index, label: a.label, kind: a.kind })),
      ...(band && banded
        ? { band: { label: `${l('band95')} (${seriesName(ctx, banded.key)})`, short: l('band95Short'), ...band } }
        : {}),
    },
  );
  const rows = trend.periods.map((period, i) => [
    partial[i]
      ? h('span', { class: 'partial' }, `${formatPeriod(period, range.grain, ctx.lang)} (${l('partial')})`)
      : formatPeriod(period, range.grain, ctx.lang),
    ...trend.series.map((s) => {
      const point = s.points[i];
      if (!point || (point.n === 0 && !point.suppressed)) return '—';
      if (point.suppressed) return h('span', { class: 'too-few' }, `${l('tooFew')} (n=${point.n})`);
      return `${formatValue(unit, point.value, ctx.lang)} (n=${point.n})`;
    }),
  ]);
  const title = ownYear
    ? l('officeYearTitle', {
        metric: metricLabel(ctx, trend.metric),
        office: ctx.labels.office(ownYear, ctx.lang),
        months: OFFICE_TREND_MONTHS,
      })
    : metricLabel(ctx, trend.metric);
  const lastAll = trend.series[0]?.points.filter((p) => p.value !== null).at(-1);
  const summary = `${title}: ${trend.series.length} ${l('office').toLowerCase()}, ${trend.periods.length} ${l('period').toLowerCase()}. ${
    lastAll ? `${seriesName(ctx, trend.series[0]?.key ?? 'all')}: ${formatValue(unit, lastAll.value, ctx.lang)}` : ''
  }`;
  // The CSV holds the plotted numbers (percent for shares) with each sample size, and marks partial periods.
  const data = {
    columns: [
      l('period'),
      l('partial'),
      ...trend.series.flatMap((s) => [`${seriesName(ctx, s.key)} (${csvUnit(unit)})`, `${seriesName(ctx, s.key)} n`]),
      ...(band && banded
        ? [`${seriesName(ctx, banded.key)} 95 % low`, `${seriesName(ctx, banded.key)} 95 % high`]
        : []),
    ],
    rows: trend.periods.map((period, i) => [
      period,
      partial[i] ? 'yes' : 'no',
      ...trend.series.flatMap((s) => {
        const point = s.points[i];
        return [point?.value == null ? null : plotValue(unit, point.value), point?.n ?? 0];
      }),
      ...(band ? [band.low[i] ?? null, band.high[i] ?? null] : []),
    ]),
  };
  // Every point below the minimum (a small office's trend): the reason stands in the chart's place.
  const sample = samplePlace(
    ctx.lang,
    trend.series.flatMap((s) =>
      s.points.map((p, i) => ({
        label: [trend.series.length > 1 ? seriesName(ctx, s.key) : '', periods[i] ?? ''].filter(Boolean).join(' '),
        n: p.n,
        suppressed: p.suppressed,
      })),
    ),
    metric?.minSample ?? 0,
  );
  const events = placed.map((a) => `${a.from}${a.to ? `–${a.to}` : ''} ${a.label}`).join('; ');
  return chartFigure({
    ctx,
    data,
    title,
    note:
      answer.rows.length === 0
        ? l('noRows')
        : [
            ownYear
              ? l('officeYearNote', { min: metric?.minSample ?? 0, tooFew: l('tooFew') })
              : l(ctx.identity.role === 'office' ? 'trendNoteOffice' : 'trendNote'),
            band && banded ? l('bandNote', { line: seriesName(ctx, banded.key) }) : '',
            undrawn.length > 0
              ? l('linesNotDrawn', {
                  min: metric?.minSample ?? 0,
                  list: undrawn
                    .map((u) => `${seriesName(ctx, u.key)} (n = ${u.low === u.high ? u.low : `${u.low}–${u.high}`})`)
                    .join('; '),
                })
              : '',
            partial.some(Boolean) ? l('partialNote') : '',
            events ? `${l('annotationsTitle')}: ${events}.` : '',
          ]
            .filter(Boolean)
            .join(' '),
    summary,
    option,
    // No rows at all keeps its own note ('no rows'), said once.
    empty: answer.rows.length === 0 ? undefined : sample.empty,
    height: 300,
    tableLabel: l('dataTable'),
    table: table(title, [l('period'), ...trend.series.map((s) => seriesName(ctx, s.key))], rows),
  });
}

/** The plotted band of a line's points, or null when the API gave no interval for any of them. */
function bandOf(unit: Unit, points: readonly TrendPoint[]): { low: (number | null)[]; high: (number | null)[] } | null {
  if (!points.some((p) => p.interval)) return null;
  const bound = (pick: (i: Interval) => number) =>
    points.map((p) => (p.interval && p.value !== null ? plotValue(unit, pick(p.interval)) : null));
  return { low: bound((i) => i.low), high: bound((i) => i.high) };
}
