import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { loadSubscriptions, parseSubscriptions } from './subscriptions.ts';

describe('reports configuration', () => {
  it('names every missing or malformed variable at once', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        REPORTS_TOKENS: '[]',
        REPORTS_DASHBOARD_URL: 'ftp://x',
        REPORTS_SMTP_URL: 'http://mail',
        REPORTS_DIGEST_WITHIN_WORKING_DAYS: '61',
      });
    } catch (error) {
      problems = (error as { problems: { variable: string }[] }).problems.map((p) => p.variable);
    }
    expect(problems).toEqual(
      expect.arrayContaining([
        'S3_ACCESS_KEY_ID',
        'REPORTS_TOKENS',
        'REPORTS_DASHBOARD_URL',
        'REPORTS_DASHBOARD_TOKEN',
        'REPORTS_SMTP_URL',
        'REPORTS_DIGEST_WITHIN_WORKING_DAYS',
      ]),
    );
  });

  it('reports every problem of a subscriptions file with its place', () => {
    expect(() =>
      parseSubscriptions(
        {
          version: 1,
          subscribers: [
            { id: 'head-cesis', email: 'not-an-address', office: 'cesis' },
            { id: 'head-cesis', email: 'a@b.lv', office: 'valmiera', language: 'de' },
          ],
        },
        'subs.json',
      ),
    ).toThrow(/subscribers\.0\.email: expected an e-mail address.*subscribers\.1\.language.*subscribers\.1\.office/);
  });

  it('reads the shipped subscriptions: the agency and each office head, Latvian unless asked', async () => {
    const shipped = await loadSubscriptions(
      new URL('../subscriptions/atd.subscriptions.json', import.meta.url).pathname,
    );
    expect(shipped.subscribers.filter((s) => s.office === undefined).map((s) => s.id)).toEqual(['management']);
    expect(new Set(shipped.subscribers.flatMap((s) => (s.office ? [s.office] : [])))).toEqual(
      new Set(['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja']),
    );
    expect(
      parseSubscriptions({ version: 1, subscribers: [{ id: 'ab', email: 'a@b.lv' }] }, 'x').subscribers[0]?.language,
    ).toBe('lv');
  });
});
