/**
 * The query API as the reports service reads it, over HTTP, in one place: the open complaints by legal deadline
 * (the digest), the reference names (the digest's labels, the report's office name), and a month's figures with
 * the metric catalogue (the report e-mail's figures off target). Answers are validated
 * with the query API's own schemas; a failure is a ReportsError (QUERY_FAILED) naming the path.
 */
import {
  DueAnswer,
  MetricsAnswer,
  QueryAnswer,
  ReferenceAnswer,
  type Lang,
  type MetricInfo,
  type QueryCell,
} from '@servq/query-api';
import type { z } from 'zod';
import { ReportsError, ReportsErrorCode } from './errors.ts';

/** The query API's most complaints per answer; the counts beyond it are still exact. */
const LIST_LIMIT = 1000;

export interface QuerySource {
  /** Open complaints overdue or due within `within` working days, of one office or (undefined) of all. */
  due(office: string | undefined, within: number): Promise<DueAnswer>;
  reference(): Promise<ReferenceAnswer>;
  /** The figures of `metrics` over a range (one row, no dimensions), of one office or (undefined) of all. */
  figures(
    metrics: readonly string[],
    range: { from: string; to: string },
    office: string | undefined,
  ): Promise<Record<string, QueryCell>>;
  /** The metric catalogue: labels, units, directions. */
  metrics(): Promise<MetricInfo[]>;
}

export function querySource(options: { url: string; token: string; timeoutMs: number }): QuerySource {
  async function get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetch(`${options.url}${path}`, {
        headers: { authorization: `Bearer ${options.token}` },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new ReportsError(ReportsErrorCode.QueryFailed, `query API unreachable: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (!response.ok) {
      throw new ReportsError(
        ReportsErrorCode.QueryFailed,
        `query API ${path.split('?')[0]} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    }
    return schema.parse(await response.json());
  }
  return {
    due(office, within) {
      const params = new URLSearchParams({ within: String(within), limit: String(LIST_LIMIT) });
      if (office) params.set('filter.office', office);
      return get(`/v1/complaints/due?${params.toString()}`, DueAnswer);
    },
    reference: () => get('/v1/reference', ReferenceAnswer),
    async figures(metrics, range, office) {
      const params = new URLSearchParams({ metrics: metrics.join(','), from: range.from, to: range.to });
      if (office) params.set('filter.office', office);
      return (await get(`/v1/query?${params.toString()}`, QueryAnswer)).rows[0] ?? {};
    },
    metrics: async () => (await get('/v1/metrics', MetricsAnswer)).metrics,
  };
}

/**
 * An office's name in a language, from the reference read once and kept (names do not change while a process
 * runs). While the reference cannot be read the id stands in and the next call asks again: a report headed
 * "cesis" is better than no report.
 */
export function officeNames(
  source: Pick<QuerySource, 'reference'>,
): (office: string | undefined, lang: Lang) => Promise<string | undefined> {
  let reference: ReferenceAnswer | undefined;
  return async (office, lang) => {
    if (office === undefined) return undefined;
    try {
      reference ??= await source.reference();
    } catch {
      return office;
    }
    return reference.offices.find((o) => o.id === office)?.name[lang] ?? office;
  };
}
