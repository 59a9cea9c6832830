/**
 * Runs catalogue queries against the store: compiles the request, applies the caller's office scope, turns
 * raw rows into figures with their sample size, target and suppression, and caches answers per data version.
 */
import { compileQuery, measureOf, targetFor, type Catalogue, type Grain } from '@servq/metrics';
import type { Figure, Freshness, QueryAnswer, QueryCell } from '@servq/query-api';
import { LRUCache } from 'lru-cache';
import type { Principal } from './auth.ts';
import { QueryError, QueryErrorCode } from '../errors.ts';
import { toCsv } from './csv.ts';
import { shownFilters, type Filters } from './params.ts';

export interface ReadStore {
  query(sql: string, params: readonly string[]): Promise<Record<string, unknown>[]>;
  getFreshness(): Freshness;
}

export interface MetricQuery {
  metrics: string[];
  dimensions: string[];
  filters: Filters;
  from: string;
  to: string;
  grain?: Grain | undefined;
}

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * An office token sees its own office in detail only. The records with no office (`no-office`, null here) are
 * not its office's either: they wait for the agency to assign them, so asking for them is refused like another office.
 */
export function scopeFilters(principal: Principal, filters: Filters): Filters {
  if (principal.role !== 'office' || principal.office === undefined) return filters;
  const asked = filters.office ?? [];
  const others = asked.filter((o) => o !== principal.office);
  if (others.length > 0) {
    throw new QueryError(QueryErrorCode.Forbidden, 'an office token sees other offices only in /v1/compare', [
      {
        parameter: 'filter.office',
        expected: principal.office,
        received: shownFilters({ office: others }).office!.join(','),
      },
    ]);
  }
  return { ...filters, office: [principal.office] };
}

export interface QueryServiceOptions {
  /** Answers kept (per data version); 0 turns the cache off. */
  cacheEntries: number;
  /** Told of every cache lookup (for the hit/miss metric); not called while the cache is off. */
  onCacheLookup?: (hit: boolean) => void;
}

export class QueryService {
  private readonly cache: LRUCache<string, QueryAnswer> | undefined;

  constructor(
    private readonly store: ReadStore,
    private readonly catalogue: Catalogue,
    private readonly options: QueryServiceOptions,
  ) {
    this.cache = options.cacheEntries > 0 ? new LRUCache({ max: options.cacheEntries }) : undefined;
  }

  async run(principal: Principal, request: MetricQuery): Promise<QueryAnswer> {
    const filters = scopeFilters(principal, request.filters);
    const compiled = compileQuery(this.catalogue, { ...request, filters });
    const freshness = this.store.getFreshness();
    const key = JSON.stringify([freshness.dataVersion, compiled.sql, compiled.params]);
    const cached = this.cache?.get(key);
    if (this.cache) this.options.onCacheLookup?.(cached !== undefined);
    if (cached) return { ...cached, freshness };
    const raw = await this.store.query(compiled.sql, compiled.params);
    const rows = raw.map((row) => {
      const out: Record<string, QueryCell> = {};
      for (const k of compiled.keys)
        out[k] = row[k] === null || row[k] === undefined ? null : (row[k] as string | number);
      const office =
        typeof row.office === 'string'
          ? row.office
          : filters.office?.length === 1
            ? (filters.office[0] ?? undefined)
            : undefined;
      for (const column of compiled.columns) {
        const n = toNumber(row[column.sample]) ?? 0;
        const suppressed = n < column.metric.minSample;
        const value = suppressed ? null : toNumber(row[column.value]);
        const spread = column.spread === null ? null : toNumber(row[column.spread]);
        const interval = measureOf(column.metric.measure).intervalOf(column.metric.measure, { value, n, spread });
        out[column.value] = {
          value,
          n,
          target: targetFor(column.metric, office),
          suppressed,
          ...(interval ? { interval } : {}),
        };
      }
      return out;
    });
    const answer: QueryAnswer = {
      freshness,
      query: {
        metrics: compiled.columns.map((c) => c.metric.id),
        dimensions: request.dimensions,
        filters: shownFilters(filters),
        from: request.from,
        to: request.to,
        grain: request.grain ?? null,
      },
      rows,
    };
    this.cache?.set(key, answer);
    return answer;
  }
}

/** A flat CSV of an answer: keys, then `<metric>` and `<metric>_n` per metric; suppressed values are empty. */
export function answerToCsv(answer: QueryAnswer): string {
  const keys = [...(answer.query.grain ? ['period'] : []), ...answer.query.dimensions];
  const header = [...keys, ...answer.query.metrics.flatMap((m) => [m, `${m}_n`])];
  const lines = answer.rows.map((row) => [
    ...keys.map((k) => row[k]),
    ...answer.query.metrics.flatMap((m) => {
      const figure = row[m] as Figure;
      return [figure.value, figure.n];
    }),
  ]);
  return toCsv(header, lines);
}
