import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRejectedLakeRow } from './lake.rows.ts';
import { redactReasonMessage, redactReasons, redactRejectedPayload } from './rejected.redact.ts';
import { toRejectedEvent, type RejectionReason } from './rejected.ts';
import { validateEvent } from './validate.ts';

const now = new Date('2026-03-02T10:00:00Z');
const meta = { partition: 0, offset: '1', ingestedAt: now.toISOString() };

/** Personal data the hostile payloads carry; none of it may appear in a lake row. */
const PERSONAL = ['janis.berzins@example.lv', 'anna@example.com', '29123456', '010190-10007', '32012345678'];
const NAMES = ['Jānis', 'Bērziņš', 'Anna Ozola'];

const survey = {
  event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
  type: 'survey.submitted',
  schema_version: 1,
  occurred_at: '2026-03-02T11:00:00+02:00',
  source: 'survey-kiosk',
  channel: 'in_person',
  office_id: 'riga-valnu-30',
  survey_id: 'S-2026-0001',
  satisfaction: 4,
};

/** The lake row of a payload as the edge would reject it (validated, then turned into a rejected message). */
function rowOfParsed(payload: unknown): Record<string, unknown> {
  const result = validateEvent(payload, { now, maxSkewMs: 60_000, horizonDays: 30 });
  expect(result.ok).toBe(false);
  const reasons = result.ok ? [] : result.issues;
  return toRejectedLakeRow(toRejectedEvent({ parsed: payload }, reasons, { receivedAt: now, source: 'dev-all' }), meta);
}

function rowOfText(text: string, reasons: RejectionReason[]): Record<string, unknown> {
  return toRejectedLakeRow(toRejectedEvent({ text }, reasons, { receivedAt: now, source: 'dev-all' }), meta);
}

function expectNoPersonalData(row: Record<string, unknown>): void {
  const text = JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  for (const value of [...PERSONAL, ...NAMES]) expect(text).not.toContain(value);
}

function ndjsonReason(line: string): RejectionReason {
  try {
    JSON.parse(line);
  } catch (error) {
    return { path: '', message: `line 1: not valid JSON (${(error as Error).message})` };
  }
  throw new Error('the line parsed');
}

