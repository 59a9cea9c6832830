import { DuckDBInstance } from '@duckdb/node-api';
import { Grains, periodFromKeySql, periodKeySql } from '@servq/metrics';
import { describe, expect, it } from 'vitest';

describe('the metric compiler’s period keys, run in DuckDB', () => {
  it.each(Grains)('give each date the first day of its %s, as date_trunc does (every day 1990–2040)', async (grain) => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    try {
      const result = await connection.runAndReadAll(
        `WITH days AS (SELECT CAST(d AS DATE) AS event_date FROM range(DATE '1990-01-01', DATE '2041-01-01', ` +
          `INTERVAL 1 DAY) t(d)), keyed AS (SELECT event_date, ${periodKeySql(grain)} AS k FROM days) ` +
          `SELECT count(*)::INTEGER AS days, count(*) FILTER (WHERE ${periodFromKeySql(grain, 'k')} IS DISTINCT ` +
          `FROM CAST(date_trunc('${grain}', event_date) AS DATE))::INTEGER AS wrong FROM keyed`,
      );
      expect(result.getRowObjectsJson()).toEqual([{ days: 18628, wrong: 0 }]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
