import type { CompareAnswer, GroupFigure } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { deadlineClock, equalServiceGap, outsideTarget, windowEndingAt, yearEarlier } from './evaluate.ts';

const figure = (over: Partial<GroupFigure>): GroupFigure => ({
  group: null,
  value: 0.8,
  n: 100,
  interval: { low: 0.7, high: 0.88 },
  suppressed: false,
  target: 0.85,
  pValue: null,
  significant: false,
  previous: { value: null, n: 0, suppressed: true },
  change: null,
  changePValue: null,
  changeSignificant: false,
  ...over,
});

function answer(all: GroupFigure, groups: GroupFigure[]): CompareAnswer {
  return {
    freshness: { newestEventAt: null, syncedAt: null, dataVersion: 1 },
    by: 'office',
    from: '2026-11-04',
    to: '2026-12-01',
    previous: { from: '2026-10-07', to: '2026-11-03' },
    alpha: 0.05,
    metrics: [{ id: 'csat', unit: 'share', direction: 'higher_is_better', minSample: 30, all, groups }],
  };
}

const window = { from: '2026-11-04', to: '2026-12-01' };
const dashboardUrl = 'http://127.0.0.1:8080';

describe('rule evaluation', () => {
  it('fires outside the target only when the whole interval is beyond it (not on noise)', () => {
    const rule = {
      id: 'csat-under-target',
      kind: 'outside_target' as const,
      metric: 'csat',
      severity: 'warning' as const,
      offices: ['cesis' as const, 'liepaja' as const, 'daugavpils' as const],
    };
    const { findings, readings } = outsideTarget(
      { rule, window, dashboardUrl },
      answer(figure({}), [
        figure({ group: 'cesis', value: 0.6, interval: { low: 0.5, high: 0.7 } }),
        figure({ group: 'liepaja', value: 0.8, interval: { low: 0.7, high: 0.9 } }),
        figure({ group: 'daugavpils', value: 0.1, interval: null, suppressed: true }),
      ]),
    );
    expect(findings.map((f) => f.alertId)).toEqual(['csat-under-target:cesis']);
    expect(findings[0]).toMatchObject({ value: 0.6, intervalLow: 0.5, intervalHigh: 0.7, target: 0.85, n: 100 });
    expect(findings[0]?.link).toBe(`${dashboardUrl}/#/offices?from=2026-11-04&to=2026-12-01&grain=week&office=cesis`);
    // Every scope is read, firing or not: a resolution states the figure now (a suppressed one has no interval).
    expect(readings).toEqual([
      {
        alertId: 'csat-under-target:cesis',
        value: 0.6,
        intervalLow: 0.5,
        intervalHigh: 0.7,
        target: 0.85,
        n: 100,
        periodFrom: '2026-11-04',
        periodTo: '2026-12-01',
        link: `${dashboardUrl}/#/offices?from=2026-11-04&to=2026-12-01&grain=week&office=cesis`,
      },
      {
        alertId: 'csat-under-target:liepaja',
        value: 0.8,
        intervalLow: 0.7,
        intervalHigh: 0.9,
        target: 0.85,
        n: 100,
        periodFrom: '2026-11-04',
        periodTo: '2026-12-01',
        link: `${dashboardUrl}/#/offices?from=2026-11-04&to=2026-12-01&grain=week&office=liepaja`,
      },
      {
        alertId: 'csat-under-target:daugavpils',
        value: 0.1,
        intervalLow: null,
        intervalHigh: null,
        target: 0.85,
        n: 100,
        periodFrom: '2026-11-04',
        periodTo: '2026-12-01',
        link: `${dashboardUrl}/#/offices?from=2026-11-04&to=2026-12-01&grain=week&office=daugavpils`,
      },
    ]);
  });

  it('flags a language served significantly worse than everyone, not one served better', () => {
    const rule = {
      id: 'equal',
      kind: 'equal_service_gap',
      metric: 'csat',
      by: 'language',
      severity: 'critical',
    } as const;
    const { findings } = equalServiceGap(
      { rule, window, dashboardUrl },
      'riga-valnu-30',
      answer(figure({ value: 0.8 }), [
        figure({ group: 'ru', value: 0.6, significant: true, pValue: 0.001 }),
        figure({ group: 'en', value: 0.95, significant: true, pValue: 0.01 }),
        figure({ group: 'lv', value: 0.7, significant: false }),
      ]),
    );
    expect(findings.map((f) => f.alertId)).toEqual(['equal:riga-valnu-30:language:ru']);
    expect(findings[0]?.link).toContain('#/equal?');
  });

  it('counts complaints overdue and due within N working days per office, on the working calendar', () => {
    const rule = { id: 'deadlines', kind: 'deadline', within_working_days: 2, severity: 'warning' } as const;
    // Friday 2026-12-04: Monday the 7th is 1 working day away, Tuesday the 8th 2, Wednesday the 9th 3.
    const { findings, readings } = deadlineClock(
      { rule, window, dashboardUrl },
      [
        { office_id: 'cesis', legal_due_date: '2026-12-03', n: 2 },
        { office_id: 'cesis', legal_due_date: '2026-11-27', n: 1 },
        { office_id: 'cesis', legal_due_date: '2026-12-08', n: 1 },
        { office_id: 'cesis', legal_due_date: '2026-12-09', n: 5 },
        { office_id: 'liepaja', legal_due_date: '2026-12-07', n: 4 },
      ],
      '2026-12-04',
    );
    // With each list's earliest due date: the longest overdue, the nearest due (the 9th is not due soon).
    expect(findings.map((f) => [f.alertId, f.value, f.severity, f.dueDate])).toEqual([
      ['deadlines:cesis:overdue', 3, 'critical', '2026-11-27'],
      ['deadlines:cesis:due_soon', 1, 'warning', '2026-12-08'],
      ['deadlines:liepaja:due_soon', 4, 'warning', '2026-12-07'],
    ]);
    // An office with no open complaint reads zero of each, so its resolution can say so.
    expect(
      readings.filter((r) => r.alertId.startsWith('deadlines:daugavpils')).map((r) => [r.alertId, r.value]),
    ).toEqual([
      ['deadlines:daugavpils:overdue', 0],
      ['deadlines:daugavpils:due_soon', 0],
    ]);
  });

  it('takes the window from the newest day with data (Riga) and shifts it a year back', () => {
    expect(windowEndingAt('2026-11-30T22:30:00Z', 28)).toEqual({ from: '2026-11-04', to: '2026-12-01' });
    expect(yearEarlier({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});
