/**
 * The agency-wide digest's section of complaints with no office links the Complaints screen filtered to them
 * (`office=no-office`), as each office's section links its office; it used to have no link of its own. The
 * scheduler runs with in-memory stand-ins for the query API, the mailer and the markers.
 */
import { NO_OFFICE_FILTER, referenceLabels } from '@servq/contracts';
import type { OutgoingMail } from '@servq/mail';
import type { DueAnswer, DueComplaint, ReferenceAnswer } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { DigestScheduler } from './digest.ts';
import type { QuerySource } from './query.source.ts';

const complaint = (id: string, office: string | null): DueComplaint => ({
  id,
  office,
  channel: 'email',
  category: 'waiting',
  receivedOn: '2026-11-02',
  dueOn: '2026-11-16',
  rule: 'submissions-law-from-2026-03',
  extended: false,
  reopened: false,
  workingDaysLeft: -11,
  status: 'overdue',
});

const due = (complaints: DueComplaint[]): DueAnswer => ({
  freshness: { newestEventAt: null, syncedAt: null, dataVersion: 1 },
  asOf: '2026-11-30',
  within: 5,
  filters: {},
  counts: { overdue: complaints.length, due: 0 },
  complaints,
  truncated: false,
});

describe('the deadline digest of complaints with no office', () => {
  it('links their section to the Complaints screen filtered to them', async () => {
    const all = [complaint('k-1', 'cesis'), complaint('k-2', null)];
    const source = {
      due: (office: string | undefined) =>
        Promise.resolve(due(office === undefined ? all : all.filter((c) => c.office === office))),
      reference: () => Promise.resolve({ ...referenceLabels(), ageBands: [] } as ReferenceAnswer),
    } as unknown as QuerySource;
    const sent: OutgoingMail[] = [];
    const scheduler = new DigestScheduler(
      {
        subscribers: [{ id: 'management', email: 'management@example.test', language: 'en' }],
        source,
        mailer: { send: (mail) => Promise.resolve(void sent.push(mail)), close: () => undefined },
        markers: { has: () => Promise.resolve(false), put: () => Promise.resolve() },
        logger: { info: () => undefined, error: (_f, message) => expect.fail(message) },
        dashboardUrl: 'http://dash',
      },
      { intervalMs: 3_600_000, markerPrefix: 'm/', withinWorkingDays: 5 },
    );
    // Monday 30 November 2026, 09:00 in Riga: the week's digest is due.
    expect(await scheduler.tick(new Date('2026-11-30T07:00:00Z'))).toEqual(['management']);
    await scheduler.stop();
    const text = sent[0]!.text;
    const section = text.slice(text.indexOf('== No office assigned =='));
    const link = /Complaints screen[^:\n]*: (\S+)/.exec(section)?.[1];
    expect(link).toBeDefined();
    expect(new URLSearchParams(new URL(link!).hash.split('?')[1]).get('office')).toBe(NO_OFFICE_FILTER);
    expect(text).toMatch(/office=cesis/);
  });
});
