import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { quantileChangeStatement, quantileIntervalStatement, readSummaries, summaryStatement } from './comparison.ts';
import { Measures, measureOf } from './measures.ts';

const catalogue = buildCatalogue({ waitTargetMinutes: 15 });
const metric = (id: string) => catalogue.get(id)!;
const range = { from: '2026-03-01', to: '2026-03-31' };

describe('measure kinds, each defined once', () => {
  it('gives every kind of the catalogue its figure, sample, summary, interval and test', () => {
    for (const m of catalogue.values()) {
      const kind = measureOf(m.measure);
      expect(kind).toBe(Measures[m.measure.kind]);
      expect(kind.figureSql(m.measure)).not.toBe('');
      expect(kind.sampleSql(m.measure)).not.toBe('');
      expect(kind.summarySql(m.measure)).toMatch(/ AS n\b/);
    }
  });

  it('reads a share with its Wilson interval and tests two shares', () => {
    const share = Measures.share;
    const measure = { kind: 'share', success: 's', among: 'true' } as const;
    const x = share.summarise(measure, { v: null, a: 40, b: 0, n: 50 });
    expect(x.value).toBe(0.8);
    expect(x.interval!.low).toBeCloseTo(0.6696, 3);
    expect(share.differenceP(measure, x, share.summarise(measure, { v: null, a: 25, b: 0, n: 50 }))).toBeLessThan(0.01);
  });

  it('reads an NPS from promoters and detractors (points, with a normal interval)', () => {
    const nps = Measures.nps.summarise({ kind: 'nps', value: 'r' }, { v: null, a: 6, b: 2, n: 10 });
    expect(nps.value).toBeCloseTo(40);
    expect(nps.interval!.low).toBeLessThan(40);
  });

  it("gives a query's figure the same 95 % interval a comparison gives it, from the figure, sample and spread", () => {
    const share = { kind: 'share', success: 's', among: 'true' } as const;
    expect(Measures.share.intervalOf(share, { value: 0.8, n: 50, spread: null })).toEqual(
      Measures.share.summarise(share, { v: null, a: 40, b: 0, n: 50 }).interval,
    );
    // Scores 4, 5, 3, 4: mean 4, sample variance 2/3.
    const mean = { kind: 'mean', value: 'x' } as const;
    const fromQuery = Measures.mean.intervalOf(mean, { value: 4, n: 4, spread: 2 / 3 });
    const fromSummary = Measures.mean.summarise(mean, { v: null, a: 16, b: 66, n: 4 }).interval;
    expect(fromQuery!.low).toBeCloseTo(fromSummary!.low, 10);
    expect(fromQuery!.high).toBeCloseTo(fromSummary!.high, 10);
    // 6 promoters, 2 detractors of 10: the ±100 scores' population variance is 10 000·(0.8 − 0.16) = 6 400.
    const nps = { kind: 'nps', value: 'r' } as const;
    const npsQuery = Measures.nps.intervalOf(nps, { value: 40, n: 10, spread: 6400 });
    const npsSummary = Measures.nps.summarise(nps, { v: null, a: 6, b: 2, n: 10 }).interval;
    expect(npsQuery!.low).toBeCloseTo(npsSummary!.low, 10);
    expect(Measures.mean.spreadSql(mean)).toBe('var_samp(x)');
    expect(
      Measures.quantile.intervalOf({ kind: 'quantile', value: 'w', p: 0.5 }, { value: 5, n: 99, spread: null }),
    ).toBeNull();
  });

  it('counts a count group as its own sample and leaves it untested', () => {
    const summary = Measures.count.summarise({ kind: 'count' }, { v: 7, a: 0, b: 0, n: 0 });
    expect(summary).toMatchObject({ n: 7, value: 7 });
    expect(Measures.count.differenceP({ kind: 'count' }, summary, summary)).toBeNull();
  });
});

describe('comparison statements', () => {
  it('groups a metric by the column with an all-group row, filters as parameters', () => {
    const scope = { metric: metric('nps'), column: 'office_id', filters: { office: ['cesis'] } };
    const statement = summaryStatement(scope, range);
    expect(statement.sql).toContain('GROUP BY GROUPING SETS ((office_id), ())');
    expect(statement.params).toEqual(['2026-03-01', '2026-03-31', 'cesis']);
    const read = readSummaries(scope.metric, statement, [
      { g: null, is_total: 1, a: 6, b: 2, n: 10 },
      { g: 'cesis', is_total: 0, a: 6, b: 2, n: 10 },
    ]);
    expect(read.total.value).toBeCloseTo(40);
    expect(read.groups.get('cesis')?.n).toBe(10);
  });

  it('compiles quantile statements only for quantile metrics', () => {
    const quantile = [...catalogue.values()].find((m) => m.measure.kind === 'quantile')!;
    const other = metric('nps');
    const previous = { from: '2026-01-29', to: '2026-02-28' };
    expect(quantileChangeStatement({ metric: other, column: 'office_id', filters: {} }, range, previous)).toBeNull();
    const change = quantileChangeStatement({ metric: quantile, column: 'office_id', filters: {} }, range, previous);
    expect(change?.sql).toContain('quantile_cont');
    expect(change?.params).toEqual([range.from, range.to, previous.from, previous.to]);
    const none = { total: { n: 0, a: 0, b: 0, value: null, interval: null }, groups: new Map(), where: [], params: [] };
    expect(quantileIntervalStatement({ metric: quantile, column: 'office_id', filters: {} }, none)).toBeNull();
  });
});
