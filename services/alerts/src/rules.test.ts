import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAlertsError } from './errors.ts';
import { parseRules } from './rules.ts';

function problemsOf(text: string): { parameter: string; expected: string }[] {
  try {
    parseRules(text, 'test.rules.json');
  } catch (error) {
    if (isAlertsError(error)) return error.details;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}

describe('rules file', () => {
  it('accepts the default ATD rules shipped in the repo', () => {
    const file = parseRules(readFileSync(new URL('../rules/atd.rules.json', import.meta.url), 'utf8'), 'atd');
    expect(file.rules.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['outside_target', 'change', 'equal_service_gap', 'deadline']),
    );
    expect(file.subscribers.find((s) => s.id === 'head-cesis')?.offices).toEqual(['cesis']);
  });

  it('reports every problem of a bad file at once, each naming where it is', () => {
    const problems = problemsOf(
      JSON.stringify({
        version: 1,
        rules: [
          { id: 'a', kind: 'outside_target', metric: 'csat_typo' },
          { id: 'a', kind: 'deadline', within_working_days: -1 },
          { id: 'b', kind: 'sometimes' },
          { id: 'c', kind: 'change', metric: 'csat', against: 'yesterday', offices: ['tallinn'] },
        ],
        subscribers: [{ id: 's', rules: ['nope'] }],
      }),
    );
    const where = problems.map((p) => p.parameter);
    expect(where).toEqual(
      expect.arrayContaining([
        'rules[1].within_working_days',
        'rules[2].kind',
        'rules[3].against',
        'rules[3].offices[0]',
        'subscribers[0].email',
        'rules[0].metric',
        'rules[1].id',
        'subscribers[0].rules[0]',
      ]),
    );
    const cross = problemsOf(
      JSON.stringify({
        version: 1,
        rules: [
          { id: 'a', kind: 'outside_target', metric: 'csat_typo' },
          { id: 'a', kind: 'deadline', within_working_days: 1 },
        ],
        subscribers: [{ id: 's', email: 'a@b.lv', rules: ['nope'] }],
      }),
    );
    expect(cross).toEqual([
      {
        parameter: 'rules[0].metric',
        expected: expect.stringContaining('"csat_typo" is not a catalogue metric') as unknown,
      },
      { parameter: 'rules[1].id', expected: '"a" is used by another rule' },
      { parameter: 'subscribers[0].rules[0]', expected: 'no rule "nope"' },
    ]);
  });

  it('refuses an equal-service gap by booking channel, which would compare appointments with walk-ins', () => {
    const rules = (by: string) =>
      JSON.stringify({
        version: 1,
        rules: [{ id: 'gap', kind: 'equal_service_gap', metric: 'csat', by }],
        subscribers: [],
      });
    expect(problemsOf(rules('channel'))).toEqual([
      {
        parameter: 'rules[0].by',
        expected: expect.stringContaining('expected language or service_channel') as unknown,
      },
    ]);
    expect(parseRules(rules('service_channel'), 'test.rules.json').rules[0]).toMatchObject({ by: 'service_channel' });
  });

  it('says what is wrong with text that is not JSON', () => {
    expect(problemsOf('{ rules: ')[0]).toMatchObject({
      parameter: '(file)',
      expected: expect.stringMatching(/^not JSON/) as unknown,
    });
  });
});
