/**
 * Prometheus metrics of one query app instance, in its own registry (so tests can build many apps): request
 * durations by route and status, answer-cache hits and misses, sync durations, files mirrored and events
 * loaded, SQL sandbox queries by outcome, and the data's version and age, read from the store when scraped.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Freshness } from '@servq/query-api';

export type SqlOutcome = 'ok' | 'truncated' | 'rejected' | 'timeout' | 'memory' | 'failed';

export interface QueryMetrics {
  registry: Registry;
  requestSeconds: Histogram<'method' | 'route' | 'status'>;
  cacheLookups: Counter<'result'>;
  syncSeconds: Histogram<'result'>;
  filesMirrored: Counter<'action'>;
  bytesMirrored: Counter;
  eventsLoaded: Counter<'table'>;
  sqlQueries: Counter<'outcome'>;
}

const ageSeconds = (iso: string | null, now: number): number =>
  iso === null ? Number.NaN : Math.max(0, (now - Date.parse(iso)) / 1000);

export function createQueryMetrics(freshness: () => Freshness, now: () => number = Date.now): QueryMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'servq_query_' });
  new Gauge({
    name: 'servq_query_data_version',
    help: 'Version of the data served; increases whenever a sync changes it',
    registers: [registry],
    collect() {
      this.set(freshness().dataVersion);
    },
  });
  new Gauge({
    name: 'servq_query_newest_event_age_seconds',
    help: 'Age of the newest event in the lake (NaN while empty)',
    registers: [registry],
    collect() {
      this.set(ageSeconds(freshness().newestEventAt, now()));
    },
  });
  new Gauge({
    name: 'servq_query_last_sync_age_seconds',
    help: 'Time since the last successful sync finished (NaN before the first)',
    registers: [registry],
    collect() {
      this.set(ageSeconds(freshness().syncedAt, now()));
    },
  });
  return {
    registry,
    requestSeconds: new Histogram({
      name: 'servq_query_request_seconds',
      help: 'HTTP request durations by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: 'servq_query_cache_lookups_total',
      help: 'Answer-cache lookups of /v1/query by result (hit, miss)',
      labelNames: ['result'],
      registers: [registry],
    }),
    syncSeconds: new Histogram({
      name: 'servq_query_sync_seconds',
      help: 'Duration of a sync pass (mirror the lake, reconcile the database) by result (ok, failed)',
      labelNames: ['result'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
    filesMirrored: new Counter({
      name: 'servq_query_mirror_files_total',
      help: 'Lake objects mirrored by action (downloaded, removed)',
      labelNames: ['action'],
      registers: [registry],
    }),
    bytesMirrored: new Counter({
      name: 'servq_query_mirror_bytes_total',
      help: 'Bytes of lake objects downloaded',
      registers: [registry],
    }),
    eventsLoaded: new Counter({
      name: 'servq_query_events_loaded_total',
      help: 'Lake rows (events) loaded into the database by lake table',
      labelNames: ['table'],
      registers: [registry],
    }),
    sqlQueries: new Counter({
      name: 'servq_query_sql_queries_total',
      help: 'Analyst SQL queries by outcome (ok, truncated, rejected, timeout, memory, failed)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
