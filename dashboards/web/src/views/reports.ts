/**
 * The Reports screen: the monthly management report as a PDF for any month with data, for one office or the
 * whole agency, in Latvian or English, from the reports service through this origin (/v1/reports/monthly); and
 * the recent months, each one click away. An office token is offered its own office only (the reports service
 * refuses the others anyway). Buttons stay focusable while a report is printed, so focus is never lost.
 */
import type { Lang } from '../api.types.ts';
import { h } from '../dom.ts';
import { monthsBefore, rigaToday } from '../filters.ts';
import { formatPeriod } from '../format.ts';
import { monthsWithData } from '../shapes/alerts.shape.ts';
import { errorBox, tr, type ViewContext } from '../view.ts';

/** How far back the month list looks: the demo year and then some. */
const MONTHS_BACK = 36;
const RECENT = 12;
const DATA_METRICS = ['surveys_answered', 'visits', 'complaints_received'];

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function renderReports(ctx: ViewContext): Promise<HTMLElement> {
  const l = tr(ctx);
  const end = ctx.dataEnd ?? ctx.filters.to;
  const answer = await ctx.api.query({
    metrics: DATA_METRICS,
    from: monthsBefore(end, MONTHS_BACK - 1),
    to: end,
    grain: 'month',
  });
  ctx.onFreshness(answer.freshness);
  const months = monthsWithData(answer);
  // The month still running is today's (the data may end earlier): its report covers the days so far.
  const currentMonth = rigaToday(new Date()).slice(0, 7);
  const monthName = (month: string) =>
    `${formatPeriod(`${month}-01`, 'month', ctx.lang)}${month === currentMonth ? ` (${l('monthInProgress')})` : ''}`;

  const ownOffice = ctx.identity.office;
  const officeSelect = h(
    'select',
    { id: 'report-office', disabled: ownOffice !== undefined },
    ownOffice
      ? h('option', { value: ownOffice, selected: true }, ctx.labels.office(ownOffice, ctx.lang))
      : [
          h('option', { value: '' }, l('agencyWide')),
          ...ctx.labels.ids('office').map((id) => h('option', { value: id }, ctx.labels.office(id, ctx.lang))),
        ],
  );
  const langSelect = h(
    'select',
    { id: 'report-lang' },
    (['lv', 'en'] as const).map((code) =>
      h('option', { value: code, selected: code === ctx.lang, lang: code }, l(`lang_${code}`)),
    ),
  );
  // The newest whole month by default: the current one is still running.
  const preselected = months.find((m) => m < currentMonth) ?? months[0];
  const monthSelect = h(
    'select',
    { id: 'report-month' },
    months.map((m) => h('option', { value: m, selected: m === preselected }, monthName(m))),
  );
  const status = h('div', { class: 'report-status', id: 'report-status', 'aria-live': 'polite' });
  let busy = false;

  const download = (month: string, button: HTMLButtonElement) => {
    if (busy) return;
    busy = true;
    for (const b of document.querySelectorAll<HTMLButtonElement>('.report-download'))
      b.setAttribute('aria-disabled', 'true');
    status.replaceChildren(h('p', { class: 'loading' }, l('reportPreparing', { month: monthName(month) })));
    const office = ownOffice ?? officeSelect.value;
    const lang = (langSelect.value === 'en' ? 'en' : 'lv') satisfies Lang;
    ctx.api
      .monthlyReport({ month, office, lang })
      .then((report) => {
        save(report.blob, report.filename);
        status.replaceChildren(h('p', { class: 'report-done' }, l('reportReady', { file: report.filename })));
      })
      .catch((error: unknown) => status.replaceChildren(errorBox(ctx, error)))
      .finally(() => {
        busy = false;
        for (const b of document.querySelectorAll('.report-download')) b.removeAttribute('aria-disabled');
        if (document.activeElement === document.body) button.focus();
      });
  };

  const mainButton: HTMLButtonElement = h(
    'button',
    { type: 'submit', class: 'primary report-download', id: 'report-download' },
    l('reportDownload'),
  );
  const form = h(
    'form',
    { class: 'card report-form', 'aria-labelledby': 'report-form-title' },
    h('h2', { id: 'report-form-title' }, l('reportFormTitle')),
    h(
      'div',
      { class: 'report-fields' },
      h('label', { for: 'report-month' }, l('reportMonth'), monthSelect),
      h('label', { for: 'report-office' }, l('office'), officeSelect),
      h('label', { for: 'report-lang' }, l('reportLanguage'), langSelect),
      mainButton,
    ),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (monthSelect.value) download(monthSelect.value, mainButton);
  });

  const recent = months.slice(0, RECENT).map((month) => {
    const button: HTMLButtonElement = h(
      'button',
      {
        type: 'button',
        class: 'secondary small report-download',
        'data-month': month,
        'aria-label': l('reportDownloadOf', { month: monthName(month) }),
      },
      'PDF',
    );
    button.addEventListener('click', () => download(month, button));
    return h('li', {}, h('span', {}, monthName(month)), button);
  });

  return h(
    'div',
    { class: 'screen reports-screen' },
    h('p', { class: 'intro' }, l('reportsIntro')),
    months.length === 0 ? h('p', { class: 'card muted' }, l('reportNoMonths')) : form,
    h(
      'section',
      { class: 'card report-recent', 'aria-labelledby': 'report-recent-title' },
      h('h2', { id: 'report-recent-title' }, l('reportRecentTitle')),
      h('p', { class: 'note' }, l('reportRecentNote')),
      recent.length === 0 ? h('p', { class: 'muted' }, l('reportNoMonths')) : h('ul', { class: 'month-list' }, recent),
    ),
  );
}
