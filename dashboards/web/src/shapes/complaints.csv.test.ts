import { describe, expect, it } from 'vitest';
import { rowsCsv } from '../csv.ts';
import { labels } from '../test.fixtures.ts';
import { ageingCsv, backlogCsv, complianceCsv, deskCsv, slicesCsv, weeklyCsv } from './complaints.csv.ts';

const csv = (data: { columns: string[]; rows: unknown[][] }) => rowsCsv(data.columns, data.rows);

// Regression: the Complaints screen's CSVs held the tables' text ("91,2 % (n=12)", "nov. 2026 (nepilns)",
// "nokavēta par 6 darba dienām"), which no program reads as numbers.
describe("the Complaints screen's CSVs", () => {
  it('deadline compliance: ISO periods, each share in percent with its n (empty where withheld), the counts where any was due', () => {
    const point = (value: number | null, n: number, suppressed = false) => ({ value, n, suppressed, interval: null });
    const data = complianceCsv(
      'lv',
      ['2026-10-01', '2026-11-01', '2026-12-01'],
      [true, false, true],
      [
        {
          name: 'Likumā noteiktajā termiņā',
          unit: 'share',
          points: [point(null, 6, true), point(0.9167, 12), point(null, 0)],
        },
        {
          name: 'Iekšējā mērķa termiņā',
          unit: 'share',
          points: [point(null, 6, true), point(0.4167, 12), point(null, 0)],
        },
      ],
      { due: [6, 12, 0], inTime: [5, 11, 0], late: [1, 1, 0] },
    );
    expect(csv(data)).toBe(
      [
        'Periods,nepilns,Likumā noteiktajā termiņā (%),Likumā noteiktajā termiņā n,Iekšējā mērķa termiņā (%),Iekšējā mērķa termiņā n,Termiņā,Pēc termiņa',
        '2026-10-01,yes,,6,,6,5,1',
        '2026-11-01,no,91.67,12,41.67,12,11,1',
        '2026-12-01,yes,,0,,0,,',
        '',
      ].join('\r\n'),
    );
  });

  it('the backlog: ISO periods and days, counts as numbers, a period before the data empty', () => {
    const data = backlogCsv(
      'en',
      [
        { period: '2026-10-01', asOf: '2026-10-31' },
        { period: '2026-11-01', asOf: '2026-11-30' },
      ],
      { open: [null, 14], overdue: [null, 3], received: [null, 40], answered: [null, 31] },
      [false, true],
    );
    expect(data.columns).toEqual(['Period', 'partial', 'As of', 'Open', 'Past the deadline', 'Received', 'Answered']);
    expect(data.rows).toEqual([
      ['2026-10-01', 'no', '2026-10-31', null, null, null, null],
      ['2026-11-01', 'yes', '2026-11-30', 14, 3, 40, 31],
    ]);
  });

  it('the open complaints by age: the band as the API keys it, its unit in the header, the counts', () => {
    const data = ageingCsv('en', [
      { band: '0-5', pastDeadline: false, open: 7, inTime: 7, overdue: 0 },
      { band: '21+', pastDeadline: true, open: 2, inTime: 0, overdue: 2 },
    ]);
    expect(data.columns[0]).toBe('Age (working days)');
    expect(data.rows).toEqual([
      ['0-5', 7, 7, 0],
      ['21+', 2, 0, 2],
    ]);
  });

  it('complaints per week, and per outcome or category with the share in percent', () => {
    expect(weeklyCsv('lv', [{ week: '2026-11-30', count: 3 }], [true]).rows).toEqual([['2026-11-30', 'yes', 3]]);
    const slices = slicesCsv('lv', [{ key: 'upheld', count: 2, share: 2 / 3 }], () => 'Atzīta par pamatotu');
    expect(slices.columns).toEqual(['Grupa', 'Skaits', 'Daļa (%)']);
    expect(slices.rows).toEqual([['Atzīta par pamatotu', 2, 66.67]]);
  });

  it("the deadline desk: the status's code, working days left as a signed number, ISO dates, flags yes or no", () => {
    const data = deskCsv(
      'lv',
      [
        {
          id: 'C-1',
          office: 'cesis',
          channel: 'in_person',
          category: null,
          receivedOn: '2026-10-20',
          dueOn: '2026-11-27',
          rule: null,
          extended: true,
          reopened: false,
          workingDaysLeft: -6,
          status: 'overdue',
        },
      ],
      labels,
    );
    const row = Object.fromEntries(data.columns.map((c, i) => [c, data.rows[0]?.[i]]));
    expect(row).toMatchObject({
      Lieta: 'C-1',
      Statuss: 'overdue',
      working_days_left: -6,
      extended: 'yes',
      reopened: 'no',
      Nodaļa: 'Cēsis',
    });
    expect(data.rows[0]).toContain('2026-11-27');
    expect(data.rows[0]).toContain('2026-10-20');
  });
});
