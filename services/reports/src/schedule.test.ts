import type { OutgoingMail } from '@servq/mail';
import { describe, expect, it } from 'vitest';
import { monthTitle } from './month.ts';
import { Scheduler } from './schedule.ts';

describe('the monthly report e-mail', () => {
  it('writes the month in words, in Latvian with "gada", and in English', () => {
    expect(monthTitle('2026-11', 'lv')).toBe('2026. gada novembris');
    expect(monthTitle('2027-01', 'lv')).toBe('2027. gada janvāris');
    expect(monthTitle('2026-11', 'en')).toBe('November 2026');
  });

  it("names the office by its name and the month in words, never by the office's id or YYYY-MM, and first what is off target", async () => {
    const sent: OutgoingMail[] = [];
    const names: Record<string, string> = { cesis: 'Cēsu reģionālā nodaļa' };
    const scheduler = new Scheduler(
      {
        subscribers: [
          { id: 'head-cesis', email: 'cesis@atd.invalid', language: 'lv', office: 'cesis' },
          { id: 'agency', email: 'agency@atd.invalid', language: 'en' },
        ],
        render: () => Promise.resolve(new Uint8Array([37, 80, 68, 70])),
        officeName: (office) => Promise.resolve(office === undefined ? undefined : names[office]),
        offTarget: (request) =>
          Promise.resolve(
            request.office === undefined
              ? [{ metric: 'satisfaction_mean', line: 'Mean satisfaction: 4.22 / 5 (target ≥ 4.30 / 5)' }]
              : [],
          ),
        mailer: {
          send: (mail) => {
            sent.push(mail);
            return Promise.resolve();
          },
          close: () => undefined,
        },
        markers: { has: () => Promise.resolve(false), put: () => Promise.resolve() },
        logger: { info: () => undefined, error: () => undefined },
      },
      { intervalMs: 3_600_000, markerPrefix: 'reports/sent/' },
    );
    // 1 December 2026 is a Tuesday, a working day: November's report is due.
    expect(await scheduler.tick(new Date('2026-12-01T07:00:00Z'))).toEqual(['head-cesis', 'agency']);
    await scheduler.stop();
    expect(sent.map((m) => m.subject)).toEqual([
      'servq mēneša pārskats: 2026. gada novembris — Cēsu reģionālā nodaļa',
      'servq monthly report: November 2026 — whole agency',
    ]);
    expect(sent[0]!.text).toMatch(/^2026\. gada novembris — Cēsu reģionālā nodaļa\n/);
    for (const mail of sent) expect(mail.text).not.toMatch(/2026-11|cesis/);
    // What needs attention comes before the PDF's contents: the figures off target, or that none is.
    expect(sent[0]!.text).toContain(
      '\n\nNeviens galvenais rādītājs nav skaidri ārpus mērķa (rādītāji nejaušu svārstību robežās vai ar par maz atbilžu — PDF).\n\nPielikumā',
    );
    expect(sent[1]!.text).toContain(
      '\n\nOff target this month:\n- Mean satisfaction: 4.22 / 5 (target ≥ 4.30 / 5)\n\nAttached',
    );
  });
});
