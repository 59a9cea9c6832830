/**
 * "Channel mix and digital take-up" on the Overview (GET /v1/channels): how contacts split across the
 * standard's channels per period, and the share of rated service cases that were e-service cases per period
 * with its 95 % interval and the test of a trend. Both with the page's filters; channel names from /v1/reference.
 */
import type { ChannelsRequest } from '@servq/query-api';
import type { ChannelsAnswer } from '../api.types.ts';
import {
  channelMixOption,
  digitalShareOption,
  mixHeight,
  mixSegments,
  OWN_SEGMENT_SHARE,
} from '../charts/channels.chart.ts';
import { h, table } from '../dom.ts';
import { FILTER_DIMENSIONS } from '../filters.ts';
import {
  formatChange,
  formatCount,
  formatDecimal,
  formatInterval,
  formatP,
  formatPeriod,
  formatValue,
  withPlotUnit,
} from '../format.ts';
import { channelMix, digitalPoints, type ChannelMix, type DigitalPoint } from '../shapes/channels.shape.ts';
import { partialPeriods } from '../shapes/periods.shape.ts';
import { axisPeriodName } from '../period.axis.ts';
import { chartFigure, metricLabel, tr, type ViewContext } from '../view.ts';

/** The panel for the overview's channels request (@servq/query-api overviewRequests) with the page's filters. */
export async function channelsPanel(ctx: ViewContext, request: ChannelsRequest): Promise<HTMLElement> {
  const filters: Record<string, string[]> = {};
  for (const dimension of FILTER_DIMENSIONS) if (ctx.filters[dimension]) filters[dimension] = [ctx.filters[dimension]];
  const answer = await ctx.api.channels({ ...request, filters });
  ctx.onFreshness(answer.freshness);
  const mix = channelMix(answer, ctx.labels.ids('channel'));
  const partial = partialPeriods(mix.periods, ctx.filters.grain, ctx.filters.from, ctx.filters.to, ctx.dataEnd);
  // The digital share's axis: a week's name on two lines, so a printed chart names every week.
  const labels = mix.periods.map((p, i) => {
    const label = axisPeriodName(p, ctx.filters.grain, ctx.lang);
    return partial[i] ? `${label}\n(${tr(ctx)('partial')})` : label;
  });
  return h(
    'section',
    { class: 'grid-2 channels', 'aria-label': tr(ctx)('channelsTitle') },
    mixFigure(ctx, answer, mix, partial),
    answer.digital.unavailable === 'office'
      ? // No share for an office (e-service cases belong to none): the reason alone, no empty chart.
        h(
          'div',
          { class: 'card chart-card', 'data-panel': 'digital-share', style: 'align-self:start' },
          h('h2', {}, metricLabel(ctx, answer.digital.metric)),
          h('p', { class: 'note' }, tr(ctx)('digitalOffice')),
        )
      : digitalFigure(ctx, answer, digitalPoints(answer, mix.periods), labels, partial),
  );
}

const percentTick =
  (ctx: ViewContext) =>
  (value: number, digits = 0) =>
    withPlotUnit('share', formatDecimal(value, ctx.lang, digits));

function mixFigure(
  ctx: ViewContext,
  answer: ChannelsAnswer,
  mix: ChannelMix,
  partial: readonly boolean[],
): HTMLElement {
  const l = tr(ctx);
  const title = l('channelsTitle');
  const names = mix.channels.map((c) => ctx.labels.value('channel', c, ctx.lang));
  const total = mix.totals.reduce((a, b) => a + b, 0);
  const byChannel = mix.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const top = byChannel.indexOf(Math.max(...byChannel));
  const skipped = [...new Set(answer.contacts.skipped.map((s) => s.metric))].map((m) => metricLabel(ctx, m));
  const note = [mix.channels.length === 0 ? l('channelsNone') : l('channelsNote')];
  const grouped = mixSegments(mix).grouped;
  if (grouped.length > 0)
    note.push(
      l('channelsGrouped', {
        share: withPlotUnit('share', formatDecimal(OWN_SEGMENT_SHARE * 100, ctx.lang, 0)),
        channels: grouped.map((c) => names[c] ?? '').join(', '),
      }),
    );
  if (skipped.length > 0) note.push(l('channelsSkipped', { metrics: skipped.join(', ') }));
  if (mix.channels.length > 0 && partial.some(Boolean)) note.push(l('channelsPartial'));
  if (mix.suppressed.some(Boolean)) note.push(l('channelsTooFew', { min: mix.minSample }));
  // A period with too few contacts says so beside its (empty) bar, as a comparison names its suppressed groups: on
  // the same second line as "partial", so a row keeps its two lines.
  const mixLabels = mix.periods.map((period, p) => {
    const marks = [...(partial[p] ? [l('partial')] : []), ...(mix.suppressed[p] ? [l('tooFewContacts')] : [])];
    const label = formatPeriod(period, ctx.filters.grain, ctx.lang);
    return marks.length > 0 ? `${label}\n(${marks.join(', ')})` : label;
  });
  const cell = (n: number, share: number | null | undefined, p: number) =>
    mix.suppressed[p]
      ? formatCount(n, ctx.lang)
      : `${formatCount(n, ctx.lang)} (${formatValue('share', share ?? null, ctx.lang)})`;
  const rows = mix.periods.map((_, p) => [
    (mixLabels[p] ?? '').replaceAll('\n', ' '),
    ...mix.channels.map((_, c) => cell(mix.counts[c]?.[p] ?? 0, mix.shares[c]?.[p], p)),
    formatCount(mix.totals[p] ?? 0, ctx.lang),
  ]);
  return chartFigure({
    ctx,
    title,
    note: note.join(' '),
    summary:
      mix.channels.length === 0
        ? l('channelsNone')
        : l('channelsSummary', {
            title,
            n: total,
            periods: mix.periods.length,
            top: names[top] ?? '—',
            share: formatValue('share', total > 0 ? (byChannel[top] ?? 0) / total : null, ctx.lang),
          }),
    option: channelMixOption(mixLabels, mix, {
      names,
      otherName: l('channelsOther'),
      formatPercent: (v) => percentTick(ctx)(v),
      formatCount: (n) => formatCount(n, ctx.lang),
      partial,
    }),
    height: mixHeight(mix.periods.length),
    tableLabel: l('dataTable'),
    data: {
      columns: ['period', ...mix.channels.flatMap((c) => [c, `${c}_share_pct`]), 'contacts'],
      rows: mix.periods.map((period, p) => [
        period,
        ...mix.channels.flatMap((_, c) => {
          const share = mix.shares[c]?.[p] ?? null;
          return [mix.counts[c]?.[p] ?? 0, share === null ? null : Math.round(share * 1000) / 10];
        }),
        mix.totals[p] ?? 0,
      ]),
    },
    table: table(title, [l('period'), ...names, l('contactsTotal')], rows),
  });
}

