/**
 * The words of a notification, in Latvian or English: the figure, its interval, what it was held to, why it
 * fired, the period, and the dashboard link that shows it. Built from the event's figures and the query API's
 * catalogue (labels and units), so the e-mail, the webhook and the lake row say the same thing.
 */
import { Channels, Offices, ServiceLanguages } from '@servq/contracts';
import { isSingular, writtenDate, type Lang, type MetricInfo } from '@servq/query-api';
import type { Notification } from './alert.book.ts';

export interface Message {
  subject: string;
  text: string;
}

const words = {
  lv: {
    agency: 'visa ATD',
    severity: { warning: 'Brīdinājums', critical: 'Kritiski' },
    renotified: 'atgādinājums',
    period: 'Periods',
    asOf: 'Stāvoklis dienā',
    figure: 'Rādītājs',
    interval: '95 % ticamības intervāls',
    target: 'mērķis',
    why: 'Kāpēc',
    open: 'Atvērt paneli',
    footer: 'Šo ziņu nosūtīja servq brīdinājumu serviss. Apstiprināt brīdinājumu var paneļa sadaļā „Brīdinājumi”:',
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
    why: 'Why',
    open: 'Open the dashboard',
    footer: 'Sent by the servq alerts service. Acknowledge the alert on the dashboard’s Alerts screen:',
  },
} as const;

const DAY_WORDS: Record<'working_days' | 'days', Record<Lang, [string, string]>> = {
  working_days: { lv: ['darba diena', 'darba dienas'], en: ['working day', 'working days'] },
  days: { lv: ['diena', 'dienas'], en: ['day', 'days'] },
};

