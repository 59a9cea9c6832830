import { describe, expect, it } from 'vitest';
import { mergeAnswers } from './scoped.query.ts';
import { answer, fig } from './test.fixtures.ts';

describe('answers asked for with different filters, merged', () => {
  it('joins rows on their key columns and keeps every metric', () => {
    const surveys = answer([{ period: '2026-03-01', csat: fig(0.8, 100) }], { metrics: ['csat'] });
    const complaints = answer(
      [
        { period: '2026-03-01', open_complaints: fig(4, 4) },
        { period: '2026-04-01', open_complaints: fig(6, 6) },
      ],
      { metrics: ['open_complaints'] },
    );
    const merged = mergeAnswers([surveys, complaints]);
    expect(merged.query.metrics).toEqual(['csat', 'open_complaints']);
    expect(merged.rows).toEqual([
      { period: '2026-03-01', csat: fig(0.8, 100), open_complaints: fig(4, 4) },
      { period: '2026-04-01', open_complaints: fig(6, 6) },
    ]);
  });
});
