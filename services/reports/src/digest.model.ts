/**
 * The weekly digest as one model of words (built by digestModel in digest.message.ts): the plain text and the
 * HTML part are two layouts of it, so what a case says, how counts agree and which links appear are decided once.
 */
import type { Lang } from '@servq/query-api';

/** One case of a list, each part already in words; the text joins them with " · ", the HTML gives each a cell. */
export interface DigestRow {
  id: string;
  category: string;
  channel: string;
  /** The due date as the dashboard writes it (05.12.2026). */
  dueOn: string;
  /** Working days overdue or left ("nokavēta par 11 darba dienām"). */
  days: string;
  /** "termiņš pagarināts", "atkārtoti atvērta". */
  notes: string[];
}

export interface DigestList {
  kind: 'overdue' | 'due';
  head: string;
  rows: DigestRow[];
  /** "… un vēl 3" when the query API's list was cut; null otherwise. */
  more: string | null;
}

export interface DigestLink {
  label: string;
  url: string;
}

export interface DigestModelSection {
  /** The office's name when the digest covers several; null for a one-office digest (its title names it). */
  heading: string | null;
  /** The one line of a section with nothing due; null when it has lists. */
  nothing: string | null;
  lists: DigestList[];
  link: DigestLink | null;
}

export interface DigestModel {
  lang: Lang;
  subject: string;
  title: string;
  summary: string | null;
  sections: DigestModelSection[];
  /** The whole scope's link, when the digest covers several offices. */
  link: DigestLink | null;
  footer: string;
  /** The HTML table's column heads. */
  columns: { id: string; category: string; channel: string; dueOn: string; days: string };
}
