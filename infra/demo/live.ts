/**
 * Live mode: the demo goes on in real time. The same generator that wrote the year (the same seed, the same
 * stories, the same ids) is asked for the days around today, and each event is sent when the clock reaches its
 * time: a customer checks in at Vaļņu iela at 10:41, is called eleven minutes later, a complaint received last
 * week is answered this afternoon. So the Visits screen's Today panel and every current-period figure show a
 * believable office day rather than a sped-up one — an earlier version ran waits on a compressed clock (seconds
 * for minutes) and made today's median wait read 0.2 min against a usual 4.5.
 *
 * The cost of realism: ATD's volume is a few hundred events a day, so while the offices are open something new
 * arrives every minute or two, not every second; at night only the odd online event does.
 */
import { addDays, rigaDate, type IsoDate } from '@servq/contracts';
import type { DemoEvent } from './event.factory.ts';
import { demoDays } from './year.events.ts';

export interface LiveOptions {
  seed: number;
  send: (events: DemoEvent[]) => Promise<void>;
  signal: AbortSignal;
  /** Events at or before this instant were sent already (the history's end, or the seed marker's). */
  after: string;
  /** Seconds between looks at the clock. */
  tickSeconds?: number;
  /**
   * How many days back the generator is asked for, so that late events of earlier days (answers to complaints
   * received weeks ago) are released too.
   */
  lookbackDays?: number;
  /** Called after each tick with the instant up to which everything was sent (to move the seed marker). */
  onSent?: (until: string) => void;
  /** Logs a failed send (the events are kept and tried again on the next tick). */
  onError?: (error: unknown) => void;
  /** The clock (tests pass a simulated one). */
  now?: () => Date;
}

function sleep(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Runs until the signal aborts; returns how many events it sent. */
export async function runLive(options: LiveOptions): Promise<number> {
  const clock = options.now ?? (() => new Date());
  const lookback = options.lookbackDays ?? 70;
  let sentUntil = options.after;
  let day: IsoDate | null = null;
  let pending: DemoEvent[] = [];
  let sent = 0;
  while (!options.signal.aborted) {
    const now = clock();
    const today = rigaDate(now);
    if (today !== day) {
      // Once a day: the window's events not yet sent, in time order (cheap: a day is a few milliseconds).
      pending = demoDays(options.seed, addDays(today, -lookback), today).filter((e) => e.occurred_at > sentUntil);
      day = today;
    }
    const until = now.toISOString();
    const due = pending.findIndex((e) => e.occurred_at > until);
    const batch = due === -1 ? pending : pending.slice(0, due);
    try {
      if (batch.length > 0) await options.send(batch);
      pending = pending.slice(batch.length);
      sent += batch.length;
      sentUntil = until;
      options.onSent?.(sentUntil);
    } catch (error) {
      options.onError?.(error);
    }
    await sleep(options.tickSeconds ?? 5, options.signal);
  }
  return sent;
}
