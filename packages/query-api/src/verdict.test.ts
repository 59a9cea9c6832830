import { describe, expect, it } from 'vitest';
import { verdictOf, type VerdictFigure } from './verdict.ts';

const figure = (over: Partial<VerdictFigure>): VerdictFigure => ({
  value: 0.8,
  interval: { low: 0.76, high: 0.84 },
  suppressed: false,
  target: 0.85,
  ...over,
});

describe('a figure against its target', () => {
  it('is on target only when the whole interval meets it, off when none does, within noise otherwise', () => {
    expect(verdictOf(figure({ interval: { low: 0.76, high: 0.87 } }), 'higher_is_better', 'share')).toBe('noise');
    expect(verdictOf(figure({ interval: { low: 0.86, high: 0.9 }, value: 0.88 }), 'higher_is_better', 'share')).toBe(
      'on',
    );
    expect(verdictOf(figure({ interval: { low: 0.7, high: 0.8 }, value: 0.75 }), 'higher_is_better', 'share')).toBe(
      'off',
    );
    expect(
      verdictOf(figure({ value: 8, interval: { low: 7, high: 9 }, target: 10 }), 'lower_is_better', 'minutes'),
    ).toBe('on');
  });

  it('says nothing of a suppressed figure, one without a target, or a neutral metric', () => {
    expect(verdictOf(figure({ suppressed: true }), 'higher_is_better', 'share')).toBe('none');
    expect(verdictOf(figure({ target: null }), 'higher_is_better', 'share')).toBe('none');
    expect(verdictOf(figure({}), 'neutral', 'share')).toBe('none');
  });

  it('lets the point decide for a count, which has no interval', () => {
    expect(verdictOf(figure({ value: 0, interval: null, target: 0 }), 'lower_is_better', 'count')).toBe('on');
    expect(verdictOf(figure({ value: 2, interval: null, target: 0 }), 'lower_is_better', 'count')).toBe('off');
  });

  it('reads a target at the end of the scale as a rule about every case: all answered in time is on target', () => {
    // 11 of 11 answered within the legal deadline: Wilson's interval reaches down to 74 %.
    const all = figure({ value: 1, interval: { low: 0.741, high: 1 }, target: 1 });
    expect(verdictOf(all, 'higher_is_better', 'share')).toBe('on');
    const oneLate = figure({ value: 0.95, interval: { low: 0.863, high: 0.983 }, target: 1 });
    expect(verdictOf(oneLate, 'higher_is_better', 'share')).toBe('off');
    // The same figure against a target inside the scale keeps its interval's verdict.
    expect(verdictOf({ ...all, target: 0.9 }, 'higher_is_better', 'share')).toBe('noise');
    // A share that must be none at all.
    const noneLate = figure({ value: 0, interval: { low: 0, high: 0.2 }, target: 0 });
    expect(verdictOf(noneLate, 'lower_is_better', 'share')).toBe('on');
  });
});
