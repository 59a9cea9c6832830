/**
 * The words of a notification, in Latvian or English: the figure, its interval, what it was held to, why it
 * fired, the period, and the dashboard link that shows it; the e-mail lays them out as plain text and as HTML
 * (message.html.ts) from one model. Built from the event's figures and the query API's
 * catalogue (labels and units), so the e-mail, the webhook and the lake row say the same thing.
 */
import { Channels, NO_OFFICE_NAME, Offices, ServiceLanguages, workingDaysBetween } from '@servq/contracts';
import {
  formatCount,
  formatInterval,
  formatP,
  formatValue,
  formatWorkingDayCount,
  isSingular,
  writtenDate,
  writtenDateTime,
  writtenNumber,
  type Lang,
  type MetricInfo,
  type Unit,
} from '@servq/query-api';
import type { Notification } from './alert.book.ts';
import { alertHtml } from './message.html.ts';
import type { AlertMail, AlertWords } from './message.model.ts';

export interface Message {
  subject: string;
  text: string;
  /** The same words laid out as HTML (the e-mail's alternative part); the webhook sends only the text. */
  html: string;
}

/** Every word of the alerts' e-mails and page, in both languages (the resolution's e-mail takes its own from here). */
export const mailWords = {
  lv: {
    agency: 'visa ATD',
    severity: { warning: 'Brīdinājums', critical: 'Kritiski' },
    renotified: 'atgādinājums',
    period: 'Periods',
    asOf: 'Stāvoklis dienā',
    figure: 'Rādītājs',
    interval: '95 % ticamības intervāls',
    target: 'mērķis',
    noData: 'nav datu',
    was: 'bija',
    everyone: 'visiem',
    why: 'Kāpēc',
    office: 'Nodaļa',
    group: 'Grupa',
    fired: { 'alert.raised': 'Izsaukts', 'alert.renotified': 'Atgādināts' },
    open: 'Atvērt paneli',
    footer: 'Šo ziņu nosūtīja servq brīdinājumu serviss. Apstiprināt brīdinājumu var paneļa sadaļā „Brīdinājumi”:',
    oldestDue: 'Vecākais termiņš',
    nearestDue: 'Tuvākais termiņš',
    today: 'šodien',
    late: (days: string) => `kavējums ${days}`,
    left: (days: string) => `līdz tam ${days}`,
    resolved: 'Atrisināts',
    now: 'Rādītājs tagad',
    whyResolved: 'Kāpēc atrisināts',
    resolvedFooter: 'Šo ziņu nosūtīja servq brīdinājumu serviss. Atvērtie brīdinājumi ir paneļa sadaļā „Brīdinājumi”:',
  },
  en: {
    agency: 'all of ATD',
    severity: { warning: 'Warning', critical: 'Critical' },
    renotified: 'reminder',
    period: 'Period',
    asOf: 'As of',
    figure: 'Figure',
    interval: '95 % confidence interval',
    target: 'target',
    noData: 'no data',
    was: 'was',
    everyone: 'all',
    why: 'Why',
    office: 'Office',
    group: 'Group',
    fired: { 'alert.raised': 'Fired', 'alert.renotified': 'Reminded' },
    open: 'Open the dashboard',
    footer: 'Sent by the servq alerts service. Acknowledge the alert on the dashboard’s Alerts screen:',
    oldestDue: 'Oldest deadline',
    nearestDue: 'Nearest deadline',
    today: 'today',
    late: (days: string) => `${days} late`,
    left: (days: string) => `${days} left`,
    resolved: 'Resolved',
    now: 'Figure now',
    whyResolved: 'Why resolved',
    resolvedFooter: 'Sent by the servq alerts service. Open alerts are on the dashboard’s Alerts screen:',
  },
} as const;

/**
 * A figure with its unit as the dashboard writes it ("62,5 %", "4,20 / 5", "+29"), by servq's one formatter; a
 * metric the catalogue no longer lists has no unit, so its number is written plain.
 */