function digitalFigure(
  ctx: ViewContext,
  answer: ChannelsAnswer,
  points: DigitalPoint[],
  labels: string[],
  partial: readonly boolean[],
): HTMLElement {
  const l = tr(ctx);
  const title = metricLabel(ctx, answer.digital.metric);
  const { all, trend } = answer.digital;
  const notes = [l('digitalNote')];
  if (ctx.filters.channel) notes.push(l('digitalAllChannels'));
  if (trend) {
    const verdict = !trend.significant ? 'trendFlat' : trend.perPeriod > 0 ? 'trendRising' : 'trendFalling';
    notes.push(
      l('digitalTrend', {
        change: formatChange('share', trend.perPeriod, ctx.lang),
        per: l(`perGrain_${answer.grain}`),
        p: formatP(trend.pValue, ctx.lang),
        verdict: l(verdict),
      }),
    );
  }
  // Said as on the overview's trends, which mark partial periods the same way.
  if (partial.some((p, i) => p && points[i]?.value !== null && points[i]?.value !== undefined))
    notes.push(l('partialNote'));
  const shareText = (p: { value: number | null; n: number; suppressed: boolean }) =>
    p.suppressed
      ? h('span', { class: 'too-few' }, `${l('tooFew')} (n=${p.n})`)
      : formatValue('share', p.value, ctx.lang);
  const interval = (low: number | null, high: number | null) =>
    low === null || high === null ? '—' : formatInterval('share', { low, high }, ctx.lang);
  const rows = [
    ...points.map((p, i) => [
      (labels[i] ?? '').replaceAll('\n', ' '),
      shareText(p),
      interval(p.low, p.high),
      String(p.successes),
      String(p.n),
    ]),
    [
      l('wholeRange'),
      shareText(all),
      interval(all.interval?.low ?? null, all.interval?.high ?? null),
      String(all.successes),
      String(all.n),
    ],
  ];
  const figure = chartFigure({
    ctx,
    title,
    note: notes.join(' '),
    summary: `${title}: ${formatValue('share', all.value, ctx.lang)} (${interval(all.interval?.low ?? null, all.interval?.high ?? null)}), n=${all.n}. ${notes.slice(1).join(' ')}`,
    option: digitalShareOption(labels, points, {
      name: l('digitalShare'),
      intervalName: l('interval95'),
      formatPercent: (v, digits) => percentTick(ctx)(v, digits),
      partial,
    }),
    height: 320,
    tableLabel: l('dataTable'),
    data: {
      columns: ['period', 'partial', 'digital_share_pct', 'low_pct', 'high_pct', 'e_service_cases', 'rated_cases'],
      rows: [
        ...points.map((p, i) => [
          p.period,
          partial[i] ? 'yes' : 'no',
          pct(p.value),
          pct(p.low),
          pct(p.high),
          p.successes,
          p.n,
        ]),
        [
          'all',
          '',
          pct(all.value),
          pct(all.interval?.low ?? null),
          pct(all.interval?.high ?? null),
          all.successes,
          all.n,
        ],
      ],
    },
    table: table(title, [l('period'), l('digitalShare'), l('interval95'), l('eServiceCases'), l('ratedCases')], rows),
  });
  figure.dataset.panel = 'digital-share';
  return figure;
}

const pct = (share: number | null): number | null => (share === null ? null : Math.round(share * 10_000) / 100);
