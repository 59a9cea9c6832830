/**
 * What the alerts' unit tests share: the query API catalogue's CSAT, as /v1/metrics serves it, and the alerts the
 * messages are worded from (CSAT under its target in Cēsis; the deadline clock's overdue complaints there).
 */
import type { AlertRaised } from '@servq/contracts';
import type { MetricInfo } from '@servq/query-api';

export const csat: MetricInfo = {
  id: 'csat',
  label: { lv: 'Klientu apmierinātība (CSAT)', en: 'Customer satisfaction (CSAT)' },
  description: { lv: '', en: '' },
  model: 'surveys',
  measure: { kind: 'share', success: 'satisfaction >= 4', among: 'true' },
  unit: 'share',
  direction: 'higher_is_better',
  target: { default: 0.85, byOffice: {} },
  minSample: 30,
};

export const csatRaised: AlertRaised = {
  event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
  type: 'alert.raised',
  schema_version: 1,
  occurred_at: '2026-12-01T08:00:00Z',
  source: 'servq-alerts',
  alert_id: 'csat-under-target:cesis',
  rule_id: 'csat-under-target',
  rule_kind: 'outside_target',
  office_id: 'cesis',
  severity: 'warning',
  metric_id: 'csat',
  value: 0.781,
  interval_low: 0.72,
  interval_high: 0.84,
  target: 0.85,
  n: 40,
  period_from: '2026-11-04',
  period_to: '2026-12-01',
  reason: 'csat 0.781 is outside its target 0.85',
  link: 'http://127.0.0.1:8080/#/offices?from=2026-11-04&to=2026-12-01&grain=week&office=cesis',
};

/** The deadline clock's alert for 3 overdue complaints in Cēsis: a count, without a metric or an interval. */
export function overdueRaised(overrides: Partial<AlertRaised> = {}): AlertRaised {
  const alert: AlertRaised = {
    ...csatRaised,
    alert_id: 'complaint-deadlines:cesis:overdue',
    rule_id: 'complaint-deadlines',
    rule_kind: 'deadline',
    severity: 'critical',
    alert_group: 'overdue',
    value: 3,
    ...overrides,
  };
  for (const key of ['metric_id', 'interval_low', 'interval_high', 'target', 'n'] as const) delete alert[key];
  return alert;
}
