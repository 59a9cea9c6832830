/**
 * The weekly deadline digest: from the morning of each week's first working day (Riga time, see week.ts) every
 * subscriber gets one e-mail listing the open complaints of their office — every office for a subscriber without
 * one — that are past their legal deadline or due within N working days, as the query API's
 * /v1/complaints/due answers (so the digest, the dashboard's deadline desk and the alerts' deadline clock agree).
 * An office with nothing due still gets a short "nothing due" mail: a head who hears nothing cannot tell a quiet
 * week from a digest that broke, and one line a week costs less than that doubt.
 * Sent digests are remembered as marker objects `<prefix>digest/<week>/<subscriber>.json` in the lake's bucket,
 * written after the SMTP server accepted the mail, so a restart never sends a week twice; a crash between
 * acceptance and marker re-sends with the same Message-ID (`digest-<week>-<subscriber>`). A failed send or an
 * unreachable query API is logged and tried again on the next tick, until the week ends.
 */
import { addDays, dashboardLink, NO_OFFICE_FILTER } from '@servq/contracts';
import type { Mailer } from '@servq/mail';
import type { DueAnswer, Lang, ReferenceAnswer } from '@servq/query-api';
import { agencyName, renderDigest, type DigestLabels, type DigestSection } from './digest.message.ts';
import type { QuerySource } from './query.source.ts';
import type { Markers, ScheduleLogger } from './schedule.ts';
import type { Subscriber } from './subscriptions.ts';
import { dueWeek, type Week } from './week.ts';
import { SerialTicker } from './ticker.ts';

/** The Complaints screen's window in the link: the last quarter, as the alerts' deadline links. */
const LINK_DAYS = 90;

export interface DigestDeps {
  subscribers: readonly Subscriber[];
  source: QuerySource;
  mailer: Mailer;
  markers: Markers;
  logger: ScheduleLogger;
  /** The dashboard the links point to. */
  dashboardUrl: string;
}

export interface DigestOptions {
  intervalMs: number;
  markerPrefix: string;
  /** "Due soon": within this many working days. */
  withinWorkingDays: number;
}

export function digestMarkerKey(prefix: string, week: Week, subscriberId: string): string {
  return `${prefix}digest/${week}/${subscriberId}.json`;
}

function labelsFor(reference: ReferenceAnswer, lang: Lang): DigestLabels {
  const name = (values: ReferenceAnswer['channels'], id: string | null) =>
    id === null ? '—' : (values.find((v) => v.id === id)?.name[lang] ?? id);
  return {
    category: (id) => name(reference.categories, id),
    channel: (id) => name(reference.channels, id),
  };
}

export class DigestScheduler {
  private readonly ticker: SerialTicker<string[]>;

  constructor(
    private readonly deps: DigestDeps,
    private readonly options: DigestOptions,
  ) {
    this.ticker = new SerialTicker((now) => this.tickNow(now), this.options.intervalMs);
  }

  /** Sends the week's digest to every subscriber not yet sent it; returns the subscriber ids mailed. */
  tick(now: Date): Promise<string[]> {
    return this.ticker.tick(now);
  }

  private link(asOf: string, office: string | undefined): string {
    return dashboardLink(this.deps.dashboardUrl, {
      screen: 'complaints',
      from: addDays(asOf, -LINK_DAYS),
      to: asOf,
      office,
      // The screen's deadline list then holds what the digest lists, whatever window the digest is set to.
      within: this.options.withinWorkingDays,
    });
  }

  private async tickNow(now: Date): Promise<string[]> {
    const week = dueWeek(now)?.week;
    if (week === undefined) return [];
    const within = this.options.withinWorkingDays;
    const sent: string[] = [];
    // One query per office (or for all) and one reference per tick, shared by the subscribers who need them.
    const answers = new Map<string, Promise<DueAnswer>>();
    const answerFor = (office: string | undefined) => {
      const key = office ?? '';
      let answer = answers.get(key);
      if (!answer) {
        answer = this.deps.source.due(office, within);
        answers.set(key, answer);
      }
      return answer;
    };
    let reference: Promise<ReferenceAnswer> | undefined;
    for (const subscriber of this.deps.subscribers) {
      const key = digestMarkerKey(this.options.markerPrefix, week, subscriber.id);
      try {
        if (await this.deps.markers.has(key)) continue;
        reference ??= this.deps.source.reference();
        const ref = await reference;
        const lang = subscriber.language;
        const officeName = (id: string | null) =>
          id === null ? ref.noOffice[lang] : (ref.offices.find((o) => o.id === id)?.name[lang] ?? id);
        const offices = subscriber.office ? [subscriber.office] : ref.offices.map((o) => o.id);
        const sections: DigestSection[] = [];
        let asOf = '';
        for (const office of offices) {
          const answer = await answerFor(office);
          asOf = answer.asOf;
          sections.push(this.section(office, officeName(office), answer.complaints, answer.counts, asOf));
        }
        if (!subscriber.office) {
          // Complaints that concern no office (an e-service, say) reach only the agency-wide subscribers.
          const all = await answerFor(undefined);
          const none = all.complaints.filter((c) => c.office === null);
          if (none.length > 0) {
            const counts = {
              overdue: none.filter((c) => c.status === 'overdue').length,
              due: none.filter((c) => c.status === 'due').length,
            };
            sections.push(this.section(null, officeName(null), none, counts, all.asOf));
          }
        }
        const overdue = sections.reduce((sum, x) => sum + x.counts.overdue, 0);
        const dueSoon = sections.reduce((sum, x) => sum + x.counts.due, 0);
        const message = renderDigest(
          {
            lang,
            week,
            asOf,
            within,
            scopeName: subscriber.office ? officeName(subscriber.office) : agencyName(lang),
            sections,
            link: this.link(asOf, subscriber.office),
          },
          labelsFor(ref, lang),
        );
        await this.deps.mailer.send({
          to: subscriber.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
          idempotencyKey: `digest-${week}-${subscriber.id}`,
        });
        await this.deps.markers.put(key, {
          week,
          subscriber: subscriber.id,
          office: subscriber.office ?? null,
          language: lang,
          as_of: asOf,
          overdue,
          due: dueSoon,
          sent_at: new Date().toISOString(),
        });
        sent.push(subscriber.id);
        this.deps.logger.info({ week, subscriber: subscriber.id, overdue, due: dueSoon }, 'deadline digest sent');
      } catch (error) {
        // A query answer that failed is asked again on the next tick, not reused.
        answers.clear();
        reference = undefined;
        this.deps.logger.error(
          { err: error, week, subscriber: subscriber.id },
          'deadline digest not sent; retried next tick',
        );
      }
    }
    return sent;
  }

  private section(
    office: string | null,
    officeName: string,
    complaints: DueAnswer['complaints'],
    counts: DueAnswer['counts'],
    asOf: string,
  ): DigestSection {
    // The complaints with no office get the screen filtered to them (office=no-office), as the offices do.
    return { office, officeName, complaints, counts, link: this.link(asOf, office ?? NO_OFFICE_FILTER) };
  }

  start(clock: () => Date): void {
    this.ticker.start(clock);
  }

  stop(): Promise<void> {
    return this.ticker.stop();
  }
}
