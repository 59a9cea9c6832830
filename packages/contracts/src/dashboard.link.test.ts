import { describe, expect, it } from 'vitest';
import { dashboardLink } from './dashboard.link.ts';

describe('dashboardLink', () => {
  it("opens the Complaints screen's deadline list on the window asked for", () => {
    const link = dashboardLink('http://dash', {
      screen: 'complaints',
      from: '2026-09-06',
      to: '2026-12-05',
      office: 'liepaja',
      within: 10,
    });
    expect(link).toBe('http://dash/#/complaints?from=2026-09-06&to=2026-12-05&grain=week&office=liepaja&within=10');
  });

  it('leaves the window out when none is asked for', () => {
    expect(dashboardLink('http://dash', { screen: 'offices', from: '2026-11-29', to: '2026-12-05' })).toBe(
      'http://dash/#/offices?from=2026-11-29&to=2026-12-05&grain=day',
    );
  });
});
