/**
 * What the service's own page (alerts.page.ts) shows, worded on the server in the page's language: each open
 * alert as its e-mail words it (message.ts: the metric's label from the query API's catalogue, the figure and
 * target by servq's figure writers, the office by name) with when it fired, and the history as sentences.
 * The page's inline script only places these strings; it never sees the events' English `reason`, which stays
 * for machines (the events, the JSON API, logs).
 */
import type { AlertEvent } from '@servq/contracts';
import { writtenDateTime, type Lang, type MetricInfo } from '@servq/query-api';
import type { AlertBook, Notification, OpenAlert } from './alert.book.ts';
import { alertWords } from './message.ts';

export interface PageAlert {
  alert_id: string;
  severity: 'warning' | 'critical';
  severity_words: string;
  office: string;
  /** The metric's label and, for a group rule, the group ("Klientu apmierinātība (CSAT) — krievu"). */
  title: string;
  figure: string;
  interval: string | null;
  /**
   * For the deadline clock, whose figure is its count: the list's earliest due date and how far it is, as the
   * e-mail's first fact says it ("Vecākais termiņš: 20.11.2026, kavējums 7 darba dienas"); null otherwise.
   */
  due: string | null;
  target: string | null;
  period: string;
  fired_at: string;
  link: string;
  /**
   * Who acknowledged it and when, as pieces the page never breaks inside (["✓ dev-management,", "01.12.2026 10:00"]):
   * a token id is one word, and "dev-" over "management" read as two.
   */
  acknowledged: string[] | null;
}

export interface PageEvent {
  time: string;
  event: string;
  /** What the alert is about and where ("CSAT 78,1 % (mērķis ≥ 85,0 %) — Cēsu reģionālā nodaļa"). */
  about: string;
  /** Who, as pieces never broken inside: an id stays whole, a sentence is its words. */
  who: string[];
}

export interface PageView {
  alerts: PageAlert[];
  events: PageEvent[];
}

const WORDS = {
  lv: {
    event: {
      'alert.raised': 'Izsaukts',
      'alert.renotified': 'Atgādināts',
      'alert.resolved': 'Atrisināts',
      'alert.acknowledged': 'Apstiprināts',
      'alert.delivered': 'Piegādāts',
    },
    acknowledged: (who: string, time: string) => [`✓ ${who},`, time],
    channel: { email: 'e-pasts', webhook: 'tīmekļa āķis' },
    clean: (n: number) => `${n} tīras pārbaudes pēc kārtas`,
  },
  en: {
    event: {
      'alert.raised': 'Raised',
      'alert.renotified': 'Reminded',
      'alert.resolved': 'Resolved',
      'alert.acknowledged': 'Acknowledged',
      'alert.delivered': 'Delivered',
    },
    acknowledged: (who: string, time: string) => [`✓ ${who},`, time],
    channel: { email: 'e-mail', webhook: 'webhook' },
    clean: (n: number) => `${n} clean evaluations in a row`,
  },
} as const;

type MetricLookup = (id: string | undefined) => MetricInfo | undefined;

function pageAlert(alert: OpenAlert, metricInfo: MetricLookup, lang: Lang): PageAlert {
  const n = alert.latest;
  const a = alertWords(n, metricInfo(n.metric_id), lang);
  const ack = alert.acknowledged;
  return {
    alert_id: alert.alertId,
    severity: n.severity,
    severity_words: a.severity,
    office: a.place,
    title: a.group ? `${a.title} — ${a.group}` : a.title,
    // The deadline clock's figure is a count of complaints: the headline says of which list ("3 nokavētas sūdzības").
    figure: n.rule_kind === 'deadline' ? a.headline : a.figure,
    interval: a.interval,
    due: n.rule_kind === 'deadline' && a.firstFact ? `${a.firstFact.name}: ${a.firstFact.value}` : null,
    target: a.target,
    period: a.period,
    fired_at: writtenDateTime(alert.raised.occurred_at, lang),
    link: n.link,
    acknowledged: ack ? WORDS[lang].acknowledged(ack.acknowledged_by, writtenDateTime(ack.occurred_at, lang)) : null,
  };
}

function who(event: AlertEvent, lang: Lang): string[] {
  switch (event.type) {
    case 'alert.acknowledged':
      return [event.acknowledged_by];
    case 'alert.delivered':
      return [event.subscriber_id, `(${WORDS[lang].channel[event.delivery_channel]})`];
    case 'alert.resolved':
      return WORDS[lang].clean(event.clean_evaluations).split(' ');
    default:
      return [];
  }
}

/**
 * The page's view of what `principal` may see: open alerts newest first, the newest `limit` events newest first.
 * An acknowledgement, resolution or delivery names only its alert, so it is described by its alert's newest
 * notification in the history.
 */
export function pageView(
  book: AlertBook,
  visible: (officeId: string | undefined) => boolean,
  metricInfo: MetricLookup,
  lang: Lang,
  limit: number,
): PageView {
  const alerts = book
    .open()
    .filter((a) => visible(a.raised.office_id))
    .sort((a, b) => b.latest.occurred_at.localeCompare(a.latest.occurred_at))
    .map((a) => pageAlert(a, metricInfo, lang));
  const history = book.history().filter((e) => visible(e.office_id));
  const about = new Map<string, Notification>();
  for (const e of history) if (e.type === 'alert.raised' || e.type === 'alert.renotified') about.set(e.alert_id, e);
  const events = history
    .slice(-limit)
    .reverse()
    .map((e) => {
      const n = about.get(e.alert_id);
      const a = n ? alertWords(n, metricInfo(n.metric_id), lang) : undefined;
      return {
        time: writtenDateTime(e.occurred_at, lang),
        event: WORDS[lang].event[e.type],
        about: a ? `${a.headline} — ${a.place}` : e.rule_id,
        who: who(e, lang),
      };
    });
  return { alerts, events };
}
