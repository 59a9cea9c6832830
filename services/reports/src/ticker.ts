/**
 * A job that runs on an interval, one run at a time: a run asked for while another is going waits for it, so
 * two ticks never send the same mail. Shared by the monthly schedule and the weekly digest.
 */
export class SerialTicker<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly step: (now: Date) => Promise<T>,
    private readonly intervalMs: number,
  ) {}

  /** Runs the step at `now` after any run in progress. */
  tick(now: Date): Promise<T> {
    const run = this.running.then(() => this.step(now));
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Runs now, then every interval. */
  start(clock: () => Date): void {
    const run = () => void this.tick(clock());
    run();
    this.timer = setInterval(run, this.intervalMs);
  }

  /** Stops the interval and waits for the run in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
