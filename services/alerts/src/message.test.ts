import type { AlertRaised } from '@servq/contracts';
import type { MetricInfo } from '@servq/query-api';
import { describe, expect, it } from 'vitest';
import { composeMessage, figure, why } from './message.ts';
import { csat, csatRaised, overdueRaised } from './test.fixtures.ts';

const raised = csatRaised;

describe('notification messages', () => {
  it('say in Latvian the figure, its interval, the target, why it fired, the period and the link', () => {
    const { subject, text } = composeMessage(raised, csat, 'lv');
    // What broke and how much, figure first, so a phone's mail list shows it before the office is cut off.
    expect(subject).toBe('[servq] Brīdinājums: CSAT 78,1 % (mērķis ≥ 85,0 %) — Cēsu reģionālā nodaļa');
    expect(text).toContain('Rādītājs: 78,1 % (95 % ticamības intervāls 72,0–84,0 %); mērķis 85,0 %');
    expect(text).toContain('Viss 95 % ticamības intervāls (72,0–84,0 %, n = 40) ir ārpus mērķa');
    expect(text).toContain('Periods: 04.11.2026 – 01.12.2026');
    expect(text).toContain('nav nejauša svārstība');
    expect(text).toContain(`Atvērt paneli: ${raised.link}`);
    // Acknowledged on the dashboard's Alerts screen, not by an API call a manager cannot make.
    expect(text).toContain('Apstiprināt brīdinājumu var paneļa sadaļā „Brīdinājumi”: http://127.0.0.1:8080/#/alerts');
    expect(text).not.toContain('POST');
  });

  it('say the same in English, and mark a reminder as one', () => {
    const { subject, text } = composeMessage({ ...raised, type: 'alert.renotified' }, csat, 'en');
    expect(subject).toBe('[servq] Warning (reminder): CSAT 78.1 % (target ≥ 85.0 %) — Cēsis regional office');
    expect(text).toContain('Figure: 78.1 % (95 % confidence interval 72.0–84.0 %); target 85.0 %');
    expect(text).toContain('so this is not noise');
    expect(text).toContain('Period: 04/11/2026 – 01/12/2026');
    expect(text).toContain('Acknowledge the alert on the dashboard’s Alerts screen: http://127.0.0.1:8080/#/alerts');
  });

  it('word the deadline clock as complaints past their legal deadline', () => {
    const overdue = overdueRaised();
    const { subject, text } = composeMessage(overdue, undefined, 'lv');
    expect(subject).toBe('[servq] Kritiski: 3 nokavētas sūdzības — Cēsu reģionālā nodaļa');
    expect(composeMessage({ ...overdue, value: 1 }, undefined, 'en').subject).toBe(
      '[servq] Critical: 1 overdue complaint — Cēsis regional office',
    );
    expect(composeMessage({ ...overdue, alert_group: 'due_soon', value: 2 }, undefined, 'lv').subject).toBe(
      '[servq] Kritiski: 2 sūdzībām drīz termiņš — Cēsu reģionālā nodaļa',
    );
    // The count once, in the subject; the facts add what it does not say (no due date kept: no row at all).
    expect(text).not.toContain('Rādītājs: 3');
    expect(text).toContain('3 atvērtas sūdzības ir pārsniegušas Iesniegumu likumā noteikto atbildes termiņu');
    expect(text).toContain('Stāvoklis dienā: 01.12.2026');
  });

  it('say the count once and add how late the oldest overdue complaint is, or how near the nearest deadline', () => {
    const overdue = overdueRaised({
      // Friday 4 December; the oldest was due Friday 20 November: 10 working days late.
      period_from: '2026-12-04',
      period_to: '2026-12-04',
      due_date: '2026-11-20',
    });
    const lv = composeMessage(overdue, undefined, 'lv');
    expect(lv.text).toContain('\nVecākais termiņš: 20.11.2026, kavējums 10\u00a0darba\u00a0dienas\n');
    expect(lv.text.match(/\b3\b/g)).toHaveLength(1); // the why's "3 atvērtas sūdzības"; no figure row repeats it
    expect(composeMessage(overdue, undefined, 'en').text).toContain(
      '\nOldest deadline: 20/11/2026, 10\u00a0working\u00a0days late\n',
    );
    // Due soon: Monday 7 December is 1 working day after Friday the 4th; due today reads so.
    const soon = { ...overdue, alert_group: 'due_soon', due_date: '2026-12-07' };
    expect(composeMessage(soon, undefined, 'lv').text).toContain(
      '\nTuvākais termiņš: 07.12.2026, līdz tam 1\u00a0darba\u00a0diena\n',
    );
    expect(composeMessage(soon, undefined, 'en').text).toContain(
      '\nNearest deadline: 07/12/2026, 1\u00a0working\u00a0day left\n',
    );
    expect(composeMessage({ ...soon, due_date: '2026-12-04' }, undefined, 'en').text).toContain(
      '\nNearest deadline: 04/12/2026, today\n',
    );
    // The HTML: the count in the headline only, the due date as the facts' first row.
    const html = lv.html.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ');
    expect(html).toContain('3 nokavētas sūdzības');
    expect(html).not.toContain('Rādītājs');
    expect(html).toContain('Vecākais termiņš 20.11.2026, kavējums 10');
    expect(lv.html).toMatch(/<table class="facts"[^>]*><tr><th scope="row"[^>]*>Vecākais termiņš<\/th>/);
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
    expect(figure(1, 'working_days', 'lv')).toBe('1,0\u00a0darba\u00a0diena');
    expect(figure(21, 'working_days', 'lv')).toBe('21,0\u00a0darba\u00a0diena');
    expect(figure(4.2, 'working_days', 'lv')).toBe('4,2\u00a0darba\u00a0dienas');
    expect(figure(11, 'days', 'lv')).toBe('11\u00a0dienas');
    expect(figure(1, 'working_days', 'en')).toBe('1.0\u00a0working\u00a0days');
    expect(figure(30, 'days', 'en')).toBe('30\u00a0days');
  });

  it('write NPS with its sign and mean scores out of 5, as the dashboard does', () => {
    const nps: MetricInfo = { ...csat, id: 'nps', label: { lv: 'Ieteikšanas indekss (NPS)', en: 'NPS' }, unit: 'nps' };
    const score: MetricInfo = { ...csat, id: 'satisfaction_mean', unit: 'score_1_5' };
    const npsAlert = { ...raised, metric_id: 'nps', value: 29, target: 35, interval_low: 18, interval_high: 33 };
    const lv = composeMessage(npsAlert, nps, 'lv');
    expect(lv.subject).toBe('[servq] Brīdinājums: NPS +29 (mērķis ≥ +35) — Cēsu reģionālā nodaļa');
    expect(lv.text).toContain('Rādītājs: +29 (95 % ticamības intervāls +18–+33); mērķis +35');
    const scoreAlert = { ...raised, value: 4.2, target: 4.5, interval_low: 4.05, interval_high: 4.35 };
    expect(composeMessage(scoreAlert, score, 'lv').text).toContain('Rādītājs: 4,20 / 5');
    expect(composeMessage(scoreAlert, score, 'en').text).toContain('; target 4.50 / 5');
    expect(figure(-12, 'nps', 'en')).toBe('\u221212');
    expect(figure(0.853, 'share', 'lv')).toBe('85,3 %');
    expect(figure(null, 'share', 'lv')).toBe('nav datu');
  });

  it('leave an unknown sample size out instead of writing "n = ?"', () => {
    const unknown: AlertRaised = { ...raised };
    delete unknown.n;
    const lv = why(unknown, csat, 'lv');
    expect(lv).toContain('Viss 95 % ticamības intervāls (72,0–84,0 %) ir ārpus mērķa');
    expect(lv).not.toContain('n =');
    const gap: AlertRaised = { ...unknown, rule_kind: 'equal_service_gap', alert_group: 'language:ru', baseline: 0.9 };
    expect(why(gap, csat, 'en')).toContain('against 90.0 % for everyone: the gap');
    expect(why({ ...gap, p_value: 0.0123 }, csat, 'en')).toContain('for everyone (p\u00a0=\u00a00.01): the gap');
    expect(why({ ...gap, n: 12000, p_value: 0.0123 }, csat, 'lv')).toContain('(p\u00a0=\u00a00,01, n = 12\u00a0000)');
  });

  it("write a tiny p-value as a bound, with the language's decimal sign", () => {
    const gap: AlertRaised = { ...raised, rule_kind: 'equal_service_gap', alert_group: 'language:ru', baseline: 0.9 };
    expect(why({ ...gap, p_value: 0 }, csat, 'en')).toContain('(p\u00a0<\u00a00.001, n = 40)');
    expect(why({ ...gap, p_value: 0.0042 }, csat, 'lv')).toContain('(p\u00a0=\u00a00,004, n = 40)');
    expect(why({ ...gap, p_value: 0.0123 }, csat, 'lv')).toContain('(p\u00a0=\u00a00,01, n = 40)');
  });

  describe('the HTML alternative part', () => {
    /** The HTML's text as a reader sees it: tags dropped, the entities escape-html writes read back. */
    const shown = (html: string) =>
      html
        .replace(/<style>[^<]*<\/style>/, '')
        .replace(/<\/?span[^>]*>/g, '') // inline: no word break
        .replace(/<[^>]+>/g, ' ')
        .replace(
          /&(amp|lt|gt|quot|#39);/g,
          (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
        )
        .replace(/[ \t\r\n]+/g, ' '); // not \s: the figures' no-break spaces stay

    it('says what the text says: the headline with figure and target, the interval, office, period, why and link', () => {
      const { text, html } = composeMessage(raised, csat, 'lv');
      const words = shown(html);
      expect(words).toContain('CSAT 78,1 % (mērķis ≥ 85,0 %)');
      for (const piece of ['78,1 %', '72,0–84,0 %', '85,0 %', 'Cēsu reģionālā nodaļa', '04.11.2026 – 01.12.2026']) {
        expect(text).toContain(piece);
        expect(words).toContain(piece);
      }
      expect(words).toContain('Viss 95 % ticamības intervāls (72,0–84,0 %, n = 40) ir ārpus mērķa');
      // When it fired, in Riga's time as the dashboard writes it (08:00 UTC is 10:00 in Riga in December).
      expect(words).toContain('Izsaukts 01.12.2026\u00a010:00');
      // The button is the text's link, the ampersands escaped in the attribute.
      expect(html).toContain(`href="${raised.link.replaceAll('&', '&amp;')}"`);
      expect(html).toMatch(/<a href="[^"]+"[^>]*>Atvērt paneli<\/a>/);
      expect(html).toContain('<html lang="lv">');
      // Regression: on a phone the headline wrapped between "85,0" and "%)"; a figure keeps its unit on its line.
      expect(html).toMatch(
        /<h1[^>]*>CSAT <span style="white-space:nowrap">78,1 %<\/span> \(mērķis <span style="white-space:nowrap">≥ 85,0 %<\/span>\)<\/h1>/,
      );
    });

    it('marks a reminder and says when it was sent again, in English', () => {
      const { html } = composeMessage({ ...raised, type: 'alert.renotified' }, csat, 'en');
      expect(shown(html)).toContain('Warning (reminder)');
      expect(shown(html)).toContain('Reminded 01/12/2026\u00a010:00');
      expect(shown(html)).toContain('Open the dashboard');
    });

    it('escapes every value it inserts: a label or link with markup stays text', () => {
      const hostile: MetricInfo = { ...csat, label: { lv: '<b>x</b> & "y"', en: '<b>x</b> & "y"' } };
      const { html } = composeMessage(
        { ...raised, link: 'http://127.0.0.1:8080/#/offices?a=1&b="><script>' },
        hostile,
        'en',
      );
      expect(html).not.toContain('<b>x</b>');
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;');
      expect(shown(html)).toContain('<b>x</b> & "y"');
    });

    it('names the group of an equal-service alert, and the list of a deadline alert in its headline', () => {
      const gap: AlertRaised = { ...raised, rule_kind: 'equal_service_gap', alert_group: 'language:ru', baseline: 0.9 };
      const words = shown(composeMessage(gap, csat, 'en').html);
      expect(words).toMatch(/Group [^ ]/);
      const overdue: AlertRaised = {
        ...raised,
        rule_kind: 'deadline',
        alert_group: 'overdue',
        value: 3,
        severity: 'critical',
      };
      const html = composeMessage(overdue, undefined, 'lv').html;
      expect(shown(html)).toContain('3 nokavētas sūdzības');
      expect(html).toContain('#a00000'); // critical is drawn red, a warning amber
    });
  });
});
