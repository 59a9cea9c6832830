/**
 * The monthly send: from the first working day of a month (Riga time) every subscriber gets the previous month's
 * report by e-mail with the PDF attached, its text naming the month's headline figures off target. What was sent is remembered as a marker object per month and
 * subscriber in the lake's bucket, written after the SMTP server accepted the mail, so a restart never sends
 * twice; the one gap (a crash between acceptance and the marker) re-sends with the same Message-ID, which a
 * receiver can recognise. A failed send is logged and tried again on the next tick.
 */
import type { Mailer } from '@servq/mail';
import { dueMonth, monthTitle, type Month } from './month.ts';
import type { Lang } from '@servq/query-api';
import type { OffTarget } from './month.summary.ts';
import type { ReportRequest } from './render.ts';
import type { Subscriber } from './subscriptions.ts';
import { SerialTicker } from './ticker.ts';

export interface Markers {
  has(key: string): Promise<boolean>;
  put(key: string, body: Record<string, unknown>): Promise<void>;
}

export interface ScheduleLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ScheduleDeps {
  subscribers: readonly Subscriber[];
  render(request: ReportRequest): Promise<Uint8Array>;
  /** The office's name in the language (the query API's reference); undefined for the whole agency. */
  officeName(office: string | undefined, lang: Lang): Promise<string | undefined>;
  /** The report's headline figures off target, as its e-mail lists them (month.summary.ts). */
  offTarget(request: ReportRequest): Promise<readonly OffTarget[]>;
  mailer: Mailer;
  markers: Markers;
  logger: ScheduleLogger;
}

const WORDS: Record<Lang, { agency: string; subject: string; text: string; offHead: string; noneOff: string }> = {
  lv: {
    agency: 'visa ATD',
    subject: 'servq mēneša pārskats',
    text: 'Pielikumā ir mēneša vadības pārskats (PDF). Tajā ir rādītāji pret mērķiem un iepriekšējiem periodiem, nodaļas blakus, vienlīdzīga apkalpošana un sūdzību termiņi.',
    offHead: 'Šomēnes mērķis nav sasniegts:',
    noneOff:
      'Neviens galvenais rādītājs nav skaidri ārpus mērķa (rādītāji nejaušu svārstību robežās vai ar par maz atbilžu — PDF).',
  },
  en: {
    agency: 'whole agency',
    subject: 'servq monthly report',
    text: 'Attached is the monthly management report (PDF): figures against targets and earlier periods, the offices side by side, equal service and complaint deadlines.',
    offHead: 'Off target this month:',
    noneOff:
      'No headline figure is clearly off its target (figures within noise of it or with too few responses: see the PDF).',
  },
};

/**
 * The report's e-mail: the month in words and the office by its name, as the PDF's own header writes them, and
 * first what needs attention — the headline figures off target — so the reader knows before opening the PDF.
 */
export function reportMail(
  month: Month,
  officeName: string | undefined,
  lang: Lang,
  off: readonly OffTarget[],
): { subject: string; text: string } {
  const w = WORDS[lang];
  const what = `${monthTitle(month, lang)} — ${officeName ?? w.agency}`;
  const attention = off.length > 0 ? [w.offHead, ...off.map((o) => `- ${o.line}`)].join('\n') : w.noneOff;
  return { subject: `${w.subject}: ${what}`, text: `${what}\n\n${attention}\n\n${w.text}\n` };
}

export function markerKey(prefix: string, month: Month, subscriberId: string): string {
  return `${prefix}${month}/${subscriberId}.json`;
}

export class Scheduler {
  private readonly ticker: SerialTicker<string[]>;

  constructor(
    private readonly deps: ScheduleDeps,
    private readonly options: { intervalMs: number; markerPrefix: string },
  ) {
    this.ticker = new SerialTicker((now) => this.tickNow(now), this.options.intervalMs);
  }

  /** Sends what is due at `now` and not yet sent; returns the subscriber ids mailed. One tick at a time. */
  tick(now: Date): Promise<string[]> {
    return this.ticker.tick(now);
  }

  private async tickNow(now: Date): Promise<string[]> {
    const month = dueMonth(now);
    if (month === null) return [];
    const sent: string[] = [];
    // One render per office and language, shared by every subscriber who gets that report.
    const pdfs = new Map<string, Promise<Uint8Array>>();
    for (const subscriber of this.deps.subscribers) {
      const key = markerKey(this.options.markerPrefix, month, subscriber.id);
      try {
        if (await this.deps.markers.has(key)) continue;
        const request: ReportRequest = { month, office: subscriber.office, lang: subscriber.language };
        const cacheKey = `${subscriber.office ?? ''}/${subscriber.language}`;
        let pdf = pdfs.get(cacheKey);
        if (!pdf) {
          pdf = this.deps.render(request);
          pdfs.set(cacheKey, pdf);
        }
        const mail = reportMail(
          month,
          await this.deps.officeName(subscriber.office, subscriber.language),
          subscriber.language,
          await this.deps.offTarget(request),
        );
        await this.deps.mailer.send({
          to: subscriber.email,
          subject: mail.subject,
          text: mail.text,
          idempotencyKey: `report-${month}-${subscriber.id}`,
          attachments: [
            {
              filename: `servq-${month}-${subscriber.office ?? 'atd'}-${subscriber.language}.pdf`,
              content: await pdf,
              contentType: 'application/pdf',
            },
          ],
        });
        await this.deps.markers.put(key, {
          month,
          subscriber: subscriber.id,
          office: subscriber.office ?? null,
          language: subscriber.language,
          sent_at: new Date().toISOString(),
        });
        sent.push(subscriber.id);
        this.deps.logger.info({ month, subscriber: subscriber.id }, 'monthly report sent');
      } catch (error) {
        this.deps.logger.error(
          { err: error, month, subscriber: subscriber.id },
          'monthly report not sent; retried next tick',
        );
      }
    }
    return sent;
  }

  start(clock: () => Date): void {
    this.ticker.start(clock);
  }

  stop(): Promise<void> {
    return this.ticker.stop();
  }
}
