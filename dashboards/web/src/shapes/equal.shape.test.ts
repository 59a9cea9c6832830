import { describe, expect, it } from 'vitest';
import type { Comparison } from '../api.types.ts';
import { toneOf, verdictOf, wayOf } from './equal.shape.ts';
import { compareAnswer, group } from '../test.fixtures.ts';

function comparison(by: string, answer: ReturnType<typeof compareAnswer>): Comparison {
  return { by, metrics: answer.metrics };
}

describe('equal-service verdicts', () => {
  it('words a longer wait as slower and worse, and names the worst significant gap as what drives the verdict', () => {
    const wait = compareAnswer(
      [
        group('lv', { value: 8, significant: true, pValue: 0.001 }),
        group('ru', { value: 14, significant: true, pValue: 0.0001 }),
        group('en', { value: 9, significant: false, pValue: 0.6 }),
      ],
      { direction: 'lower_is_better', unit: 'minutes' },
    );
    wait.metrics[0]!.all = group(null, { value: 9 });
    wait.metrics[0]!.id = 'wait_p50';
    const refusals = compareAnswer([group('ru', { value: 0.2, significant: true, pValue: 0.00001 })], {
      direction: 'neutral',
    });
    refusals.metrics[0]!.all = group(null, { value: 0.1 });
    const verdict = verdictOf([comparison('language', wait), comparison('language', refusals)]);
    expect(verdict.tested).toBe(4);
    // Worse for the customer first, though the refusal gap has the smaller p-value; the faster group last.
    expect(verdict.gaps.map((g) => [g.group, g.effect, g.way])).toEqual([
      ['ru', 'worse', 'slower'],
      ['ru', 'neutral', 'higher'],
      ['lv', 'better', 'faster'],
    ]);
    expect(verdict.driver).toMatchObject({ group: 'ru', metric: 'wait_p50', way: 'slower', value: 14, reference: 9 });
    expect(toneOf(verdict)).toBe('worse');
  });

  it('gives no gap and nothing tested when every group is suppressed, and counts what was withheld', () => {
    const answer = compareAnswer([group('ru', { value: null, suppressed: true, pValue: null })]);
    expect(verdictOf([comparison('language', answer)])).toEqual({ gaps: [], tested: 0, suppressed: 1, driver: null });
  });

  it('tests nothing in a comparison with a single group (one channel of service in an office)', () => {
    const answer = compareAnswer([group('in_person', { value: 0.8, pValue: null, significant: false })]);
    const verdict = verdictOf([comparison('service_channel', answer)]);
    expect(verdict).toMatchObject({ tested: 0, driver: null });
    expect(toneOf(verdict)).toBe('none');
  });

  it('reads a gap without a direction in the customer’s favour or against as neutral, in purple', () => {
    const refusals = compareAnswer([group('en', { value: 0.02, significant: true, pValue: 0.01 })], {
      direction: 'neutral',
    });
    refusals.metrics[0]!.all = group(null, { value: 0.1 });
    const verdict = verdictOf([comparison('language', refusals)]);
    expect(verdict.driver).toMatchObject({ effect: 'neutral', way: 'lower' });
    expect(toneOf(verdict)).toBe('different');
  });

  it('calls a time slower or faster and anything else higher or lower', () => {
    expect(wayOf('working_days', 6, 4)).toBe('slower');
    expect(wayOf('minutes', 3, 4)).toBe('faster');
    expect(wayOf('share', 0.9, 0.8)).toBe('higher');
    expect(wayOf('score_1_5', 3.9, 4.1)).toBe('lower');
  });
});
