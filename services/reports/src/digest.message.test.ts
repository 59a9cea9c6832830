import type { DueComplaint } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { renderDigest, type DigestInput, type DigestLabels } from './digest.message.ts';

const labels: DigestLabels = {
  category: (id) => ({ waiting: 'Waiting', information: 'Information' })[id ?? ''] ?? '—',
  channel: (id) => ({ email: 'E-mail', in_person: 'In person' })[id ?? ''] ?? '—',
};

const complaint = (over: Partial<DueComplaint>): DueComplaint => ({
  id: 'k-1',
  office: 'cesis',
  channel: 'email',
  category: 'waiting',
  receivedOn: '2026-11-02',
  dueOn: '2026-11-16',
  rule: 'submissions-law-from-2026-03',
  extended: false,
  reopened: false,
  workingDaysLeft: -11,
  status: 'overdue',
  ...over,
});

const link = 'http://dash/#/complaints?from=2026-09-01&to=2026-11-30&grain=week&office=cesis';
const cesis = (complaints: DueComplaint[], lang: 'lv' | 'en'): DigestInput => ({
  lang,
  week: '2026-W49',
  asOf: '2026-11-30',
  within: 5,
  scopeName: lang === 'lv' ? 'Cēsu nodaļa' : 'Cēsis office',
  sections: [
    {
      office: 'cesis',
      officeName: 'Cēsis office',
      complaints,
      counts: {
        overdue: complaints.filter((c) => c.status === 'overdue').length,
        due: complaints.filter((c) => c.status === 'due').length,
      },
      link,
    },
  ],
  link,
});

