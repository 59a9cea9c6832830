/**
 * Complaints: the standard's promise to answer "in the shortest possible time". Headline counts and shares
 * with the Overview's verdict against the target from the 95 % interval (and "k of n answered in time" as a
 * count, readable below the minimum sample, where no verdict is claimed), the deadline desk (overdue and
 * due within N working days), the backlog over time, open complaints by age against their legal deadline,
 * complaints received per week, deadline compliance over time (the share, and the counts in time and late behind
 * it as bars, readable at any sample), and outcomes and categories.
 */
import { writtenWeek } from '@servq/query-api';
import type { DueAnswer } from '../api.types.ts';
import { barOption, COLOURS, trendOption, wrappedBars } from '../charts/chart.options.ts';
import { categoryWidth, measureText } from '../charts/measure.ts';
import { ageingOf, onTimeCount } from '../shapes/complaints.ageing.shape.ts';
import {
  AGEING_LEGEND_ROOM,
  ageingOption,
  backlogOption,
  complianceHeight,
  complianceOption,
  deadlineCounts,
} from '../charts/complaints.charts.ts';
import { DEFAULT_WITHIN, deskPanel } from '../complaints.desk.ts';
import { backlogFromData, backlogLines, breakdown, weeklyCounts, type Slice } from '../shapes/complaints.shape.ts';
import { ageingCsv, backlogCsv, complianceCsv, slicesCsv, weeklyCsv } from '../shapes/complaints.csv.ts';
import { h, table } from '../dom.ts';
import { figureOf, keyOf } from '../figures.ts';
import { formatDate } from '../filters.ts';
import { scopeFilters } from '../filter.scope.ts';
import { formatCount, formatPeriod, formatValue, formatWorkingDaysBand, periodParts, plotValue } from '../format.ts';
import { axisPeriodName } from '../period.axis.ts';
import { dataStartOf, partialPeriods } from '../shapes/periods.shape.ts';
import { scopedQuery } from '../scoped.query.ts';
import { headlineComparison, verdictTiles } from './tile.extras.ts';
import { trendOf } from '../shapes/trend.shape.ts';
import { chartFigure, metricInfo, metricLabel, tr, type ViewContext } from '../view.ts';

const TILE_METRICS = [
  'complaints_received',
  'open_complaints',
  'open_overdue',
  'oldest_open_age',
  'response_p50',
  'legal_deadline_share',
  'internal_target_share',
  'complaints_forwarded',
  'complaints_extended',
];
const COMPLIANCE = ['legal_deadline_share', 'internal_target_share'] as const;
/** Every complaint ever received: the ageing panel shows what is open now, whatever the range. */
const ALL_TIME = { from: '2000-01-01', to: '2099-12-31' };

export async function renderComplaints(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  const { from, to, grain } = ctx.filters;
  const scoped = scopeFilters(ctx.filters, ['complaints_received'], ctx.catalogue, ctx.dimensions);
  for (const dimension of scoped.skipped) ctx.skippedFilters.add(dimension);
  const within = ctx.filters.within ?? DEFAULT_WITHIN;
  // The estimates' intervals (a quantile's only /v1/compare gives) for the verdicts against their targets.
  const estimates = TILE_METRICS.filter((id) => ctx.catalogue.get(id)?.unit !== 'count');
  const [headline, weekly, outcomes, categories, compliance, ageing, backlog, due, compared] = await Promise.all([
    scopedQuery(ctx, { metrics: [...TILE_METRICS, 'legal_deadline_met_count'], from, to }),
    scopedQuery(ctx, { metrics: ['complaints_received'], from, to, grain: 'week' }),
    scopedQuery(ctx, { metrics: ['complaints_received'], dimensions: ['outcome'], from, to }),
    scopedQuery(ctx, { metrics: ['complaints_received'], dimensions: ['category'], from, to }),
    scopedQuery(ctx, { metrics: [...COMPLIANCE, 'legal_deadline_met_count'], from, to, grain }),
    scopedQuery(ctx, { metrics: ['open_complaints', 'open_overdue'], dimensions: ['open_age_band'], ...ALL_TIME }),
    ctx.api.complaintsBacklog({ from, to, grain, filters: scoped.filters }),
    ctx.api.complaintsDue({ within, filters: scoped.filters }),
    headlineComparison(ctx, { metrics: estimates, by: 'office', from, to }),
  ]);
  for (const a of [headline, weekly, outcomes, categories, compliance, ageing, backlog, due])
    ctx.onFreshness(a.freshness);

  const onTime = onTimeCount(headline);
  const tiles = verdictTiles(ctx, headline, TILE_METRICS, compared).map((tile) => {
    // A count is not an estimate: an office head reads "3 of 4" even where the share is withheld.
    if (tile.dataset.metric === 'legal_deadline_share' && onTime.due > 0)
      tile.append(h('p', { class: 'tile-count' }, l('countOf', { k: onTime.met, n: onTime.due })));
    return tile;
  });

  return h(
    'div',
    { class: 'screen screen-complaints' },
    h('section', {}, h('div', { class: 'tiles' }, tiles)),
    // The open tiles count the period's complaints, the desk and the ageing chart every open one: "11 past the
    // deadline" above "19 overdue" needs saying which is which.
    h(
      'p',
      { class: 'note open-note' },
      l('openNote', { from: formatDate(from, ctx.lang), to: formatDate(to, ctx.lang) }),
    ),
    deskPanel(ctx, due satisfies DueAnswer),
    h(
      'section',
      { class: 'grid-2' },
      backlogFigure(ctx, backlog),
      ageingFigure(ctx, ageingOf(ageing, ctx.labels.reference.ageBands)),
    ),
    h('section', { class: 'grid-2' }, receivedFigure(ctx, weekly), complianceFigure(ctx, compliance)),
    h(
      'section',
      { class: 'grid-2' },
      sliceFigure(
        ctx,
        l('outcomes'),
        'outcome',
        breakdown(outcomes, 'outcome', 'complaints_received'),
        COLOURS.offices[2] ?? '#2f855a',
      ),
      sliceFigure(
        ctx,
        l('categories'),
        'category',
        breakdown(categories, 'category', 'complaints_received'),
        COLOURS.offices[1] ?? '#d9822b',
      ),
    ),
  );
}