export function formatValue(value: number | null | undefined, unit: string | undefined, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'lv' ? 'nav datu' : 'no data';
  const number = (v: number, digits: number) =>
    v.toLocaleString(lang === 'lv' ? 'lv-LV' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  switch (unit) {
    case 'share':
      return `${number(value * 100, 1)} %`;
    case 'minutes':
      return `${number(value, 1)} min`;
    case 'working_days':
    case 'days': {
      // Words, not "darba d." / "d.", agreeing with the number as shown (the dashboard's own wording).
      const shown = number(value, 1);
      const digits = /[.,]/.test(shown) ? 1 : 0;
      const [one, many] = DAY_WORDS[unit][lang];
      return `${shown} ${isSingular(lang, value, digits) ? one : many}`;
    }
    case 'score_1_5':
      return number(value, 2);
    default:
      return number(value, 2);
  }
}

function officeName(id: string | undefined, lang: Lang): string {
  if (id === undefined) return words[lang].agency;
  return (Offices as Record<string, { name: Record<Lang, string> } | undefined>)[id]?.name[lang] ?? id;
}

function groupName(group: string, lang: Lang): string {
  const [by, id = ''] = group.split(':');
  if (by === 'language')
    return (ServiceLanguages as Record<string, { name: Record<Lang, string> }>)[id]?.name[lang] ?? id;
  if (by === 'service_channel')
    return (Channels as Record<string, { name: Record<Lang, string> }>)[id]?.name[lang] ?? id;
  return id;
}

/** A p-value as a reader expects it: two significant digits, and "p < 0.001" rather than "p = 0.0". */
export function pText(p: number | null | undefined, lang: Lang): string {
  if (p === null || p === undefined) return '';
  const decimal = (text: string) => (lang === 'lv' ? text.replace('.', ',') : text);
  return p < 0.001 ? `p < ${decimal('0.001')}` : `p = ${decimal(p.toPrecision(2))}`;
}

/** Why it fired, in the subscriber's language. */
export function why(n: Notification, metric: MetricInfo | undefined, lang: Lang): string {
  const label = metric?.label[lang] ?? n.metric_id ?? '';
  const v = (x: number | null | undefined) => formatValue(x, metric?.unit, lang);
  const p = pText(n.p_value, lang);
  const lv = lang === 'lv';
  switch (n.rule_kind) {
    case 'outside_target':
      return lv
        ? `${label} ir ${v(n.value)}, mērķis ${v(n.target)}. Viss 95 % ticamības intervāls (${v(n.interval_low)}–${v(n.interval_high)}, n = ${n.n ?? '?'}) ir ārpus mērķa, tātad tā nav nejauša svārstība.`
        : `${label} is ${v(n.value)} against a target of ${v(n.target)}. The whole 95 % confidence interval (${v(n.interval_low)}–${v(n.interval_high)}, n = ${n.n ?? '?'}) lies outside the target, so this is not noise.`;
    case 'change':
      return lv
        ? `${label} pasliktinājās: ${v(n.value)} pret ${v(n.baseline)} salīdzināmajā periodā (${p || '95 % intervāli nepārklājas'}); izmaiņa ir statistiski nozīmīga.`
        : `${label} got worse: ${v(n.value)} against ${v(n.baseline)} in the period compared (${p || 'the 95 % intervals do not overlap'}); the change is statistically significant.`;
    case 'equal_service_gap': {
      const group = groupName(n.alert_group ?? '', lang);
      return lv
        ? `${label} grupai „${group}” ir ${v(n.value)}, visiem kopā ${v(n.baseline)} (${p}, n = ${n.n ?? '?'}): atšķirība ir statistiski nozīmīga — standarts prasa vienlīdzīgu apkalpošanu.`
        : `${label} for “${group}” is ${v(n.value)} against ${v(n.baseline)} for everyone (${p}, n = ${n.n ?? '?'}): the gap is statistically significant, and the standard promises equal service.`;
    }
    case 'deadline': {
      // "1 atvērta sūdzība ir pārsniegusi", "3 atvērtas sūdzības ir pārsniegušas": the verb agrees as well.
      const count = n.value ?? 0;
      const one = isSingular(lang, count);
      if (n.alert_group === 'overdue') {
        return lv
          ? `${count} ${one ? 'atvērta sūdzība ir pārsniegusi' : 'atvērtas sūdzības ir pārsniegušas'} Iesniegumu likumā noteikto atbildes termiņu (pēc noteikuma, kas bija spēkā saņemšanas dienā).`
          : `${count} open ${one ? 'complaint is' : 'complaints are'} past the legal deadline under the Law on Submissions (the rule in force on the day each was received).`;
      }
      return lv
        ? `${count} ${one ? 'atvērtai sūdzībai' : 'atvērtām sūdzībām'} drīz beigsies likumā noteiktais atbildes termiņš.`
        : `${count} open ${one ? 'complaint reaches its' : 'complaints reach their'} legal deadline soon.`;
    }
  }
}

/**
 * The dashboard's Alerts screen, where a manager or office head acknowledges an alert: the same dashboard the
 * alert's own link opens. (The footer used to name the API call, which no reader of the e-mail makes by hand.)
 */
function alertsScreen(link: string): string {
  const url = new URL(link);
  return `${url.origin}${url.pathname}#/alerts`;
}

export function composeMessage(n: Notification, metric: MetricInfo | undefined, lang: Lang): Message {
  const w = words[lang];
  const place = officeName(n.office_id, lang);
  const title = metric?.label[lang] ?? (lang === 'lv' ? 'Sūdzību termiņi' : 'Complaint deadlines');
  const reminder = n.type === 'alert.renotified' ? ` (${w.renotified})` : '';
  const subject = `[servq] ${w.severity[n.severity]}${reminder}: ${title} — ${place}`;
  const lines = [
    `${w.severity[n.severity]}: ${title} — ${place}`,
    '',
    `${w.figure}: ${formatValue(n.value, n.rule_kind === 'deadline' ? 'count' : metric?.unit, lang)}` +
      (n.interval_low !== undefined && n.interval_low !== null
        ? ` (${w.interval} ${formatValue(n.interval_low, metric?.unit, lang)}–${formatValue(n.interval_high, metric?.unit, lang)})`
        : '') +
      (n.target !== undefined && n.target !== null ? `; ${w.target} ${formatValue(n.target, metric?.unit, lang)}` : ''),
    // Dates as the dashboard writes them (05.12.2026); the link below keeps ISO dates.
    n.rule_kind === 'deadline'
      ? `${w.asOf}: ${writtenDate(n.period_to, lang)}`
      : `${w.period}: ${writtenDate(n.period_from, lang)} – ${writtenDate(n.period_to, lang)}`,
    `${w.why}: ${why(n, metric, lang)}`,
    '',
    `${w.open}: ${n.link}`,
    '',
    `-- `,
    `${w.footer} ${alertsScreen(n.link)}`,
  ];
  return { subject, text: lines.join('\n') };
}
