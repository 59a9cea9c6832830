import { describe, expect, it } from 'vitest';
import type { GroupFigure } from '../api.types.ts';
import { changeOf, verdictOf } from './tiles.change.ts';

const figure = (over: Partial<GroupFigure>): GroupFigure => ({
  group: null,
  value: 0.8,
  n: 400,
  interval: { low: 0.76, high: 0.84 },
  suppressed: false,
  target: 0.85,
  pValue: null,
  significant: false,
  previous: { value: 0.75, n: 380, suppressed: false },
  change: 0.05,
  changePValue: 0.03,
  changeSignificant: true,
  ...over,
});

describe('tile change and verdict', () => {
  it('words a change by the metric’s own direction', () => {
    expect(changeOf(figure({}), 'higher_is_better')).toMatchObject({ way: 'better', significant: true });
    expect(changeOf(figure({ change: 2 }), 'lower_is_better')?.way).toBe('worse');
    expect(changeOf(figure({ change: -2 }), 'lower_is_better')?.way).toBe('better');
    expect(
      changeOf(figure({ previous: { value: null, n: 3, suppressed: true }, change: null }), 'higher_is_better'),
    ).toMatchObject({ way: 'same', noBase: true });
  });

  it('is on target only when the whole interval meets it, below it when none does, within noise otherwise', () => {
    expect(verdictOf(figure({ interval: { low: 0.76, high: 0.87 } }), 'higher_is_better')).toBe('noise');
    expect(verdictOf(figure({ interval: { low: 0.86, high: 0.9 }, value: 0.88 }), 'higher_is_better')).toBe('on');
    expect(verdictOf(figure({ interval: { low: 0.7, high: 0.8 }, value: 0.75 }), 'higher_is_better')).toBe('off');
    expect(verdictOf(figure({ value: 8, interval: { low: 7, high: 9 }, target: 10 }), 'lower_is_better')).toBe('on');
    expect(verdictOf(figure({ suppressed: true }), 'higher_is_better')).toBe('none');
  });
});
