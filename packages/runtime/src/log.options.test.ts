import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { censorLogLine, redactSecrets, REDACTED, serviceLogOptions } from './log.options.ts';

/** A stand-in for the contracts' scrubber: e-mails and one phone form, enough to see it is applied. */
const scrubText = (text: string) => text.replace(/[\w.]+@[\w.]+\.lv/g, '[EMAIL]').replace(/\b2\d{7}\b/g, '[PHONE]');

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('redactSecrets', () => {
  it('censors secret query parameters and keeps the others', () => {
    expect(redactSecrets('/v1/events?api_key=s3cr3t&office=cesis&token=abc&key=k1&X-Amz-Signature=f00')).toBe(
      `/v1/events?api_key=${REDACTED}&office=cesis&token=${REDACTED}&key=${REDACTED}&X-Amz-Signature=${REDACTED}`,
    );
    expect(redactSecrets('Route GET:/v1/x?metrics=csat&apiKey=s3cr3t not found')).toBe(
      `Route GET:/v1/x?metrics=csat&apiKey=${REDACTED} not found`,
    );
    expect(redactSecrets('/v1/query?monkey=1&keyboard=2')).toBe('/v1/query?monkey=1&keyboard=2');
  });

  it('censors bearer and basic credentials written in text', () => {
    expect(redactSecrets('sent Authorization: Bearer servq-dev-survey-key then')).toBe(
      `sent Authorization: Bearer ${REDACTED} then`,
    );
    expect(redactSecrets('basic dXNlcjpwYXNz')).toBe(`basic ${REDACTED}`);
  });
});

describe('censorLogLine', () => {
  it('keeps a line with nothing to censor byte for byte, large integers included', () => {
    const line = '{"level":30,"offset":12345678901234567890,"msg":"flushed"}\n';
    expect(censorLogLine(line, scrubText)).toBe(line);
  });

  it('scrubs personal data and credential-named fields at any depth, leaving numbers alone', () => {
    const line = `${JSON.stringify({
      level: 50,
      phone: 29123456,
      err: { message: 'duplicate anna@example.lv', config: { secretAccessKey: 'abc', api_key: 'k' } },
      list: ['call 29123456'],
      key: 'lake/visit_events/day=2026-03-01/part-0.parquet',
    })}\n`;
    expect(JSON.parse(censorLogLine(line, scrubText))).toEqual({
      level: 50,
      phone: 29123456,
      err: { message: 'duplicate [EMAIL]', config: { secretAccessKey: REDACTED, api_key: REDACTED } },
      list: ['call [PHONE]'],
      key: 'lake/visit_events/day=2026-03-01/part-0.parquet',
    });
  });
});

describe('serviceLogOptions', () => {
  it('logs a request without its authorization header, cookie or secret parameters', () => {
    const { lines, stream } = capture();
    const logger = pino(serviceLogOptions({ service: 'test', level: 'info', scrubText }), stream);
    logger.info(
      {
        req: {
          method: 'GET',
          url: '/v1/query?api_key=s3cr3t&metrics=csat',
          headers: { authorization: 'Bearer t0k3n', cookie: 'sid=c00k1e' },
        },
        headers: { authorization: 'Bearer t0k3n' },
      },
      'incoming request from anna@example.lv',
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      service: 'test',
      req: { method: 'GET', url: `/v1/query?api_key=${REDACTED}&metrics=csat` },
      headers: { authorization: REDACTED },
      msg: 'incoming request from [EMAIL]',
    });
    expect(lines[0]).not.toMatch(/s3cr3t|t0k3n|c00k1e|anna@/);
  });

  it('censors a secret parameter written with percent-escapes, and personal data in an escaped URL', () => {
    const { lines, stream } = capture();
    const logger = pino(serviceLogOptions({ service: 'test', level: 'info', scrubText }), stream);
    logger.info({ req: { method: 'GET', url: '/v1/x?api%5Fkey=s3cr3t&q=anna%40example.lv+29123456' } }, 'x');
    const entry = JSON.parse(lines[0]!) as { req: { url: string } };
    expect(entry.req.url).toBe(`/v1/x?api_key=${REDACTED}&q=[EMAIL] [PHONE]`);
  });
});
