import { describe, expect, it } from 'vitest';
import type { DimensionInfo } from './api.types.ts';
import { catalogueOf } from './figures.ts';
import { defaultFilters } from './filters.ts';
import { scopeFilters } from './filter.scope.ts';
import { metric } from './test.fixtures.ts';

const dimension = (id: string, models: string[]): DimensionInfo => ({
  id,
  label: { lv: id, en: id },
  column: id,
  models,
});
const dimensions = [
  dimension('office', ['surveys', 'complaints']),
  dimension('service', ['surveys']),
  dimension('language', ['surveys', 'complaints']),
];
const catalogue = catalogueOf([
  metric('csat', { model: 'surveys' }),
  metric('open_complaints', { model: 'complaints' }),
]);

describe('filters scoped to what a panel can be split by', () => {
  const filters = { ...defaultFilters('2026-05-20'), office: 'cesis', service: 'licence-card', language: 'ru' };

  it('passes every set filter to survey metrics', () => {
    expect(scopeFilters(filters, ['csat'], catalogue, dimensions)).toEqual({
      filters: { office: ['cesis'], service: ['licence-card'], language: ['ru'] },
      skipped: [],
    });
  });

  it('leaves out the service filter for complaints, and says so', () => {
    expect(scopeFilters(filters, ['csat', 'open_complaints'], catalogue, dimensions)).toEqual({
      filters: { office: ['cesis'], language: ['ru'] },
      skipped: ['service'],
    });
  });

  it('does not filter by the dimension a comparison splits by', () => {
    expect(scopeFilters(filters, ['csat'], catalogue, dimensions, ['language']).filters).not.toHaveProperty('language');
  });
});
