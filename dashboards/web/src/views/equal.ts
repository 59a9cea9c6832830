/**
 * Equal service: the standard's promise to serve "equally fast, well and politely" whatever the language.
 * Wait, satisfaction and refusal share side by side by service language, satisfaction by the channel of the
 * service (waits and refusals exist only for in-person visits, whose channel is how they were booked, so
 * the API compares them by language only), then one line per office: its own groups against the rest of that
 * office, the gap that drives the verdict and every significant gap worded by its direction.
 * One request (/v1/compare/within) where the screen used to send ten /v1/compare calls.
 */
import { EQUAL_BY, EQUAL_METRICS } from '@servq/query-api';
import type { CompareAnswer, CompareWithinAnswer, Comparison } from '../api.types.ts';
import { h, scrollRegion, table } from '../dom.ts';
import { toneOf, verdictOf, type Gap, type Verdict } from '../shapes/equal.shape.ts';
import { scopeFilters } from '../filter.scope.ts';
import { formatP, formatValue } from '../format.ts';
import { metricLabel, tr, type ViewContext } from '../view.ts';
import { comparisonHeader, metricSection, type CompareScreen } from './compare.ts';

const BY_LANGUAGE: CompareScreen = {
  by: 'language',
  metrics: EQUAL_METRICS,
  intro: 'equalIntro',
  allLabel: 'allLanguages',
};
const BY_CHANNEL: CompareScreen = {
  by: 'service_channel',
  metrics: EQUAL_METRICS,
  intro: 'equalIntro',
  allLabel: 'allChannels',
};

/** One `by` comparison of the answer as a /v1/compare answer, which the side-by-side cards draw. */
function asCompare(answer: CompareWithinAnswer, comparisons: readonly Comparison[], by: string): CompareAnswer {
  return {
    freshness: answer.freshness,
    by,
    from: answer.from,
    to: answer.to,
    filters: answer.filters,
    previous: answer.previous,
    alpha: answer.alpha,
    metrics: comparisons.find((c) => c.by === by)?.metrics ?? [],
  };
}

export async function renderEqual(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  // The compared language is no filter here, nor is the office: every office gets its verdict, and an office
  // filter picks that office's comparisons for the cards.
  const scoped = scopeFilters(ctx.filters, EQUAL_METRICS, ctx.catalogue, ctx.dimensions, ['language', 'office']);
  for (const dimension of scoped.skipped) ctx.skippedFilters.add(dimension);
  const answer = await ctx.api.compareWithin({
    metrics: EQUAL_METRICS,
    by: EQUAL_BY,
    within: 'office',
    from: ctx.filters.from,
    to: ctx.filters.to,
    filters: scoped.filters,
  });
  ctx.onFreshness(answer.freshness);
  const office = ctx.filters.office;
  const shown = office ? (answer.sections.find((s) => s.value === office)?.comparisons ?? []) : answer.all;
  const language = asCompare(answer, shown, 'language');
  const channel = asCompare(answer, shown, 'service_channel');
  // An office chosen in the filter narrows the verdicts to that office, as it does the cards. An office head's
  // filter is fixed to their own office: they keep every office's verdict, their own in bold, for comparison.
  const narrowed = office && !ctx.identity.office ? office : null;
  const verdicts = ctx.labels
    .ids('office')
    .filter((id) => !narrowed || id === narrowed)
    .map((id) => ({
      office: id,
      verdict: verdictOf(answer.sections.find((s) => s.value === id)?.comparisons ?? []),
    }));
  const highlight = ctx.identity.office ?? office;
  // The cards say whose groups they compare when they are one office's.
  const whose = office ? ` — ${ctx.labels.office(office, ctx.lang)}` : '';

  return h(
    'div',
    { class: 'screen screen-compare screen-language screen-equal' },
    ...comparisonHeader(ctx, l('equalIntro'), language),
    verdictCard(ctx, verdicts, highlight),
    h('h2', { class: 'section-title' }, `${l('byLanguageTitle')}${whose}`),
    h(
      'div',
      {},
      language.metrics.map((m) => metricSection(ctx, BY_LANGUAGE, language, m, '')),
    ),
    // The heading and its note are one block, so a printed page keeps them together with the first card (print.css).
    h(
      'div',
      { class: 'section-head' },
      h('h2', { class: 'section-title' }, `${l('byChannelTitle')}${whose}`),
      h('p', { class: 'note' }, l('byChannelNote')),
    ),
    h(
      'div',
      {},
      channel.metrics.map((m) => metricSection(ctx, BY_CHANNEL, channel, m, '')),
    ),
  );
}

