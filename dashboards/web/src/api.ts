/**
 * The query API client: same-origin HTTP with a bearer token. Every non-2xx answer becomes an `ApiError`
 * carrying the API's own code, message and details (or a plain description when the body is not the API's
 * error shape, e.g. a proxy's 502), so screens can show exactly what the service said. The alerts and reports
 * services are reached on the same origin (the query service forwards /v1/alerts*, /v1/reports*); their answers
 * are parsed with the published zod schemas, so a drifted answer fails here naming the field.
 */
import type {
  AnnotationsAnswer,
  BacklogAnswer,
  ChannelsAnswer,
  CompareAnswer,
  CompareWithinAnswer,
  DriversAnswer,
  DueAnswer,
  ErrorBody,
  ErrorDetail,
  Grain,
  MetricsAnswer,
  QueryAnswer,
  ReferenceAnswer,
  SchemaAnswer,
  SessionAnswer,
  SqlAnswer,
  TodayAnswer,
} from './api.types.ts';
import './zod.setup.ts';
import { AlertAckAnswer, AlertHistoryAnswer, AlertsAnswer, FeaturesAnswer } from '@servq/query-api/alerts';
import type { z } from 'zod';
import {
  ANNOTATIONS_PATH,
  channelsPath,
  comparePath,
  compareWithinPath,
  driversPath,
  queryPath,
  type ChannelsRequest,
  type CompareRequest,
  type CompareWithinRequest,
  type DriversRequest,
  type QueryRequest,
} from '@servq/query-api';

// The request shapes and their URLs have one home, shared with `pnpm bench` (@servq/query-api requests.ts).
export { queryString, type CompareRequest, type QueryRequest } from '@servq/query-api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

