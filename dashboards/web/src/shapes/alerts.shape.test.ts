import type { OpenAlertView } from '@servq/query-api/alerts';
import { describe, expect, it } from 'vitest';
import {
  alertFigures,
  historySubjects,
  monthsWithData,
  readableHistory,
  splitGroup,
  viewHash,
  whyKey,
} from './alerts.shape.ts';

const alert: OpenAlertView = {
  alert_id: 'csat-under-target:liepaja',
  rule_id: 'csat-under-target',
  rule_kind: 'outside_target',
  office_id: 'liepaja',
  no_office: false,
  group: null,
  severity: 'warning',
  metric_id: 'csat',
  value: 0.25,
  interval: { low: 0.142, high: 0.4 },
  target: 0.85,
  baseline: null,
  n: 40,
  p_value: null,
  period: { from: '2026-11-28', to: '2026-12-04' },
  reason: 'csat 0.25 (95 % interval 0.142–0.4, n=40) is outside its target 0.85',
  link: 'http://127.0.0.1:8080/#/offices?from=2026-11-28&to=2026-12-04&grain=day&office=liepaja',
  raised_at: '2026-12-04T10:00:00.000Z',
  last_notified_at: '2026-12-04T10:00:00.000Z',
  acknowledged_by: null,
  acknowledged_at: null,
  current: null,
  pending_deliveries: [],
};

describe('alerts on the page', () => {
  it('opens the alert’s view on this origin, keeping its screen and filters', () => {
    expect(viewHash(alert.link)).toBe('#/offices?from=2026-11-28&to=2026-12-04&grain=day&office=liepaja');
    expect(viewHash('not a dashboard link')).toBe('#/overview');
  });

  it('states the figure, its interval and the target in the metric’s unit and the page’s language', () => {
    expect(alertFigures(alert, 'share', 'lv')).toEqual({
      value: '25,0 %',
      interval: '14,2–40,0 %',
      target: '85,0 %',
      baseline: null,
    });
    expect(alertFigures({ ...alert, interval: null, target: null, value: 7 }, 'count', 'en')).toMatchObject({
      value: '7',
      interval: null,
      target: null,
    });
  });

  it('says why by the rule’s kind, and for the deadline clock by which list and how many', () => {
    expect(whyKey(alert)).toEqual({ key: 'why_outside_target', vars: {} });
    const deadline = { ...alert, rule_kind: 'deadline' as const, metric_id: null, value: 3 };
    expect(whyKey({ ...deadline, group: 'overdue' })).toEqual({ key: 'why_overdue', vars: { n: 3 } });
    expect(whyKey({ ...deadline, group: 'due_soon' })).toEqual({ key: 'why_due_soon', vars: { n: 3 } });
  });

  it('splits a group into its dimension and value', () => {
    expect(splitGroup('language:ru')).toEqual({ dimension: 'language', value: 'ru' });
    expect(splitGroup('overdue')).toEqual({ dimension: null, value: 'overdue' });
    expect(splitGroup(null)).toBeNull();
  });

  it('leaves the per-subscriber delivery records out of the history a person reads', () => {
    const event = (type: string) => ({
      event_id: type,
      type: type as 'alert.raised',
      occurred_at: '2026-12-04T10:00:00Z',
      alert_id: 'a',
      rule_id: 'r',
    });
    const kept = readableHistory([event('alert.acknowledged'), event('alert.delivered'), event('alert.raised')]);
    expect(kept.map((e) => e.type)).toEqual(['alert.acknowledged', 'alert.raised']);
  });

  it('tells what each alert of the history is about: from its raising, or from the open alert when older', () => {
    const at = '2026-12-04T10:00:00Z';
    const events = [
      { event_id: '1', type: 'alert.resolved' as const, occurred_at: at, alert_id: 'gap:riga', rule_id: 'gap' },
      {
        event_id: '2',
        type: 'alert.raised' as const,
        occurred_at: at,
        alert_id: 'gap:riga',
        rule_id: 'gap',
        metric_id: 'wait_p50',
        alert_group: 'language:ru',
      },
      { event_id: '3', type: 'alert.acknowledged' as const, occurred_at: at, alert_id: alert.alert_id, rule_id: 'c' },
      { event_id: '4', type: 'alert.resolved' as const, occurred_at: at, alert_id: 'gone', rule_id: 'old-rule' },
    ];
    const subjects = historySubjects(events, [alert]);
    expect(subjects.get('gap:riga')).toEqual({ metric_id: 'wait_p50', group: 'language:ru' });
    expect(subjects.get(alert.alert_id)).toEqual({ metric_id: 'csat', group: null });
    // Raised before the history shown and no longer open: nothing to borrow, the page names the rule.
    expect(subjects.has('gone')).toBe(false);
  });
});

describe('months a report can be asked for', () => {
  it('lists months with any figure on data, newest first', () => {
    const figure = (n: number) => ({ value: n, n, suppressed: false, target: null });
    const rows = [
      { period: '2026-10-01', surveys_answered: figure(0), visits: figure(0) },
      { period: '2026-11-01', surveys_answered: figure(0), visits: figure(12) },
      { period: '2026-12-01', surveys_answered: figure(3), visits: figure(0) },
    ];
    expect(monthsWithData({ rows })).toEqual(['2026-12', '2026-11']);
  });
});
