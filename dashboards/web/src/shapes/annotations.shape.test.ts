import { describe, expect, it } from 'vitest';
import type { AnnotationItem } from '../api.types.ts';
import { placeAnnotations } from './annotations.shape.ts';

const law: AnnotationItem = {
  id: 'law',
  kind: 'law',
  from: '2026-03-01',
  to: null,
  offices: null,
  label: { lv: 'Likums', en: 'Law' },
  source: null,
};
const closure: AnnotationItem = { ...law, id: 'c', kind: 'closure', from: '2026-05-04', offices: ['cesis'] };

describe('placeAnnotations', () => {
  const months = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];

  it('puts an annotation on the period holding its first day, in the page language', () => {
    expect(placeAnnotations(months, [law], 'en', { lastDay: '2026-05-31' })).toEqual([
      { index: 2, kind: 'law', label: 'Law', from: '2026-03-01', to: null },
    ]);
    expect(placeAnnotations(['2026-02-23', '2026-03-02'], [law], 'lv', { lastDay: '2026-03-08' })[0]?.index).toBe(0);
  });

  it('leaves out annotations before the first period, after the range, or for an office not shown', () => {
    expect(placeAnnotations(['2026-04-01'], [law], 'en', { lastDay: '2026-04-30' })).toEqual([]);
    expect(placeAnnotations(months.slice(0, 2), [law], 'en', { lastDay: '2026-02-28' })).toEqual([]);
    expect(placeAnnotations(months, [closure], 'en', { lastDay: '2026-05-31', office: 'liepaja' })).toEqual([]);
    expect(placeAnnotations(months, [closure], 'en', { lastDay: '2026-05-31', office: 'cesis' })).toHaveLength(1);
  });
});