const MARK: Record<Gap['effect'], string> = { better: '▲', worse: '▼', neutral: '◆' };
const CLASS: Record<Gap['effect'], string> = { better: 'sig-better', worse: 'sig-worse', neutral: 'sig-different' };

/**
 * "Wait time, median significantly slower for “Russian”", without figures (the verdict's headline). The group's
 * name is a display label ("In person", "E-mail"), so the English sentence quotes it as the alert e-mails do.
 */
function gapPhrase(ctx: ViewContext, gap: Gap): string {
  const l = tr(ctx);
  return l('gapPhrase', {
    metric: metricLabel(ctx, gap.metric),
    group: ctx.labels.value(gap.by, gap.group, ctx.lang),
    way: l(`way_${gap.way}`),
  });
}

/** A gap with its mark, direction, figures and p-value. */
export function gapText(ctx: ViewContext, gap: Gap): string {
  const figures = tr(ctx)('gapFigures', {
    value: formatValue(gap.unit, gap.value, ctx.lang),
    reference: formatValue(gap.unit, gap.reference, ctx.lang),
    p: formatP(gap.pValue, ctx.lang),
  });
  return `${MARK[gap.effect]} ${gapPhrase(ctx, gap)} (${figures})`;
}

function verdictCell(ctx: ViewContext, verdict: Verdict): HTMLElement {
  const l = tr(ctx);
  const tone = toneOf(verdict);
  const { driver } = verdict;
  const headline = driver
    ? l(
        driver.effect === 'worse'
          ? 'verdictDriven'
          : driver.effect === 'neutral'
            ? 'verdictDrivenNeutral'
            : 'verdictDrivenBetter',
        { gap: gapPhrase(ctx, driver) },
      )
    : verdict.tested > 0
      ? l('verdictEqual', { tested: verdict.tested })
      : l('verdictTooFew');
  const within = verdict.tested - verdict.gaps.length;
  const notes = [
    driver && within > 0 ? l('verdictOthers', { count: within }) : '',
    verdict.suppressed > 0 ? l('verdictWithheld', { count: verdict.suppressed }) : '',
  ].filter(Boolean);
  return h(
    'div',
    { class: 'verdict-cell' },
    h('p', { class: tone === 'none' ? 'muted' : `sig sig-${tone}` }, headline),
    verdict.gaps.length > 0
      ? h(
          'ul',
          { 'aria-label': l('gaps') },
          verdict.gaps.map((gap) => h('li', { class: `sig ${CLASS[gap.effect]}` }, gapText(ctx, gap))),
        )
      : null,
    notes.length > 0 ? h('p', { class: 'muted' }, notes.join(' ')) : null,
  );
}

function verdictCard(
  ctx: ViewContext,
  verdicts: { office: string; verdict: Verdict }[],
  highlight: string | undefined,
): HTMLElement {
  const l = tr(ctx);
  const title = l('verdictTitle');
  const rows = verdicts.map(({ office, verdict }) => {
    const name = ctx.labels.office(office, ctx.lang);
    return [office === highlight && highlight ? h('strong', {}, name) : name, verdictCell(ctx, verdict)];
  });
  return h(
    'section',
    { class: 'card verdict-card', 'aria-labelledby': 'verdict-title' },
    h('h2', { id: 'verdict-title' }, title),
    h('p', { class: 'note' }, l('verdictNote')),
    // On a phone each row stacks, the office's name above its verdict at full width (verdict-table in
    // styles.css): beside the name a gap's sentence wrapped a word or two a line, and kept on one line it ran
    // off the screen. A table still, so a screen reader hears each verdict under its office.
    scrollRegion(title, table(title, [l('office'), l('verdict')], rows, 'data verdict-table'), 'verdict-scroll'),
  );
}
