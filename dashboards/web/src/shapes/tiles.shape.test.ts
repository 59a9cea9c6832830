import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../figures.ts';
import { answer, fig, metric } from '../test.fixtures.ts';
import { tilesOf, toneOf } from './tiles.shape.ts';

const catalogue = catalogueOf([
  metric('csat'),
  metric('wait_p50', {
    unit: 'minutes',
    direction: 'lower_is_better',
    target: { default: 10, byOffice: {} },
    minSample: 20,
  }),
  metric('open_complaints', {
    unit: 'count',
    direction: 'lower_is_better',
    target: { default: null, byOffice: {} },
    minSample: 0,
  }),
]);

describe('headline tiles', () => {
  it('gives each metric its figure, target and verdict', () => {
    const tiles = tilesOf(
      answer([{ csat: fig(0.9, 200, 0.85), wait_p50: fig(12, 150, 10), open_complaints: fig(4, 4) }]),
      catalogue,
      ['csat', 'wait_p50', 'open_complaints'],
    );
    expect(tiles.map((t) => [t.id, t.value, t.status])).toEqual([
      ['csat', 0.9, 'met'],
      ['wait_p50', 12, 'missed'],
      ['open_complaints', 4, 'none'],
    ]);
  });

  it('turns a suppressed figure into "too few" with no value and no verdict', () => {
    const [tile] = tilesOf(answer([{ csat: fig(null, 12, 0.85, true) }]), catalogue, ['csat']);
    expect(tile).toMatchObject({ value: null, n: 12, suppressed: true, status: 'none', minSample: 30 });
  });

  it('shows counts of an empty period as zero and other figures as unknown', () => {
    const tiles = tilesOf(answer([]), catalogue, ['csat', 'open_complaints']);
    expect(tiles.map((t) => [t.value, t.target])).toEqual([
      [null, 0.85],
      [0, null],
    ]);
  });

  it('skips metrics the catalogue does not know', () => {
    expect(tilesOf(answer([{}]), catalogue, ['nope'])).toEqual([]);
  });
});

describe('a tile border', () => {
  it('follows the verdict from the interval, not the point estimate', () => {
    // CSAT 86 % against 85 %: the point meets the target, the interval straddles it.
    expect(toneOf('met', 'noise')).toBe('noise');
    expect(toneOf('missed', 'noise')).toBe('noise');
    expect(toneOf('met', 'off')).toBe('missed');
    expect(toneOf('missed', 'on')).toBe('met');
  });

  it('falls back to the point estimate where there is no verdict (counts, no comparison)', () => {
    expect(toneOf('met', 'none')).toBe('met');
    expect(toneOf('none', 'none')).toBe('none');
  });
});
