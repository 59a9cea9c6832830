import type { BarSeriesOption, CustomSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { COLOURS, relayoutOf } from './chart.options.ts';
import { ageingOption, PAST_DEADLINE_ZONE, segmentLabels } from './complaints.charts.ts';

const bands = ['0–5 darba dienas', '6–10 darba dienas', '11–20 darba dienas', '21+ darba dienas'];
const parts = [
  { name: 'Termiņā', values: [17, 2, 0, 0], colour: '#2b6cb0' },
  { name: 'Pēc termiņa', values: [0, 1, 0, 8], colour: COLOURS.worse },
];

describe('open complaints by age', () => {
  // Regression: every age band looked alike, so 21+ working days read as one more age among four.
  it('sets the bands past the legal deadline apart: red bold names, a pale red zone from the deadline down, named in the legend', () => {
    const option = ageingOption(bands, parts, [false, false, true, true], 'Vecākas par likumā noteikto termiņu');
    const names = (option.yAxis as { data: unknown[] }).data;
    expect(names.slice(0, 2)).toEqual(bands.slice(0, 2));
    expect(names.slice(2)).toEqual(
      bands.slice(2).map((value) => ({ value, textStyle: { color: COLOURS.worse, fontWeight: 'bold' } })),
    );
    const series = option.series as (BarSeriesOption | CustomSeriesOption)[];
    // The bars themselves are unchanged; the zone is a series of its own with no bars, so the legend names it.
    expect(series.slice(0, 2).map((s) => s.data)).toEqual(parts.map((p) => p.values));
    const zone = series[2]!;
    expect(zone.name).toBe('Vecākas par likumā noteikto termiņu');
    // Drawn behind the bands from 11–20 on, in the legend's pale red.
    expect(zone.data).toEqual([
      [0, 2],
      [0, 3],
    ]);
    expect(zone.itemStyle?.color).toBe(PAST_DEADLINE_ZONE);
  });

  it('draws no zone when no band is past the deadline', () => {
    const option = ageingOption(bands.slice(0, 2), parts, [false, false], 'zone');
    expect((option.series as BarSeriesOption[]).length).toBe(2);
  });
});

describe("a stacked segment's figure", () => {
  const measure = (text: string) => text.length * 7;
  // Regression: on a phone the "6–10 darba dienas" bar's "2" (in time) and "1" (overdue) ran together.
  it('stays inside a segment wide enough, moves past the bar where the last segment is too narrow, and is left out where a middle one is', () => {
    const stacked = [
      { name: 'in time', values: [17, 2, 1, 0], colour: '#2b6cb0' },
      { name: 'overdue', values: [0, 1, 3, 2], colour: COLOURS.worse },
    ];
    // 200 px for 20: 10 px a complaint; a one-digit figure needs 7 + 2 × 3 = 13 px.
    expect(segmentLabels(stacked, 20, 200, measure)).toEqual([
      ['inside', 'inside', 'none', 'none'],
      ['none', 'right', 'inside', 'inside'],
    ]);
  });

  it("places the figures at the chart's drawn width, leaving none to crowd its neighbour on a phone", () => {
    const option = ageingOption(bands, parts, [false, false, true, true], 'zone');
    const at = (width: number) =>
      ((relayoutOf(option)?.(width, (text) => text.length * 7).series ?? []) as BarSeriesOption[]).map((s) =>
        (s.data as { label: { show: boolean; position: string } }[]).map((d) =>
          d.label.show ? d.label.position : 'none',
        ),
      );
    // The overdue "1" of 6–10 fits on a desktop, and moves past its bar's end on a phone.
    expect(at(1200)[1]).toEqual(['none', 'inside', 'none', 'inside']);
    expect(at(340)[1]).toEqual(['none', 'right', 'none', 'inside']);
  });
});
