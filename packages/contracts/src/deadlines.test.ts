import { describe, expect, it } from 'vitest';
import { complaintDeadline } from './deadlines.ts';
import { isContractsError } from './errors.ts';

/** Noon in Riga on a date, winter offset; good enough for receipt times in these tables. */
const at = (date: string): string => `${date}T12:00:00+02:00`;

describe('complaintDeadline under the law before 1 March 2026 (one month, 4 months, 7 working days)', () => {
  it.each([
    ['2025-12-15', '2026-01-15', 'one month across the year boundary'],
    ['2025-11-30', '2025-12-30', 'one month from a Sunday'],
    ['2025-11-24', '2025-12-29', 'a month ending on Christmas Eve moves past the holidays'],
    ['2025-12-31', '2026-02-02', 'a month ending on a Saturday moves to Monday'],
    ['2025-12-02', '2026-01-05', 'a month ending on the moved 2 January moves to Monday'],
    ['2026-01-30', '2026-03-02', 'the 30th plus a month is the end of February, a Saturday'],
  ])('received %s → answer due %s (%s)', (received, due) => {
    const result = complaintDeadline({ received_at: at(received) });
    expect(result.rule.id).toBe('submissions-law-until-2026-02');
    expect(result.basis).toBe('answer');
    expect(result.dueOn).toBe(due);
  });

  it('allows up to four months from receipt when extended, even when answered under the new law', () => {
    const result = complaintDeadline({ received_at: at('2025-11-10'), extended: true, responded_at: at('2026-03-10') });
    expect(result).toMatchObject({ basis: 'extended_answer', dueOn: '2026-03-10', status: 'met', met: true });
    expect(result.rule.id).toBe('submissions-law-until-2026-02');
  });

  it("takes an extended complaint's due date from the extension notice's new date when it has one", () => {
    const extended = { received_at: at('2025-11-10'), extended: true, extended_to: '2026-01-16' };
    expect(complaintDeadline(extended)).toMatchObject({ basis: 'extended_answer', dueOn: '2026-01-16' });
    expect(complaintDeadline({ ...extended, extended_to: null }).dueOn).toBe('2026-03-10');
    // A forwarding's deadline is not the extension's.
    expect(complaintDeadline({ ...extended, forwarded: true }).basis).toBe('forward');
  });

  it('forwards within 7 working days, skipping Christmas, New Year and the moved 2 January', () => {
    const result = complaintDeadline({
      received_at: at('2025-12-19'),
      forwarded: true,
      responded_at: at('2026-01-08'),
    });
    expect(result).toMatchObject({ basis: 'forward', dueOn: '2026-01-07', status: 'missed', met: false });
    expect(result.internalTarget).toBeNull();
  });
});

describe('complaintDeadline under the law from 1 March 2026 (10 working days, one month, 5 working days)', () => {
  it.each([
    ['2026-03-02', '2026-03-16', 'two plain working weeks'],
    ['2026-03-27', '2026-04-14', 'skipping Good Friday and Easter Monday'],
    ['2026-06-23', '2026-07-07', 'counting the moved working Saturday 27 June, not 22 June'],
    ['2026-12-21', '2027-01-08', 'across Christmas and the year boundary'],
  ])('received %s → answer due %s (%s)', (received, due) => {
    const result = complaintDeadline({ received_at: at(received) });
    expect(result.rule.id).toBe('submissions-law-from-2026-03');
    expect(result.dueOn).toBe(due);
  });

  it('extends to one month from receipt', () => {
    expect(complaintDeadline({ received_at: at('2026-03-31'), extended: true }).dueOn).toBe('2026-04-30');
  });

  it('forwards within 5 working days, a moved Saturday included', () => {
    expect(complaintDeadline({ received_at: at('2026-06-23'), forwarded: true }).dueOn).toBe('2026-06-30');
    expect(complaintDeadline({ received_at: at('2026-03-02'), forwarded: true }).dueOn).toBe('2026-03-09');
  });
});

describe('which rule applies', () => {
  it('uses the Riga date of receipt: 22:30 UTC on 28 February is already 1 March in Riga', () => {
    expect(complaintDeadline({ received_at: '2026-02-28T21:59:00Z' }).rule.id).toBe('submissions-law-until-2026-02');
    expect(complaintDeadline({ received_at: '2026-02-28T22:30:00Z' }).rule.id).toBe('submissions-law-from-2026-03');
  });

  it('refuses a receipt date before any rule with a typed error', () => {
    let caught: unknown;
    try {
      complaintDeadline({ received_at: at('2001-01-01') });
    } catch (error) {
      caught = error;
    }
    expect(isContractsError(caught) && caught.code).toBe('CONTRACTS_NO_RULE_IN_FORCE');
  });
});

describe('whether the deadline was met', () => {
  const received = at('2026-03-02');

  it('is met when answered on the due date, even late in the evening', () => {
    const result = complaintDeadline({ received_at: received, responded_at: '2026-03-16T23:59:00+02:00' });
    expect(result).toMatchObject({ status: 'met', met: true, respondedOn: '2026-03-16', workingDaysTaken: 10 });
  });

  it('is missed when answered the next day', () => {
    const result = complaintDeadline({ received_at: received, responded_at: at('2026-03-17') });
    expect(result).toMatchObject({ status: 'missed', met: false, workingDaysTaken: 11 });
  });

  it('is open while unanswered and not yet due, and overdue afterwards', () => {
    expect(complaintDeadline({ received_at: received }, { now: new Date(at('2026-03-16')) })).toMatchObject({
      status: 'open',
      met: null,
      workingDaysTaken: null,
    });
    expect(complaintDeadline({ received_at: received }, { now: new Date(at('2026-03-17')) })).toMatchObject({
      status: 'overdue',
      met: false,
    });
  });

  it('checks ATD’s stricter internal target separately, with a configurable period', () => {
    const answered = { received_at: received, responded_at: at('2026-03-10') };
    expect(complaintDeadline(answered).internalTarget).toEqual({ dueOn: '2026-03-09', status: 'missed', met: false });
    expect(complaintDeadline(answered).met).toBe(true);
    const relaxed = complaintDeadline(answered, { internalTarget: { unit: 'working_days', amount: 7 } });
    expect(relaxed.internalTarget).toEqual({ dueOn: '2026-03-11', status: 'met', met: true });
  });
});
