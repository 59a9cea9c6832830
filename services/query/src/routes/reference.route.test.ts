import { OFFICE_IDS, REFUSAL_REASON_IDS, SERVICE_IDS } from '@servq/contracts';
import { ReferenceAnswer } from '@servq/query-api';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from './auth.ts';
import { errorBody, toQueryError } from '../errors.ts';
import { testTokens } from '../fixtures.ts';
import { installDocs } from './openapi.ts';
import { registerReference } from './reference.route.ts';

describe('GET /v1/reference', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    await installDocs(app);
    app.setErrorHandler(async (error, _request, reply) => {
      const queryError = toQueryError(error);
      return reply.status(queryError.statusCode).send(errorBody(queryError));
    });
    registerReference(app, (request) => authenticate(testTokens, request.headers.authorization));
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('names every office, service and refusal reason of the contracts in Latvian and English', async () => {
    const response = await app.inject({ url: '/v1/reference', headers: { authorization: 'Bearer cesis-token' } });
    expect(response.statusCode).toBe(200);
    const body = ReferenceAnswer.parse(response.json());
    expect(body.offices.map((o) => o.id)).toEqual([...OFFICE_IDS]);
    expect(body.services.map((s) => s.id)).toEqual([...SERVICE_IDS]);
    expect(body.refusalReasons.map((r) => r.id)).toEqual([...REFUSAL_REASON_IDS]);
    expect(body.languages.find((l) => l.id === 'ru')?.name).toEqual({ lv: 'Krievu', en: 'Russian' });
    expect(body.outcomes.find((o) => o.id === 'not_upheld')?.name.en).toBe('Not upheld');
  });

  // Regression: the dashboard showed "other", "e-mail", "explained" beside categories' "Waiting"; every name is
  // a display label that stands on its own, so every list writes it with a capital (or a number) in both languages.
  it('writes every name as a display label starting with a capital or a digit, in Latvian and English', async () => {
    const response = await app.inject({ url: '/v1/reference', headers: { authorization: 'Bearer cesis-token' } });
    const body = ReferenceAnswer.parse(response.json());
    const lists = {
      offices: body.offices,
      channels: body.channels,
      services: body.services,
      languages: body.languages,
      categories: body.categories,
      outcomes: body.outcomes,
      refusalReasons: body.refusalReasons,
      arrivals: body.arrivals,
      legalRules: body.legalRules,
      noOffice: [{ id: 'no-office', name: body.noOffice }],
    };
    const lowercase = Object.entries(lists).flatMap(([list, values]) =>
      values.flatMap((v) =>
        (['lv', 'en'] as const)
          .filter((lang) => !/^[\p{Lu}\p{N}]/u.test(v.name[lang]))
          .map((lang) => `${list}.${v.id}.${lang}: ${v.name[lang]}`),
      ),
    );
    expect(lowercase).toEqual([]);
    expect(lists.channels.find((c) => c.id === 'email')?.name).toEqual({ lv: 'E-pasts', en: 'E-mail' });
    expect(lists.languages.find((l) => l.id === 'other')?.name).toEqual({ lv: 'Cita', en: 'Other' });
  });

  it("serves the open complaints' age bands youngest first, with those past the legal deadline marked", async () => {
    const response = await app.inject({ url: '/v1/reference', headers: { authorization: 'Bearer cesis-token' } });
    const body = ReferenceAnswer.parse(response.json());
    expect(body.ageBands.map((b) => [b.id, b.pastLegalDeadline])).toEqual([
      ['0-5', false],
      ['6-10', false],
      ['11-20', true],
      ['21+', true],
    ]);
  });

  it('gives every office a short name, shorter than its full name, for a chart legend on a phone', async () => {
    const response = await app.inject({ url: '/v1/reference', headers: { authorization: 'Bearer cesis-token' } });
    const body = ReferenceAnswer.parse(response.json());
    for (const office of body.offices)
      for (const lang of ['lv', 'en'] as const)
        expect({
          office: office.id,
          lang,
          shorter: (office.short?.[lang].length ?? 99) < office.name[lang].length,
        }).toEqual({ office: office.id, lang, shorter: true });
    expect(body.offices.find((o) => o.id === 'liepaja')?.short).toEqual({ lv: 'Liepāja', en: 'Liepāja' });
    // Values without a short name carry none (their names are short already).
    expect(body.channels.every((c) => c.short === undefined)).toBe(true);
  });

  it('gives each office its working hours and names appointments and walk-ins', async () => {
    const response = await app.inject({ url: '/v1/reference', headers: { authorization: 'Bearer cesis-token' } });
    const body = ReferenceAnswer.parse(response.json());
    expect(body.officeHours.map((o) => o.office)).toEqual([...OFFICE_IDS]);
    const riga = body.officeHours.find((o) => o.office === 'riga-valnu-30');
    expect(riga?.schedules[0]?.weekly.mon).toEqual([{ open: '08:30', close: '16:30' }]);
    expect(riga?.schedules[0]?.weekly.sat).toBeUndefined();
    expect(body.arrivals.map((a) => a.id).sort()).toEqual(['appointment', 'walk_in']);
  });

  it("lists the Cabinet's moved working days, so a worked Saturday can be framed with the hours it keeps", async () => {
    const response = await app.inject({ url: '/v1/reference', headers: { authorization: 'Bearer cesis-token' } });
    const body = ReferenceAnswer.parse(response.json());
    expect(body.movedWorkingDays).toContainEqual(
      expect.objectContaining({ dayOff: '2026-01-02', workedOn: '2026-01-17' }),
    );
  });

  it('refuses a request without a token', async () => {
    const response = await app.inject('/v1/reference');
    expect(response.statusCode).toBe(401);
  });

  it('is listed in the OpenAPI document with its answer schema', async () => {
    const doc = (await app.inject('/docs/json')).json<{ paths: Record<string, { get?: { responses: object } }> }>();
    expect(doc.paths['/v1/reference']?.get?.responses).toHaveProperty('200');
  });
});
