import { describe, expect, it } from 'vitest';
import { gapsOf, mergeVerdicts } from './equal.shape.ts';
import { compareAnswer, group } from '../test.fixtures.ts';

describe('equal-service gaps', () => {
  it('reads a longer wait as worse and a higher neutral share as higher, worse first', () => {
    const wait = compareAnswer(
      [
        group('lv', { value: 8, significant: true, pValue: 0.001 }),
        group('ru', { value: 14, significant: true, pValue: 0.0001 }),
        group('en', { value: 9, significant: false, pValue: 0.6 }),
      ],
      { direction: 'lower_is_better', unit: 'minutes' },
    );
    wait.metrics[0]!.all = group(null, { value: 9 });
    const verdict = gapsOf(wait);
    expect(verdict.tested).toBe(true);
    expect(verdict.gaps.map((g) => [g.group, g.effect])).toEqual([
      ['ru', 'worse'],
      ['lv', 'better'],
    ]);
    const refusals = compareAnswer([group('in_person', { value: 0.2, significant: true, pValue: 0.01 })], {
      direction: 'neutral',
    });
    refusals.metrics[0]!.all = group(null, { value: 0.1 });
    expect(mergeVerdicts([verdict, gapsOf(refusals)]).gaps.map((g) => g.effect)).toEqual(['worse', 'higher', 'better']);
  });

  it('has no gap and nothing tested when every group is suppressed', () => {
    const answer = compareAnswer([group('ru', { value: null, suppressed: true, pValue: null })]);
    expect(gapsOf(answer)).toEqual({ gaps: [], tested: false });
  });
});
