/**
 * The weekly deadline digest as words: one e-mail per subscriber (plain text with an HTML alternative, both laid out
 * from one model), in Latvian or English, listing per
 * office the open complaints past their legal deadline and those due within N working days, by case id (never
 * anything personal), with category, channel, due date, working days overdue or left, and a link to the
 * dashboard's Complaints screen with the office filter. Pure: the figures are the query API's /v1/complaints/due.
 */
import {
  formatCount,
  isSingular,
  writtenDate,
  writtenWeek,
  type DueAnswer,
  type DueComplaint,
  type Lang,
} from '@servq/query-api';
import { digestHtml } from './digest.html.ts';
import type { DigestList, DigestModel, DigestModelSection, DigestRow } from './digest.model.ts';
import type { Week } from './week.ts';

export interface DigestSection {
  /** Null: complaints that concern no office (an e-service, say). */
  office: string | null;
  officeName: string;
  complaints: readonly DueComplaint[];
  /** Every complaint, even when the list was cut at the query API's limit. */
  counts: DueAnswer['counts'];
  /** The Complaints screen filtered to the office (for complaints without one, to them: office=no-office). */
  link?: string | undefined;
}

export interface DigestInput {
  lang: Lang;
  week: Week;
  /** The day the deadlines are counted from (the query API's `asOf`). */
  asOf: string;
  within: number;
  /** The office's name, or the whole agency. */
  scopeName: string;
  sections: readonly DigestSection[];
  /** The Complaints screen for the whole scope. */
  link: string;
}

export interface DigestLabels {
  category(id: string | null): string;
  channel(id: string | null): string;
}

export interface DigestMessage {
  subject: string;
  text: string;
  /** The same digest as an HTML alternative part: a table per list. */
  html: string;
}

/**
 * Counts are written by servq's one formatter (formatCount, digit grouping as on the page), and counts of working
 * days agree with their number by servq's one singular rule (isSingular).
 */
