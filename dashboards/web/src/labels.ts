/**
 * Names of reference values (offices, service languages, complaint categories and outcomes, channels) as in
 * @servq/contracts' reference data. The API answers with ids only; unknown ids are shown as they are, so new
 * reference values never break the page.
 */
import type { Lang, Localised } from './api.types.ts';

export const OFFICE_IDS = ['riga-valnu-30', 'cesis', 'daugavpils', 'liepaja'] as const;

const offices: Record<string, Localised> = {
  'riga-valnu-30': { lv: 'Rīga, Vaļņu 30', en: 'Riga, Vaļņu 30' },
  cesis: { lv: 'Cēsis', en: 'Cēsis' },
  daugavpils: { lv: 'Daugavpils', en: 'Daugavpils' },
  liepaja: { lv: 'Liepāja', en: 'Liepāja' },
};

const languages: Record<string, Localised> = {
  lv: { lv: 'latviešu', en: 'Latvian' },
  ru: { lv: 'krievu', en: 'Russian' },
  en: { lv: 'angļu', en: 'English' },
  other: { lv: 'cita', en: 'other' },
};

const categories: Record<string, Localised> = {
  staff_conduct: { lv: 'Darbinieku rīcība', en: 'Staff conduct' },
  waiting: { lv: 'Gaidīšanas laiks', en: 'Waiting' },
  refusal: { lv: 'Atteikums sniegt pakalpojumu', en: 'Refusal of a service' },
  information: { lv: 'Informācija', en: 'Information' },
  e_service: { lv: 'E-pakalpojumi', en: 'E-services' },
  language: { lv: 'Apkalpošanas valoda', en: 'Service language' },
  accessibility: { lv: 'Pieejamība, īpašas vajadzības', en: 'Accessibility, special needs' },
  confidentiality: { lv: 'Konfidencialitāte', en: 'Confidentiality' },
  other: { lv: 'Cits', en: 'Other' },
};

const outcomes: Record<string, Localised> = {
  upheld: { lv: 'atzīta par pamatotu', en: 'upheld' },
  partially_upheld: { lv: 'daļēji pamatota', en: 'partially upheld' },
  not_upheld: { lv: 'nepamatota', en: 'not upheld' },
  explained: { lv: 'sniegts skaidrojums', en: 'explained' },
  withdrawn: { lv: 'atsaukta', en: 'withdrawn' },
  served: { lv: 'apkalpots', en: 'served' },
  refused: { lv: 'atteikts', en: 'refused' },
  redirected: { lv: 'pāradresēts', en: 'redirected' },
};

const channels: Record<string, Localised> = {
  in_person: { lv: 'klātienē', en: 'in person' },
  e_services_portal: { lv: 'e.atd.lv', en: 'e.atd.lv' },
  latvija_lv: { lv: 'latvija.lv', en: 'latvija.lv' },
  post: { lv: 'pa pastu', en: 'by post' },
  email: { lv: 'e-pasts', en: 'e-mail' },
  email_esignature: { lv: 'e-pasts ar e-parakstu', en: 'signed e-mail' },
  e_address: { lv: 'e-adrese', en: 'e-address' },
  phone: { lv: 'tālrunis', en: 'phone' },
  facebook: { lv: 'Facebook', en: 'Facebook' },
  x_twitter: { lv: 'X (Twitter)', en: 'X (Twitter)' },
};

const byDimension: Record<string, Record<string, Localised>> = {
  office: offices,
  language: languages,
  category: categories,
  outcome: outcomes,
  channel: channels,
};

/** The name of a dimension value; `null` (not recorded) gets a word of its own. */
export function valueLabel(dimension: string, id: string | null, lang: Lang): string {
  if (id === null) return lang === 'lv' ? 'nav norādīts' : 'not recorded';
  return byDimension[dimension]?.[id]?.[lang] ?? id;
}

export function officeLabel(id: string | null, lang: Lang): string {
  return valueLabel('office', id, lang);
}