export function figure(value: number | null | undefined, unit: Unit | undefined, lang: Lang): string {
  if (value === null || value === undefined) return mailWords[lang].noData;
  return unit ? formatValue(unit, value, lang) : writtenNumber(lang, value, 2, false, true);
}

/** The interval with its unit once ("47,0–76,0 %"), as on the dashboard. */
function interval(n: Notification, unit: Unit | undefined, lang: Lang): string {
  if (n.interval_low === undefined || n.interval_low === null) return '';
  if (n.interval_high === undefined || n.interval_high === null) return '';
  const bounds = { low: n.interval_low, high: n.interval_high };
  return unit
    ? formatInterval(unit, bounds, lang)
    : `${figure(bounds.low, unit, lang)}–${figure(bounds.high, unit, lang)}`;
}

/** What a bracket says beside the figure, joined: an unknown sample size or p-value is left out, not "n = ?". */
function bracket(...parts: string[]): string {
  const known = parts.filter((part) => part !== '');
  return known.length > 0 ? ` (${known.join(', ')})` : '';
}

/** Where the alert is: an office by name, the records with no office (never "all of ATD"), or the whole agency. */
function placeName(n: Pick<Notification, 'office_id' | 'no_office'>, lang: Lang): string {
  if (n.no_office) return NO_OFFICE_NAME[lang];
  if (n.office_id === undefined) return mailWords[lang].agency;
  return (
    (Offices as Record<string, { name: Record<Lang, string> } | undefined>)[n.office_id]?.name[lang] ?? n.office_id
  );
}

function groupName(group: string, lang: Lang): string {
  const [by, id = ''] = group.split(':');
  if (by === 'language')
    return (ServiceLanguages as Record<string, { name: Record<Lang, string> }>)[id]?.name[lang] ?? id;
  if (by === 'service_channel')
    return (Channels as Record<string, { name: Record<Lang, string> }>)[id]?.name[lang] ?? id;
  return id;
}

/** Why it fired, in the subscriber's language. */
export function why(n: Notification, metric: MetricInfo | undefined, lang: Lang): string {
  const label = metric?.label[lang] ?? n.metric_id ?? '';
  const v = (x: number | null | undefined) => figure(x, metric?.unit, lang);
  const p = n.p_value === null || n.p_value === undefined ? '' : formatP(n.p_value, lang);
  const size = n.n === null || n.n === undefined ? '' : `n = ${formatCount(n.n, lang)}`;
  const lv = lang === 'lv';
  switch (n.rule_kind) {
    case 'outside_target':
      return lv
        ? `${label} ir ${v(n.value)}, mērķis ${v(n.target)}. Viss 95 % ticamības intervāls${bracket(interval(n, metric?.unit, lang), size)} ir ārpus mērķa, tātad tā nav nejauša svārstība.`
        : `${label} is ${v(n.value)} against a target of ${v(n.target)}. The whole 95 % confidence interval${bracket(interval(n, metric?.unit, lang), size)} lies outside the target, so this is not noise.`;
    case 'change':
      return lv
        ? `${label} pasliktinājās: ${v(n.value)} pret ${v(n.baseline)} salīdzināmajā periodā (${p || '95 % intervāli nepārklājas'}); izmaiņa ir statistiski nozīmīga.`
        : `${label} got worse: ${v(n.value)} against ${v(n.baseline)} in the period compared (${p || 'the 95 % intervals do not overlap'}); the change is statistically significant.`;
    case 'equal_service_gap': {
      const group = groupName(n.alert_group ?? '', lang);
      return lv
        ? `${label} grupai „${group}” ir ${v(n.value)}, visiem kopā ${v(n.baseline)}${bracket(p, size)}: atšķirība ir statistiski nozīmīga — standarts prasa vienlīdzīgu apkalpošanu.`
        : `${label} for “${group}” is ${v(n.value)} against ${v(n.baseline)} for everyone${bracket(p, size)}: the gap is statistically significant, and the standard promises equal service.`;
    }
    case 'deadline': {
      // "1 atvērta sūdzība ir pārsniegusi", "3 atvērtas sūdzības ir pārsniegušas": the verb agrees as well.
      const count = n.value ?? 0;
      const one = isSingular(lang, count);
      const written = formatCount(count, lang);
      if (n.alert_group === 'overdue') {
        return lv
          ? `${written} ${one ? 'atvērta sūdzība ir pārsniegusi' : 'atvērtas sūdzības ir pārsniegušas'} Iesniegumu likumā noteikto atbildes termiņu (pēc noteikuma, kas bija spēkā saņemšanas dienā).`
          : `${written} open ${one ? 'complaint is' : 'complaints are'} past the legal deadline under the Law on Submissions (the rule in force on the day each was received).`;
      }
      return lv
        ? `${written} ${one ? 'atvērtai sūdzībai' : 'atvērtām sūdzībām'} drīz beigsies likumā noteiktais atbildes termiņš.`
        : `${written} open ${one ? 'complaint reaches its' : 'complaints reach their'} legal deadline soon.`;
    }
  }
}

