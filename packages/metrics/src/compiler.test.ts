import { describe, expect, it } from 'vitest';
import { buildCatalogue, targetFor } from './catalogue.ts';
import { compileQuery, measureSql, sampleSql } from './compiler.ts';
import { isMetricsError, MetricsErrorCode } from './errors.ts';
import { Models } from './models.ts';

const catalogue = buildCatalogue({ waitTargetMinutes: 15 });

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('compileQuery', () => {
  it('compiles one survey metric by office and month into one grouped statement with parameters', () => {
    const compiled = compileQuery(catalogue, {
      metrics: ['csat'],
      dimensions: ['office'],
      from: '2026-01-01',
      to: '2026-03-31',
      grain: 'month',
    });
    expect(compiled.sql).toBe(
      [
        'WITH "m_surveys" AS (',
        '  SELECT year(event_date) * 12 + month(event_date) - 1 AS "period",',
        '    office_id AS "office",',
        '    avg(CASE WHEN satisfaction >= 4 THEN 1.0 ELSE 0.0 END) FILTER (WHERE satisfaction IS NOT NULL) AS "csat",',
        '    count(*) FILTER (WHERE satisfaction IS NOT NULL) AS "csat__n"',
        '  FROM "surveys"',
        '  WHERE event_date BETWEEN $1::DATE AND $2::DATE',
        '  GROUP BY "period", "office"',
        ')',
        'SELECT * REPLACE (make_date("period" // 12, "period" % 12 + 1, 1) AS "period") FROM "m_surveys"',
        'ORDER BY "period" NULLS LAST, "office" NULLS LAST',
      ].join('\n'),
    );
    expect(compiled.params).toEqual(['2026-01-01', '2026-03-31']);
    expect(compiled.keys).toEqual(['period', 'office']);
    expect(compiled.columns.map((c) => [c.value, c.sample])).toEqual([['csat', 'csat__n']]);
  });

  it('groups a daily query by the date itself, with nothing to convert afterwards', () => {
    const compiled = compileQuery(catalogue, {
      metrics: ['visits'],
      from: '2026-01-01',
      to: '2026-01-31',
      grain: 'day',
    });
    expect(compiled.sql).toContain('SELECT event_date AS "period"');
    expect(compiled.sql).toContain('SELECT * FROM "m_visits"');
  });

  it('passes filter values only as parameters, never in the SQL text', () => {
    const hostile = "riga'; DROP TABLE visits; --";
    const compiled = compileQuery(catalogue, {
      metrics: ['wait_p50'],
      filters: { office: [hostile, 'cesis'], language: ['ru'] },
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(compiled.sql).not.toContain('DROP');
    expect(compiled.sql).toContain('CAST(office_id AS VARCHAR) IN ($3, $4)');
    expect(compiled.sql).toContain('CAST(language AS VARCHAR) IN ($5)');
    expect(compiled.params).toEqual(['2026-01-01', '2026-01-31', hostile, 'cesis', 'ru']);
    expect(compiled.keys).toEqual([]);
    expect(compiled.sql).not.toContain('GROUP BY');
    expect(compiled.models).toEqual(['visits']);
  });

  it('stacks metrics of different models and regroups them, counts defaulting to zero', () => {
    const compiled = compileQuery(catalogue, {
      metrics: ['csat', 'visits', 'complaints_received'],
      dimensions: ['office'],
      from: '2026-01-01',
      to: '2026-01-31',
      grain: 'week',
    });
    expect(compiled.sql).toContain('"m_surveys" AS (');
    expect(compiled.sql).toContain('"m_visits" AS (');
    expect(compiled.sql).toContain('"m_complaints" AS (');
    expect(compiled.sql).toContain('UNION ALL BY NAME');
    expect(compiled.sql).toContain('coalesce(max("visits"), 0) AS "visits"');
    expect(compiled.sql).toContain('max("csat") AS "csat"');
    expect(compiled.sql).toContain(`(event_date - DATE '0001-01-01') // 7 AS "period"`);
    expect(compiled.sql).toContain(`SELECT DATE '0001-01-01' + CAST("period" * 7 AS INTEGER) AS "period",`);
    expect(compiled.sql).toMatch(/GROUP BY "period", "office"\nORDER BY/);
    expect(compiled.models).toEqual(['surveys', 'visits', 'complaints']);
  });

  it('rejects an unknown metric naming the parameter and the known ids', () => {
    const error = caught(() => compileQuery(catalogue, { metrics: ['csatt'], from: '2026-01-01', to: '2026-01-02' }));
    expect(isMetricsError(error) && error.code).toBe(MetricsErrorCode.UnknownMetric);
    expect(isMetricsError(error) && error.details.parameter).toBe('metrics');
    expect(isMetricsError(error) && error.details.expected).toContain('csat');
  });

  it('rejects a dimension the metric’s model lacks (complaint category on surveys)', () => {
    const error = caught(() =>
      compileQuery(catalogue, { metrics: ['csat'], dimensions: ['category'], from: '2026-01-01', to: '2026-01-02' }),
    );
    expect(isMetricsError(error) && error.code).toBe(MetricsErrorCode.DimensionNotAvailable);
    expect(isMetricsError(error) && error.details).toMatchObject({ parameter: 'dimensions', received: 'category' });
  });

  it('selects the rows with no office for a null office filter, in one WHERE shared by every metric of the model', () => {
    const compiled = compileQuery(catalogue, {
      metrics: ['complaints_received', 'open_overdue'],
      filters: { office: [null] },
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(compiled.sql).toMatch(/WHERE event_date BETWEEN \$1::DATE AND \$2::DATE\s+AND office_id IS NULL\n/);
    expect(compiled.params).toEqual(['2026-01-01', '2026-01-31']);
    const both = compileQuery(catalogue, {
      metrics: ['csat', 'feedback_received'],
      filters: { office: ['cesis', null] },
      from: '2026-01-01',
      to: '2026-01-31',
    });
    // Each model's CTE takes the same condition: the named office or none.
    expect(both.sql.match(/\(CAST\(office_id AS VARCHAR\) IN \(\$3\) OR office_id IS NULL\)/g)).toHaveLength(2);
    expect(both.params).toEqual(['2026-01-01', '2026-01-31', 'cesis']);
  });

  it('refuses a no-office filter on visits metrics, whose every row has an office, naming filter.office', () => {
    const error = caught(() =>
      compileQuery(catalogue, {
        metrics: ['complaints_received', 'wait_p50'],
        filters: { office: [null] },
        from: '2026-01-01',
        to: '2026-01-31',
      }),
    );
    expect(isMetricsError(error) && error.code).toBe(MetricsErrorCode.DimensionNotAvailable);
    expect(isMetricsError(error) && error.details.parameter).toBe('filter.office');
    expect(isMetricsError(error) && error.details.expected).toMatch(/visits metrics/);
  });

  it('rejects a filter on an unknown dimension naming filter.<name>', () => {
    const error = caught(() =>
      compileQuery(catalogue, {
        metrics: ['csat'],
        filters: { colour: ['red'] },
        from: '2026-01-01',
        to: '2026-01-02',
      }),
    );
    expect(isMetricsError(error) && error.details.parameter).toBe('filter.colour');
  });

  it('rejects a malformed date and a reversed range', () => {
    const bad = caught(() => compileQuery(catalogue, { metrics: ['csat'], from: '2026-13-01', to: '2026-01-02' }));
    expect(isMetricsError(bad) && bad.details.parameter).toBe('from');
    const reversed = caught(() => compileQuery(catalogue, { metrics: ['csat'], from: '2026-02-01', to: '2026-01-02' }));
    expect(isMetricsError(reversed) && reversed.code).toBe(MetricsErrorCode.InvalidRange);
  });
});

describe('measures', () => {
  it('compiles every kind of measure to an aggregate and a sample count', () => {
    expect(measureSql({ kind: 'quantile', value: 'wait_minutes', p: 0.9 })).toBe('quantile_cont(wait_minutes, 0.9)');
    expect(sampleSql({ kind: 'quantile', value: 'wait_minutes', p: 0.9 })).toBe('count(wait_minutes)');
    expect(measureSql({ kind: 'nps', value: 'recommend' })).toContain('>= 9');
    expect(measureSql({ kind: 'max', value: 'age_days', where: 'is_open' })).toBe(
      'max(age_days) FILTER (WHERE is_open)',
    );
  });

  it('only refers to columns its model has', () => {
    for (const metric of catalogue.values()) {
      const columns = new Set(Models[metric.model].columns.map((c) => c.name));
      const sql = `${measureSql(metric.measure)} ${sampleSql(metric.measure)}`;
      const identifiers = sql.replace(/'[^']*'/g, '').match(/\b[a-z_]+\b/g) ?? [];
      const keywords = new Set([
        'count',
        'filter',
        'where',
        'avg',
        'case',
        'when',
        'then',
        'else',
        'end',
        'is',
        'not',
        'null',
        'and',
        'or',
        'quantile_cont',
        'max',
        'nullif',
        'served',
        'refused',
      ]);
      const unknown = identifiers.filter((i) => !columns.has(i) && !keywords.has(i.toLowerCase()));
      expect({ metric: metric.id, unknown }).toEqual({ metric: metric.id, unknown: [] });
    }
  });
});

describe('buildCatalogue', () => {
  it('covers the metrics the issue lists', () => {
    expect([...catalogue.keys()]).toEqual(
      expect.arrayContaining([
        'surveys_answered',
        'csat',
        'satisfaction_mean',
        'competence_mean',
        'courtesy_mean',
        'speed_mean',
        'clarity_mean',
        'identifiable_mean',
        'nps',
        'visits',
        'wait_p50',
        'wait_p90',
        'wait_within_target',
        'service_time_p50',
        'no_show_share',
        'refusal_share',
        'refusal_regulation_share',
        'complaints_received',
        'response_p50',
        'response_p90',
        'legal_deadline_share',
        'internal_target_share',
        'open_complaints',
        'oldest_open_age',
        'praise_received',
      ]),
    );
  });

  it('applies per-office target overrides and keeps the default elsewhere', () => {
    const custom = buildCatalogue({ waitTargetMinutes: 15, targets: { wait_p50: { default: 12, cesis: 8 } } });
    const wait = custom.get('wait_p50')!;
    expect(targetFor(wait, 'cesis')).toBe(8);
    expect(targetFor(wait, 'liepaja')).toBe(12);
    expect(custom.get('wait_within_target')?.measure).toMatchObject({ success: 'wait_minutes <= 15' });
  });

  // The targets' key on the Offices screen sets this target beside the law's deadline; it had named the metric itself.
  it("marks the answer's median target as ATD's own aim inside the legal deadline, and keeps the mark when overridden", () => {
    const marked = (catalogue: ReturnType<typeof buildCatalogue>) =>
      [...catalogue.values()].filter((m) => m.target.insideLegalDeadline).map((m) => m.id);
    expect(marked(buildCatalogue({ waitTargetMinutes: 15 }))).toEqual(['response_p50']);
    const custom = buildCatalogue({ waitTargetMinutes: 15, targets: { response_p50: { default: 4, cesis: 3 } } });
    expect(custom.get('response_p50')!.target).toEqual({
      default: 4,
      byOffice: { cesis: 3 },
      insideLegalDeadline: true,
    });
  });

  it('refuses a target override for an unknown metric', () => {
    const error = caught(() => buildCatalogue({ waitTargetMinutes: 15, targets: { nope: { default: 1 } } }));
    expect(isMetricsError(error) && error.details.parameter).toBe('targets');
  });
});
