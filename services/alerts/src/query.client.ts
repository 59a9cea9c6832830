/**
 * The query API as the alerts service reads it, over HTTP only: the data version (to know when to evaluate),
 * comparisons with intervals and tests (the figures every metric rule is judged on — the metric SQL stays in the
 * query service), and the open complaints with their legal due dates (through /v1/sql on the `complaints` model,
 * whose due dates follow the rule in force on each complaint's day of receipt). Answers are validated with the
 * query API's own schemas.
 */
import { CompareAnswer, MetricsAnswer, QueryAnswer, SqlAnswer } from '@servq/query-api';
import type { z } from 'zod';
import { AlertsError, AlertsErrorCode } from './errors.ts';

export interface QueryClientOptions {
  url: string;
  token: string;
  timeoutMs: number;
}

export interface CompareRequest {
  metric: string;
  by: 'office' | 'language' | 'service_channel';
  from: string;
  to: string;
  filters?: Record<string, string>;
}

/** Open complaints of one office due on one day (counts only: no ids or text leave the query service). */
export interface OpenComplaint {
  office_id: string | null;
  legal_due_date: string;
  n: number;
}

export class QueryClient {
  constructor(private readonly options: QueryClientOptions) {}

  private async get<S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetch(`${this.options.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new AlertsError(AlertsErrorCode.QueryFailed, `query API unreachable: ${(error as Error).message}`, {
        cause: error,
        retryable: true,
      });
    }
    const text = await response.text();
    if (!response.ok) {
      throw new AlertsError(
        AlertsErrorCode.QueryFailed,
        `query API ${path.split('?')[0]} answered ${response.status}: ${text.slice(0, 300)}`,
        {
          retryable: response.status >= 500,
        },
      );
    }
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new AlertsError(AlertsErrorCode.QueryFailed, `query API ${path.split('?')[0]} answered an unexpected body`);
    }
    return parsed.data;
  }

  /** The catalogue (labels, units, targets) and the data version. */
  async catalogue(): Promise<MetricsAnswer> {
    return this.get('/v1/metrics', MetricsAnswer);
  }

  async compare(request: CompareRequest): Promise<CompareAnswer> {
    const params = new URLSearchParams({ metrics: request.metric, by: request.by, from: request.from, to: request.to });
    for (const [dimension, value] of Object.entries(request.filters ?? {})) params.set(`filter.${dimension}`, value);
    return this.get(`/v1/compare?${params.toString()}`, CompareAnswer);
  }

  /** The first week (its start day) in which the metric has any sample, within the window; null if none. */
  async firstWeekWithData(metric: string, from: string, to: string): Promise<string | null> {
    const params = new URLSearchParams({ metrics: metric, grain: 'week', from, to });
    const answer = await this.get(`/v1/query?${params.toString()}`, QueryAnswer);
    const periods = answer.rows
      .filter((row) => {
        const cell = row[metric];
        return typeof cell === 'object' && cell !== null && cell.n > 0;
      })
      .flatMap((row) => (typeof row.period === 'string' ? [row.period] : []))
      .sort();
    return periods[0] ?? null;
  }

  /** Open complaints with a legal due date, counted per office and due day. */
  async openComplaints(): Promise<OpenComplaint[]> {
    const sql =
      'SELECT office_id, CAST(legal_due_date AS VARCHAR) AS legal_due_date, count(*) AS n FROM complaints ' +
      'WHERE is_open AND legal_due_date IS NOT NULL GROUP BY ALL';
    const answer = await this.get('/v1/sql', SqlAnswer, { method: 'POST', body: JSON.stringify({ sql }) });
    if (answer.truncated) {
      throw new AlertsError(AlertsErrorCode.QueryFailed, 'the open-complaint list was cut by the SQL row limit', {
        retryable: false,
      });
    }
    return answer.rows.map((row) => ({
      office_id: typeof row.office_id === 'string' ? row.office_id : null,
      legal_due_date: String(row.legal_due_date).slice(0, 10),
      n: Number(row.n),
    }));
  }
}
