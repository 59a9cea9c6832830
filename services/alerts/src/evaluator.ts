/**
 * When and what to evaluate: every rule when the query API's data version moves (polled), and the deadline
 * rules on their own schedule as well (days pass, and deadlines with them, without new data). Evaluations run
 * one at a time; a rule whose figures could not be read is skipped for that round (it neither raises nor counts
 * as clean), and its error is logged.
 */
import { addDays, rigaDate } from '@servq/contracts';
import type { CompareAnswer, MetricInfo } from '@servq/query-api';
import type { AlertBook, Policy } from './alert.book.ts';
import {
  changeAgainstPrevious,
  changeAgainstYear,
  deadlineClock,
  equalServiceGap,
  outsideTarget,
  windowEndingAt,
  yearEarlier,
  type Evaluation,
  type Window,
} from './evaluate.ts';
import type { EventLog } from './event.log.ts';
import type { QueryClient } from './query.client.ts';
import { windowDays, type Rule, type RulesFile } from './rules.ts';

export interface EvaluatorLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface EvaluatorOptions {
  pollIntervalMs: number;
  deadlineIntervalMs: number;
  dashboardUrl: string;
  /**
   * Rules are not evaluated while the newest event is older than this: a lake being back-filled (the demo year
   * sent in order, a migration) would otherwise raise alerts about the past as if they were today's.
   */
  maxDataLagMs: number;
}

export class Evaluator {
  /** The data version of the last completed round of every rule. */
  lastVersion: number | null = null;
  /** The newest event of the last poll, when it was recent enough to evaluate on; null otherwise. */
  private currentNewest: string | null = null;
  private pollTimer: NodeJS.Timeout | undefined;
  private deadlineTimer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopped = true;
  private catalogue = new Map<string, MetricInfo>();
  /** Rounds completed, for readiness and tests. */
  rounds = 0;

  constructor(
    private readonly deps: {
      rules: RulesFile;
      query: QueryClient;
      book: AlertBook;
      log: EventLog;
      logger: EvaluatorLogger;
      onEvents: () => void;
      now?: () => Date;
    },
    private readonly options: EvaluatorOptions,
  ) {}

  /** True once the query API's catalogue has been read. */
  catalogueLoaded(): boolean {
    return this.catalogue.size > 0;
  }

  metricInfo(id: string | undefined): MetricInfo | undefined {
    return id === undefined ? undefined : this.catalogue.get(id);
  }

  start(): void {
    this.stopped = false;
    this.pollTimer = setInterval(() => this.enqueue(() => this.pollOnce()), this.options.pollIntervalMs);
    this.deadlineTimer = setInterval(
      () =>
        this.enqueue(async () => {
          // Only while the data is recent: the same guard as the polls.
          if (this.currentNewest === null) return;
          await this.evaluate(
            this.deps.rules.rules.filter((r) => r.kind === 'deadline'),
            this.currentNewest,
          );
        }),
      this.options.deadlineIntervalMs,
    );
    this.enqueue(() => this.pollOnce());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.deadlineTimer);
    await this.chain;
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await step();
      } catch (error) {
        this.deps.logger.warn({ err: (error as Error).message }, 'evaluation round failed; next poll retries');
      }
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Evaluates every rule if the data version moved since the last round. */
  private async pollOnce(): Promise<void> {
    const answer = await this.deps.query.catalogue();
    const { freshness } = answer;
    // Kept even before the first sync: the outbox words pending notifications with it.
    this.catalogue = new Map(answer.metrics.map((m) => [m.id, m]));
    if (freshness.syncedAt === null || freshness.dataVersion === this.lastVersion) return;
    const newest = freshness.newestEventAt;
    if (newest === null || this.now().getTime() - Date.parse(newest) > this.options.maxDataLagMs) {
      if (this.currentNewest !== null || this.lastVersion === null) {
        this.deps.logger.info(
          { newestEventAt: newest },
          'the newest data is too old to alert on; waiting for recent data',
        );
      }
      this.currentNewest = null;
      this.lastVersion = freshness.dataVersion;
      return;
    }
    this.currentNewest = newest;
    await this.evaluate(this.deps.rules.rules, newest);
    this.lastVersion = freshness.dataVersion;
  }

  private async evaluate(rules: readonly Rule[], newestEventAt: string): Promise<void> {
    const policy: Policy = {
      cleanEvaluationsToResolve: this.deps.rules.defaults.clean_evaluations_to_resolve,
      renotifyAfterMs: this.deps.rules.defaults.renotify_after_hours * 3_600_000,
    };
    let written = 0;
    for (const rule of rules) {
      if (this.stopped) return;
      let evaluation: Evaluation;
      try {
        evaluation = await this.evaluation(rule, newestEventAt);
      } catch (error) {
        this.deps.logger.warn({ rule: rule.id, err: (error as Error).message }, 'rule not evaluated this round');
        continue;
      }
      const events = this.deps.book.decide(rule.id, evaluation.findings, this.now(), policy, evaluation.readings);
      await this.deps.log.append(events);
      written += events.length;
      for (const e of events) this.deps.logger.info({ alertId: e.alert_id, type: e.type }, 'alert event');
    }
    this.rounds += 1;
    if (written > 0) this.deps.onEvents();
  }

  /**
   * A year-earlier window the lake does not cover (a young lake, as the 13-month demo's for a 91-day window)
   * would compare a season against a few weeks of another: such a rule stays quiet until the data covers it.
   */
  private async changeAgainstYear(
    rule: Extract<Rule, { kind: 'change' }>,
    window: Window,
    ctx: { window: Window; dashboardUrl: string },
  ): Promise<Evaluation> {
    const before = yearEarlier(window);
    const first = await this.deps.query.firstWeekWithData(rule.metric, before.from, before.to);
    if (first === null || first > addDays(before.from, 7)) return { findings: [], readings: [] };
    const compare = (w: Window) =>
      this.deps.query.compare({ metric: rule.metric, by: 'office', from: w.from, to: w.to });
    return changeAgainstYear({ ...ctx, rule }, await compare(window), await compare(before));
  }

  private async evaluation(rule: Rule, newestEventAt: string): Promise<Evaluation> {
    const dashboardUrl = this.options.dashboardUrl;
    if (rule.kind === 'deadline') {
      const complaints = await this.deps.query.openComplaints();
      return deadlineClock({ rule, window: { from: '', to: '' }, dashboardUrl }, complaints, rigaDate(this.now()));
    }
    const window = windowEndingAt(newestEventAt, windowDays(rule, this.deps.rules));
    const ctx = { window, dashboardUrl };
    const compare = (by: 'office' | 'language' | 'service_channel', w = window, filters?: Record<string, string>) =>
      this.deps.query.compare({ metric: rule.metric, by, from: w.from, to: w.to, ...(filters ? { filters } : {}) });
    switch (rule.kind) {
      case 'outside_target':
        return outsideTarget({ ...ctx, rule }, await compare('office'));
      case 'change':
        if (rule.against === 'previous_period') return changeAgainstPrevious({ ...ctx, rule }, await compare('office'));
        return this.changeAgainstYear(rule, window, ctx);
      case 'equal_service_gap': {
        const scopes: (string | undefined)[] = rule.offices ?? [undefined];
        const out: Evaluation = { findings: [], readings: [] };
        for (const office of scopes) {
          const answer: CompareAnswer = await compare(rule.by, window, office ? { office } : undefined);
          const one = equalServiceGap({ ...ctx, rule }, office, answer);
          out.findings.push(...one.findings);
          out.readings.push(...one.readings);
        }
        return out;
      }
    }
  }
}