type Backlog = Awaited<ReturnType<ViewContext['api']['complaintsBacklog']>>;

function backlogFigure(ctx: ViewContext, answered: Backlog): HTMLElement {
  const l = tr(ctx);
  const backlog = backlogFromData(answered);
  const grain = backlog.grain;
  const partial = partialPeriods(
    backlog.points.map((p) => p.period),
    grain,
    ctx.filters.from,
    ctx.filters.to,
    ctx.dataEnd,
    dataStartOf(backlog.freshness, 'complaints'),
  );
  const periods = backlog.points.map((p, i) =>
    partial[i]
      ? `${formatPeriod(p.period, grain, ctx.lang)} (${l('partial')})`
      : formatPeriod(p.period, grain, ctx.lang),
  );
  // Under the bars, a partial period's "(nepilns)" is a line of its own, as under the weekly bars.
  const axisNames = periods.map((name) => name.replace(` (${l('partial')})`, `\n(${l('partial')})`));
  const names = {
    open: l('openSeries'),
    overdue: l('overdueSeries'),
    received: l('receivedSeries'),
    answered: l('answeredSeries'),
  };
  const title = l('backlogTitle');
  const lines = backlogLines(backlog);
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  return chartFigure({
    ctx,
    title,
    note: partial.some(Boolean) ? `${l('backlogNote')} ${l('partialPeriodBarNote')}` : l('backlogNote'),
    summary: `${title}: ${backlog.points.map((_p, i) => `${periods[i]} ${cell(lines.open[i])} (${cell(lines.overdue[i])})`).join(', ') || l('noRows')}`,
    option: backlogOption({ periods: axisNames, ...lines }, names, partial),
    height: 300,
    data: backlogCsv(ctx.lang, backlog.points, lines, partial),
    tableLabel: l('dataTable'),
    table: table(
      title,
      [l('period'), l('asOfDay'), names.open, names.overdue, names.received, names.answered],
      backlog.points.map((p, i) => [
        periods[i] ?? p.period,
        p.asOf,
        cell(lines.open[i]),
        cell(lines.overdue[i]),
        cell(lines.received[i]),
        cell(lines.answered[i]),
      ]),
    ),
  });
}

function ageingFigure(ctx: ViewContext, bands: ReturnType<typeof ageingOf>): HTMLElement {
  const l = tr(ctx);
  const title = l('ageingTitle');
  const label = (band: string) => formatWorkingDaysBand(band, ctx.lang);
  const past = bands.filter((b) => b.pastDeadline).map((b) => label(b.band));
  return chartFigure({
    ctx,
    title,
    note: l('ageingNote'),
    summary: [
      `${title}: ${bands.map((b) => `${label(b.band)} ${b.inTime} + ${b.overdue}`).join(', ')}`,
      ...(past.length > 0 ? [`${l('pastDeadlineZone')}: ${past.join(', ')}`] : []),
    ].join('. '),
    option: ageingOption(
      bands.map((b) => label(b.band)),
      [
        { name: l('inTimeSeries'), values: bands.map((b) => b.inTime), colour: COLOURS.offices[0] ?? '#2b6cb0' },
        { name: l('overdueSeries'), values: bands.map((b) => b.overdue), colour: COLOURS.worse },
      ],
      bands.map((b) => b.pastDeadline),
      l('pastDeadlineZone'),
    ),
    height: 60 + bands.length * 40 + (past.length > 0 ? AGEING_LEGEND_ROOM - 36 : 0),
    data: ageingCsv(ctx.lang, bands),
    tableLabel: l('dataTable'),
    table: table(
      title,
      [l('ageBand'), l('openSeries'), l('inTimeSeries'), l('overdueSeries')],
      bands.map((b) => [label(b.band), String(b.open), String(b.inTime), String(b.overdue)]),
    ),
  });
}

