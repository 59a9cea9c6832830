import { CompareAnswer, MetricInfo, QueryAnswer } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { answer, compareAnswer, fig, group, metric } from './test.fixtures.ts';

describe('the unit tests’ API answers', () => {
  it('are bodies the query API publishes (so the shaping code is tested on what the API really sends)', () => {
    expect(MetricInfo.safeParse(metric('csat')).error).toBeUndefined();
    const rows = [{ period: '2026-03-01', office: 'cesis', csat: fig(0.8, 40, 0.85) }];
    expect(QueryAnswer.safeParse(answer(rows, { metrics: ['csat'], grain: 'month' })).error).toBeUndefined();
    expect(CompareAnswer.safeParse(compareAnswer([group('cesis'), group('liepaja')])).error).toBeUndefined();
    expect(QueryAnswer.safeParse({ ...answer(rows), extra: true }).success).toBe(false);
  });
});