const WORDS = {
  lv: {
    agency: 'visa ATD',
    title: (week: string, scope: string) => `Sūdzību termiņi · ${week} · ${scope}`,
    // Each count before its words, as in the subject: "termiņš 5 darba dienu laikā 5" set the window's number
    // beside the count.
    summary: (asOf: string, overdue: number, due: number, within: number) =>
      `Stāvoklis ${asOf}: ${formatCount(overdue, 'lv')} ${isSingular('lv', overdue) ? 'nokavēta' : 'nokavētas'}, ` +
      `${formatCount(due, 'lv')} jāatbild ${within} darba ${isSingular('lv', within) ? 'dienas' : 'dienu'} laikā.`,
    law: 'Termiņi pēc Iesniegumu likuma redakcijas, kas bija spēkā sūdzības saņemšanas dienā.',
    overdueIn: (offices: string) => `Nokavētas: ${offices}.`,
    nothing: (asOf: string, within: number) =>
      `${asOf} nav nevienas atvērtas sūdzības ar nokavētu termiņu vai termiņu ${within} darba dienu laikā.`,
    overdueHead: (n: number) => `Nokavētas (${formatCount(n, 'lv')})`,
    dueHead: (within: number, n: number) => `Termiņš ${within} darba dienu laikā (${formatCount(n, 'lv')})`,
    due: (date: string) => `termiņš ${date}`,
    late: (n: number) => `nokavēta par ${formatCount(n, 'lv')} ${isSingular('lv', n) ? 'darba dienu' : 'darba dienām'}`,
    left: (n: number) =>
      n === 0
        ? 'termiņš šodien'
        : isSingular('lv', n)
          ? `atlikusi ${formatCount(n, 'lv')} darba diena`
          : `atlikušas ${formatCount(n, 'lv')} darba dienas`,
    extended: 'termiņš pagarināts',
    reopened: 'atkārtoti atvērta',
    more: (n: number) => `… un vēl ${formatCount(n, 'lv')} (visas skatā zemāk)`,
    screen: 'Sūdzību skats',
    screenAll: 'Sūdzību skats, visas nodaļas',
    subject: (week: string, scope: string, overdue: number, due: number) =>
      overdue + due === 0
        ? `servq sūdzību termiņi ${week}: ${scope} — nekas nav nokavēts vai drīz jāatbild`
        : `servq sūdzību termiņi ${week}: ${scope} — ${formatCount(overdue, 'lv')} ${isSingular('lv', overdue) ? 'nokavēta' : 'nokavētas'}, ${formatCount(due, 'lv')} drīz jāatbild`,
    footer:
      'Šo kopsavilkumu servq sūta katras nedēļas pirmās darba dienas rītā. Lietas identificētas tikai ar lietas numuru.',
  },
  en: {
    agency: 'whole agency',
    title: (week: string, scope: string) => `Complaint deadlines · ${week} · ${scope}`,
    summary: (asOf: string, overdue: number, due: number, within: number) =>
      `As of ${asOf}: ${formatCount(overdue, 'en')} overdue, ${formatCount(due, 'en')} due within ${within} working days.`,
    law: "Deadlines under the Law on Submissions as in force on each complaint's day of receipt.",
    overdueIn: (offices: string) => `Overdue in: ${offices}.`,
    nothing: (asOf: string, within: number) =>
      `As of ${asOf} no open complaint is overdue or due within ${within} working days.`,
    overdueHead: (n: number) => `Overdue (${formatCount(n, 'en')})`,
    dueHead: (within: number, n: number) => `Due within ${within} working days (${formatCount(n, 'en')})`,
    due: (date: string) => `due ${date}`,
    late: (n: number) => `${formatCount(n, 'en')} working ${isSingular('en', n) ? 'day' : 'days'} overdue`,
    left: (n: number) =>
      n === 0 ? 'due today' : `${formatCount(n, 'en')} working ${isSingular('en', n) ? 'day' : 'days'} left`,
    extended: 'deadline extended',
    reopened: 'reopened',
    more: (n: number) => `… and ${formatCount(n, 'en')} more (all on the screen below)`,
    screen: 'Complaints screen',
    screenAll: 'Complaints screen, all offices',
    subject: (week: string, scope: string, overdue: number, due: number) =>
      overdue + due === 0
        ? `servq complaint deadlines ${week}: ${scope} — nothing overdue or due soon`
        : `servq complaint deadlines ${week}: ${scope} — ${formatCount(overdue, 'en')} overdue, ${formatCount(due, 'en')} due soon`,
    footer: 'servq sends this digest on the morning of each week’s first working day. Cases are named by case id only.',
  },
} as const;

const COLUMNS = {
  lv: { id: 'Lieta', category: 'Kategorija', channel: 'Kanāls', dueOn: 'Termiņš', days: 'Stāvoklis' },
  en: { id: 'Case', category: 'Category', channel: 'Channel', dueOn: 'Due', days: 'Status' },
} as const;

function row(c: DueComplaint, lang: Lang, labels: DigestLabels): DigestRow {
  const w = WORDS[lang];
  const notes: string[] = [];
  if (c.extended) notes.push(w.extended);
  if (c.reopened) notes.push(w.reopened);
  return {
    id: c.id,
    category: labels.category(c.category),
    channel: labels.channel(c.channel),
    // Dates as the dashboard writes them (05.12.2026), not the API's ISO form.
    dueOn: writtenDate(c.dueOn, lang),
    days: c.status === 'overdue' ? w.late(-c.workingDaysLeft) : w.left(c.workingDaysLeft),
    notes,
  };
}

