/**
 * The lander's HTTP surface, on 127.0.0.1 by default: health, readiness, and compaction on demand
 * (`POST /compaction`, a finished day of one table, or every finished day in the lookback window). Prometheus
 * metrics are not served here but on the metrics listener of their own (`LANDER_METRICS_ADDR`, main.ts).
 * Errors use the services' one shape: `{ error: { code, message, details } }`.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DayCompaction } from './lake/compaction.ts';
import { isLanderError } from './errors.ts';

export interface Probes {
  healthy(): boolean;
  ready(): boolean;
}

export interface CompactionControl {
  tables: readonly string[];
  compactDay(table: string, date: string): Promise<DayCompaction>;
  compactFinishedDays(): Promise<DayCompaction[]>;
}

const CompactionRequest = z.union([
  z.strictObject({ table: z.string(), date: z.iso.date({ error: 'expected a date YYYY-MM-DD' }) }),
  z.strictObject({}),
]);

export function buildHttpServer(probes: Probes, compaction?: CompactionControl): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler((error, _request, reply) => {
    const code = isLanderError(error) ? error.code : 'LANDER_INTERNAL';
    return reply
      .code(500)
      .send({ error: { code, message: error instanceof Error ? error.message : String(error), details: {} } });
  });
  app.get('/healthz', async (_request, reply) => {
    const ok = probes.healthy();
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'failed' });
  });
  app.get('/readyz', async (_request, reply) => {
    const ok = probes.ready();
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready' });
  });
  if (compaction) {
    app.post('/compaction', async (request, reply) => {
      const parsed = CompactionRequest.safeParse(request.body ?? {});
      if (!parsed.success || ('table' in parsed.data && !compaction.tables.includes(parsed.data.table))) {
        return reply.code(400).send({
          error: {
            code: 'LANDER_BAD_REQUEST',
            message: 'expected {} or { "table": <lake table>, "date": "YYYY-MM-DD" }',
            details: { tables: compaction.tables },
          },
        });
      }
      const results =
        'table' in parsed.data
          ? [await compaction.compactDay(parsed.data.table, parsed.data.date)]
          : await compaction.compactFinishedDays();
      return reply.send({ results });
    });
  }
  return app;
}
