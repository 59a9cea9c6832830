/**
 * A client that sends survey events to ingest at a steady rate, as a kiosk fleet would: a new batch of fresh
 * event ids every interval, each batch retried with the same ids until ingest acknowledges it (any answer but
 * 2xx, or no answer, is retried after a short pause). It records every id it sent, every id acknowledged, and
 * every answer with when its request started and ended, so a scenario can check what ingest said during a
 * fault and the audit can compare the lake with what was acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { pollUntil } from '@servq/runtime';

export interface Answer {
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 when the request got no answer (connection refused or reset). */
  status: number;
  events: number;
}

export interface SteadyIngestOptions {
  url: string;
  apiKey: string;
  batchSize: number;
  intervalMs: number;
  /** Batches awaiting acknowledgement beyond which no new batch is started (the client backs off). */
  maxPending: number;
  runId: string;
}

const OFFICES = ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'] as const;
const RETRY_PAUSE_MS = 250;

export class SteadyIngest {
  readonly sent = new Set<string>();
  readonly accepted = new Set<string>();
  readonly answers: Answer[] = [];
  /**
   * Ids whose request was answered with something other than 2xx (or not at all) before being acknowledged:
   * for those, ingest could not say whether Kafka had stored them.
   */
  readonly retried = new Set<string>();
  /** Event id → survey id, to audit the query service's surveys model (keyed by survey) id by id too. */
  readonly surveyOf = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<void>>();
  /** Set once stop()'s deadline passed: retry loops give up, leaving their ids unacknowledged. */
  private abandoned = false;
  private seq = 0;
  skippedTicks = 0;

  constructor(private readonly options: SteadyIngestOptions) {}

  /** Sends one batch and waits for its acknowledgement: the first produce of a fresh ingest is the slowest. */
  async prime(): Promise<void> {
    await this.deliver(Array.from({ length: this.options.batchSize }, () => this.event()));
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
  }

  /** Stops starting new batches and waits until every batch sent is acknowledged, or the deadline passes. */
  async stop(deadlineMs: number): Promise<void> {
    clearInterval(this.timer);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref());
    await Promise.race([Promise.all([...this.pending]), deadline]);
    this.abandoned = true;
  }

  /** Waits until `more` further events are acknowledged (the pipeline is taking events at its steady rate). */
  async waitForMoreAccepted(more: number, timeoutMs: number): Promise<void> {
    const target = this.accepted.size + more;
    await pollUntil(() => this.accepted.size >= target, { intervalMs: 50, timeoutMs });
  }

  /** Ids sent but never acknowledged (non-empty after stop() only if the deadline passed). */
  unacknowledged(): string[] {
    return [...this.sent].filter((id) => !this.accepted.has(id));
  }

  /** Answers to requests that started at or after `from` and ended at or before `to`. */
  answersWithin(from: number, to: number): Answer[] {
    return this.answers.filter((a) => a.startedAt >= from && a.endedAt <= to);
  }

  statusCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const a of this.answers) counts[String(a.status)] = (counts[String(a.status)] ?? 0) + 1;
    return counts;
  }

  private tick(): void {
    if (this.pending.size >= this.options.maxPending) {
      this.skippedTicks += 1;
      return;
    }
    const batch = Array.from({ length: this.options.batchSize }, () => this.event());
    const task = this.deliver(batch).finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  private event() {
    const n = this.seq++;
    const id = randomUUID();
    // Entity ids may not hold a run of 9 digits (a personal-number guard), which a UUID sometimes does.
    const surveyId = `s${n}-${this.options.runId}`;
    this.surveyOf.set(id, surveyId);
    return {
      event_id: id,
      type: 'survey.submitted',
      schema_version: 1,
      occurred_at: new Date(Date.now() - 60_000).toISOString(),
      source: 'chaos',
      channel: 'in_person',
      office_id: OFFICES[n % OFFICES.length],
      survey_id: surveyId,
      satisfaction: 1 + (n % 5),
    };
  }

  private async deliver(batch: { event_id: string }[]): Promise<void> {
    const body = JSON.stringify(batch);
    for (const e of batch) this.sent.add(e.event_id);
    while (!this.abandoned) {
      const startedAt = Date.now();
      let status: number;
      try {
        const res = await fetch(this.options.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.options.apiKey}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 0;
      }
      this.answers.push({ startedAt, endedAt: Date.now(), status, events: batch.length });
      if (status >= 200 && status < 300) {
        for (const e of batch) this.accepted.add(e.event_id);
        return;
      }
      for (const e of batch) this.retried.add(e.event_id);
      // After stop() too: a client keeps an unacknowledged event until it is acknowledged.
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
}
