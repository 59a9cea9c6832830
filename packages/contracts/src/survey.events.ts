/**
 * A submitted customer survey, linked to a visit or an e-service case where known. Scores use the standard's
 * own dimensions. An unanswered question is absent, never 0, so averages count only real answers.
 */
import { z } from 'zod';
import { EntityId, envelope, FreeText, scale } from './envelope.ts';
import { code } from './field-kinds.ts';
import { ServiceLanguageId } from './reference/languages.ts';
import { OfficeId } from './reference/offices.ts';
import { ServiceId } from './reference/services.ts';

export const SurveySubmitted = z.strictObject({
  ...envelope('survey.submitted'),
  office_id: code(OfficeId).optional(),
  survey_id: EntityId,
  visit_id: EntityId.optional(),
  case_id: EntityId.optional(),
  service_id: code(ServiceId).optional(),
  /** Overall satisfaction. */
  satisfaction: scale(1, 5),
  competence: scale(1, 5).optional(),
  courtesy: scale(1, 5).optional(),
  speed: scale(1, 5).optional(),
  /** Clarity of the information given. */
  clarity: scale(1, 5).optional(),
  /** Staff identifiable by a name card. */
  identifiable: scale(1, 5).optional(),
  /** Likelihood to recommend, 0–10. */
  recommend: scale(0, 10).optional(),
  service_language: code(ServiceLanguageId).optional(),
  comment: FreeText.optional(),
});
export type SurveySubmitted = z.infer<typeof SurveySubmitted>;

/** The score questions of a survey, in questionnaire order. */
export const SURVEY_SCORES = [
  'satisfaction',
  'competence',
  'courtesy',
  'speed',
  'clarity',
  'identifiable',
  'recommend',
] as const satisfies readonly (keyof SurveySubmitted)[];

export const SURVEY_EVENT_SCHEMAS = [SurveySubmitted] as const;
export type SurveyEvent = SurveySubmitted;

/** The standard's service dimensions a survey scores besides overall satisfaction, with their names. */
export const SURVEY_DRIVERS = {
  competence: { lv: 'Darbinieku kompetence', en: 'Staff competence' },
  courtesy: { lv: 'Pieklājība', en: 'Courtesy' },
  speed: { lv: 'Ātrums', en: 'Speed' },
  clarity: { lv: 'Informācijas skaidrība', en: 'Clarity of information' },
  identifiable: { lv: 'Darbinieks identificējams', en: 'Staff identifiable' },
} as const satisfies Partial<Record<(typeof SURVEY_SCORES)[number], { lv: string; en: string }>>;
export type SurveyDriver = keyof typeof SURVEY_DRIVERS;
