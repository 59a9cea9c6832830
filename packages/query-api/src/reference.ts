/**
 * GET /v1/reference: the names of the reference values that answers carry as ids (offices, channels, services,
 * service languages, complaint categories and outcomes, visit outcomes, refusal reasons), in Latvian and
 * English, so clients show names without keeping a copy of the reference data; and the open complaints' age
 * bands with which of them lie past the legal deadline, so no client keeps its own copy of where it falls.
 */
import { z } from 'zod';
import { Localised } from './answers.ts';

export const ReferenceValue = z.strictObject({
  id: z.string(),
  name: Localised,
  short: Localised.optional().describe('a short name for tight places such as a chart legend on a phone (offices)'),
});
export type ReferenceValue = z.infer<typeof ReferenceValue>;

export const AgeBand = z.strictObject({
  id: z.string().describe('the value of the complaints dimension `open_age_band`, e.g. 11-20 or 21+'),
  from: z.number().int().describe('youngest age in the band, in working days since receipt'),
  to: z.number().int().nullable().describe('oldest age in the band (inclusive); null for the open-ended last band'),
  pastLegalDeadline: z
    .boolean()
    .describe('every complaint in the band is older than the legal answer deadline (unless it was extended)'),
});
export type AgeBand = z.infer<typeof AgeBand>;

export const ReferenceAnswer = z.strictObject({
  offices: z.array(ReferenceValue).describe('customer-service offices, in the order ATD lists them'),
  noOffice: Localised.describe(
    'the name of records with no office (office null: complaints not yet assigned to one); not an office, and not the whole agency',
  ),
  noOfficeFilter: z
    .string()
    .describe(
      'the office filter value that selects the records with no office (filter.office=…, the dashboard’s office=…); ' +
        'it applies where the office dimension’s missingIn (GET /v1/metrics) names every model asked for',
    ),
  channels: z.array(ReferenceValue),
  services: z.array(ReferenceValue).describe('the catalogue of ATD services'),
  languages: z.array(ReferenceValue).describe('service languages'),
  categories: z.array(ReferenceValue).describe('complaint categories'),
  outcomes: z.array(ReferenceValue).describe('complaint outcomes and visit outcomes'),
  refusalReasons: z.array(ReferenceValue),
  arrivals: z.array(ReferenceValue).describe('appointment or walk-in (the visits dimension `arrival`)'),
  legalRules: z
    .array(ReferenceValue)
    .describe('the Law on Submissions rules by date of receipt (the complaints dimension `legal_rule`)'),
  ageBands: z
    .array(AgeBand)
    .describe('the bands of the complaints dimension `open_age_band`, youngest first, against the rule in force'),
  officeHours: z
    .array(
      z.strictObject({
        office: z.string(),
        schedules: z.array(
          z.strictObject({
            effectiveFrom: z.string().describe('YYYY-MM-DD; the last schedule not after a day applies'),
            weekly: z
              .partialRecord(
                z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
                z.array(z.strictObject({ open: z.string(), close: z.string() })),
              )
              .describe('opening intervals per weekday on the Riga wall clock (HH:MM, close exclusive); none = closed'),
            note: z.string().optional(),
          }),
        ),
      }),
    )
    .describe('working hours per office (public holidays close every office)'),
  movedWorkingDays: z
    .array(
      z.strictObject({
        dayOff: z.string().describe('YYYY-MM-DD: the weekday that becomes a day off'),
        workedOn: z.string().describe('YYYY-MM-DD: the Saturday worked instead, with the hours of `dayOff`'),
        source: z.string().describe('the Cabinet order'),
      }),
    )
    .describe('the Cabinet’s moved working days (Labour Law, Section 133(4)), which every office follows'),
});
export type ReferenceAnswer = z.infer<typeof ReferenceAnswer>;