function sectionModel(
  section: DigestSection,
  input: DigestInput,
  labels: DigestLabels,
  several: boolean,
): DigestModelSection {
  const w = WORDS[input.lang];
  const { overdue, due } = section.counts;
  const lists: DigestList[] = [];
  const list = (kind: DigestList['kind'], head: string, count: number) => {
    const listed = section.complaints.filter((c) => c.status === kind);
    lists.push({
      kind,
      head,
      rows: listed.map((c) => row(c, input.lang, labels)),
      more: listed.length < count ? w.more(count - listed.length) : null,
    });
  };
  if (overdue > 0) list('overdue', w.overdueHead(overdue), overdue);
  if (due > 0) list('due', w.dueHead(input.within, due), due);
  return {
    heading: several ? section.officeName : null,
    nothing: overdue + due === 0 ? w.nothing(writtenDate(input.asOf, input.lang), input.within) : null,
    lists,
    link: section.link ? { label: w.screen, url: section.link } : null,
  };
}

/**
 * Where the overdue complaints are, for a digest of several offices: each office with any, most first (ties in the
 * reference's order), so management sees which offices need attention before reading every office's list.
 */
function overdueIn(input: DigestInput): string | null {
  const late = input.sections.filter((s) => s.counts.overdue > 0).sort((a, b) => b.counts.overdue - a.counts.overdue);
  if (input.sections.length < 2 || late.length === 0) return null;
  // Semicolons between offices: a name may hold a comma ("Rīgas klientu apkalpošanas centrs, Vaļņu iela 30").
  const offices = late.map((s) => `${s.officeName} (${formatCount(s.counts.overdue, input.lang)})`).join('; ');
  return WORDS[input.lang].overdueIn(offices);
}

export function digestModel(input: DigestInput, labels: DigestLabels): DigestModel {
  const w = WORDS[input.lang];
  const overdue = input.sections.reduce((sum, s) => sum + s.counts.overdue, 0);
  const due = input.sections.reduce((sum, s) => sum + s.counts.due, 0);
  const several = input.sections.length > 1;
  const week = writtenWeek(input.week, input.lang, 'title');
  const where = overdueIn(input);
  return {
    lang: input.lang,
    subject: w.subject(week, input.scopeName, overdue, due),
    title: w.title(week, input.scopeName),
    // A head with nothing due reads one line saying so, not a summary of zeros followed by the same news.
    summary:
      overdue + due > 0 || several
        ? [w.summary(writtenDate(input.asOf, input.lang), overdue, due, input.within), where, w.law]
            .filter((part) => part !== null)
            .join(' ')
        : null,
    sections: input.sections.map((section) => sectionModel(section, input, labels, several)),
    link: several ? { label: w.screenAll, url: input.link } : null,
    footer: w.footer,
    columns: COLUMNS[input.lang],
  };
}

const caseLine = (r: DigestRow, lang: Lang) =>
  `- ${[r.id, r.category, r.channel, WORDS[lang].due(r.dueOn), r.days, ...r.notes].join(' · ')}`;

/** The plain-text part. */
export function digestText(model: DigestModel): string {
  const body: string[] = [model.title];
  if (model.summary !== null) body.push('', model.summary);
  for (const section of model.sections) {
    body.push('');
    if (section.heading !== null) body.push(`== ${section.heading} ==`);
    if (section.nothing !== null) body.push(section.nothing);
    section.lists.forEach((list, i) => {
      if (i > 0) body.push('');
      body.push(list.head, ...list.rows.map((r) => caseLine(r, model.lang)));
      if (list.more !== null) body.push(list.more);
    });
    // A blank line between the last case and the office's link, so the link does not read as one more case.
    if (section.link) body.push('', `${section.link.label}: ${section.link.url}`);
  }
  if (model.link) body.push('', `${model.link.label}: ${model.link.url}`);
  body.push('', '--', model.footer);
  return body.join('\n') + '\n';
}

/** Both parts of the digest from its one model. */
export function renderDigest(input: DigestInput, labels: DigestLabels): DigestMessage {
  const model = digestModel(input, labels);
  return { subject: model.subject, text: digestText(model), html: digestHtml(model) };
}

export const agencyName = (lang: Lang): string => WORDS[lang].agency;
