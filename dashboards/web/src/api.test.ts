import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, queryString } from './api.ts';
import { identify } from './session.ts';

function fakeFetch(routes: Record<string, (init?: RequestInit) => [number, unknown]>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchFn = (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    const [status, body] = routes[key]?.(init) ?? [
      404,
      { error: { code: 'QUERY_NOT_FOUND', message: 'no route', details: [] } },
    ];
    return Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
  };
  return { calls, fetchFn };
}

describe('query API client', () => {
  it('builds the query string the API validates, with filters as filter.<dimension>', () => {
    expect(
      queryString({
        metrics: ['csat', 'wait_p50'],
        dimensions: ['office'],
        from: '2026-03-01',
        to: '2026-03-31',
        grain: 'month',
        filters: { office: ['cesis'], language: [] },
      }),
    ).toBe('metrics=csat%2Cwait_p50&dimensions=office&from=2026-03-01&to=2026-03-31&grain=month&filter.office=cesis');
  });

  it("asks /v1/today for the office and the page's channel, service and language filters", async () => {
    const { calls, fetchFn } = fakeFetch({ 'GET /v1/today': () => [200, {}] });
    const client = new ApiClient('t', fetchFn);
    await client.today('cesis', { channel: ['in_person'], language: [] });
    await client.today('');
    expect(calls.map((c) => c.url)).toEqual(['/v1/today?office=cesis&filter.channel=in_person', '/v1/today']);
  });

  it('sends the bearer token and turns the API error shape into an ApiError with its message and details', async () => {
    const { calls, fetchFn } = fakeFetch({
      'GET /v1/query': () => [
        400,
        {
          error: {
            code: 'QUERY_BAD_PARAMETER',
            message: 'invalid parameters: from',
            details: [{ parameter: 'from', expected: 'a date' }],
          },
        },
      ],
    });
    const client = new ApiClient('tok', fetchFn);
    const error = await client.query({ metrics: ['csat'], from: 'x', to: 'y' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'QUERY_BAD_PARAMETER', message: 'invalid parameters: from' });
    expect((error as ApiError).details).toEqual([{ parameter: 'from', expected: 'a date' }]);
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('describes an answer that is not the API’s error shape (a proxy’s 502) by its status', async () => {
    const { fetchFn } = fakeFetch({ 'GET /v1/metrics': () => [502, '<html>bad gateway</html>'] });
    await expect(new ApiClient('t', fetchFn).metrics()).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('reports a service that does not answer at all', async () => {
    const client = new ApiClient('t', () => Promise.reject(new TypeError('fetch failed')));
    await expect(client.metrics()).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });
});

describe('role of a token', () => {
  const ok = (): [number, unknown] => [200, {}];
  const forbidden = (): [number, unknown] => [403, { error: { code: 'QUERY_FORBIDDEN', message: 'no', details: [] } }];

  it('is management when the schema is readable but SQL is refused', async () => {
    const { fetchFn } = fakeFetch({ 'GET /v1/metrics': ok, 'GET /v1/schema': ok, 'POST /v1/sql': forbidden });
    expect(await identify(new ApiClient('t', fetchFn), '2026-05-01')).toEqual({ role: 'management' });
  });

  it('is analyst when SQL runs', async () => {
    const { fetchFn } = fakeFetch({ 'GET /v1/metrics': ok, 'GET /v1/schema': ok, 'POST /v1/sql': ok });
    expect(await identify(new ApiClient('t', fetchFn), '2026-05-01')).toEqual({ role: 'analyst' });
  });

  it('is an office, with its office, when the schema is refused and queries are scoped to one office', async () => {
    const { fetchFn } = fakeFetch({
      'GET /v1/metrics': ok,
      'GET /v1/schema': forbidden,
      'GET /v1/query': () => [200, { query: { filters: { office: ['cesis'] } }, rows: [] }],
    });
    expect(await identify(new ApiClient('t', fetchFn), '2026-05-01')).toEqual({ role: 'office', office: 'cesis' });
  });

  it('rejects an unknown token with the API’s 401', async () => {
    const { fetchFn } = fakeFetch({
      'GET /v1/metrics': () => [401, { error: { code: 'QUERY_UNAUTHORIZED', message: 'unknown token', details: [] } }],
    });
    await expect(identify(new ApiClient('t', fetchFn), '2026-05-01')).rejects.toMatchObject({
      status: 401,
      message: 'unknown token',
    });
  });
});
