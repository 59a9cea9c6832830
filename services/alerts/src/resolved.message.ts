/**
 * The e-mail of a resolved alert, in Latvian or English: what was wrong (the newest notification's headline), since
 * when (the raised event's time), the figure now (the reading of the evaluation that resolved it) and why it counts
 * as resolved. Worded by the alert's own words (message.ts), so the figure now is written exactly as the alert wrote
 * the figure then; laid out as plain text (below) and HTML (message.html.ts) like an alert.
 */
import { formatCount, isSingular, writtenDateTime, type Lang, type MetricInfo } from '@servq/query-api';
import type { Notification, Resolution } from './alert.book.ts';
import { alertsScreen, alertWords, closingLines, firstLine, mailWords, type Message } from './message.ts';
import { resolvedHtml } from './message.html.ts';
import type { ResolvedMail } from './message.model.ts';

/** The alert's newest notification with the figures of the evaluation that resolved it (none it did not read). */
function withFiguresNow({ resolved, latest }: Resolution): Notification {
  const now: Notification = {
    ...latest,
    value: resolved.value ?? null,
    interval_low: resolved.interval_low,
    interval_high: resolved.interval_high,
    target: resolved.target,
    baseline: resolved.baseline,
    n: resolved.n,
    // Without a reading (no data in the period), the period is the last one the alert was judged on.
    period_from: resolved.period_from ?? latest.period_from,
    period_to: resolved.period_to ?? latest.period_to,
  };
  for (const key of ['interval_low', 'interval_high', 'target', 'baseline', 'n'] as const)
    if (now[key] === undefined) delete now[key];
  // A cleared deadline list has no due date now.
  delete now.due_date;
  return now;
}

/** Why the condition no longer holds, by its rule, and after how many clean evaluations. */
export function whyResolved(r: Resolution, metric: MetricInfo | undefined, lang: Lang): string {
  const lv = lang === 'lv';
  const { title, group } = alertWords(r.latest, metric, lang);
  const n = r.resolved.clean_evaluations;
  const one = isSingular(lang, n);
  const count = formatCount(n, lang);
  const after = lv
    ? `Atrisināts pēc ${count} ${one ? 'novērtējuma' : 'secīgiem novērtējumiem'} bez problēmas.`
    : `Resolved after ${count} clean ${one ? 'evaluation' : 'evaluations in a row'}.`;
  const because = (() => {
    switch (r.latest.rule_kind) {
      case 'outside_target':
        return lv
          ? `Rādītāja „${title}” 95 % ticamības intervāls vairs nav pilnībā ārpus mērķa.`
          : `The 95 % confidence interval of ${title} no longer lies wholly outside the target.`;
      case 'change':
        return lv
          ? `Rādītāja „${title}” pasliktinājums vairs nav statistiski nozīmīgs.`
          : `The change for the worse in ${title} is no longer statistically significant.`;
      case 'equal_service_gap':
        return lv
          ? `Rādītāja „${title}” atšķirība grupai „${group ?? ''}” vairs nav statistiski nozīmīga.`
          : `The gap in ${title} for “${group ?? ''}” is no longer statistically significant.`;
      case 'deadline':
        if (r.latest.alert_group === 'overdue')
          return lv
            ? 'Nevienai atvērtai sūdzībai vairs nav pārsniegts likumā noteiktais atbildes termiņš.'
            : 'No open complaint is past its legal deadline any more.';
        return lv
          ? 'Nevienai atvērtai sūdzībai drīz nebeidzas likumā noteiktais atbildes termiņš.'
          : 'No open complaint reaches its legal deadline soon.';
    }
  })();
  return `${because} ${after}`;
}

export function resolvedMail(r: Resolution, metric: MetricInfo | undefined, lang: Lang): ResolvedMail {
  const w = mailWords[lang];
  const now = alertWords(withFiguresNow(r), metric, lang);
  const words = {
    ...now,
    // The figure now; for the deadline clock the headline is the count now ("0 nokavētas sūdzības"), said once.
    firstFact: r.latest.rule_kind === 'deadline' ? null : { name: w.now, value: now.figure },
    why: whyResolved(r, metric, lang),
  };
  return {
    lang,
    subject: `[servq] ${w.resolved}: ${now.headline} — ${now.place}`,
    status: w.resolved,
    words,
    was: alertWords(r.latest, metric, lang).headline,
    names: {
      figure: w.figure,
      interval: w.interval,
      target: w.target,
      office: w.office,
      group: w.group,
      why: w.why,
      fired: w.fired['alert.raised'],
      now: w.now,
      was: w.was.charAt(0).toLocaleUpperCase() + w.was.slice(1),
      resolved: w.resolved,
      whyResolved: w.whyResolved,
    },
    fired: writtenDateTime(r.raised.occurred_at, lang),
    resolved: writtenDateTime(r.resolved.occurred_at, lang),
    // The view of the figure now; an alert resolved without one opens on the period it was last judged on.
    open: { label: w.open, url: r.resolved.link ?? r.latest.link },
    footer: { text: w.resolvedFooter, url: alertsScreen(r.latest.link) },
  };
}

export function resolvedText(m: ResolvedMail): string {
  const a = m.words;
  const lines = [
    `${m.status}: ${a.title} — ${a.place}`,
    '',
    ...firstLine(a, m.names),
    `${a.periodName}: ${a.period}`,
    `${m.names.was}: ${m.was}`,
    `${m.names.fired}: ${m.fired}`,
    `${m.names.resolved}: ${m.resolved}`,
    `${m.names.whyResolved}: ${a.why}`,
    ...closingLines(m),
  ];
  return lines.join('\n');
}

export function composeResolvedMessage(r: Resolution, metric: MetricInfo | undefined, lang: Lang): Message {
  const mail = resolvedMail(r, metric, lang);
  return { subject: mail.subject, text: resolvedText(mail), html: resolvedHtml(mail) };
}
