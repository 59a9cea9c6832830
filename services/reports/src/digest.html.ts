/**
 * The digest's HTML alternative part: the model's words laid out as a short page a mail client shows — the title,
 * the summary, per office a table of its overdue and due-soon cases, and the dashboard links. Every value is
 * escaped (escape-html), labels and case ids included: they come from the query API, not from this file. The frame
 * (document, paragraphs, links, footer) is @servq/mail's, shared with the alerts' e-mails; styles are inline, and
 * the one style element only re-flows the tables on a phone.
 * The plain text part carries the same words for clients that show no HTML.
 */
import { escapeHtml, htmlFooter, htmlLink, htmlParagraph as paragraph, mailDocument } from '@servq/mail';
import type { DigestLink, DigestList, DigestModel, DigestModelSection, DigestRow } from './digest.model.ts';

const CELL = 'padding:4px 10px 4px 0;border-bottom:1px solid #ddd;text-align:left;vertical-align:top';
/**
 * Five columns do not fit a phone (a case id, a long category and a date need ~480 px): below 560 px each case
 * becomes a block — its id on a line, the rest after it as the text part writes it, joined by " · ", the date after
 * its column's name (the head row is hidden there). Clients that
 * drop the style element keep the table; !important is needed to win over the inline styles.
 */
const NARROW = `@media (max-width:560px){
table.cases,table.cases tbody{display:block!important;width:auto!important}
table.cases thead{display:none!important}
table.cases tr{display:block!important;padding:6px 0!important;border-bottom:1px solid #ddd!important}
table.cases td{display:inline!important;padding:0!important;border:0!important;white-space:normal!important}
table.cases td:first-child{display:block!important;font-weight:600!important}
table.cases td:nth-child(n+3)::before{content:" · "}
table.cases td[data-label]::before{content:" · " attr(data-label) " "}
}`;
const HEAD_CELL = `${CELL};font-weight:600;border-bottom:2px solid #bbb`;
const LIST_COLOUR: Record<DigestList['kind'], string> = { overdue: '#a00000', due: '#8a5300' };

const link = (l: DigestLink) => htmlLink(l.label, l.url);

function tableRow(r: DigestRow, columns: DigestModel['columns']): string {
  const days = [r.days, ...r.notes].map(escapeHtml).join(' · ');
  // Case ids and dates stay on one line; the words may wrap on a phone.
  const nowrap = `${CELL};white-space:nowrap`;
  return [
    '<tr>',
    `<td style="${nowrap}">${escapeHtml(r.id)}</td>`,
    `<td style="${CELL}">${escapeHtml(r.category)}</td>`,
    `<td style="${CELL}">${escapeHtml(r.channel)}</td>`,
    `<td style="${nowrap}" data-label="${escapeHtml(columns.dueOn)}">${escapeHtml(r.dueOn)}</td>`,
    `<td style="${CELL}">${days}</td>`,
    '</tr>',
  ].join('');
}

function listHtml(list: DigestList, columns: DigestModel['columns']): string {
  const heads = [columns.id, columns.category, columns.channel, columns.dueOn, columns.days];
  return [
    `<h3 style="font-size:15px;margin:16px 0 4px;color:${LIST_COLOUR[list.kind]}">${escapeHtml(list.head)}</h3>`,
    '<table class="cases" style="border-collapse:collapse;font-size:14px;margin:0 0 4px;width:100%">',
    // One width per column in every table, so an agency digest's tables line up.
    '<colgroup><col style="width:22%"><col style="width:20%"><col style="width:18%"><col style="width:12%"><col></colgroup>',
    `<thead><tr>${heads.map((h) => `<th scope="col" style="${HEAD_CELL}">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${list.rows.map((r) => tableRow(r, columns)).join('')}</tbody></table>`,
    list.more === null ? '' : paragraph(list.more, 'margin:4px 0;color:#555'),
  ].join('\n');
}

function sectionHtml(section: DigestModelSection, columns: DigestModel['columns']): string {
  return [
    section.heading === null ? '' : `<h2 style="font-size:16px;margin:24px 0 4px">${escapeHtml(section.heading)}</h2>`,
    section.nothing === null ? '' : paragraph(section.nothing),
    ...section.lists.map((list) => listHtml(list, columns)),
    section.link ? link(section.link) : '',
  ].join('\n');
}

export function digestHtml(model: DigestModel): string {
  const body = [
    `<h1 style="font-size:18px;margin:0 0 8px">${escapeHtml(model.title)}</h1>`,
    model.summary === null ? '' : paragraph(model.summary),
    model.sections.map((s) => sectionHtml(s, model.columns)).join('\n'),
    model.link ? link(model.link) : '',
    htmlFooter(model.footer),
  ].join('\n');
  return mailDocument({ lang: model.lang, title: model.subject, narrowCss: NARROW, body });
}
