import type { AlertRaised } from '@servq/contracts';
import type { MetricInfo } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { composeMessage, formatValue, pText } from './message.ts';

const csat: MetricInfo = {
  id: 'csat',
  label: { lv: 'Apmierināto klientu daļa', en: 'Satisfied customers' },
  description: { lv: '', en: '' },
  model: 'surveys',
  measure: { kind: 'share', success: 'satisfaction >= 4', among: 'true' },
  unit: 'share',
  direction: 'higher_is_better',
  target: { default: 0.85, byOffice: {} },
  minSample: 30,
};

const raised: AlertRaised = {
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
  value: 0.625,
  interval_low: 0.47,
  interval_high: 0.76,
  target: 0.85,
  n: 40,
  period_from: '2026-11-04',
  period_to: '2026-12-01',
  reason: 'csat 0.625 is outside its target 0.85',
  link: 'http://127.0.0.1:8080/#/offices?from=2026-11-04&to=2026-12-01&grain=week&office=cesis',
};

describe('notification messages', () => {
  it('say in Latvian the figure, its interval, the target, why it fired, the period and the link', () => {
    const { subject, text } = composeMessage(raised, csat, 'lv');
    expect(subject).toBe('[servq] Brīdinājums: Apmierināto klientu daļa — Cēsu reģionālā nodaļa');
    expect(text).toContain('Rādītājs: 62,5 % (95 % ticamības intervāls 47 %–76 %); mērķis 85 %');
    expect(text).toContain('Periods: 04.11.2026 – 01.12.2026');
    expect(text).toContain('nav nejauša svārstība');
    expect(text).toContain(`Atvērt paneli: ${raised.link}`);
    // Acknowledged on the dashboard's Alerts screen, not by an API call a manager cannot make.
    expect(text).toContain('Apstiprināt brīdinājumu var paneļa sadaļā „Brīdinājumi”: http://127.0.0.1:8080/#/alerts');
    expect(text).not.toContain('POST');
  });

  it('say the same in English, and mark a reminder as one', () => {
    const { subject, text } = composeMessage({ ...raised, type: 'alert.renotified' }, csat, 'en');
    expect(subject).toBe('[servq] Warning (reminder): Satisfied customers — Cēsis regional office');
    expect(text).toContain('Figure: 62.5 % (95 % confidence interval 47 %–76 %); target 85 %');
    expect(text).toContain('so this is not noise');
    expect(text).toContain('Period: 04/11/2026 – 01/12/2026');
    expect(text).toContain('Acknowledge the alert on the dashboard’s Alerts screen: http://127.0.0.1:8080/#/alerts');
  });

  it('word the deadline clock as complaints past their legal deadline', () => {
    const overdue: AlertRaised = {
      ...raised,
      alert_id: 'complaint-deadlines:cesis:overdue',
      rule_id: 'complaint-deadlines',
      rule_kind: 'deadline',
      severity: 'critical',
      alert_group: 'overdue',
      value: 3,
    };
    delete overdue.metric_id;
    delete overdue.interval_low;
    delete overdue.interval_high;
    delete overdue.target;
    const { subject, text } = composeMessage(overdue, undefined, 'lv');
    expect(subject).toBe('[servq] Kritiski: Sūdzību termiņi — Cēsu reģionālā nodaļa');
    expect(text).toContain('Rādītājs: 3\n');
    expect(text).toContain('3 atvērtas sūdzības ir pārsniegušas Iesniegumu likumā noteikto atbildes termiņu');
    expect(text).toContain('Stāvoklis dienā: 01.12.2026');
  });

  it('agree the deadline count with its noun and verb, in Latvian and English', () => {
    const one: AlertRaised = { ...raised, rule_kind: 'deadline', alert_group: 'overdue', value: 1 };
    const soon: AlertRaised = { ...raised, rule_kind: 'deadline', alert_group: 'due_soon', value: 21 };
    expect(composeMessage(one, undefined, 'lv').text).toContain(
      '1 atvērta sūdzība ir pārsniegusi Iesniegumu likumā noteikto atbildes termiņu',
    );
    expect(composeMessage(one, undefined, 'en').text).toContain('1 open complaint is past the legal deadline');
    expect(composeMessage(soon, undefined, 'lv').text).toContain('21 atvērtai sūdzībai drīz beigsies');
    expect(composeMessage({ ...soon, value: 2 }, undefined, 'en').text).toContain(
      '2 open complaints reach their legal deadline soon',
    );
    expect(composeMessage(one, undefined, 'en').text).not.toContain('(s)');
  });

  it('write working days and days in words that agree with the number, not as "darba d."', () => {
    expect(formatValue(1, 'working_days', 'lv')).toBe('1 darba diena');
    expect(formatValue(21, 'working_days', 'lv')).toBe('21 darba diena');
    expect(formatValue(4.2, 'working_days', 'lv')).toBe('4,2 darba dienas');
    expect(formatValue(11, 'days', 'lv')).toBe('11 dienas');
    expect(formatValue(1, 'working_days', 'en')).toBe('1 working day');
    expect(formatValue(30, 'days', 'en')).toBe('30 days');
  });

  it("write a tiny p-value as a bound, with the language's decimal sign", () => {
    expect(pText(0, 'en')).toBe('p < 0.001');
    expect(pText(0.0123, 'lv')).toBe('p = 0,012');
    expect(pText(null, 'lv')).toBe('');
  });
});