function parseJson(text: string): unknown {
  try {
    return text.length > 0 ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** A non-2xx answer as an ApiError with the service's own code, message and details where it sent them. */
function errorOf(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(response.status, code, message, Array.isArray(details) ? details : []);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `${response.status} ${response.statusText}`.trim());
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly base = '',
  ) {}

  metrics(): Promise<MetricsAnswer> {
    return this.get('/v1/metrics');
  }

  query(request: QueryRequest): Promise<QueryAnswer> {
    return this.get(queryPath(request));
  }

  compare(request: CompareRequest): Promise<CompareAnswer> {
    return this.get(comparePath(request));
  }

  /** Comparisons by several dimensions inside each value of another (each office's languages and channels). */
  compareWithin(request: CompareWithinRequest): Promise<CompareWithinAnswer> {
    return this.get(compareWithinPath(request));
  }

  /** Open complaints overdue or due within `within` working days (an office token: its own office). */
  complaintsDue(request: { within: number; filters?: QueryRequest['filters'] }): Promise<DueAnswer> {
    const params = new URLSearchParams({ within: String(request.within) });
    for (const [dimension, values] of Object.entries(request.filters ?? {}))
      if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
    return this.get(`/v1/complaints/due?${params.toString()}`);
  }

  /** Open and overdue complaints at the end of each period. */
  complaintsBacklog(request: {
    from: string;
    to: string;
    grain: Grain;
    filters?: QueryRequest['filters'];
  }): Promise<BacklogAnswer> {
    const params = new URLSearchParams({ from: request.from, to: request.to, grain: request.grain });
    for (const [dimension, values] of Object.entries(request.filters ?? {}))
      if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
    return this.get(`/v1/complaints/backlog?${params.toString()}`);
  }

  reference(): Promise<ReferenceAnswer> {
    return this.get('/v1/reference');
  }

  /** The office's day so far against the same weekday's usual; all offices when `office` is empty. */
  today(office: string, filters: Record<string, string[]> = {}): Promise<TodayAnswer> {
    const params = new URLSearchParams();
    if (office) params.set('office', office);
    for (const [dimension, values] of Object.entries(filters))
      if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
    const query = params.toString();
    return this.get(query ? `/v1/today?${query}` : '/v1/today');
  }

  annotations(): Promise<AnnotationsAnswer> {
    return this.get(ANNOTATIONS_PATH);
  }

  /** What drives overall satisfaction over the range (see the query API's /v1/drivers). */
  drivers(request: DriversRequest): Promise<DriversAnswer> {
    return this.get(driversPath(request));
  }

  /** Contacts by channel and digital take-up per period (see the query API's /v1/channels). */
  channels(request: ChannelsRequest): Promise<ChannelsAnswer> {
    return this.get(channelsPath(request));
  }

  /** Who the token is: its role and, for an office token, its office (401 for a token the API does not know). */
  session(): Promise<SessionAnswer> {
    return this.get('/v1/session');
  }

  schema(): Promise<SchemaAnswer> {
    return this.get('/v1/schema');
  }

  sql(sql: string): Promise<SqlAnswer> {
    return this.request('/v1/sql', { method: 'POST', body: JSON.stringify({ sql }) });
  }

  /** Which other services this origin forwards to: the Alerts and Reports screens show only when on. */
  features(): Promise<FeaturesAnswer> {
    return this.parsed(FeaturesAnswer, '/v1/features');
  }

  /** Open alerts (the alerts service, through this origin; an office token: its own office's). */
  alerts(): Promise<AlertsAnswer> {
    return this.parsed(AlertsAnswer, '/v1/alerts');
  }

  /** Alert events, newest first. */
  alertHistory(limit: number): Promise<AlertHistoryAnswer> {
    return this.parsed(AlertHistoryAnswer, `/v1/alerts/history?limit=${limit}`);
  }

  /** Records that this token's holder saw the alert (the first acknowledgement stays). */
  acknowledgeAlert(alertId: string): Promise<AlertAckAnswer> {
    return this.parsed(AlertAckAnswer, `/v1/alerts/${encodeURIComponent(alertId)}/ack`, { method: 'POST' });
  }

  /** The month's management report as a PDF (the reports service, through this origin), with its file name. */
  async monthlyReport(request: {
    month: string;
    office: string;
    lang: 'lv' | 'en';
  }): Promise<{ blob: Blob; filename: string }> {
    const params = new URLSearchParams({ month: request.month, lang: request.lang });
    if (request.office) params.set('office', request.office);
    const response = await this.send(`/v1/reports/monthly?${params.toString()}`, { method: 'GET' }, 'application/pdf');
    if (!response.ok) throw errorOf(response, parseJson(await response.text()));
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/pdf'))
      throw new ApiError(response.status, 'BAD_ANSWER', `expected a PDF, the service answered ${type || 'nothing'}`);
    const disposition = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    return {
      blob: await response.blob(),
      filename: disposition ?? `servq-${request.month}-${request.office || 'atd'}-${request.lang}.pdf`,
    };
  }

  private get<T>(path: string): Promise<T> {
    return this.request(path, { method: 'GET' });
  }

  /** A JSON answer checked against its published schema: a service that drifted fails here, by field. */
  private async parsed<S extends z.ZodType>(schema: S, path: string, init: RequestInit = { method: 'GET' }) {
    const body = await this.request<unknown>(path, init);
    const result = schema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ApiError(200, 'BAD_ANSWER', `unexpected answer from ${path.split('?')[0]}`, [
        { parameter: issue?.path.join('.') || '(body)', expected: issue?.message ?? 'the published shape' },
      ]);
    }
    return result.data;
  }

  private async send(path: string, init: RequestInit, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await this.fetchFn(`${this.base}${path}`, { ...init, headers });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', `the query service did not answer (${String(cause)})`);
    }
  }

  private async request<T>(path: string, init: RequestInit): Promise<T> {
    const response = await this.send(path, init);
    const body = parseJson(await response.text());
    if (!response.ok) throw errorOf(response, body);
    if (body === null) throw new ApiError(response.status, 'BAD_ANSWER', 'the query service answered without JSON');
    return body as T;
  }
}
