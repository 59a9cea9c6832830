import { describe, expect, it } from 'vitest';
import { ALERT_EVENT_SCHEMAS, AlertEvent } from './alert.events.ts';
import { LakeTables } from './constants.ts';
import { stringFieldsWithoutKind } from './field-kinds.ts';
import { LakeColumns } from './lake.columns.ts';
import { toAlertLakeRow } from './lake.rows.ts';

const raised = {
  event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
  type: 'alert.raised',
  schema_version: 1,
  occurred_at: '2026-03-02T11:00:00+02:00',
  source: 'servq-alerts',
  alert_id: 'csat-below-target:cesis',
  rule_id: 'csat-below-target',
  rule_kind: 'outside_target',
  office_id: 'cesis',
  severity: 'warning',
  metric_id: 'csat',
  value: 0.41,
  interval_low: 0.3,
  interval_high: 0.52,
  target: 0.8,
  n: 40,
  period_from: '2026-02-01',
  period_to: '2026-02-28',
  reason: 'CSAT 41 % is below the target 80 %',
  link: 'http://127.0.0.1:8080/#/offices?from=2026-02-01&to=2026-02-28&grain=week&office=cesis',
} as const;

describe('alert events', () => {
  // Analysts read alert_events as it is through /v1/schema, where the Latvian page must not show English.
  it('describes every column of alert_events in Latvian as well as English', () => {
    const missing = LakeColumns[LakeTables.alert].filter(
      (c) => !c.descriptionLv?.trim() || c.descriptionLv === c.description,
    );
    expect(missing.map((c) => c.name)).toEqual([]);
  });

  it.each(ALERT_EVENT_SCHEMAS.map((s) => [s.shape.type.value, s] as const))(
    'every string field of %s declares its kind (so the lake never takes raw text by accident)',
    (_type, schema) => {
      expect(stringFieldsWithoutKind(schema.shape)).toEqual([]);
    },
  );

  it.each(ALERT_EVENT_SCHEMAS.map((s) => [s.shape.type.value, s] as const))(
    'every field of %s is a column of alert_events',
    (_type, schema) => {
      const columns = new Set(LakeColumns[LakeTables.alert].map((c) => c.name));
      expect(Object.keys(schema.shape).filter((name) => !columns.has(name))).toEqual([]);
    },
  );

  it('maps a raised alert to its lake row, absent fields null', () => {
    const row = toAlertLakeRow(AlertEvent.parse(raised), {
      partition: 2,
      offset: '7',
      ingestedAt: '2026-03-02T09:00:01.000Z',
    });
    expect(row).toMatchObject({
      alert_id: 'csat-below-target:cesis',
      value: 0.41,
      occurred_at: '2026-03-02T09:00:00.000Z',
      acknowledged_by: null,
      kafka_offset: 7n,
    });
  });

  it('rejects an acknowledgement by a name instead of a token id, naming the field', () => {
    const result = AlertEvent.safeParse({
      ...raised,
      type: 'alert.acknowledged',
      acknowledged_by: 'Anna Bērziņa',
      severity: undefined,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('acknowledged_by');
  });
});
