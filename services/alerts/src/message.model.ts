/**
 * An alert as words (message.ts builds them): the page's row and the e-mail share AlertWords; the e-mail's plain text
 * and HTML part are two layouts of AlertMail. Types only, so the layouts import the model and not each other.
 */
import type { Lang } from '@servq/query-api';
import type { Notification } from './alert.book.ts';

/**
 * A notification as a person reads it — the e-mail's heading, figure line and period, and the page's row alike,
 * so the two never word the same alert differently. The event's English `reason` is left to machines (logs, the
 * webhook's JSON).
 */
export interface AlertWords {
  severity: string;
  /** The metric's label from the catalogue (for the deadline clock, what it watches). */
  title: string;
  /** The office by name, or the whole agency. */
  place: string;
  /** A group beyond the office by name ("krievu"), or null. */
  group: string | null;
  /** What broke and how much, as the subject says it. */
  headline: string;
  figure: string;
  /**
   * The facts' first row: the figure, or for the deadline clock (whose headline is the count) the earliest due
   * date and how far it is ("Vecākais termiņš", "20.11.2026, kavējums 8 darba dienas"); null when there is none.
   */
  firstFact: { name: string; value: string } | null;
  interval: string | null;
  target: string | null;
  /** The evaluated period, or for the deadline clock the day it counted from, as the dashboard writes dates. */
  period: string;
  /** What `period` is: "Periods", or "Stāvoklis dienā" for the deadline clock. */
  periodName: string;
  why: string;
}

/**
 * One alert e-mail as words, laid out twice: as plain text (below) and as HTML (message.html.ts). Both take every
 * word from here, so the two parts cannot say different things.
 */
export interface AlertMail {
  lang: Lang;
  subject: string;
  severity: Notification['severity'];
  /** The severity in words, with "(reminder)" for a reminder: "Warning (reminder)". */
  severityWords: string;
  words: AlertWords;
  /** Names of the facts, as the text part writes them before a colon. */
  names: {
    figure: string;
    interval: string;
    target: string;
    office: string;
    group: string;
    why: string;
    fired: string;
  };
  /** When this notification fired (a reminder: when it was sent again), as the dashboard writes times. */
  fired: string;
  open: { label: string; url: string };
  footer: { text: string; url: string };
}

/**
 * A resolution e-mail as words: the alert worded with its figures now (the headline, figure, interval, target and
 * period of the evaluation that resolved it), what it was when last notified, since when, and why it counts as
 * resolved. Laid out as plain text (resolved.message.ts) and HTML (message.html.ts) like an alert.
 */
export interface ResolvedMail {
  lang: Lang;
  subject: string;
  /** "Atrisināts", "Resolved": where an alert's e-mail states its severity. */
  status: string;
  /** The alert with its figures now; `why` says why it counts as resolved. */
  words: AlertWords;
  /** The headline of the newest notification: what was wrong, as the last e-mail said it. */
  was: string;
  names: AlertMail['names'] & { now: string; was: string; resolved: string; whyResolved: string };
  /** When the alert was raised (since when), and when it resolved, as the dashboard writes times. */
  fired: string;
  resolved: string;
  open: { label: string; url: string };
  footer: { text: string; url: string };
}
