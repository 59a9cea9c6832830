/**
 * The comparison screens: offices side by side (Offices) and service languages side by side (Equal service),
 * both from /v1/compare. Each metric gets a point-and-whisker chart (95% intervals, a marker only where the
 * difference from the other groups is significant, suppressed groups as "too few responses") and a table
 * that is always visible, with the sample, interval, verdict and the change against the previous period.
 */
import { OFFICES_METRICS } from '@servq/query-api';
import type { CompareAnswer, MetricComparison } from '../api.types.ts';
import { comparisonOption } from '../charts/chart.options.ts';
import { measureText } from '../charts/measure.ts';
import { comparisonChart, comparisonRows, effectOf, type ComparisonRow, type Effect } from '../shapes/compare.shape.ts';
import { comparisonCsv } from '../shapes/compare.csv.ts';
import { h, table } from '../dom.ts';
import { formatDate } from '../filters.ts';
import { earlierGap, sampleNote, sharedGap } from '../sample.note.ts';
import { scopeFilters } from '../filter.scope.ts';
import { formatChange, formatCount, formatDecimal, formatInterval, formatP, formatValue } from '../format.ts';
import { targetsNote } from './targets.note.ts';
import { chartFigure, metricInfo, metricLabel, targetText, tr, type ViewContext } from '../view.ts';

export interface CompareScreen {
  by: 'office' | 'language' | 'channel' | 'service_channel';
  metrics: readonly string[];
  intro: 'officesIntro' | 'equalIntro';
  allLabel: 'allOffices' | 'allLanguages' | 'allChannels';
}

export const OFFICES_SCREEN: CompareScreen = {
  by: 'office',
  metrics: OFFICES_METRICS,
  intro: 'officesIntro',
  allLabel: 'allOffices',
};

export async function renderCompare(ctx: ViewContext, screen: CompareScreen): Promise<HTMLElement> {
  const l = tr(ctx);
  // The filters every metric of the screen can take; the compared dimension itself is not a filter here.
  const scoped = scopeFilters(ctx.filters, screen.metrics, ctx.catalogue, ctx.dimensions, [screen.by]);
  for (const dimension of scoped.skipped) ctx.skippedFilters.add(dimension);
  const answer = await ctx.api.compare({
    metrics: screen.metrics,
    by: screen.by,
    from: ctx.filters.from,
    to: ctx.filters.to,
    filters: scoped.filters,
  });
  ctx.onFreshness(answer.freshness);
  const highlight = screen.by === 'office' ? (ctx.identity.office ?? ctx.filters.office) : '';
  return h(
    'div',
    { class: `screen screen-compare screen-${screen.by}` },
    ...comparisonHeader(ctx, l(screen.intro), answer),
    screen.by === 'office' ? targetsNote(ctx, screen.metrics) : null,
    answer.metrics.map((metric) => metricSection(ctx, screen, answer, metric, highlight)),
  );
}

/** A comparison screen's opening: its intro with the previous period, and the key to its markers and whiskers. */
export function comparisonHeader(ctx: ViewContext, intro: string, answer: CompareAnswer): HTMLElement[] {
  const l = tr(ctx);
  return [
    h(
      'p',
      { class: 'intro' },
      intro,
      ' ',
      h(
        'span',
        { class: 'muted' },
        l('previousPeriod', {
          from: formatDate(answer.previous.from, ctx.lang),
          to: formatDate(answer.previous.to, ctx.lang),
        }),
      ),
    ),
    h(
      'p',
      { class: 'legend-line' },
      h('span', { class: 'sig sig-better', 'aria-hidden': 'true' }, '▲'),
      ' / ',
      h('span', { class: 'sig sig-worse', 'aria-hidden': 'true' }, '▼'),
      ' ',
      l('significantMarker', { alpha: formatDecimal(answer.alpha, ctx.lang) }),
      ' ',
      l('whiskers'),
    ),
  ];
}

function verdict(ctx: ViewContext, row: ComparisonRow): Node | string {
  const l = tr(ctx);
  if (row.isAll) return '';
  if (row.noOffice) return h('span', { class: 'muted' }, l('notAnOffice'));
  if (row.suppressed) return h('span', { class: 'too-few' }, l('suppressedGroup'));
  if (row.pValue === null) return l('notTestable');
  // formatP words the p-value in the page's language ("p < 0,001"), as everywhere else on the page.
  const p = formatP(row.pValue, ctx.lang);
  if (!row.significant) return h('span', { class: 'muted' }, `${l('notSignificant')} (${p})`);
  return h(
    'span',
    { class: `sig sig-${row.effect ?? 'different'}` },
    `${EFFECT_MARK[row.effect ?? 'different']} ${effectWord(ctx, row.effect)} (${p})`,
  );
}

const EFFECT_MARK: Record<Effect, string> = { better: '▲', worse: '▼', different: '◆' };

function changeCell(ctx: ViewContext, text: string, effect: Effect): HTMLElement {
  return h('span', { class: `sig sig-${effect}` }, `${text} ${EFFECT_MARK[effect]} ${effectWord(ctx, effect)}`);
}

function effectWord(ctx: ViewContext, effect: Effect | null): string {
  const l = tr(ctx);
  return effect === 'better' ? l('sigBetter') : effect === 'worse' ? l('sigWorse') : l('sigDifferent');
}

