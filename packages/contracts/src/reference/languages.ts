/** The languages a service is given in. The standard promises equal service in each; Latvian is the state language. */
import { z } from 'zod';
export const SERVICE_LANGUAGE_IDS = ['lv', 'ru', 'en', 'other'] as const;
export const ServiceLanguageId = z.enum(SERVICE_LANGUAGE_IDS);
export type ServiceLanguageId = z.infer<typeof ServiceLanguageId>;

export interface ServiceLanguageInfo {
  id: ServiceLanguageId;
  name: { lv: string; en: string };
  /** The state language (Valsts valodas likums); every other language is served "where possible". */
  stateLanguage: boolean;
}

export const ServiceLanguages: Record<ServiceLanguageId, ServiceLanguageInfo> = {
  lv: { id: 'lv', name: { lv: 'Latviešu', en: 'Latvian' }, stateLanguage: true },
  ru: { id: 'ru', name: { lv: 'Krievu', en: 'Russian' }, stateLanguage: false },
  en: { id: 'en', name: { lv: 'Angļu', en: 'English' }, stateLanguage: false },
  other: { id: 'other', name: { lv: 'Cita', en: 'Other' }, stateLanguage: false },
};
