/**
 * The Offices screen's key to its targets, in one place above the charts: each target as the catalogue defines it
 * (GET /v1/metrics: the figure, its direction and what the metric counts, such as the 15 minutes of "served within
 * the target wait"), and the internal answer target set beside the legal deadline (GET /v1/reference legalRules),
 * so an office head reads "5 working days" as ATD's own aim inside the law's longer limit, not as the law.
 */
import { h } from '../dom.ts';
import { formatValue } from '../format.ts';
import { metricInfo, metricLabel, targetText, tr, type ViewContext } from '../view.ts';

export function targetsNote(ctx: ViewContext, metrics: readonly string[]): HTMLElement | null {
  const l = tr(ctx);
  const items = metrics.flatMap((id) => {
    const info = metricInfo(ctx, id);
    const target = info?.target.default ?? null;
    if (!info || target === null) return [];
    const rules = ctx.labels.ids('legal_rule').map((rule) => ctx.labels.value('legal_rule', rule, ctx.lang));
    const internal =
      info.target.insideLegalDeadline && rules.length > 0
        ? ` ${l('internalTarget', { target: formatValue(info.unit, target, ctx.lang), legal: rules.reverse().join('; ') })}`
        : '';
    return [
      h(
        'li',
        {},
        h('strong', {}, metricLabel(ctx, id)),
        ` — ${targetText(ctx, id, target).toLocaleLowerCase(ctx.lang)}. ${info.description[ctx.lang]}${internal}`,
      ),
    ];
  });
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'card targets-note', 'aria-labelledby': 'targets-title' },
    h('h2', { id: 'targets-title' }, l('targetsTitle')),
    h('ul', {}, ...items),
  );
}
