/**
 * The complaints screen's deadline desk: the open complaints that are overdue or due within a chosen number of
 * working days (GET /v1/complaints/due), by case id with office, channel and category only — nothing personal.
 * The window lives in the address (`within=`), so a desk view can be bookmarked; the list exports as CSV.
 */
import type { DueAnswer, DueComplaint } from './api.types.ts';
import { h, scrollRegion, table } from './dom.ts';
import { downloadCsv, fileStem } from './download.ts';
import { commonRule, rulesDiffer } from './due.rule.ts';
import { routeHash } from './filters.ts';
import { formatPeriod } from './format.ts';
import { deskCsv } from './shapes/complaints.csv.ts';
import { tr, type ViewContext } from './view.ts';

export const WINDOWS = [0, 2, 5, 10, 20] as const;
export const DEFAULT_WITHIN = 5;

function statusText(ctx: ViewContext, c: DueComplaint): string {
  const l = tr(ctx);
  // The API counts an overdue complaint at least 1 working day late, even on a day off after its deadline.
  if (c.status === 'overdue') return l('overdueBy', { n: -c.workingDaysLeft });
  return c.workingDaysLeft === 0 ? l('dueToday') : l('dueIn', { n: c.workingDaysLeft });
}

const date = (ctx: ViewContext, iso: string) => formatPeriod(iso, 'day', ctx.lang);

export function deskPanel(ctx: ViewContext, answer: DueAnswer): HTMLElement {
  const l = tr(ctx);
  const within = answer.within;
  const select = h(
    'select',
    {
      id: 'filter-within',
      onchange: (e: Event) => {
        refocusWithin = true;
        const next = Number((e.target as HTMLSelectElement).value);
        location.hash = routeHash({ screen: 'complaints', filters: { ...ctx.filters, within: next } });
      },
    },
    WINDOWS.map((n) => h('option', { value: String(n), selected: n === within }, l('workingDaysN', { n }))),
  );
  // The rule most complaints share is said once, in the note; a row names its rule only where it differs, and the
  // column goes when none does. The CSV keeps every row's rule.
  const common = commonRule(answer.complaints);
  const ruleColumn = rulesDiffer(answer.complaints, common);
  const ruleName = (rule: string | null) => (rule === null ? '—' : ctx.labels.value('legal_rule', rule, ctx.lang));
  const columns = [
    l('caseId'),
    l('status'),
    l('dueOn'),
    l('receivedOn'),
    l('rule'),
    l('category'),
    l('channel'),
    l('office'),
  ];
  // The page writes dates as its language does; the CSV (deskCsv) keeps ISO dates, which any program reads.
  const cells = (c: DueComplaint) => [
    c.id,
    statusText(ctx, c) + (c.extended ? ` · ${l('extendedMark')}` : '') + (c.reopened ? ` · ${l('reopenedMark')}` : ''),
    date(ctx, c.dueOn),
    date(ctx, c.receivedOn),
    ruleName(c.rule),
    ctx.labels.value('category', c.category, ctx.lang),
    ctx.labels.value('channel', c.channel, ctx.lang),
    ctx.labels.office(c.office, ctx.lang),
  ];
  const title = l('dueTitle');
  const ruleAt = columns.indexOf(l('rule'));
  const shown = <T>(row: T[]) => (ruleColumn ? row : row.filter((_, i) => i !== ruleAt));
  const rows = answer.complaints.map((c) => {
    const [id, status, ...rest] = cells(c);
    const row = [id ?? '', h('span', { class: c.status === 'overdue' ? 'sig sig-worse' : '' }, status ?? ''), ...rest];
    if (c.rule === common) row[ruleAt] = '';
    return shown(row);
  });
  const listTable = table(title, shown(columns), rows, 'data due-list one-line-rows');
  const csv = h(
    'button',
    {
      type: 'button',
      class: 'secondary small',
      'data-export': 'csv',
      'aria-label': l('downloadCsvOf', { title }),
      onclick: () => {
        const data = deskCsv(ctx.lang, answer.complaints, ctx.labels);
        downloadCsv(data.columns, data.rows, fileStem(title, answer.asOf, answer.asOf));
      },
    },
    l('csvButton'),
  );
  if (refocusWithin) {
    refocusWithin = false;
    // The screen is put in the document after this returns; give focus back to the control that was used.
    setTimeout(() => document.getElementById('filter-within')?.focus(), 0);
  }
  return h(
    'section',
    { class: 'card desk-card', 'aria-labelledby': 'desk-title' },
    h('div', { class: 'chart-head' }, h('h2', { id: 'desk-title' }, title), h('div', { class: 'chart-tools' }, csv)),
    h(
      'p',
      { class: 'desk-controls' },
      h('label', { for: 'filter-within' }, l('dueWithin'), select),
      ' ',
      h(
        'strong',
        { class: 'desk-counts', 'aria-live': 'polite' },
        l('dueCounts', { overdue: l('overdueCount', { n: answer.counts.overdue }), due: answer.counts.due, n: within }),
      ),
    ),
    h(
      'p',
      { class: 'note' },
      l('dueNote', { date: date(ctx, answer.asOf) }),
      common === null ? null : ` ${l(ruleColumn ? 'dueRuleMixed' : 'dueRuleAll', { rule: ruleName(common) })}`,
    ),
    answer.complaints.length === 0
      ? h('p', { class: 'muted' }, l('noneDue'))
      : scrollRegion(`${title}: ${l('dataTable')}`, listTable),
    answer.truncated
      ? h(
          'p',
          { class: 'note' },
          l('truncatedList', { shown: answer.complaints.length, total: answer.counts.overdue + answer.counts.due }),
        )
      : null,
  );
}

let refocusWithin = false;
