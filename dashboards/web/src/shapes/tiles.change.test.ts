import { describe, expect, it } from 'vitest';
import type { GroupFigure } from '../api.types.ts';
import { changeOf } from './tiles.change.ts';

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

describe('tile change', () => {
  it('words a change by the metric’s own direction', () => {
    expect(changeOf(figure({}), 'higher_is_better')).toMatchObject({ way: 'better', significant: true });
    expect(changeOf(figure({ change: 2 }), 'lower_is_better')?.way).toBe('worse');
    expect(changeOf(figure({ change: -2 }), 'lower_is_better')?.way).toBe('better');
    expect(
      changeOf(figure({ previous: { value: null, n: 3, suppressed: true }, change: null }), 'higher_is_better'),
    ).toMatchObject({ way: 'same', noBase: true });
  });
});
