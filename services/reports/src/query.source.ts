/**
 * The query API as the reports service reads it, over HTTP, in one place: the open complaints by legal deadline
 * (the digest) and the reference names (the digest's labels, the report's office name). Answers are validated
 * with the query API's own schemas; a failure is a ReportsError (QUERY_FAILED) naming the path.
 */
import { DueAnswer, ReferenceAnswer, type Lang } from '@servq/query-api';
import type { z } from 'zod';
import { ReportsError, ReportsErrorCode } from './errors.ts';

/** The query API's most complaints per answer; the counts beyond it are still exact. */
const LIST_LIMIT = 1000;

export interface QuerySource {
  /** Open complaints overdue or due within `within` working days, of one office or (undefined) of all. */
  due(office: string | undefined, within: number): Promise<DueAnswer>;
  reference(): Promise<ReferenceAnswer>;
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