function receivedFigure(ctx: ViewContext, weekly: Parameters<typeof weeklyCounts>[0]): HTMLElement {
  const l = tr(ctx);
  const weeks = weeklyCounts(weekly, 'complaints_received');
  const weekPartial = partialPeriods(
    weeks.map((w) => w.week),
    'week',
    ctx.filters.from,
    ctx.filters.to,
    ctx.dataEnd,
    dataStartOf(weekly.freshness, 'complaints'),
  );
  // Each week as the page's tables name it ("ned. 49 (30.11.2026)") in the tooltip and the table, and short
  // ("ned. 49") under its bar, so a desktop names every week.
  const weekNames = weeks.map((w, i) =>
    weekPartial[i]
      ? `${formatPeriod(w.week, 'week', ctx.lang)} (${l('partial')})`
      : formatPeriod(w.week, 'week', ctx.lang),
  );
  const axisNames = weeks.map((w, i) =>
    weekPartial[i] ? `${writtenWeek(w.week, ctx.lang)}\n(${l('partial')})` : writtenWeek(w.week, ctx.lang),
  );
  return chartFigure({
    ctx,
    title: l('complaintsPerWeek'),
    note: weekPartial.some(Boolean) ? l('partialBarNote') : undefined,
    summary: `${l('complaintsPerWeek')}: ${weeks.map((w) => `${w.week} ${w.count}`).join(', ')}`,
    option: barOption(
      weekNames,
      weeks.map((w) => w.count),
      { name: metricLabel(ctx, 'complaints_received'), partial: weekPartial, names: axisNames },
    ),
    height: 260,
    data: weeklyCsv(ctx.lang, weeks, weekPartial),
    tableLabel: l('dataTable'),
    table: table(
      l('complaintsPerWeek'),
      [l('period'), l('count')],
      weeks.map((w, i) => [weekNames[i] ?? '', String(w.count)]),
    ),
  });
}

function sliceFigure(ctx: ViewContext, title: string, dimension: string, slices: Slice[], colour: string): HTMLElement {
  const l = tr(ctx);
  const name = (s: Slice) =>
    dimension === 'outcome' && s.key === null ? l('unanswered') : ctx.labels.value(dimension, s.key, ctx.lang);
  // Long names ("Pieejamība, īpašas vajadzības") break between words, as the Visits bars' do.
  const bars = wrappedBars(
    barOption(
      slices.map(name),
      slices.map((s) => s.count),
      { horizontal: true, colour, name: l('count') },
    ),
    slices.map(name),
    // Read at every relayout, so rotating a phone re-wraps the names.
    categoryWidth,
    measureText,
  );
  return chartFigure({
    ctx,
    title,
    summary: `${title}: ${slices.map((s) => `${name(s)} ${s.count}`).join(', ') || l('noRows')}`,
    option: bars.option,
    height: bars.height,
    data: slicesCsv(ctx.lang, slices, name),
    tableLabel: l('dataTable'),
    table: table(
      title,
      [l('group'), l('count'), l('share')],
      slices.map((s) => [name(s), String(s.count), formatValue('share', s.share, ctx.lang)]),
    ),
  });
}