describe('rejected rows in the lake hold no personal data (regression: raw and reasons kept them verbatim)', () => {
  it('an unknown field named with an e-mail or a name: the name becomes a placeholder, in raw and in reasons', () => {
    const row = rowOfParsed({ ...survey, 'janis.berzins@example.lv': 'yes', 'Jānis Bērziņš': 1 });
    expectNoPersonalData(row);
    expect(JSON.parse(String(row.raw))).toMatchObject({
      satisfaction: 4,
      '[unknown field 1]': '[string: 3 chars]',
      '[unknown field 2]': 1,
    });
    expect(JSON.parse(String(row.reasons))).toEqual([
      { path: '[unknown field 1]', message: 'unknown field "…"' },
      { path: '[unknown field 2]', message: 'unknown field "…"' },
    ]);
  });

  it('a number field holding a phone number is described by its digit count', () => {
    const row = rowOfParsed({ ...survey, satisfaction: 29123456 });
    expectNoPersonalData(row);
    expect(JSON.parse(String(row.raw))).toMatchObject({ satisfaction: '[number: 8 digits]' });
    expect(JSON.parse(String(row.reasons))).toEqual([
      { path: 'satisfaction', message: 'expected an integer from 1 to 5' },
    ]);
  });

  it('an over-long comment is described by its length; a valid one is scrubbed like an accepted event', () => {
    const long = `${'Jānis Bērziņš, janis.berzins@example.lv, 29123456. '.repeat(60)}`;
    const row = rowOfParsed({ ...survey, comment: long });
    expectNoPersonalData(row);
    expect(JSON.parse(String(row.raw))).toMatchObject({ comment: `[string: ${[...long].length} chars]` });
    const valid = rowOfParsed({ ...survey, satisfaction: 0, comment: 'Rakstiet anna@example.com vai 29123456' });
    expectNoPersonalData(valid);
    expect(JSON.parse(String(valid.raw))).toMatchObject({ comment: 'Rakstiet [EMAIL] vai [PHONE]' });
  });

  it('identifier fields with personal data are described, person references replaced', () => {
    const row = rowOfParsed({
      ...survey,
      survey_id: '010190-10007',
      source: 'anna@example.com',
      event_id: 'janis.berzins@example.lv',
      occurred_at: '32012345678',
      type: 'survey.submitted',
    });
    expectNoPersonalData(row);
    expect(row).toMatchObject({ event_id: null, occurred_at: null, source: 'dev-all', type: 'survey.submitted' });
    const complaint = rowOfParsed({
      ...survey,
      type: 'complaint.received',
      customer_ref: '010190-10007',
      staff_ref: 'Anna Ozola',
      complaint_id: 'c-1',
    });
    expectNoPersonalData(complaint);
    expect(JSON.parse(String(complaint.raw))).toMatchObject({
      customer_ref: '[PERSON_REF]',
      staff_ref: '[PERSON_REF]',
    });
  });

  it('a broken NDJSON line with a phone, an e-mail and a name: raw is its length, the parser message unquoted', () => {
    const line = '{"comment": "Jānis Bērziņš, 29123456, janis.berzins@example.lv"';
    const row = rowOfText(line, [ndjsonReason(line)]);
    expectNoPersonalData(row);
    expect(JSON.parse(String(row.raw))).toBe(`[unparsed text: ${[...line].length} chars]`);
    const broken = 'Jānis Bērziņš;29123456;janis.berzins@example.lv';
    expectNoPersonalData(rowOfText(broken, [ndjsonReason(broken)]));
  });

  it('a CSV row with the phone in a number column and the e-mail in an unknown column', () => {
    // CSV rows reach the pipeline as objects of their header's field names (values as text).
    const row = rowOfParsed({ ...survey, satisfaction: '29123456', 'e-pasts': 'anna@example.com' });
    expectNoPersonalData(row);
  });

  it('payloads that are not objects are described', () => {
    expect(redactRejectedPayload('"29123456"', 'json').raw).toBe('"[string: 8 chars]"');
    expect(redactRejectedPayload('[1,2]', 'json').raw).toBe('"[array: 2 items]"');
    expect(redactRejectedPayload('{"a":', 'json', true).raw).toBe('"[truncated payload: 5 chars]"');
  });

  it('property: e-mails, phones and personal codes as unknown names or values never reach the row', () => {
    const personal = fc.oneof(
      fc.emailAddress(),
      fc.stringMatching(/^2\d{7}$/),
      fc.stringMatching(/^32\d{9}$/),
      fc.stringMatching(/^[0-2]\d[01]\d{3}-[012]\d{4}$/),
    );
    fc.assert(
      fc.property(personal, personal, fc.constantFrom('satisfaction', 'survey_id', 'comment', 'x'), (k, v, field) => {
        // The one shape an id may share with personal data: eight digits (compact dates and hex slices in ids look
        // exactly like a Latvian phone number; see EntityId).
        fc.pre(!(field === 'survey_id' && /^\d{8}$/.test(v)));
        const row = rowOfParsed({ ...survey, [k]: v, [field]: field === 'comment' ? `${v} ${'a'.repeat(2001)}` : v });
        const text = JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? 0 : value));
        expect(text).not.toContain(k);
        expect(text).not.toContain(v);
      }),
      { numRuns: 300 },
    );
  });
});

describe('redactReasonMessage', () => {
  it('drops what was quoted and long digit runs, keeps the expectation', () => {
    expect(redactReasonMessage('unknown field "anna@example.com"')).toBe('unknown field "…"');
    expect(redactReasonMessage(`Unexpected token 'J', "Jānis Bērz"... is not valid JSON`)).toBe(
      `Unexpected token '…', "…"... is not valid JSON`,
    );
    expect(redactReasonMessage('value 29123456 is not allowed')).toBe('value [digits] is not allowed');
    expect(redactReasonMessage('expected an integer from 1 to 5')).toBe('expected an integer from 1 to 5');
  });

  it('collapses an unknown name with dots in it into one placeholder', () => {
    expect(redactReasons([{ path: 'anna.ozola@example.com', message: 'unknown field' }], new Map())).toEqual([
      { path: '[unknown field]', message: 'unknown field' },
    ]);
  });
});
