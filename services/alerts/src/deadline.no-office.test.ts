/**
 * Regression: the deadline clock filed overdue complaints with no office (`office_id` null, e-mail or portal
 * complaints not yet assigned) under the whole agency, so the page and e-mails read "visa ATD: 1 nokavēta
 * sūdzība" beside offices with many. They are a scope of their own: their own alert id, named with the served
 * "no office" label in the raised and resolved e-mails, and never the agency's.
 */
import { AlertRaised, AlertResolved, NO_OFFICE_FILTER, NO_OFFICE_NAME } from '@servq/contracts';
import { describe, expect, it } from 'vitest';
import { AlertBook, subscribedTo } from './alert.book.ts';
import { deadlineClock } from './evaluate.ts';
import { composeMessage, mailWords } from './message.ts';
import { composeResolvedMessage } from './resolved.message.ts';
import { Subscriber } from './rules.ts';

const rule = { id: 'complaint-deadlines', kind: 'deadline', within_working_days: 5, severity: 'warning' } as const;
const ctx = { rule, window: { from: '2026-11-04', to: '2026-12-04' }, dashboardUrl: 'http://127.0.0.1:8080/' };
const policy = { cleanEvaluationsToResolve: 1, renotifyAfterMs: 86_400_000 };
const today = '2026-12-04';

/** One overdue complaint nobody has assigned to an office, beside three overdue in Cēsis. */
const open = [
  { office_id: null, legal_due_date: '2026-11-30', n: 1 },
  { office_id: 'cesis', legal_due_date: '2026-11-27', n: 3 },
];

describe('the deadline clock for complaints with no office', () => {
  it('raises its own no-office alert, not an agency one, and keeps the offices’ ids', () => {
    const { findings, readings } = deadlineClock(ctx, open, today);
    expect(findings.map((f) => [f.alertId, f.value, f.officeId, f.noOffice])).toEqual([
      ['complaint-deadlines:cesis:overdue', 3, 'cesis', undefined],
      ['complaint-deadlines:no-office:overdue', 1, undefined, true],
    ]);
    expect([...findings, ...readings].some((f) => f.alertId.includes(':all:'))).toBe(false);
  });

  it("links the Complaints screen filtered to the complaints with no office, the offices' alerts to their office", () => {
    const { findings, readings } = deadlineClock(ctx, open, today);
    const links = Object.fromEntries([...findings, ...readings].map((f) => [f.alertId, new URL(f.link)]));
    const noOffice = links['complaint-deadlines:no-office:overdue']!;
    expect(noOffice.hash).toMatch(/^#\/complaints\?/);
    expect(new URLSearchParams(noOffice.hash.split('?')[1]).get('office')).toBe(NO_OFFICE_FILTER);
    expect(new URLSearchParams(links['complaint-deadlines:cesis:overdue']!.hash.split('?')[1]).get('office')).toBe(
      'cesis',
    );
  });

  it('names it "no office assigned" in the e-mail, text and HTML, in Latvian and English', () => {
    const book = new AlertBook();
    const [raised] = book.decide(rule.id, deadlineClock(ctx, open.slice(0, 1), today).findings, new Date(), policy);
    const event = AlertRaised.parse(raised);
    expect(event).toMatchObject({ alert_id: 'complaint-deadlines:no-office:overdue', no_office: true });
    expect(event.office_id).toBeUndefined();
    for (const lang of ['lv', 'en'] as const) {
      const message = composeMessage(event, undefined, lang);
      expect(message.subject).toMatch(new RegExp(` — ${NO_OFFICE_NAME[lang]}$`));
      expect(message.text).toContain(NO_OFFICE_NAME[lang]);
      expect(message.html).toContain(NO_OFFICE_NAME[lang]);
      for (const part of [message.subject, message.text, message.html])
        expect(part).not.toContain(mailWords[lang].agency);
    }
    // Only agency-wide subscribers receive it: it is no office's alert.
    const head = Subscriber.parse({ id: 'cesis-head', email: 'head@example.test', offices: ['cesis'] });
    const management = Subscriber.parse({ id: 'management', email: 'management@example.test' });
    expect(subscribedTo(head, event)).toBe(false);
    expect(subscribedTo(management, event)).toBe(true);
  });

  it('keeps its id across a restart, so it is not raised twice, and resolves under the same name', () => {
    const first = new AlertBook();
    const at = (hour: number) => new Date(`2026-12-04T${String(hour).padStart(2, '0')}:00:00Z`);
    const raised = first.decide(rule.id, deadlineClock(ctx, open, today).findings, at(8), policy);
    // A restarted service replays the topic into a new book; the same complaints raise nothing new.
    const restarted = new AlertBook();
    for (const e of raised) restarted.apply(e);
    expect(restarted.decide(rule.id, deadlineClock(ctx, open, today).findings, at(9), policy)).toEqual([]);
    // The complaint is assigned to an office: the no-office alert resolves, still named as no office's.
    const assigned = open.map((c) => ({ ...c, office_id: 'cesis' }));
    const clock = deadlineClock(ctx, assigned, today);
    const resolved = restarted
      .decide(rule.id, clock.findings, at(10), policy, clock.readings)
      .filter((e) => e.type === 'alert.resolved');
    expect(resolved.map((e) => [e.alert_id, AlertResolved.parse(e).no_office])).toEqual([
      ['complaint-deadlines:no-office:overdue', true],
    ]);
    for (const e of resolved) restarted.apply(e);
    const resolution = restarted.resolution(resolved[0]!.event_id)!;
    expect(composeResolvedMessage(resolution, undefined, 'lv').subject).toMatch(/ — Nodaļa nav piešķirta$/);
  });
});
