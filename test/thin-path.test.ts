/**
 * The thin path, end to end with real processes, a real broker and a real S3 server: survey events POSTed to
 * ingest are landed by the lander as Parquet under an isolated lake prefix, mirrored by the query service,
 * and come back as metrics from GET /v1/query — and fresh events appear within twice the lander's flush
 * interval.
 */
import { randomUUID } from 'node:crypto';
import { pollUntil } from '@servq/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';

const FLUSH_MS = 3000;
const SYNC_MS = 500;
const MANAGEMENT = { authorization: 'Bearer servq-dev-management-token' };

interface Figure {
  value: number | null;
  n: number;
  suppressed: boolean;
}
type Row = Record<string, string | number | null | Figure>;

describe('ingest → Kafka → lander → S3 → query', () => {
  let stack: Stack;
  const office = 'liepaja';
  const day = new Date(Date.now() - 2 * 3600_000);

  beforeAll(async () => {
    stack = await startStack('thin-path', { flushMs: FLUSH_MS, syncMs: SYNC_MS });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  function survey(satisfaction: number, n: number) {
    return {
      event_id: randomUUID(),
      type: 'survey.submitted',
      schema_version: 1,
      occurred_at: new Date(day.getTime() + n * 1000).toISOString(),
      source: 'e2e',
      channel: 'in_person',
      office_id: office,
      survey_id: `${stack.names.runId}-${n}`,
      satisfaction,
      comment: 'Zvaniet 29123456, paldies!',
    };
  }

  async function send(events: unknown[]): Promise<void> {
    const res = await fetch(`${stack.ingestUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer servq-dev-survey-key', 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(res.status).toBe(200);
  }

  async function officeRow(): Promise<Row | undefined> {
    const from = new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const url = `${stack.queryUrl}/v1/query?metrics=surveys_answered,csat,satisfaction_mean&dimensions=office&from=${from}&to=${to}&filter.office=${office}`;
    const res = await fetch(url, { headers: MANAGEMENT });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Row[] };
    return body.rows.find((r) => r.office === office);
  }

  const valueOf = (row: Row | undefined, metric: string) => (row?.[metric] as Figure | undefined)?.value ?? null;

  it('serves metrics computed from events sent to ingest', async () => {
    // 30 surveys (the minimum sample of CSAT), satisfaction 5,5,4,2,1 six times over:
    // CSAT (share of 4–5) = 18/30 = 0.6, mean satisfaction = 102/30 = 3.4.
    const scores = Array.from({ length: 30 }, (_, i) => [5, 5, 4, 2, 1][i % 5]!);
    await send(scores.map((s, i) => survey(s, i)));
    let row: Row | undefined;
    await pollUntil(
      async () => {
        row = await officeRow();
        return valueOf(row, 'surveys_answered') === 30;
      },
      { intervalMs: 500, timeoutMs: 90_000 },
    );
    expect(valueOf(row, 'csat')).toBeCloseTo(0.6, 6);
    expect(valueOf(row, 'satisfaction_mean')).toBeCloseTo(3.4, 6);
  });

  it('shows fresh events within twice the lander flush interval', async () => {
    await send([survey(3, 100)]);
    const acknowledged = Date.now();
    await pollUntil(async () => valueOf(await officeRow(), 'surveys_answered') === 31, {
      intervalMs: 200,
      timeoutMs: 2 * FLUSH_MS,
    });
    expect(Date.now() - acknowledged).toBeLessThanOrEqual(2 * FLUSH_MS + 200);
  });
});
