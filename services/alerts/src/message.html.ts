/**
 * An alert e-mail's HTML alternative part: the words of alertMail (message.ts) laid out for a glance — the severity,
 * the headline with the figure and its target, the facts (figure, 95 % interval, target, office, period, when it
 * fired), why it fired, and a button to the dashboard screen that shows it. No word is written here: every text
 * comes from the model and is escaped (escape-html, through @servq/mail's frame, shared with the weekly digest).
 * The plain text part carries the same words for clients that show no HTML.
 */
import { escapeHtml, htmlButton, htmlFooter, htmlParagraph, mailDocument } from '@servq/mail';
import type { AlertMail } from './message.model.ts';

const SEVERITY_COLOUR: Record<AlertMail['severity'], string> = { warning: '#8a5300', critical: '#a00000' };
const NAME =
  'padding:5px 16px 5px 0;border-bottom:1px solid #e3e3e3;color:#555;text-align:left;vertical-align:top;font-weight:400;white-space:nowrap';
const VALUE = 'padding:5px 0;border-bottom:1px solid #e3e3e3;vertical-align:top';
/**
 * As the digest does on a phone (below 560 px): the two-column facts table becomes blocks, each fact's name on a
 * line above its value, so a long name ("95 % ticamības intervāls") does not squeeze the value into a sliver.
 * Clients that drop the style element keep the table, which still fits; !important wins over the inline styles.
 */
const NARROW = `@media (max-width:560px){
table.facts,table.facts tbody,table.facts tr{display:block!important;width:auto!important}
table.facts tr{padding:5px 0!important;border-bottom:1px solid #e3e3e3!important}
table.facts th,table.facts td{display:block!important;padding:0!important;border:0!important;white-space:normal!important}
table.facts th{font-size:13px!important}
}`;

/**
 * Escaped text whose figures keep their units (and a target its sign) on their line ("≥ 85,0 %", "4,20 / 5"): the figure writers put a plain
 * space before the unit, and a headline wrapping "85,0" from "%)" read as two numbers on a phone.
 */
const withFigures = (text: string) =>
  escapeHtml(text).replace(
    /(?:[≥≤] )?[^\s(]+ (?:%|\/ \d+)/g,
    (figure) => `<span style="white-space:nowrap">${figure}</span>`,
  );

/** "mērķis" as the name of a row: the text part writes it mid-sentence, a table row starts with it. */
const asName = (word: string) => word.charAt(0).toLocaleUpperCase() + word.slice(1);

export function alertHtml(m: AlertMail): string {
  const a = m.words;
  const facts: [string, string][] = [
    [m.names.figure, a.figure],
    ...(a.interval ? [[m.names.interval, a.interval] as [string, string]] : []),
    ...(a.target ? [[asName(m.names.target), a.target] as [string, string]] : []),
    [m.names.office, a.place],
    ...(a.group ? [[m.names.group, a.group] as [string, string]] : []),
    [a.periodName, a.period],
    [m.names.fired, m.fired],
  ];
  const rows = facts
    .map(
      ([name, value]) =>
        `<tr><th scope="row" style="${NAME}">${escapeHtml(name)}</th><td style="${VALUE}">${withFigures(value)}</td></tr>`,
    )
    .join('');
  const colour = SEVERITY_COLOUR[m.severity];
  const body = [
    `<p style="margin:0 0 6px;color:${colour};font-weight:700;font-size:13px;text-transform:uppercase;letter-spacing:.04em">${escapeHtml(m.severityWords)}</p>`,
    `<h1 style="font-size:22px;line-height:1.3;margin:0 0 4px;color:${colour}">${withFigures(a.headline)}</h1>`,
    htmlParagraph(`${a.title} — ${a.place}`, 'margin:0 0 14px;font-size:16px'),
    `<table class="facts" style="border-collapse:collapse;font-size:15px;margin:0 0 12px">${rows}</table>`,
    `<h2 style="font-size:15px;margin:16px 0 2px">${escapeHtml(m.names.why)}</h2>`,
    `<p style="margin:0 0 8px">${withFigures(a.why)}</p>`,
    htmlButton(m.open.label, m.open.url),
    htmlFooter(m.footer.text, m.footer.url),
  ].join('\n');
  return mailDocument({ lang: m.lang, title: m.subject, narrowCss: NARROW, body });
}
