/**
 * Equal service: the standard's promise to serve "equally fast, well and politely" whatever the language.
 * Wait, satisfaction and refusal share side by side by service language and by channel (each gap worded by
 * its direction and significance, as on the Offices screen), then one line per office: its own groups set
 * against the rest of that office, saying which gaps are statistically real.
 */
import { EQUAL_METRICS } from '@servq/query-api';
import type { CompareAnswer } from '../api.types.ts';
import { h, table } from '../dom.ts';
import { mergeVerdicts, gapsOf, type Gap, type Verdict } from '../shapes/equal.shape.ts';
import { scopeFilters } from '../filter.scope.ts';
import { formatValue } from '../format.ts';
import { metricLabel, tr, type ViewContext } from '../view.ts';
import { comparisonHeader, metricSection, type CompareScreen } from './compare.ts';

const BY_LANGUAGE: CompareScreen = {
  by: 'language',
  metrics: EQUAL_METRICS,
  intro: 'equalIntro',
  allLabel: 'allLanguages',
};
const BY_CHANNEL: CompareScreen = {
  by: 'channel',
  metrics: EQUAL_METRICS,
  intro: 'equalIntro',
  allLabel: 'allChannels',
};

export async function renderEqual(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  const ask = (screen: CompareScreen, office?: string) => {
    const scoped = scopeFilters(ctx.filters, screen.metrics, ctx.catalogue, ctx.dimensions, [screen.by]);
    for (const dimension of scoped.skipped) ctx.skippedFilters.add(dimension);
    const filters = office ? { ...scoped.filters, office: [office] } : scoped.filters;
    return ctx.api.compare({
      metrics: screen.metrics,
      by: screen.by,
      from: ctx.filters.from,
      to: ctx.filters.to,
      filters,
    });
  };
  // Every office's verdict, whatever the office filter: an office head compares theirs with the others.
  const offices = ctx.labels.ids('office');
  const [language, channel, ...perOffice] = await Promise.all([
    ask(BY_LANGUAGE),
    ask(BY_CHANNEL),
    ...offices.flatMap((office) => [ask(BY_LANGUAGE, office), ask(BY_CHANNEL, office)]),
  ]);
  for (const a of [language, channel, ...perOffice]) ctx.onFreshness(a.freshness);
  const verdicts = offices.map((office, i) => ({
    office,
    verdict: mergeVerdicts([gapsOf(perOffice[2 * i] as CompareAnswer), gapsOf(perOffice[2 * i + 1] as CompareAnswer)]),
  }));
  const highlight = ctx.identity.office ?? ctx.filters.office;

  return h(
    'div',
    { class: 'screen screen-compare screen-language screen-equal' },
    ...comparisonHeader(ctx, l('equalIntro'), language),
    verdictCard(ctx, verdicts, highlight),
    h('h2', { class: 'section-title' }, l('byLanguageTitle')),
    h(
      'div',
      {},
      language.metrics.map((m) => metricSection(ctx, BY_LANGUAGE, language, m, '')),
    ),
    h('h2', { class: 'section-title' }, l('byChannelTitle')),
    h(
      'div',
      {},
      channel.metrics.map((m) => metricSection(ctx, BY_CHANNEL, channel, m, '')),
    ),
  );
}

const MARK: Record<Gap['effect'], string> = { better: '▲', worse: '▼', higher: '◆', lower: '◆' };

export function gapText(ctx: ViewContext, gap: Gap): string {
  const l = tr(ctx);
  const group = ctx.labels.value(gap.by, gap.group, ctx.lang);
  const word = {
    better: l('sigBetter'),
    worse: l('sigWorse'),
    higher: l('sigHigher'),
    lower: l('sigLower'),
  }[gap.effect];
  const p = gap.pValue < 0.001 ? 'p < 0.001' : `p = ${gap.pValue.toFixed(3)}`;
  const figures = `${formatValue(gap.unit, gap.value, ctx.lang)} ${l('versus')} ${formatValue(gap.unit, gap.reference, ctx.lang)}`;
  return `${MARK[gap.effect]} ${group}: ${metricLabel(ctx, gap.metric)} ${word} (${figures}, ${p})`;
}

function verdictLine(ctx: ViewContext, verdict: Verdict): string {
  const l = tr(ctx);
  if (!verdict.tested) return l('verdictTooFew');
  if (verdict.gaps.length === 0) return l('verdictNone');
  return verdict.gaps.map((g) => gapText(ctx, g)).join('; ');
}

function verdictCard(
  ctx: ViewContext,
  verdicts: { office: string; verdict: Verdict }[],
  highlight: string,
): HTMLElement {
  const l = tr(ctx);
  const title = l('verdictTitle');
  const rows = verdicts.map(({ office, verdict }) => {
    const name = ctx.labels.office(office, ctx.lang);
    const worse = verdict.gaps.some((g) => g.effect === 'worse' || g.effect === 'higher');
    return [
      office === highlight && highlight ? h('strong', {}, name) : name,
      h(
        'span',
        { class: worse ? 'sig sig-worse' : verdict.gaps.length > 0 ? 'sig sig-better' : 'muted' },
        verdictLine(ctx, verdict),
      ),
    ];
  });
  return h(
    'section',
    { class: 'card verdict-card', 'aria-labelledby': 'verdict-title' },
    h('h2', { id: 'verdict-title' }, title),
    h('p', { class: 'note' }, l('verdictNote')),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': title },
      table(title, [l('office'), l('verdict')], rows),
    ),
  );
}
