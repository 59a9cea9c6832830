/**
 * The query API client: same-origin HTTP with a bearer token. Every non-2xx answer becomes an `ApiError`
 * carrying the API's own code, message and details (or a plain description when the body is not the API's
 * error shape, e.g. a proxy's 502), so screens can show exactly what the service said.
 */
import type {
  AnnotationsAnswer,
  BacklogAnswer,
  ChannelsAnswer,
  CompareAnswer,
  DriversAnswer,
  DueAnswer,
  ErrorBody,
  ErrorDetail,
  Grain,
  MetricsAnswer,
  QueryAnswer,
  ReferenceAnswer,
  SchemaAnswer,
  SqlAnswer,
  TodayAnswer,
} from './api.types.ts';

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

export interface QueryRequest {
  metrics: readonly string[];
  dimensions?: readonly string[];
  filters?: Readonly<Record<string, readonly string[]>>;
  from: string;
  to: string;
  grain?: Grain;
}

export interface CompareRequest {
  metrics: readonly string[];
  by: 'office' | 'language' | 'channel';
  from: string;
  to: string;
  filters?: Readonly<Record<string, readonly string[]>>;
  /** Compare with the previous period of equal length (default) or the same dates a year earlier. */
  against?: 'previous' | 'year';
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The query string of a catalogue query, in the parameter names the API validates. */
export function queryString(request: QueryRequest): string {
  const params = new URLSearchParams();
  params.set('metrics', request.metrics.join(','));
  if (request.dimensions && request.dimensions.length > 0) params.set('dimensions', request.dimensions.join(','));
  params.set('from', request.from);
  params.set('to', request.to);
  if (request.grain) params.set('grain', request.grain);
  for (const [dimension, values] of Object.entries(request.filters ?? {}))
    if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
  return params.toString();
}

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
    return this.get(`/v1/query?${queryString(request)}`);
  }

  compare(request: CompareRequest): Promise<CompareAnswer> {
    const params = new URLSearchParams({
      metrics: request.metrics.join(','),
      by: request.by,
      from: request.from,
      to: request.to,
    });
    if (request.against === 'year') params.set('against', 'year');
    for (const [dimension, values] of Object.entries(request.filters ?? {}))
      if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
    return this.get(`/v1/compare?${params.toString()}`);
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
    return this.get('/v1/annotations');
  }

  /** What drives overall satisfaction over the range (see the query API's /v1/drivers). */
  drivers(from: string, to: string, filters: Record<string, string[]> = {}): Promise<DriversAnswer> {
    const params = new URLSearchParams({ from, to });
    for (const [dimension, values] of Object.entries(filters))
      if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
    return this.get(`/v1/drivers?${params.toString()}`);
  }

  /** Contacts by channel and digital take-up per period (see the query API's /v1/channels). */
  channels(from: string, to: string, grain: Grain, filters: Record<string, string[]> = {}): Promise<ChannelsAnswer> {
    const params = new URLSearchParams({ from, to, grain });
    for (const [dimension, values] of Object.entries(filters))
      if (values.length > 0) params.set(`filter.${dimension}`, values.join(','));
    return this.get(`/v1/channels?${params.toString()}`);
  }

  schema(): Promise<SchemaAnswer> {
    return this.get('/v1/schema');
  }

  sql(sql: string): Promise<SqlAnswer> {
    return this.request('/v1/sql', { method: 'POST', body: JSON.stringify({ sql }) });
  }

  private get<T>(path: string): Promise<T> {
    return this.request(path, { method: 'GET' });
  }

  private async request<T>(path: string, init: RequestInit): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(`${this.base}${path}`, { ...init, headers });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', `the query service did not answer (${String(cause)})`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) {
      if (isErrorBody(body)) {
        const { code, message, details } = body.error;
        throw new ApiError(response.status, code, message, Array.isArray(details) ? details : []);
      }
      throw new ApiError(
        response.status,
        `HTTP_${response.status}`,
        `${response.status} ${response.statusText}`.trim(),
      );
    }
    if (body === null) throw new ApiError(response.status, 'BAD_ANSWER', 'the query service answered without JSON');
    return body as T;
  }
}