/**
 * The dashboard's Alerts screen, where a manager or office head acknowledges an alert: the same dashboard the
 * alert's own link opens. (The footer used to name the API call, which no reader of the e-mail makes by hand.)
 */
export function alertsScreen(link: string): string {
  const url = new URL(link);
  return `${url.origin}${url.pathname}#/alerts`;
}

/** A metric's short name for a subject: the acronym its label ends with ("… (CSAT)"), else the whole label. */
function shortName(label: string): string {
  return /\(([A-Z]{2,})\)$/.exec(label)?.[1] ?? label;
}

/**
 * What broke and how much, short enough for a phone's mail list: "CSAT 78,1 % (mērķis ≥ 85,0 %)",
 * "3 nokavētas sūdzības". The figure comes first, so a cut-off subject still shows it.
 */
function headline(n: Notification, metric: MetricInfo | undefined, lang: Lang): string {
  const w = mailWords[lang];
  const lv = lang === 'lv';
  if (n.rule_kind === 'deadline') {
    const count = n.value ?? 0;
    const one = isSingular(lang, count);
    const written = formatCount(count, lang);
    if (n.alert_group === 'overdue')
      return lv
        ? `${written} ${one ? 'nokavēta sūdzība' : 'nokavētas sūdzības'}`
        : `${written} overdue ${one ? 'complaint' : 'complaints'}`;
    return lv
      ? `${written} ${one ? 'sūdzībai' : 'sūdzībām'} drīz termiņš`
      : `${written} ${one ? 'complaint' : 'complaints'} due soon`;
  }
  const name = shortName(metric?.label[lang] ?? n.metric_id ?? '');
  const v = (x: number | null | undefined) => figure(x, metric?.unit, lang);
  const has = (x: number | null | undefined): x is number => x !== null && x !== undefined;
  switch (n.rule_kind) {
    case 'outside_target': {
      const held = metric?.direction === 'lower_is_better' ? '≤' : '≥';
      return `${name} ${v(n.value)}${has(n.target) ? ` (${w.target} ${held} ${v(n.target)})` : ''}`;
    }
    case 'change':
      return `${name} ${v(n.value)}${has(n.baseline) ? ` (${w.was} ${v(n.baseline)})` : ''}`;
    case 'equal_service_gap':
      return `${name} ${v(n.value)}: ${groupName(n.alert_group ?? '', lang)}${has(n.baseline) ? ` (${w.everyone} ${v(n.baseline)})` : ''}`;
  }
}

/**
 * The facts' first row. The deadline clock's headline already is its count ("3 nokavētas sūdzības"), so its row
 * tells what the count does not: the earliest due date of the list and how far it is from the day counted (how
 * late the longest overdue is, how soon the nearest falls due), on the working calendar the law counts in. An
 * event from before due dates were kept has none: no row, rather than the count again.
 */