describe('deadline digest message', () => {
  const list = [
    complaint({ id: 'k-1', workingDaysLeft: -11 }),
    complaint({ id: 'k-2', workingDaysLeft: -1, extended: true, category: 'information', channel: 'in_person' }),
    complaint({ id: 'k-3', status: 'due', dueOn: '2026-11-30', workingDaysLeft: 0 }),
    complaint({ id: 'k-4', status: 'due', dueOn: '2026-12-03', workingDaysLeft: 3, reopened: true }),
  ];

  it('lists overdue then due complaints by case id with category, channel, due date and working days, in English', () => {
    const { subject, text } = renderDigest(cesis(list, 'en'), labels);
    expect(subject).toBe('servq complaint deadlines week 49: Cēsis office — 2 overdue, 2 due soon');
    expect(text).toContain('As of 30/11/2026: 2 overdue, 2 due within 5 working days.');
    expect(text).toContain(
      [
        'Overdue (2)',
        '- k-1 · Waiting · E-mail · due 16/11/2026 · 11 working days overdue',
        '- k-2 · Information · In person · due 16/11/2026 · 1 working day overdue · deadline extended',
        '',
        'Due within 5 working days (2)',
        '- k-3 · Waiting · E-mail · due 30/11/2026 · due today',
        '- k-4 · Waiting · E-mail · due 03/12/2026 · 3 working days left · reopened',
        '',
        `Complaints screen: ${link}`,
      ].join('\n'),
    );
  });

  it('words counts of working days in Latvian, singular after 1 and 21 but not 11', () => {
    const lv = renderDigest(
      cesis(
        [
          complaint({ id: 'a', workingDaysLeft: -21 }),
          complaint({ id: 'b', workingDaysLeft: -11 }),
          complaint({ id: 'c', status: 'due', workingDaysLeft: 1 }),
          complaint({ id: 'd', status: 'due', workingDaysLeft: 4 }),
        ],
        'lv',
      ),
      labels,
    );
    expect(lv.subject).toBe('servq sūdzību termiņi 49. nedēļa: Cēsu nodaļa — 2 nokavētas, 2 drīz jāatbild');
    expect(lv.text).toContain('nokavēta par 21 darba dienu');
    expect(lv.text).toContain('nokavēta par 11 darba dienām');
    expect(lv.text).toContain('atlikusi 1 darba diena');
    expect(lv.text).toContain('atlikušas 4 darba dienas');
    expect(lv.text).toContain(`Sūdzību skats: ${link}`);
  });

  it('writes dates and the week in Latvian as the dashboard does, not as ISO dates or "2026-W49"', () => {
    const lv = renderDigest(cesis(list, 'lv'), labels);
    expect(lv.text).toMatch(/^Sūdzību termiņi · 49\. nedēļa · Cēsu nodaļa$/m);
    expect(lv.text).toContain('Stāvoklis 30.11.2026: 2 nokavētas');
    expect(lv.text).toContain('- k-1 · Waiting · E-mail · termiņš 16.11.2026 · ');
    // The links keep ISO dates: they are addresses, not text.
    expect(lv.text.replaceAll(link, '')).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}/);
  });

  // Regression: the Latvian summary read "nokavētas 2, termiņš 5 darba dienu laikā 5", the window's 5 and the count's 5
  // side by side; each count now comes before its words, and agrees with its number.
  it('writes the Latvian summary and subject with each count before its words, in the singular for one', () => {
    expect(renderDigest(cesis(list, 'lv'), labels).text).toContain(
      'Stāvoklis 30.11.2026: 2 nokavētas, 2 jāatbild 5 darba dienu laikā. Termiņi pēc',
    );
    const one = renderDigest(
      cesis(
        [
          complaint({ id: 'a', status: 'overdue', workingDaysLeft: -3 }),
          complaint({ id: 'c', status: 'due', workingDaysLeft: 1 }),
        ],
        'lv',
      ),
      labels,
    );
    expect(one.text).toContain('Stāvoklis 30.11.2026: 1 nokavēta, 1 jāatbild 5 darba dienu laikā.');
    expect(one.subject).toBe('servq sūdzību termiņi 49. nedēļa: Cēsu nodaļa — 1 nokavēta, 1 drīz jāatbild');
  });

  it('says in one line that nothing is due, with the link, when an office has nothing overdue or due', () => {
    const { subject, text } = renderDigest(cesis([], 'en'), labels);
    expect(subject).toBe('servq complaint deadlines week 49: Cēsis office — nothing overdue or due soon');
    expect(text).toContain('As of 30/11/2026 no open complaint is overdue or due within 5 working days.');
    expect(text).not.toContain('Overdue');
    expect(text).toContain(link);
  });

  it('tells how many more there are when the list was cut', () => {
    const input = cesis(list.slice(0, 1), 'en');
    input.sections[0]!.counts.overdue = 30;
    expect(renderDigest(input, labels).text).toContain('… and 29 more (all on the screen below)');
    // Counts are grouped as the dashboard writes them, by the one shared formatter.
    input.sections[0]!.counts.overdue = 1230;
    expect(renderDigest(input, labels).text).toContain('Overdue (1,230)\n');
    expect(renderDigest(input, labels).text).toContain('… and 1,229 more');
  });

  it('gives the whole agency one heading per office, a quiet office in one line, and complaints without an office last', () => {
    const { subject, text } = renderDigest(
      {
        lang: 'en',
        week: '2026-W49',
        asOf: '2026-11-30',
        within: 5,
        scopeName: 'whole agency',
        sections: [
          {
            office: 'cesis',
            officeName: 'Cēsis office',
            complaints: list.slice(0, 1),
            counts: { overdue: 1, due: 0 },
            link,
          },
          {
            office: 'liepaja',
            officeName: 'Liepāja office',
            complaints: [],
            counts: { overdue: 0, due: 0 },
            link: 'L',
          },
          {
            office: null,
            officeName: 'No office',
            complaints: [complaint({ id: 'e-1', office: null, status: 'due', workingDaysLeft: 2 })],
            counts: { overdue: 0, due: 1 },
          },
        ],
        link: 'ALL',
      },
      labels,
    );
    expect(subject).toBe('servq complaint deadlines week 49: whole agency — 1 overdue, 1 due soon');
    expect(text).toContain('== Cēsis office ==\nOverdue (1)\n- k-1 ·');
    // Each office's link stands apart from its last case, so it does not read as one more case.
    expect(text).toContain(`11 working days overdue\n\nComplaints screen: ${link}\n`);
    expect(text).not.toMatch(/^- .*\nComplaints screen/m);
    expect(text).toContain(
      '== Liepāja office ==\nAs of 30/11/2026 no open complaint is overdue or due within 5 working days.\n\nComplaints screen: L',
    );
    expect(text).toContain(
      '== No office ==\nDue within 5 working days (1)\n- e-1 · Waiting · E-mail · due 16/11/2026 · 2 working days left\n\nComplaints screen, all offices: ALL',
    );
  });

  // Regression: the agency's digest said how many complaints were overdue but not where; with every office a
  // section, management had to read them all to find the offices that need attention.
  it("names the agency's offices with overdue complaints in its summary, most first, apart by semicolons", () => {
    const office = (id: string, officeName: string, overdue: number, due: number) => ({
      office: id,
      officeName,
      complaints: [],
      counts: { overdue, due },
      link: id,
    });
    const input = (lang: 'lv' | 'en'): DigestInput => ({
      lang,
      week: '2026-W49',
      asOf: '2026-11-30',
      within: 5,
      scopeName: 'whole agency',
      sections: [
        office('riga', 'Riga office', 1, 2),
        office('cesis', 'Cēsis office', 0, 3),
        office('liepaja', 'Liepāja office', 4, 0),
        office('daugavpils', 'Daugavpils office', 1, 0),
      ],
      link: 'ALL',
    });
    expect(renderDigest(input('en'), labels).text).toContain(
      'As of 30/11/2026: 6 overdue, 5 due within 5 working days. Overdue in: Liepāja office (4); Riga office (1); ' +
        "Daugavpils office (1). Deadlines under the Law on Submissions as in force on each complaint's day of receipt.\n",
    );
    expect(renderDigest(input('lv'), labels).html).toContain(
      'Nokavētas: Liepāja office (4); Riga office (1); Daugavpils office (1). Termiņi pēc',
    );
    // An office's own digest names no office: its title does.
    expect(renderDigest(cesis(list, 'en'), labels).text).not.toContain('Overdue in');
  });

  describe('HTML part', () => {
    /** Each table body row's cells as text (tags dropped, the five entities escape-html writes read back). */
    const rows = (html: string) =>
      [...html.matchAll(/<tr>(.*?)<\/tr>/gs)]
        .map((m) =>
          [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) =>
            c[1]!
              .replace(/<[^>]+>/g, '')
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&quot;/g, '"')
              .replace(/&#39;/g, "'")
              .replace(/&amp;/g, '&'),
          ),
        )
        .filter((cells) => cells.length > 0);

    it('lists the same cases as the text, one table row each, in the same words and order', () => {
      const { text, html } = renderDigest(cesis(list, 'lv'), labels);
      const fromText = text
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .map((l) => l.slice(2).split(' · '));
      // The text's "termiņš 16.11.2026" is the table's Termiņš column: same date, the word moves to the head.
      const fromHtml = rows(html).map(([id, category, channel, dueOn, days]) => [
        id,
        category,
        channel,
        `termiņš ${dueOn}`,
        ...days!.split(' · '),
      ]);
      expect(fromHtml).toEqual(fromText);
      expect(html).toContain('<html lang="lv">');
      expect(html).toMatch(/<th[^>]*>Lieta<\/th>/);
      expect(html).toContain('Nokavētas (2)</h3>');
      expect(html).toContain('Termiņš 5 darba dienu laikā (2)</h3>');
      expect(html).toContain(`<a href="${link.replaceAll('&', '&amp;')}"`);
      expect(html).toContain('>Sūdzību skats</a>');
    });

    it('escapes every value it inserts: labels, case ids, office names and links', () => {
      const hostile: DigestLabels = {
        category: () => '<script>alert(1)</script>',
        channel: () => 'E-mail & "phone"',
      };
      const input = cesis([complaint({ id: `k-<img src=x onerror=alert(1)>'` })], 'en');
      input.scopeName = 'Cēsis <b>office</b>';
      input.sections[0]!.link = 'http://dash/#/complaints?office=cesis&x="><script>';
      const { html } = renderDigest(input, hostile);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('E-mail &amp; &quot;phone&quot;');
      expect(html).toContain('href="http://dash/#/complaints?office=cesis&amp;x=&quot;&gt;&lt;script&gt;"');
      expect(rows(html)[0]).toEqual([
        `k-<img src=x onerror=alert(1)>'`,
        '<script>alert(1)</script>',
        'E-mail & "phone"',
        '16/11/2026',
        '11 working days overdue',
      ]);
    });

    it('says in one line that nothing is due, with no empty table', () => {
      const { html } = renderDigest(cesis([], 'en'), labels);
      expect(html).toContain('no open complaint is overdue or due within 5 working days.');
      expect(html).not.toContain('<table');
    });
  });
});
