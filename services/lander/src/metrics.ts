/** The lander's Prometheus metrics, in a registry of its own (no global state, so tests can build many). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lander_' });
  return {
    registry,
    consumerLag: new Gauge({
      name: 'lander_consumer_lag_events',
      help: 'Events in the partition not yet landed (high watermark minus next offset to land)',
      labelNames: ['topic', 'partition'] as const,
      registers: [registry],
    }),
    bufferedEvents: new Gauge({
      name: 'lander_buffered_events',
      help: 'Events held in memory waiting for a flush',
      registers: [registry],
    }),
    flushEvents: new Histogram({
      name: 'lander_flush_events',
      help: 'Events per flush',
      labelNames: ['reason'] as const,
      buckets: [1, 10, 100, 1_000, 10_000, 100_000],
      registers: [registry],
    }),
    flushSeconds: new Histogram({
      name: 'lander_flush_duration_seconds',
      help: 'Time from flush start to the checkpoint being written',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    flushBytes: new Histogram({
      name: 'lander_flush_parquet_bytes',
      help: 'Parquet bytes written per flush',
      buckets: [1e3, 1e4, 1e5, 1e6, 1e7, 1e8],
      registers: [registry],
    }),
    objectsWritten: new Counter({
      name: 'lander_objects_written_total',
      help: 'Parquet objects uploaded to the lake',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    rowsLanded: new Counter({
      name: 'lander_rows_landed_total',
      help: 'Rows landed (committed) per table',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    s3Errors: new Counter({
      name: 'lander_s3_errors_total',
      help: 'Failed S3 operations (each retry counts)',
      registers: [registry],
    }),
    flushFailures: new Counter({
      name: 'lander_flush_failures_total',
      help: 'Flushes abandoned (partition revoked, commit failed); their events are landed again after recovery',
      registers: [registry],
    }),
    poisonRows: new Counter({
      name: 'lander_poison_rows_total',
      help: 'Rows DuckDB refused to store, landed in the rejected table with its reason instead (by their table)',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
    repairedRows: new Counter({
      name: 'lander_repaired_rows_total',
      help: 'Events landed with text repaired for DuckDB (lone surrogates, bytes not UTF-8, as U+FFFD)',
      registers: [registry],
    }),
    partitionStalled: new Gauge({
      name: 'lander_partition_stalled',
      help: 'A partition of ours with events behind it whose committed offset has not moved for LANDER_STALL_AFTER_MS',
      labelNames: ['topic', 'partition'] as const,
      registers: [registry],
    }),
    partitionProgressAge: new Gauge({
      name: 'lander_partition_seconds_since_progress',
      help: 'Seconds since the partition last advanced (its committed offset moved) or had nothing behind it',
      labelNames: ['topic', 'partition'] as const,
      registers: [registry],
    }),
    compactions: new Counter({
      name: 'lander_compactions_total',
      help: 'Table-days compacted',
      labelNames: ['table'] as const,
      registers: [registry],
    }),
  };
}

export type LanderMetrics = ReturnType<typeof createMetrics>;