function firstFact(n: Notification, unit: Unit | undefined, lang: Lang): AlertWords['firstFact'] {
  const w = mailWords[lang];
  if (n.rule_kind !== 'deadline') return { name: w.figure, value: figure(n.value, unit, lang) };
  if (n.due_date === undefined) return null;
  const overdue = n.alert_group === 'overdue';
  const days = overdue ? workingDaysBetween(n.due_date, n.period_to) : workingDaysBetween(n.period_to, n.due_date);
  const distance =
    days === 0
      ? overdue
        ? ''
        : `, ${w.today}`
      : `, ${(overdue ? w.late : w.left)(formatWorkingDayCount(days, lang))}`;
  return { name: overdue ? w.oldestDue : w.nearestDue, value: `${writtenDate(n.due_date, lang)}${distance}` };
}

export function alertWords(n: Notification, metric: MetricInfo | undefined, lang: Lang): AlertWords {
  const w = mailWords[lang];
  const unit = n.rule_kind === 'deadline' ? 'count' : metric?.unit;
  const span = interval(n, metric?.unit, lang);
  const group = n.alert_group && n.rule_kind === 'equal_service_gap' ? groupName(n.alert_group, lang) : null;
  return {
    severity: w.severity[n.severity],
    title: metric?.label[lang] ?? (lang === 'lv' ? 'Sūdzību termiņi' : 'Complaint deadlines'),
    place: placeName(n, lang),
    group,
    headline: headline(n, metric, lang),
    figure: figure(n.value, unit, lang),
    firstFact: firstFact(n, unit, lang),
    interval: span || null,
    target: n.target !== undefined && n.target !== null ? figure(n.target, metric?.unit, lang) : null,
    // Dates as the dashboard writes them (05.12.2026); links keep ISO dates.
    period:
      n.rule_kind === 'deadline'
        ? writtenDate(n.period_to, lang)
        : `${writtenDate(n.period_from, lang)} – ${writtenDate(n.period_to, lang)}`,
    periodName: n.rule_kind === 'deadline' ? w.asOf : w.period,
    why: why(n, metric, lang),
  };
}

export function alertMail(n: Notification, metric: MetricInfo | undefined, lang: Lang): AlertMail {
  const w = mailWords[lang];
  const a = alertWords(n, metric, lang);
  const reminder = n.type === 'alert.renotified' ? ` (${w.renotified})` : '';
  return {
    lang,
    subject: `[servq] ${a.severity}${reminder}: ${a.headline} — ${a.place}`,
    severity: n.severity,
    severityWords: `${a.severity}${reminder}`,
    words: a,
    names: {
      figure: w.figure,
      interval: w.interval,
      target: w.target,
      office: w.office,
      group: w.group,
      why: w.why,
      fired: w.fired[n.type],
    },
    fired: writtenDateTime(n.occurred_at, lang),
    open: { label: w.open, url: n.link },
    footer: { text: w.footer, url: alertsScreen(n.link) },
  };
}

/** The text part's first fact with the interval and target beside it, as one line (none without a first fact). */
export function firstLine(a: AlertWords, names: Pick<AlertMail['names'], 'interval' | 'target'>): string[] {
  if (!a.firstFact) return [];
  return [
    `${a.firstFact.name}: ${a.firstFact.value}` +
      (a.interval ? ` (${names.interval} ${a.interval})` : '') +
      (a.target ? `; ${names.target} ${a.target}` : ''),
  ];
}

export function alertText(m: AlertMail): string {
  const a = m.words;
  const lines = [
    `${a.severity}: ${a.title} — ${a.place}`,
    '',
    ...firstLine(a, m.names),
    `${a.periodName}: ${a.period}`,
    `${m.names.why}: ${a.why}`,
    ...closingLines(m),
  ];
  return lines.join('\n');
}

/** How every text part ends: the dashboard link, then the signature with the Alerts screen's. */
export function closingLines(m: Pick<AlertMail, 'open' | 'footer'>): string[] {
  return ['', `${m.open.label}: ${m.open.url}`, '', `-- `, `${m.footer.text} ${m.footer.url}`];
}

export function composeMessage(n: Notification, metric: MetricInfo | undefined, lang: Lang): Message {
  const mail = alertMail(n, metric, lang);
  return { subject: mail.subject, text: alertText(mail), html: alertHtml(mail) };
}
