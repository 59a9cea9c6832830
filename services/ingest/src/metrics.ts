/** Prometheus metrics of one ingest app instance (its own registry, so tests can build many apps). */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface IngestMetrics {
  registry: Registry;
  events: Counter<'outcome' | 'type' | 'source'>;
  produceSeconds: Histogram<'result'>;
  batchSize: Histogram;
}

export function createIngestMetrics(): IngestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'servq_ingest_' });
  return {
    registry,
    events: new Counter({
      name: 'servq_ingest_events_total',
      help: 'Events by outcome (accepted, duplicate, rejected), event type and source key',
      labelNames: ['outcome', 'type', 'source'],
      registers: [registry],
    }),
    produceSeconds: new Histogram({
      name: 'servq_ingest_produce_seconds',
      help: 'Time from handing a request batch to Kafka until every message is acknowledged',
      labelNames: ['result'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'servq_ingest_batch_events',
      help: 'Events per request',
      buckets: [1, 10, 50, 100, 250, 500, 1000, 5000],
      registers: [registry],
    }),
  };
}
