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
  it('is what /v1/session says, with the office of an office token, in one request', async () => {
    const { calls, fetchFn } = fakeFetch({
      'GET /v1/session': () => [200, { role: 'office', office: 'cesis' }],
    });
    expect(await identify(new ApiClient('t', fetchFn))).toEqual({ role: 'office', office: 'cesis' });
    expect(calls.length).toBe(1);
  });

  it('has no office for the management and analyst roles', async () => {
    const { fetchFn } = fakeFetch({ 'GET /v1/session': () => [200, { role: 'analyst', office: null }] });
    expect(await identify(new ApiClient('t', fetchFn))).toEqual({ role: 'analyst' });
  });

  it('rejects an unknown token with the API’s 401', async () => {
    const { fetchFn } = fakeFetch({
      'GET /v1/session': () => [401, { error: { code: 'QUERY_UNAUTHORIZED', message: 'unknown token', details: [] } }],
    });
    await expect(identify(new ApiClient('t', fetchFn))).rejects.toMatchObject({
      status: 401,
      message: 'unknown token',
    });
  });
});

describe('alerts and reports through the query origin', () => {
  it("refuses an alerts answer that is not the alerts service's published shape, naming the field", async () => {
    const { fetchFn } = fakeFetch({ 'GET /v1/alerts': () => [200, { alerts: [{ alert_id: 'a' }] }] });
    const error = await new ApiClient('t', fetchFn).alerts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_ANSWER', details: [{ parameter: 'alerts.0.rule_id' }] });
  });

  it('acknowledges by POST to the alert’s escaped id with the token', async () => {
    const { calls, fetchFn } = fakeFetch({
      'POST /v1/alerts/csat%3Acesis/ack': () => [
        200,
        { alert_id: 'csat:cesis', acknowledged_by: 'dev-management', acknowledged_at: '2026-12-04T10:00:00Z' },
      ],
    });
    const answer = await new ApiClient('tok', fetchFn).acknowledgeAlert('csat:cesis');
    expect(answer.acknowledged_by).toBe('dev-management');
    expect(calls[0]?.init?.headers).toMatchObject({ authorization: 'Bearer tok' });
  });

  it("downloads a report as a PDF with the service's file name, and words a refusal as the service did", async () => {
    const fetchFn = (url: string) =>
      Promise.resolve(
        url.includes('office=liepaja')
          ? new Response(
              JSON.stringify({ error: { code: 'REPORTS_FORBIDDEN', message: 'own office only', details: [] } }),
              { status: 403 },
            )
          : new Response(new Uint8Array([37, 80, 68, 70]), {
              status: 200,
              headers: {
                'content-type': 'application/pdf',
                'content-disposition': 'inline; filename="servq-2026-11-cesis-en.pdf"',
              },
            }),
      );
    const client = new ApiClient('t', fetchFn);
    const report = await client.monthlyReport({ month: '2026-11', office: 'cesis', lang: 'en' });
    expect(report.filename).toBe('servq-2026-11-cesis-en.pdf');
    expect(report.blob.size).toBe(4);
    const refused = await client
      .monthlyReport({ month: '2026-11', office: 'liepaja', lang: 'lv' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 403, code: 'REPORTS_FORBIDDEN' });
  });
});
