/**
 * The sync loop: mirror the lake, then reconcile the database, every interval. One sync at a time; a failed
 * sync is logged and retried on the next tick, the last good data keeps being served. `stop()` waits for a
 * sync in flight to finish. After each successful sync the loop tells its listeners (`onSync`) the data version
 * now served: the seam for parts that act on new data (alerts, reports) without polling the database.
 */
import type { DuckDbStore } from '../store/duckdb.store.ts';
import type { QueryMetrics } from '../metrics.ts';
import type { LakeMirror, SyncReport } from './mirror.ts';
import type { LoadedTable } from '../store/raw-schema.ts';

export type SyncResult = SyncReport & {
  loadedFiles: number;
  droppedFiles: number;
  loadedEvents: Partial<Record<LoadedTable, number>>;
};

/** What a listener hears after a successful sync. */
export interface SyncEvent {
  /** The data version now served (as in `freshness.dataVersion`). */
  dataVersion: number;
  /** Whether the sync changed the served data (files loaded or dropped). */
  changed: boolean;
  result: SyncResult;
}

export type SyncListener = (event: SyncEvent) => void | Promise<void>;

export interface SyncLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export class SyncLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly listeners = new Set<SyncListener>();

  constructor(
    private readonly mirror: LakeMirror,
    private readonly store: DuckDbStore,
    private readonly intervalMs: number,
    private readonly log: SyncLogger,
    private readonly metrics?: QueryMetrics,
  ) {}

  /**
   * Calls `listener` after each successful sync; returns the function that removes it. A listener's failure is
   * logged and never fails the sync; the loop does not wait for an async listener.
   */
  onSync(listener: SyncListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One mirror + reconcile pass. */
  async syncOnce(): Promise<SyncResult> {
    const started = performance.now();
    try {
      const report = await this.mirror.sync();
      const result = await this.store.reconcile(this.mirror.files());
      if (this.metrics) {
        this.metrics.syncSeconds.observe({ result: 'ok' }, (performance.now() - started) / 1000);
        this.metrics.filesMirrored.inc({ action: 'downloaded' }, report.downloaded);
        this.metrics.filesMirrored.inc({ action: 'removed' }, report.removed);
        this.metrics.bytesMirrored.inc(report.bytes);
        for (const [table, events] of Object.entries(result.loadedEvents)) {
          this.metrics.eventsLoaded.inc({ table }, events);
        }
      }
      const synced: SyncResult = {
        ...report,
        loadedFiles: result.loadedFiles,
        droppedFiles: result.droppedFiles,
        loadedEvents: result.loadedEvents,
      };
      this.notify(synced);
      return synced;
    } catch (error) {
      this.metrics?.syncSeconds.observe({ result: 'failed' }, (performance.now() - started) / 1000);
      throw error;
    }
  }

  private notify(result: SyncResult): void {
    const event: SyncEvent = {
      dataVersion: this.store.getFreshness().dataVersion,
      changed: result.loadedFiles > 0 || result.droppedFiles > 0,
      result,
    };
    for (const listener of this.listeners) {
      const fail = (error: unknown) => this.log.error({ err: error }, 'a sync listener failed');
      try {
        Promise.resolve(listener(event)).catch(fail);
      } catch (error) {
        fail(error);
      }
    }
  }

  async start(): Promise<void> {
    await this.mirror.load();
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        this.schedule(this.intervalMs);
      });
    }, delay);
  }

  private async tick(): Promise<void> {
    const started = Date.now();
    try {
      const report = await this.syncOnce();
      if (report.downloaded > 0 || report.removed > 0 || report.loadedFiles > 0) {
        this.log.info({ ...report, ms: Date.now() - started }, 'lake synchronised');
      }
    } catch (error) {
      this.log.error({ err: error }, 'lake sync failed; serving the last good data');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
