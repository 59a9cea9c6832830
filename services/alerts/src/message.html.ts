/**
 * An alert e-mail's HTML alternative part: the words of alertMail (message.ts) laid out for a glance — the severity,
 * the headline with the figure and its target, the facts (figure, 95 % interval, target, office, period, when it
 * fired), why it fired, and a button to the dashboard screen that shows it; a resolution the same way, its figure now
 * first. No word is written here: every text comes from the model and is escaped (escape-html, through
 * @servq/mail's frame, shared with the weekly digest). The plain text part carries the same words for clients that
 * show no HTML.
 */
import { escapeHtml, htmlButton, htmlFooter, htmlParagraph, mailDocument } from '@servq/mail';
import type { AlertMail, ResolvedMail } from './message.model.ts';

const SEVERITY_COLOUR: Record<AlertMail['severity'], string> = { warning: '#8a5300', critical: '#a00000' };
const RESOLVED_COLOUR = '#1d6b2f';
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

/** What both e-mails lay out: a coloured status line, the headline, the facts table, a short why, the button. */
interface Layout {
  lang: string;
  subject: string;
  colour: string;
  status: string;
  headline: string;
  subtitle: string;
  facts: [string, string][];
  whyName: string;
  why: string;
  open: { label: string; url: string };
  footer: { text: string; url: string };
}

function layout(l: Layout): string {
  const rows = l.facts
    .map(
      ([name, value]) =>
        `<tr><th scope="row" style="${NAME}">${escapeHtml(name)}</th><td style="${VALUE}">${withFigures(value)}</td></tr>`,
    )
    .join('');
  const body = [
    `<p style="margin:0 0 6px;color:${l.colour};font-weight:700;font-size:13px;text-transform:uppercase;letter-spacing:.04em">${escapeHtml(l.status)}</p>`,
    `<h1 style="font-size:22px;line-height:1.3;margin:0 0 4px;color:${l.colour}">${withFigures(l.headline)}</h1>`,
    htmlParagraph(l.subtitle, 'margin:0 0 14px;font-size:16px'),
    `<table class="facts" style="border-collapse:collapse;font-size:15px;margin:0 0 12px">${rows}</table>`,
    `<h2 style="font-size:15px;margin:16px 0 2px">${escapeHtml(l.whyName)}</h2>`,
    `<p style="margin:0 0 8px">${withFigures(l.why)}</p>`,
    htmlButton(l.open.label, l.open.url),
    htmlFooter(l.footer.text, l.footer.url),
  ].join('\n');
  return mailDocument({ lang: l.lang, title: l.subject, narrowCss: NARROW, body });
}

const optional = (name: string, value: string | null): [string, string][] => (value ? [[name, value]] : []);

export function alertHtml(m: AlertMail): string {
  const a = m.words;
  return layout({
    lang: m.lang,
    subject: m.subject,
    colour: SEVERITY_COLOUR[m.severity],
    status: m.severityWords,
    headline: a.headline,
    subtitle: `${a.title} — ${a.place}`,
    facts: [
      ...(a.firstFact ? [[a.firstFact.name, a.firstFact.value] as [string, string]] : []),
      ...optional(m.names.interval, a.interval),
      ...optional(asName(m.names.target), a.target),
      [m.names.office, a.place],
      ...optional(m.names.group, a.group),
      [a.periodName, a.period],
      [m.names.fired, m.fired],
    ],
    whyName: m.names.why,
    why: a.why,
    open: m.open,
    footer: m.footer,
  });
}

/** A resolution: the figure now first, then what it was and since when, in the colour of a good verdict. */
export function resolvedHtml(m: ResolvedMail): string {
  const a = m.words;
  return layout({
    lang: m.lang,
    subject: m.subject,
    colour: RESOLVED_COLOUR,
    status: m.status,
    headline: a.headline,
    subtitle: `${a.title} — ${a.place}`,
    facts: [
      ...(a.firstFact ? [[a.firstFact.name, a.firstFact.value] as [string, string]] : []),
      ...optional(m.names.interval, a.interval),
      ...optional(asName(m.names.target), a.target),
      [a.periodName, a.period],
      [m.names.office, a.place],
      ...optional(m.names.group, a.group),
      // The history last: what it was when last notified, since when, until when.
      [m.names.was, m.was],
      [m.names.fired, m.fired],
      [m.names.resolved, m.resolved],
    ],
    whyName: m.names.whyResolved,
    why: a.why,
    open: m.open,
    footer: m.footer,
  });
}