function complianceFigure(ctx: ViewContext, compliance: Parameters<typeof trendOf>[1]): HTMLElement {
  const l = tr(ctx);
  const grain = ctx.filters.grain;
  const trends = COMPLIANCE.map((m) => trendOf(m, compliance, null));
  const periods = trends[0]?.periods ?? [];
  const dataStart = compliance ? dataStartOf(compliance.freshness, 'complaints') : null;
  const partial = partialPeriods(periods, grain, ctx.filters.from, ctx.filters.to, ctx.dataEnd, dataStart);
  // Answered in time per period, as a count: drawn as bars whatever the sample, where the share may be withheld.
  const metByPeriod = new Map(
    (compliance?.rows ?? []).map((row) => [keyOf(row, 'period'), figureOf(row, 'legal_deadline_met_count').value ?? 0]),
  );
  const legal = trends[0]?.series[0]?.points ?? [];
  const counts = deadlineCounts(
    periods.map((_, i) => legal[i]?.n ?? 0),
    periods.map((p) => metByPeriod.get(p) ?? 0),
  );
  const names = { inTime: l('inTimeSeries'), late: l('overdueSeries'), axis: l('complianceCountAxis') };
  const lines = trends.map((t) =>
    (t.series[0]?.points ?? []).map((p) => (p.value === null ? null : plotValue('share', p.value))),
  );
  const periodNames = periods.map((p, i) =>
    partial[i] ? `${formatPeriod(p, grain, ctx.lang)} (${l('partial')})` : formatPeriod(p, grain, ctx.lang),
  );
  // The bars give every period's counts, so the note need only say why a share is missing: no list of periods.
  const anyDue = legal.some((p) => p.n > 0);
  const withheld = legal.some((p) => p.n > 0 && p.suppressed);
  const minSample = metricInfo(ctx, 'legal_deadline_share')?.minSample ?? 0;
  // A recent period is on the axis (other figures have it) but none of its complaints is due yet: say so.
  const noneDue = periods.filter((_, i) => (legal[i]?.n ?? 0) === 0).map((p) => formatPeriod(p, grain, ctx.lang));
  const countsText = periods
    .flatMap((_, i) =>
      (legal[i]?.n ?? 0) > 0
        ? [
            `${periodNames[i]}: ${names.inTime} ${formatCount(counts.inTime[i] ?? 0, ctx.lang)}, ${names.late} ${formatCount(counts.late[i] ?? 0, ctx.lang)}`,
          ]
        : [],
    )
    .join('; ');
  return chartFigure({
    ctx,
    title: l('deadlineCompliance'),
    note: [
      l('complianceNote'),
      // The counts' plot stands below the share's only where some share is drawn; alone, it needs no pointing to.
      lines.flat().some((v) => v !== null) ? l('complianceCountsBelow') : '',
      withheld ? l('complianceBarsNote', { min: minSample }) : '',
      noneDue.length > 0
        ? l('complianceNoneDue', { periods: noneDue.join(', ') }).replace(/^./, (c) => c.toLocaleUpperCase(ctx.lang))
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    summary: [
      trends
        .map(
          (t) =>
            `${metricLabel(ctx, t.metric)}: ${t.series[0]?.points.map((p) => formatValue('share', p.value, ctx.lang)).join(', ') ?? ''}`,
        )
        .join('. '),
      countsText,
    ]
      .filter(Boolean)
      .join('. '),
    option: complianceOption(
      trendOption(
        periods.map((p) => axisPeriodName(p, grain, ctx.lang)),
        trends.map((t, i) => ({ name: metricLabel(ctx, t.metric), values: lines[i] ?? [], emphasis: i === 0 })),
        {
          unit: 'share',
          lang: ctx.lang,
          target: 100,
          targetLabel: l('target'),
          targetText: formatValue('share', 1, ctx.lang),
          partial,
          partialLabel: l('partial'),
          periodParts: periodParts(periods, grain, ctx.lang),
          moreLegend: [names.inTime, names.late],
        },
      ),
      counts,
      names,
      lines.flat(),
      ctx.lang,
      partial,
    ),
    // No complaint due in any period: nothing to draw, said in the chart's place rather than under an empty axis.
    ...(anyDue ? {} : { empty: l('chartNoData') }),
    height: complianceHeight(lines.flat()),
    data: complianceCsv(
      ctx.lang,
      periods,
      partial,
      trends.map((t) => ({ name: metricLabel(ctx, t.metric), unit: 'share', points: t.series[0]?.points ?? [] })),
      { due: legal.map((p) => p.n), ...counts },
    ),
    tableLabel: l('dataTable'),
    table: table(
      l('deadlineCompliance'),
      [l('period'), ...trends.map((t) => metricLabel(ctx, t.metric)), names.inTime, names.late],
      periods.map((_, i) => [
        periodNames[i] ?? '',
        ...trends.map((t) => {
          const point = t.series[0]?.points[i];
          if (!point || point.n === 0) return '—';
          return point.suppressed
            ? h('span', { class: 'too-few' }, `${l('tooFew')} (n=${point.n})`)
            : `${formatValue('share', point.value, ctx.lang)} (n=${point.n})`;
        }),
        ...((legal[i]?.n ?? 0) > 0
          ? [formatCount(counts.inTime[i] ?? 0, ctx.lang), formatCount(counts.late[i] ?? 0, ctx.lang)]
          : ['—', '—']),
      ]),
    ),
  });
}
