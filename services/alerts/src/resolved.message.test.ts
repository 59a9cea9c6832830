import type { AlertResolved } from '@servq/contracts';
import { describe, expect, it } from 'vitest';
import type { Resolution } from './alert.book.ts';
import { composeResolvedMessage, resolvedMail } from './resolved.message.ts';
import { csat, csatRaised, overdueRaised } from './test.fixtures.ts';

const raised = csatRaised;

const resolved: AlertResolved = {
  event_id: '6c0a4f1e-2b7d-4d39-8e1a-5f3c2b1a0d99',
  type: 'alert.resolved',
  schema_version: 1,
  occurred_at: '2026-12-04T13:30:00Z',
  source: 'servq-alerts',
  alert_id: raised.alert_id,
  rule_id: raised.rule_id,
  rule_kind: 'outside_target',
  office_id: 'cesis',
  clean_evaluations: 3,
  value: 0.874,
  interval_low: 0.81,
  interval_high: 0.92,
  target: 0.85,
  n: 52,
  period_from: '2026-11-07',
  period_to: '2026-12-04',
  link: 'http://127.0.0.1:8080/#/overview?from=2026-11-07&to=2026-12-04&office=cesis',
};

/** Reminded once before it resolved: the reminder's figure is what was wrong last. */
const reminded = { ...raised, type: 'alert.renotified' as const, occurred_at: '2026-12-02T08:00:00Z', value: 0.75 };
const resolution: Resolution = { resolved, raised, latest: reminded };

describe('resolved alert messages', () => {
  it('say in Latvian the figure now, what was wrong when last notified, since when, and why it counts as resolved', () => {
    const { subject, text } = composeResolvedMessage(resolution, csat, 'lv');
    expect(subject).toBe('[servq] Atrisināts: CSAT 87,4 % (mērķis ≥ 85,0 %) — Cēsu reģionālā nodaļa');
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Atrisināts: Klientu apmierinātība (CSAT) — Cēsu reģionālā nodaļa',
      '',
      'Rādītājs tagad: 87,4 % (95 % ticamības intervāls 81,0–92,0 %); mērķis 85,0 %',
      'Periods: 07.11.2026 – 04.12.2026',
      'Bija: CSAT 75,0 % (mērķis ≥ 85,0 %)',
      // Since the alert was raised, not since the reminder (date and time as the dashboard writes them).
      'Izsaukts: 01.12.2026\u00a010:00',
      'Atrisināts: 04.12.2026\u00a015:30',
      'Kāpēc atrisināts: Rādītāja „Klientu apmierinātība (CSAT)” 95 % ticamības intervāls vairs nav pilnībā ārpus mērķa. Atrisināts pēc 3 secīgiem novērtējumiem bez problēmas.',
    ]);
    // The button opens the period of the figure now, not the one that fired.
    expect(text).toContain(`Atvērt paneli: ${resolved.link}`);
    expect(resolved.link).not.toBe(raised.link);
    expect(text).toContain('Atvērtie brīdinājumi ir paneļa sadaļā „Brīdinājumi”: http://127.0.0.1:8080/#/alerts');
  });

  it('say the same in English, in the HTML part as in the text', () => {
    const { subject, text, html } = composeResolvedMessage(resolution, csat, 'en');
    expect(subject).toBe('[servq] Resolved: CSAT 87.4 % (target ≥ 85.0 %) — Cēsis regional office');
    expect(text).toContain('Figure now: 87.4 % (95 % confidence interval 81.0–92.0 %); target 85.0 %');
    expect(text).toContain('Was: CSAT 75.0 % (target ≥ 85.0 %)');
    expect(text).toContain('Fired: 01/12/2026\u00a010:00');
    expect(text).toContain('Why resolved: The 95 % confidence interval of Customer satisfaction (CSAT) no longer lies');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('>Figure now</th>');
    expect(html).toContain('>Was</th>');
    expect(html).toContain('Resolved after 3 clean evaluations in a row.');
  });

  it('word a deadline condition that cleared as no complaint overdue, not as a figure without a unit', () => {
    const overdue = overdueRaised({ period_from: '2026-12-01', period_to: '2026-12-01' });
    const cleared: AlertResolved = {
      ...resolved,
      alert_id: overdue.alert_id,
      rule_id: overdue.rule_id,
      rule_kind: 'deadline',
      value: 0,
      period_from: '2026-12-04',
      period_to: '2026-12-04',
    };
    for (const key of ['interval_low', 'interval_high', 'target', 'n'] as const) delete cleared[key];
    const mail = resolvedMail({ resolved: cleared, raised: overdue, latest: overdue }, undefined, 'lv');
    expect(mail.subject).toBe('[servq] Atrisināts: 0 nokavētas sūdzības — Cēsu reģionālā nodaļa');
    expect(mail.was).toBe('3 nokavētas sūdzības');
    expect(mail.words.period).toBe('04.12.2026');
    expect(mail.words.why).toMatch(
      /^Nevienai atvērtai sūdzībai vairs nav pārsniegts likumā noteiktais atbildes termiņš\./,
    );
  });

  it('says there is no figure now when the resolving evaluation had none, and keeps the alert’s period', () => {
    const bare: AlertResolved = { ...resolved };
    for (const key of [
      'value',
      'interval_low',
      'interval_high',
      'target',
      'n',
      'period_from',
      'period_to',
      'link',
    ] as const)
      delete bare[key];
    const mail = resolvedMail({ resolved: bare, raised, latest: raised }, csat, 'en');
    expect(mail.words.figure).toBe('no data');
    expect(mail.open.url).toBe(raised.link);
    expect(mail.words.interval).toBeNull();
    expect(mail.words.period).toBe('04/11/2026 – 01/12/2026');
  });
});
