import { describe, expect, it } from 'vitest';
import { channelsPath, comparePath, defaultRange, driversPath, overviewRequests, queryPath } from './requests.ts';

describe('the dashboard requests', () => {
  it('open on the last six months by month', () => {
    expect(defaultRange('2026-03-31')).toEqual({ from: '2025-10-01', to: '2026-03-31', grain: 'month' });
    expect(defaultRange('2026-03-31', '2026-02-17')).toEqual({ from: '2026-02-17', to: '2026-03-31', grain: 'month' });
    expect(defaultRange('2026-03-31', '2024-01-01')).toEqual({ from: '2025-10-01', to: '2026-03-31', grain: 'month' });
    expect(defaultRange('2026-03-31', '2026-04-02').from).toBe('2025-10-01');
  });

  it('compare the overview tiles with the previous period and a year earlier, all offices only, counts left out', () => {
    const ask = overviewRequests(
      defaultRange('2026-03-31'),
      (id) => id === 'surveys_answered' || id === 'open_complaints',
    );
    expect(ask.previous.metrics).not.toContain('surveys_answered');
    expect(ask.yearEarlier.metrics).not.toContain('open_complaints');
    expect(ask.headline.metrics).toContain('open_complaints');
    expect(comparePath(ask.previous)).not.toContain('against');
    expect(comparePath(ask.yearEarlier)).toContain('against=year');
    for (const compared of [ask.previous, ask.yearEarlier]) expect(comparePath(compared)).toContain('groups=none');
  });

  it('ask for the channel mix over the same range and grain as the trends', () => {
    const ask = overviewRequests({ from: '2025-10-01', to: '2026-03-31', grain: 'week' }, () => false);
    expect(channelsPath(ask.channels)).toBe('/v1/channels?from=2025-10-01&to=2026-03-31&grain=week');
  });

  // Regression: an office's report printed its month by week, every Cēsis week under the minimum sample, so the
  // head saw no line of their own. Its months over a year, whatever the range's grain, hold enough responses.
  it("ask for an office's own satisfaction by month over the twelve months to the range's end", () => {
    const ask = overviewRequests({ from: '2026-11-01', to: '2026-11-30', grain: 'week' }, () => false);
    expect(queryPath(ask.officeYear)).toBe(
      '/v1/query?metrics=csat%2Csatisfaction_mean&dimensions=office&from=2025-12-01&to=2026-11-30&grain=month',
    );
  });

  it('encode filters as filter.<dimension> and leave empty ones out', () => {
    const filters = { office: ['cesis', 'liepaja'], channel: [] };
    expect(queryPath({ metrics: ['csat'], from: '2026-01-01', to: '2026-01-31', filters })).toBe(
      '/v1/query?metrics=csat&from=2026-01-01&to=2026-01-31&filter.office=cesis%2Cliepaja',
    );
    expect(driversPath({ from: '2026-01-01', to: '2026-01-31', filters })).toBe(
      '/v1/drivers?from=2026-01-01&to=2026-01-31&filter.office=cesis%2Cliepaja',
    );
    expect(channelsPath({ from: '2026-01-01', to: '2026-01-31', grain: 'week', filters })).toBe(
      '/v1/channels?from=2026-01-01&to=2026-01-31&grain=week&filter.office=cesis%2Cliepaja',
    );
  });
});