/**
 * Where the chart's group names wrap: a phone gives them less room, so the plot keeps a readable width. Read at
 * every relayout, so rotating a phone re-wraps them. Wider, an office's name keeps to one line: at 130 px every name
 * took two or three, and on A4 two Offices charts no longer fitted a page; at 165 px "Daugavpils reģionālā nodaļa"
 * (171 px in the report's DejaVu Sans) still took two. Riga's centre, twice as long, takes two at any of these.
 */
const nameWidth = (): number => (window.innerWidth < 480 ? 96 : 180);

export function metricSection(
  ctx: ViewContext,
  screen: CompareScreen,
  answer: CompareAnswer,
  metric: MetricComparison,
  highlight: string,
): HTMLElement {
  const l = tr(ctx);
  const info = metricInfo(ctx, metric.id);
  const unit = info?.unit ?? metric.unit;
  const rows = comparisonRows(metric, answer.by, ctx.lang, ctx.labels, ctx.labels.ids(screen.by), l(screen.allLabel));
  const chart = comparisonChart(rows, unit);
  const title = metricLabel(ctx, metric.id);
  const { option, height } = comparisonOption(chart, {
    unit,
    lang: ctx.lang,
    targetLabel: l('target'),
    tooFew: l('tooFew'),
    allIndex: rows.findIndex((r) => r.isAll),
    betterLabel: l('sigBetter'),
    worseLabel: l('sigWorse'),
    differentLabel: l('sigDifferent'),
    labelWidth: nameWidth,
    measure: measureText,
    ...(highlight ? { own: { index: rows.findIndex((r) => r.key === highlight), label: l('yourOffice') } } : {}),
  });
  // The same reason in every row's change (no data for the earlier period): said once, above the table.
  const gapForAll = sharedGap(rows.filter((r) => !r.suppressed).map((r) => earlierGap(ctx.lang, r.previous)));
  const cells = rows.map((row) => {
    const name = row.key === highlight && highlight ? h('strong', {}, row.label) : row.label;
    if (row.suppressed) {
      return [
        name,
        h('span', { class: 'too-few' }, l('tooFew')),
        '—',
        h('span', { class: 'too-few' }, l('tooFewDetail', { n: row.n, min: metric.minSample })),
        verdict(ctx, row),
        '—',
      ];
    }
    const gap = earlierGap(ctx.lang, row.previous);
    const changeText = gapForAll ? '—' : (gap ?? formatChange(unit, row.change, ctx.lang));
    return [
      name,
      h('span', { class: `value status-${row.status}` }, formatValue(unit, row.value, ctx.lang)),
      formatInterval(unit, row.interval, ctx.lang),
      formatCount(row.n, ctx.lang),
      verdict(ctx, row),
      !gap && row.changeSignificant && row.change !== null
        ? changeCell(ctx, changeText, effectOf(metric.direction, row.change, 0))
        : changeText,
    ];
  });
  const summary = rows
    .map((r) =>
      r.suppressed
        ? `${r.label}: ${l('tooFew')}`
        : `${r.label}: ${formatValue(unit, r.value, ctx.lang)} (${formatInterval(unit, r.interval, ctx.lang)})${r.significant ? `, ${effectWord(ctx, r.effect)}` : ''}`,
    )
    .join('; ');
  const data = comparisonCsv(ctx.lang, { name: title, unit }, rows, (r) =>
    r.noOffice
      ? l('notAnOffice')
      : r.suppressed
        ? l('suppressedGroup')
        : r.significant
          ? effectWord(ctx, r.effect)
          : r.isAll
            ? ''
            : l('notSignificant'),
  );
  const figure = chartFigure({
    ctx,
    data,
    title,
    note: [
      `${info?.description[ctx.lang] ?? ''} ${targetText(ctx, metric.id, metric.all.target)}.`,
      // A percentile says how it is computed, in the catalogue's words.
      info?.method ? `${l('percentileMethod', { method: info.method[ctx.lang] })}.` : '',
      sampleNote(
        ctx.lang,
        rows.filter((r) => !r.isAll).map((r) => ({ label: r.label, n: r.n, suppressed: r.suppressed })),
        metric.minSample,
      ),
      gapForAll ? l('changeGapAll', { why: gapForAll }) : '',
    ]
      .filter(Boolean)
      .join(' '),
    summary: `${title}. ${summary}`,
    option,
    height,
    tableLabel: l('dataTable'),
    tableOpen: true,
    table: table(
      title,
      [
        screen.by === 'office' ? l('office') : screen.by === 'language' ? l('language') : l('channel'),
        l('value'),
        l('interval'),
        l('sample'),
        l('vsRest'),
        l('change'),
      ],
      cells,
      // On a phone each row stays on one line and the table scrolls sideways in its region (styles.css).
      'data one-line-rows',
    ),
  });
  // The records with no office are not an office: their row stands apart from the offices' (styles.css).
  const body = figure.querySelector<HTMLTableElement>('table.data')?.tBodies[0];
  rows.forEach((r, i) => {
    if (r.noOffice) body?.rows[i]?.classList.add('no-office-row');
  });
  figure.classList.add('compare-card');
  figure.dataset.metric = metric.id;
  return figure;
}
